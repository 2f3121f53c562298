"""Run as ``python -m compactscore``."""

from compactscore.cli import main

main()
