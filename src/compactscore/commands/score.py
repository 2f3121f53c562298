"""``compactscore score``: one period's scores, totals and change from the period before."""

from __future__ import annotations

from pathlib import Path

from compactscore.analysis.score import score_sheet
from compactscore.commands.common import emit, out_console, usage
from compactscore.commands.sources import Sources, open_sources, previous_of
from compactscore.options import OutputFormat
from compactscore.render.scorecard import scorecard_view


def run_score(
    file: Path | None, output: OutputFormat, indicators: Path | None, rev: str | None = None
) -> int:
    """Score one sheet (the repository's latest when none is named) and print it."""
    sources = open_sources(file if file is not None else Path.cwd(), indicators, rev)
    if file is None:
        file = latest_sheet(sources)
    sheet = sources.load(file)
    previous = previous_of(sources, file, sheet)
    card = score_sheet(sheet, sources.definition, previous, area=sources.area)
    emit(out_console(), card, scorecard_view(card), output)
    return 0


def latest_sheet(sources: Sources) -> Path:
    """The newest sheet of the repository, or a usage error saying what to do."""
    if sources.repository is None:
        raise usage(
            "no score file named, and no compactscore.yaml in this folder or above it.",
            "Name a file, as in 'compactscore score 2024.csv', or run 'compactscore init'.",
        )
    return sources.sheet_paths()[-1][1]
