"""``compactscore trend``: every period, oldest first, with the direction of travel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from compactscore import options as opt

if TYPE_CHECKING:
    from compactscore.periods import Period


def trend(
    files: Annotated[
        list[Path] | None,
        opt.argument("FILE", "Score files (CSV). Default: every period of the repository."),
    ] = None,
    output: opt.ExportFormatOption = opt.OutputFormat.TABLE,
    indicators: opt.IndicatorsOption = None,
    rev: opt.RevOption = None,
    last: Annotated[
        int | None,
        typer.Option("--last", metavar="N", help="Only the latest N periods."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="PERIOD", help="Only the periods from this one on."),
    ] = None,
    to: opt.OutputFileOption = None,
    force: opt.ForceOption = False,
) -> int:
    """Every period and the direction of travel.

    Oldest to newest: each indicator, the totals and the direction of travel.

    With --last or --since, the first period shown is still compared with the one
    before it. In a narrow terminal the indicators' table shows the latest periods
    that fit and says how many it left out; the totals keep every period.

    Example: compactscore trend --format markdown

    Example: compactscore trend --last 5
    """
    options = opt.output_options(output, indicators, rev, to, force)
    from compactscore.analysis.trend import trend_from, trend_of
    from compactscore.commands.common import emit, out_console
    from compactscore.load.sources import load_all_warned, open_sources
    from compactscore.render.trend import trend_view

    files = files or []
    sources = open_sources(files[0] if files else Path.cwd(), options.indicators, options.rev)
    paths = sources.periods_of(files) if files else sources.sheet_paths()
    first = _first_shown([period for period, _ in paths], last, since)
    sheets, _ = load_all_warned(sources, paths[max(0, first - 1) :])  # warnings: standard error
    found = trend_of(sheets, sources.definition, area=sources.area)
    if first > 0:
        found = trend_from(found, paths[first][0].label)
    emit(out_console(), found, trend_view(found), options)
    return 0


def _first_shown(periods: list[Period], last: int | None, since: str | None) -> int:
    """The position of the first period to show, from --last and --since."""
    if last is not None and last < 1:
        raise opt.usage(
            f"--last {last}: not a number of periods.", "Give 1 or more, as in --last 5."
        )
    first = 0 if last is None else max(0, len(periods) - last)
    if since is not None:
        from compactscore.periods import parse_period

        start = parse_period(since)
        if start is None:
            raise opt.usage(
                f"--since {since}: not a period.", "Give a period such as 2010-11 or 2010."
            )
        later = [i for i, period in enumerate(periods) if not period < start]
        if not later:
            raise opt.usage(
                f"--since {since}: there is no period from {since} on; the latest is "
                f"{periods[-1]}.",
                "Give an earlier period.",
            )
        first = max(first, later[0])
    return first
