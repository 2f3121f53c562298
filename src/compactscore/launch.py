"""The console script's entry point: ``--version`` answered before the command line loads.

Everything else goes to ``compactscore.cli.main``, which imports typer and builds
the commands: about 80 ms that printing the version does not need.
"""

from __future__ import annotations

import gc
import sys

from compactscore import __version__


def main() -> None:
    """Run compactscore as its console script."""
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"compactscore {__version__}\n")
        sys.stdout.flush()
        return
    # Starting up makes tens of thousands of objects (typer, the commands' options)
    # and frees almost none, so the collector's dozens of passes meanwhile find
    # nothing (about 5 ms). It is on again once the command line is read, before a
    # command's own work: compactscore.cli's callback switches it back on.
    gc.disable()
    from compactscore.cli import main as run

    run()
