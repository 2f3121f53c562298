"""The console script's entry point: ``--version`` answered before the command line loads.

Everything else goes to ``compactscore.cli.main``, which imports typer and builds
the commands: about 80 ms that printing the version does not need.
"""

from __future__ import annotations

import sys

from compactscore import __version__


def main() -> None:
    """Run compactscore as its console script."""
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"compactscore {__version__}\n")
        sys.stdout.flush()
        return
    from compactscore.cli import main as run

    run()
