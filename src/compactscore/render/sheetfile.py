"""The text of a new score sheet: every indicator in force, scores empty."""

from __future__ import annotations

from collections.abc import Sequence

from compactscore.models import CARRIED, ActionStatus, Indicator, Row, carried_mark
from compactscore.render.csvtext import csv_text
from compactscore.schema import SIDES, WRITTEN

COLUMNS = list(WRITTEN)  # a new sheet's header, before any sides and own columns
EXCEL_UTF8_SIGNATURE = "\ufeff"  # the byte-order mark by which Excel knows a CSV is UTF-8


def carried_text(text: str, since: str) -> str:
    """Last period's words marked as carried: ``From 2013-14: ...``; empty stays empty.

    Words already marked (carried into a sheet that was never filled in) keep the
    period they were written in.
    """
    if not text.strip() or CARRIED.match(text):
        return text
    return carried_mark(since) + text


def action_open(row: Row) -> bool:
    """Whether the row's action is still open: no status column, or its status empty or open.

    A done or dropped action (and its owner) stays in last period's sheet, not the next.
    The loader reads an empty status, or none, as open.
    """
    return row.status is ActionStatus.OPEN


def carried_words(row: Row, since: str) -> list[str]:
    """Evidence, action and owner carried from last period's row, each marked as its."""
    keep = action_open(row)
    return [
        carried_text(row.evidence, since),
        carried_text(row.action, since) if keep else "",
        carried_text(row.owner, since) if keep else "",
    ]


def carried_periods(rows: Sequence[Row], since: str) -> list[str]:
    """The periods named by the marks ``carried_text`` puts on these rows' words, oldest first."""
    periods = set()
    for row in rows:
        for text in carried_words(row, since):
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
    rows = [[*WRITTEN, *(SIDES if sides else ()), *own]]
    blank = [""] * len(own)
    for indicator in indicators:
        row = carried.get(indicator.id)
        words, target = ["", "", ""], ""
        if row is not None and since is not None:
            words = carried_words(row, since)
            # The target the group set stands until it sets another (a number: no mark).
            target = "" if row.target is None else str(row.target)
        cells = [str(indicator.number), indicator.title, "", *words, target]
        rows.append(cells + (["", ""] if sides else []) + blank)
    # Every cell neutralised: an owner read as '=HYPERLINK(...) is written back behind its quote mark.
    return EXCEL_UTF8_SIGNATURE + csv_text(rows, delimiter)
