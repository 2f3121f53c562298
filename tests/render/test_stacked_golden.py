"""The stacked layout, one block per row, against golden files (regenerate_golden.py writes them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from golden_cases import CASES, GOLDEN, render


@pytest.mark.parametrize(("name", "folder", "args", "width"), CASES, ids=[c[0] for c in CASES])
def test_the_layout_is_the_golden_one(
    name: str, folder: str, args: list[str], width: int, long_history: Path
) -> None:
    expected = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    assert render(folder, args, width, long_history) == expected
