"""Write the stacked layouts' golden files afresh: run it, then read the diff before committing.

.venv/bin/python tests/render/regenerate_golden.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

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


if __name__ == "__main__":
    main()
