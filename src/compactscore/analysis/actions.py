"""The action plan: which agreed actions are open, and which are overdue on a given day."""

from __future__ import annotations

from datetime import date

from compactscore.models import ActionStatus, Definition, Sheet
from compactscore.periods import PeriodKind, parse_period
from compactscore.results import ActionItem, ActionPlan, names_of


def due_date(due: str) -> date | None:
    """The day an action falls due: the date itself, or the last day of a period."""
    if not due:
        return None
    period = parse_period(due)
    if period is None:
        return date.fromisoformat(due)
    if period.kind is PeriodKind.FINANCIAL:
        return date(period.start + 1, 3, 31)  # a financial year ends on 31 March
    return date(period.start, 12, 31)


def actions_of(sheet: Sheet, definition: Definition, today: date) -> list[ActionItem]:
    """Every action a sheet agrees, in indicator order, each with whether it is overdue."""
    found = []
    for indicator in definition.in_force(sheet.version):
        row = sheet.row_for(indicator.id)
        if row is None or not row.action.strip():
            continue
        falls_due = due_date(row.due)
        found.append(
            ActionItem(
                period=sheet.period_label,
                **names_of(indicator),
                action=row.action,
                owner=row.owner,
                due=row.due,
                due_date=falls_due.isoformat() if falls_due else None,
                status=row.status,
                overdue=row.status is ActionStatus.OPEN
                and falls_due is not None
                and falls_due < today,
            )
        )
    return found


def open_actions(sheet: Sheet, definition: Definition, today: date, area: str = "") -> ActionPlan:
    """A period's open actions: the overdue ones first (the longest overdue first), then the rest."""
    items = [
        item for item in actions_of(sheet, definition, today) if item.status is ActionStatus.OPEN
    ]
    return _plan(area, [sheet.period_label], today, False, overdue_first(items))


def overdue_first(items: list[ActionItem]) -> list[ActionItem]:
    """Overdue actions first, the longest overdue first; then open, done and dropped ones."""
    order = {ActionStatus.OPEN: 0, ActionStatus.DONE: 1, ActionStatus.DROPPED: 2}
    overdue = sorted((item for item in items if item.overdue), key=lambda item: item.due_date or "")
    rest = sorted((item for item in items if not item.overdue), key=lambda item: order[item.status])
    return [*overdue, *rest]


def period_plan(sheet: Sheet, definition: Definition, today: date, area: str = "") -> ActionPlan:
    """Every action of one period, overdue ones first, then open, done and dropped ones."""
    items = overdue_first(actions_of(sheet, definition, today))
    return _plan(area, [sheet.period_label], today, False, items)


def every_action(
    sheets: list[Sheet], definition: Definition, today: date, area: str = ""
) -> ActionPlan:
    """Every period's actions, oldest period first, each with where it stands."""
    items = [item for sheet in sheets for item in actions_of(sheet, definition, today)]
    return _plan(area, [sheet.period_label for sheet in sheets], today, True, items)


def _plan(
    area: str, periods: list[str], today: date, every: bool, items: list[ActionItem]
) -> ActionPlan:
    return ActionPlan(
        area=area,
        periods=periods,
        today=today.isoformat(),
        every_period=every,
        open=sum(item.status is ActionStatus.OPEN for item in items),
        overdue=sum(item.overdue for item in items),
        actions=items,
    )
