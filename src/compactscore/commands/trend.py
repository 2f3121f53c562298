"""``compactscore trend``: every period, oldest first, with the direction of travel."""

from __future__ import annotations

from pathlib import Path

from compactscore.analysis.trend import trend_of
from compactscore.commands.common import emit, out_console
from compactscore.commands.sources import load_all, open_sources
from compactscore.options import OutputFormat
from compactscore.render.trend import trend_view


def run_trend(
    files: list[Path],
    output: OutputFormat,
    indicators: Path | None,
    rev: str | None,
    to: Path | None = None,
    force: bool = False,
) -> int:
    """The trend of the files named, or of every sheet in the repository."""
    sources = open_sources(files[0] if files else Path.cwd(), indicators, rev)
    paths = sources.periods_of(files) if files else sources.sheet_paths()
    sheets = load_all(sources, paths)
    trend = trend_of(sheets, sources.definition, area=sources.area)
    emit(out_console(), trend, trend_view(trend), output, rev, to, force)
    return 0
