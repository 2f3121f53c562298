"""The text of a new score sheet: every indicator in force, scores empty."""

from __future__ import annotations

from collections.abc import Sequence

from compactscore.models import CARRIED, Indicator, Row, carried_mark
from compactscore.render.csvtext import csv_text

COLUMNS = ["indicator", "title", "score", "evidence", "action", "owner", "target"]
SIDES = ["sector_score", "public_score"]
EXCEL_UTF8_SIGNATURE = "\ufeff"  # the byte-order mark by which Excel knows a CSV is UTF-8


def carried_text(text: str, since: str) -> str:
    """Last period's words marked as carried: ``From 2013-14: ...``; empty stays empty.

    Words already marked (carried into a sheet that was never filled in) keep the
    period they were written in.
    """
    if not text.strip() or CARRIED.match(text):
        return text
    return carried_mark(since) + text


def carried_periods(rows: Sequence[Row], since: str) -> list[str]:
    """The periods named by the marks ``carried_text`` puts on these rows' words, oldest first."""
    periods = set()
    for row in rows:
        for text in (row.evidence, row.action):
            if text.strip():
                mark = CARRIED.match(text)
                periods.add(mark.group(1) if mark else since)
    return sorted(periods)


def sheet_text(
    indicators: list[Indicator],
    carried: dict[str, Row],
    since: str | None,
    sides: bool = False,
    own: Sequence[str] = (),
    delimiter: str = ",",
) -> str:
    """A CSV sheet with one row per indicator, scores empty, carried words marked.

    ``own`` names the group's own columns, written after ours and left empty. The
    text starts with a byte-order mark: without one, Excel on Windows reads UTF-8
    as Windows-1252, turning a carried "£" into "Â£" for good once the sheet is
    saved. ``delimiter`` is the previous sheet's, so that a spreadsheet set up for
    semicolons opens the new sheet in columns too.
    """
    rows = [COLUMNS + (SIDES if sides else []) + list(own)]
    blank = [""] * len(own)
    for indicator in indicators:
        row = carried.get(indicator.id)
        words = ["", "", ""]
        if row is not None and since is not None:
            words = [
                carried_text(row.evidence, since),
                carried_text(row.action, since),
                row.owner,
            ]
        cells = [str(indicator.number), indicator.title, "", *words, ""]
        rows.append(cells + (["", ""] if sides else []) + blank)
    # Every cell neutralised: an owner read as '=HYPERLINK(...) is written back behind its quote mark.
    return EXCEL_UTF8_SIGNATURE + csv_text(rows, delimiter)
