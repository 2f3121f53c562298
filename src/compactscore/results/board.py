"""The board report's result: everything the board paper shows for one period."""

from __future__ import annotations

from pydantic import Field

from compactscore.results.agree import Disagreement
from compactscore.results.base import Result
from compactscore.results.card import GapList, Scorecard
from compactscore.results.plan import ActionItem
from compactscore.results.trend import Trend


class BoardReport(Result):
    """Everything the board paper shows for one period, and what it was made from."""

    area: str = ""
    period: str
    definition: str
    version: str
    card: Scorecard
    previous: Scorecard | None
    trend: Trend
    gaps: GapList
    sides_scored: bool
    disagreements: list[Disagreement]
    files: list[str]
    revision: str | None = None
    warnings: list[str] = Field(
        default_factory=list
    )  # what check warns about the sheets, as check says it
    today: str = ""  # the day overdue actions are counted from
    actions: list[ActionItem] = Field(
        default_factory=list
    )  # the period's actions: open (overdue first), done, dropped
