"""CSV text as every export and new sheet writes it: cells neutralised, line breaks quoted."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from compactscore.cells import neutralised


def csv_text(rows: Iterable[Sequence[str]], delimiter: str = ",") -> str:
    """Rows as CSV lines ending in LF, each cell neutralised against formulas.

    Python's writer quotes a cell only for the characters of its own line ending, so a
    lone carriage return (a title saved on an old Mac) would go out unquoted and end
    the row early in a spreadsheet. Each row is written with CRLF, which quotes any
    cell holding CR or LF, and then ends in LF alone.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    lines = []
    for row in rows:
        writer.writerow([neutralised(cell) for cell in row])
        lines.append(out.getvalue()[:-2] + "\n")
        out.seek(0)
        out.truncate()
    return "".join(lines)
