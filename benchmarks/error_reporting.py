"""How long bad inputs take to report: many unknown keys, a sheet with every row wrong.

Error reporting should grow with the input, not its square: 40,000 unknown keys in
a definition took 48 s when each key's line was found by scanning every key.

Run on its own: python benchmarks/error_reporting.py [KEYS] [ROWS]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFINITION = """\
id: mini
title: Mini scorecard
version: "1"
themes:
  - {id: all, title: Everything}
indicators:
  - {id: first, number: 1, title: First, statement: The first statement., theme: all}
"""


def timed(args: list[str], folder: Path) -> float:
    """Seconds a compactscore command takes, run as a user would."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "compactscore", *args], cwd=folder, capture_output=True, check=False
    )
    return time.perf_counter() - start


def main() -> None:
    keys = int(sys.argv[1]) if len(sys.argv) > 1 else 40_000
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 390_000
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        unknown = "".join(f"unknown_key_{i}: {i}\n" for i in range(keys))
        (folder / "keys.yaml").write_text(DEFINITION + unknown, encoding="utf-8")
        (folder / "2012-13.csv").write_text("indicator,score\n" + "99,x\n" * rows, encoding="utf-8")
        print(f"check, {keys:,} unknown keys: {timed(['check', 'keys.yaml'], folder):.1f} s")
        seconds = timed(["score", "--indicators", "keys.yaml", "2012-13.csv"], folder)
        print(f"score --indicators, {keys:,} unknown keys: {seconds:.1f} s")
        seconds = timed(["score", "2012-13.csv"], folder)
        print(f"score, a sheet of {rows:,} wrong rows: {seconds:.1f} s")


if __name__ == "__main__":
    main()
