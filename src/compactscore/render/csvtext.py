"""CSV text as every export and new sheet writes it: cells neutralised, line breaks quoted."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence

from compactscore.cells import neutralised


def csv_text(rows: Iterable[Sequence[str]], delimiter: str = ",") -> str:
    """Rows as CSV lines ending in LF, each cell neutralised against formulas.

    Python's writer quotes a cell only for the characters of its own line ending, so a
    lone carriage return (a title saved on an old Mac) would go out unquoted and end
    the row early in a spreadsheet. Each row is written with CRLF, which quotes any
    cell holding CR or LF, and then ends in LF alone.
    """
    written: list[str] = []  # the writer writes each row whole, in one call
    writer = csv.writer(_Lines(written), delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([neutralised(cell) for cell in row] for row in rows)
    return "".join([line[:-2] + "\n" for line in written])


class _Lines:
    """A file for the CSV writer that keeps each row it writes."""

    def __init__(self, lines: list[str]) -> None:
        self.write = lines.append
