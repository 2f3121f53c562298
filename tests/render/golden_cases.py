"""The stacked layouts kept as golden files: which command, where, at which width.

Shared by test_stacked_golden.py, which compares, and regenerate_golden.py, which
writes the files: the test never rewrites them.
"""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner

from compactscore.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
GOLDEN = Path(__file__).parent / "golden"
LONG = "longham"  # the 18-period repository of conftest.py, made afresh

# name, folder (under examples, or LONG), arguments, width
CASES: list[tuple[str, str, list[str], int]] = [
    ("gaps_riverton_60", "riverton", ["gaps"], 60),
    ("gaps_kingsbridge_80", "kingsbridge", ["gaps"], 80),
    ("score_eastmoor_60", "eastmoor", ["score"], 60),
    ("compare_three_60", ".", ["compare", "riverton", "eastmoor", "kingsbridge"], 60),
    ("trend_longham_60", LONG, ["trend"], 60),
    ("history_longham_60", LONG, ["history", "scores/2025-26.csv"], 60),
]


def render(folder: str, args: list[str], width: int, long_history: Path) -> str:
    """A command's table output at this width, colour off, from its folder."""
    where = long_history if folder == LONG else EXAMPLES / folder
    before = Path.cwd()
    os.chdir(where)
    try:
        result = CliRunner().invoke(app, args, env={"COLUMNS": str(width), "NO_COLOR": "1"})
    finally:
        os.chdir(before)
    assert result.exit_code == 0, result.output
    return result.stdout
