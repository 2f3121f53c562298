"""Which files are score sheets, told by their names: CSV files and workbooks.

Apart from ``load/workbook.py``, so that finding and sizing sheets does not load
what reading a workbook needs.
"""

from __future__ import annotations

from compactscore.load.text import MAX_BYTES

WORKBOOK_ENDINGS = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
SHEET_ENDINGS = (".csv", *WORKBOOK_ENDINGS)
# A workbook is compressed: what it holds may be several times its size on disk.
MAX_WORKBOOK_BYTES = MAX_BYTES * 5


def is_workbook(name: str) -> bool:
    """Whether a file name is a workbook's (by its ending)."""
    return name.lower().endswith(WORKBOOK_ENDINGS)


def is_sheet(name: str) -> bool:
    """Whether a file name is a score sheet's: a CSV file or a workbook."""
    return name.lower().endswith(SHEET_ENDINGS)
