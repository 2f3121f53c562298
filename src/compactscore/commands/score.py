"""``compactscore score``: one period's scores, totals and change from the period before."""

from __future__ import annotations

from pathlib import Path

from compactscore.analysis.score import score_sheet
from compactscore.commands.common import emit, out_console
from compactscore.load.sources import open_sheet, previous_of
from compactscore.options import OutputFormat
from compactscore.render.scorecard import scorecard_view


def run_score(
    file: Path | None, output: OutputFormat, indicators: Path | None, rev: str | None = None
) -> int:
    """Score one sheet (the repository's latest when none is named) and print it."""
    sources, file, sheet = open_sheet(file, indicators, rev)
    previous = previous_of(sources, file, sheet)
    card = score_sheet(sheet, sources.definition, previous, area=sources.area)
    emit(out_console(), card, scorecard_view(card), output, rev)
    return 0
