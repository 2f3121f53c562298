"""The text of a new score sheet: every indicator in force, scores empty."""

from __future__ import annotations

import csv
import io

from compactscore.models import CARRIED, Indicator, Row, carried_mark

COLUMNS = ["indicator", "title", "score", "evidence", "action", "owner", "target"]
SIDES = ["sector_score", "public_score"]


def carried_text(text: str, since: str) -> str:
    """Last period's words marked as carried: ``From 2013-14: ...``; empty stays empty.

    Words already marked (carried into a sheet that was never filled in) keep the
    period they were written in.
    """
    if not text.strip() or CARRIED.match(text):
        return text
    return carried_mark(since) + text


def sheet_text(
    indicators: list[Indicator],
    carried: dict[str, Row],
    since: str | None,
    sides: bool = False,
) -> str:
    """A CSV sheet with one row per indicator, scores empty, carried words marked."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS + (SIDES if sides else []))
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
        writer.writerow(cells + (["", ""] if sides else []))
    return out.getvalue()
