"""Results of the action plan: each agreed action, its owner, when it is due, where it stands."""

from __future__ import annotations

from compactscore.models import ActionStatus
from compactscore.results.base import Result


class ActionItem(Result):
    """One indicator's agreed action in one period."""

    period: str
    number: int
    id: str
    title: str
    action: str
    owner: str
    due: str  # a date written 2025-03-31 (however the sheet wrote it), or a period; "" for none
    due_date: str | None  # the day it falls due (a period's last day), ISO; None with no due
    status: ActionStatus
    overdue: bool


class ActionPlan(Result):
    """The actions of one period (open ones, overdue first), or of every period."""

    area: str
    periods: list[str]
    today: str
    every_period: bool
    open: int
    overdue: int
    actions: list[ActionItem]
