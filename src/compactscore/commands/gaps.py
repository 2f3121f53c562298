"""``compactscore gaps``: the indicators short of the top score or their target."""

from __future__ import annotations

from pathlib import Path

from compactscore.analysis.gaps import gaps_of
from compactscore.analysis.score import score_sheet
from compactscore.commands.common import emit, out_console
from compactscore.load.sources import open_sheet, previous_of
from compactscore.options import OutputFormat
from compactscore.render.gaps import gaps_view


def run_gaps(
    file: Path | None,
    output: OutputFormat,
    indicators: Path | None,
    rev: str | None,
    to: Path | None = None,
    force: bool = False,
) -> int:
    """The gap list of one period (the repository's latest when none is named)."""
    sources, file, sheet = open_sheet(file, indicators, rev)
    previous = previous_of(sources, file, sheet)
    card = score_sheet(sheet, sources.definition, previous, area=sources.area)
    gaps = gaps_of(card)
    emit(out_console(), gaps, gaps_view(gaps), output, rev, to, force)
    return 0
