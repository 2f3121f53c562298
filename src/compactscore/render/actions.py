"""The view of the action plan: open actions, overdue first, or every period's actions."""

from __future__ import annotations

from rich.markup import escape

from compactscore.models import ActionStatus
from compactscore.render.view import Column, Grid, View
from compactscore.render.words import plural
from compactscore.results import ActionItem, ActionPlan


def status_words(item: ActionItem) -> str:
    """``open``, ``done``, ``dropped``, or ``overdue`` for an open action past its date."""
    return "overdue" if item.overdue else item.status.value


def actions_view(plan: ActionPlan) -> View:
    """Headline, the actions (overdue ones flagged), and what overdue means."""
    title = "Every action, by period" if plan.every_period else "Open actions, overdue first"
    grid = action_grid(plan.actions, title, period=plan.every_period)
    grids = [grid] if plan.actions else []
    return View(headline=_headline(plan), grids=grids, data=_data_grid(plan), notes=_notes(plan))


def action_grid(
    items: list[ActionItem],
    title: str,
    caption: str = "",
    period: bool = False,
    status: bool = True,
) -> Grid:
    """The actions, each with its owner and when it is due; overdue ones stand out.

    ``period`` adds the period of each (every period's actions); ``status`` where it stands.
    """
    rows = [
        [
            *([item.period] if period else []),
            str(item.number),
            item.title,
            item.action,
            item.owner,
            item.due,
            *([status_words(item)] if status else []),
        ]
        for item in items
    ]
    columns = [
        *([Column("Period")] if period else []),
        Column("No.", justify="right"),
        Column("Indicator", shorten=True, min_width=12),
        Column("Action", weight=3, min_width=16),
        Column("Owner", min_width=8),
        Column("Due", min_width=10),
        *([Column("Status")] if status else []),
    ]
    styles = ["bold red" if item.overdue else "" for item in items]
    return Grid(title=title, columns=columns, rows=rows, styles=styles, caption=caption)


def _headline(plan: ActionPlan) -> list[str]:
    where = f"{plan.area} " if plan.area else ""
    overdue = f"{plan.overdue} overdue on {plan.today}"
    if not plan.every_period:
        found = f"{plural(plan.open, 'open action')}, {overdue}"
        return [f"[bold]{escape(f'{where}{plan.periods[0]}: {found}')}[/bold]"]
    counts = {status: 0 for status in ActionStatus}
    for item in plan.actions:
        counts[item.status] += 1
    span = plan.periods[0] if len(plan.periods) == 1 else f"{plan.periods[0]} to {plan.periods[-1]}"
    actions = plural(len(plan.actions), "action")
    return [
        f"[bold]{escape(f'{where}{span}: {actions}')}[/bold]",
        escape(
            f"{counts[ActionStatus.DONE]} done, {counts[ActionStatus.DROPPED]} dropped, "
            f"{counts[ActionStatus.OPEN]} open ({overdue})."
        ),
    ]


def _notes(plan: ActionPlan) -> list[str]:
    if not plan.actions:
        where = "any period" if plan.every_period else plan.periods[0]
        return [escape(f"No {'' if plan.every_period else 'open '}actions in {where}.")]
    return [
        escape(
            f"Overdue: open, and due before {plan.today}. A period as the due date falls due "
            "on its last day (a financial year on 31 March). An empty status means open."
        )
    ]


def _data_grid(plan: ActionPlan) -> Grid:
    names = ("period", "indicator", "id", "title", "action", "owner", "due", "due_date")
    rows = [
        [
            item.period,
            str(item.number),
            item.id,
            item.title,
            item.action,
            item.owner,
            item.due,
            item.due_date or "",
            item.status.value,
            "yes" if item.overdue else "no",
        ]
        for item in plan.actions
    ]
    columns = [Column(name) for name in (*names, "status", "overdue")]
    return Grid(title="", columns=columns, rows=rows)
