"""``compactscore trend``: every period, oldest first, with the direction of travel."""

from __future__ import annotations

from pathlib import Path

from compactscore.analysis.trend import trend_from, trend_of
from compactscore.commands.common import emit, out_console, usage
from compactscore.load.sources import load_all_warned, open_sources
from compactscore.options import OutputFormat
from compactscore.periods import Period, parse_period
from compactscore.render.trend import trend_view


def run_trend(
    files: list[Path],
    output: OutputFormat,
    indicators: Path | None,
    rev: str | None,
    last: int | None = None,
    since: str | None = None,
    to: Path | None = None,
    force: bool = False,
) -> int:
    """The trend of the files named, or of every sheet in the repository.

    With --last or --since, only those periods are shown; the first of them is
    still compared with the period before it, which is read for that alone.
    """
    sources = open_sources(files[0] if files else Path.cwd(), indicators, rev)
    paths = sources.periods_of(files) if files else sources.sheet_paths()
    first = _first_shown([period for period, _ in paths], last, since)
    sheets, _ = load_all_warned(sources, paths[max(0, first - 1) :])  # warnings: standard error
    trend = trend_of(sheets, sources.definition, area=sources.area)
    if first > 0:
        trend = trend_from(trend, paths[first][0].label)
    emit(out_console(), trend, trend_view(trend), output, rev, to, force)
    return 0


def _first_shown(periods: list[Period], last: int | None, since: str | None) -> int:
    """The position of the first period to show, from --last and --since."""
    if last is not None and last < 1:
        raise usage(f"--last {last}: not a number of periods.", "Give 1 or more, as in --last 5.")
    first = 0 if last is None else max(0, len(periods) - last)
    if since is not None:
        start = parse_period(since)
        if start is None:
            raise usage(f"--since {since}: not a period.", "Give a period such as 2010-11 or 2010.")
        later = [i for i, period in enumerate(periods) if not period < start]
        if not later:
            raise usage(
                f"--since {since}: there is no period from {since} on; the latest is "
                f"{periods[-1]}.",
                "Give an earlier period.",
            )
        first = max(first, later[0])
    return first
