"""Cells a spreadsheet would run as formulas: neutralised when written, restored when read.

A cell (or any line within a cell) that starts with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return is a formula to Excel and LibreOffice, so a CSV we
write puts a quote mark before it (OWASP's advice), and a sheet we read takes
that quote mark away again. The two are exact inverses: a line that already
starts with quote marks before such a character gets one more, so that a cell
read, written and read again is the same cell. A cell that is a plain number
("-1", "+3") is left alone so that it stays a number.
"""

from __future__ import annotations

import re

_RISKY = "=+\\-@\t\r"
# The start of the cell or of a line within it, before any quote marks and a risky character.
_TO_NEUTRALISE = re.compile(f"(^|(?<=[\r\n]))(?='*[{_RISKY}])")
# What a cell's first line must start with to be neutralised (the regex's first match).
_STARTS = frozenset("'" + _RISKY.replace("\\", ""))
_NEUTRALISED = re.compile(f"(^|(?<=[\r\n]))'(?='*[{_RISKY}])")


def neutralised(cell: str) -> str:
    """The cell with a quote mark before each line a spreadsheet would run as a formula."""
    if not cell or (cell[0] not in _STARTS and "\n" not in cell and "\r" not in cell):
        return cell  # one line, not starting as a formula would: nearly every cell
    if _is_number(cell):
        return cell
    return _TO_NEUTRALISE.sub("'", cell)


def unneutralised(cell: str) -> str:
    """The cell as it was before ``neutralised`` put quote marks in it."""
    # Only a quote mark starting the cell or a line within it can be one put there.
    if not cell.startswith("'") and "\n'" not in cell and "\r'" not in cell:
        return cell
    return _NEUTRALISED.sub("", cell)


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return cell.strip() == cell
