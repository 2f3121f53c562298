"""Run as ``python -m compactscore``."""

from compactscore.launch import main

main()
