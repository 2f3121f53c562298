"""``compactscore actions``: the action plan, open actions overdue first, or every period's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from compactscore.analysis.actions import every_action, open_actions
from compactscore.commands.common import emit, out_console, usage
from compactscore.load.sources import load_all, open_sheet, open_sources
from compactscore.options import OutputFormat
from compactscore.render.actions import actions_view


def run_actions(
    file: Path | None,
    every: bool,
    today_text: str | None,
    output: OutputFormat,
    indicators: Path | None,
    rev: str | None,
) -> int:
    """One period's open actions (the latest when none is named), or with ``every`` all of them."""
    today = _today(today_text)
    if every and file is None:
        sources = open_sources(Path.cwd(), indicators, rev)
        sheets = load_all(sources, sources.sheet_paths())
        plan = every_action(sheets, sources.definition, today, area=sources.area)
    else:
        sources, file, sheet = open_sheet(file, indicators, rev)
        if every:
            plan = every_action([sheet], sources.definition, today, area=sources.area)
        else:
            plan = open_actions(sheet, sources.definition, today, area=sources.area)
    emit(out_console(), plan, actions_view(plan), output, rev)
    return 0


def _today(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise usage(
            f"--today {text!r} is not a date.", "Write it as year-month-day, such as 2025-04-01."
        ) from None
