"""Write the stacked layouts' golden files afresh: run it, then read the diff before committing.

.venv/bin/python tests/render/regenerate_golden.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[2]))  # the project, for tests.conftest

from golden_cases import CASES, GOLDEN, render

from conftest import make_long_history


def main() -> None:
    """Render every case and store it under golden/."""
    with tempfile.TemporaryDirectory() as folder:
        long_history = make_long_history(Path(folder) / "longham")
        for name, where, args, width in CASES:
            path = GOLDEN / f"{name}.txt"
            path.write_text(render(where, args, width, long_history), encoding="utf-8")
            print(f"wrote {path}")
        # The boxed tables of test_trend_gaps_cli.py, at the cli fixture's 100 columns.
        tables = Path(__file__).parents[1] / "commands" / "golden"
        for command in ("trend", "gaps"):
            path = tables / f"{command}_riverton.txt"
            path.write_text(render("riverton", [command], 100, long_history), encoding="utf-8")
            print(f"wrote {path}")


if __name__ == "__main__":
    main()
