"""``compactscore actions``: the action plan, open actions overdue first, or every period's."""

from __future__ import annotations

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
    today: opt.TodayOption = None,
    output: opt.FormatOption = opt.OutputFormat.TABLE,
    indicators: opt.IndicatorsOption = None,
    rev: opt.RevOption = None,
) -> int:
    """The action plan, overdue actions first.

    The period's open actions, their owner and due date. An action is overdue when it is open and its due date (or the end of its due
    period) is before today.

    Example: compactscore actions --all --format markdown
    """
    day = opt.parsed_day(today)
    options = opt.output_options(output, indicators, rev)
    from compactscore.analysis.actions import every_action, open_actions
    from compactscore.commands.common import emit, out_console
    from compactscore.load.sources import load_all, open_sheet, open_sources
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
