"""The board report's result: everything the board paper shows for one period."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from compactscore.models import empty_list
from compactscore.results.agree import Disagreement
from compactscore.results.base import Figures, Flattened
from compactscore.results.card import Scorecard
from compactscore.results.gaps import GapList
from compactscore.results.plan import ActionPlan
from compactscore.results.trend import Trend


class BoardReport(Flattened):
    """Everything the board paper shows for one period, and what it was made from."""

    # The JSON writes the plan's day and actions beside the rest, as it always has.
    figures: ClassVar[Figures] = {"plan": ("", ("today", "actions"))}

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
    # What check warns about the sheets, as check says it.
    warnings: list[str] = Field(default_factory=empty_list)
    # The period's actions, open (overdue first), done and dropped, counted on a day.
    plan: ActionPlan
