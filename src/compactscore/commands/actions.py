"""``compactscore actions``: the action plan, open actions overdue first, or every period's."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from compactscore import options as opt


def actions(
    file: opt.SheetArgument = None,
    every: Annotated[
        bool,
        typer.Option("--all", help="Every period's actions and what became of them."),
    ] = False,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            metavar="DATE",
            help="The day to count overdue from (YYYY-MM-DD). Default: today.",
        ),
    ] = None,
    output: opt.FormatOption = opt.OutputFormat.TABLE,
    indicators: opt.IndicatorsOption = None,
    rev: opt.RevOption = None,
) -> int:
    """The action plan, overdue actions first.

    The period's open actions, their owner and due date. An action is overdue when it is open and its due date (or the end of its due
    period) is before today.

    Example: compactscore actions --all --format markdown
    """
    day = _today(today)
    options = opt.output_options(output, indicators, rev)
    from compactscore.analysis.actions import every_action, open_actions
    from compactscore.commands.common import emit, out_console
    from compactscore.commands.sources import load_all, open_sheet, open_sources
    from compactscore.render.actions import actions_view

    if every and file is None:
        sources = open_sources(Path.cwd(), options.indicators, options.rev)
        sheets = load_all(sources, sources.sheet_paths())
        plan = every_action(sheets, sources.definition, day, area=sources.area)
    else:
        sources, file, sheet = open_sheet(file, options.indicators, options.rev)
        if every:
            plan = every_action([sheet], sources.definition, day, area=sources.area)
        else:
            plan = open_actions(sheet, sources.definition, day, area=sources.area)
    emit(out_console(), plan, actions_view(plan), options)
    return 0


def _today(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise opt.usage(
            f"--today {text!r} is not a date.", "Write it as year-month-day, such as 2025-04-01."
        ) from None
