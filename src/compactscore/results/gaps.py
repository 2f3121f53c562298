"""The gap list: the indicators short of the top score or of their target, for planning action."""

from __future__ import annotations

from pydantic import Field

from compactscore.models import empty_list
from compactscore.results.base import Result, Travel
from compactscore.results.card import IndicatorScore


class Gap(Result):
    """An indicator short of the top score or of its target."""

    number: int
    id: str
    title: str
    score: int
    label: str
    aim: int
    aim_is_target: bool
    gap: int
    previous_score: int | None
    fell: bool
    action: str
    owner: str


class GapList(Result):
    """The gap list for action planning, largest gap first."""

    area: str = ""
    period: str
    file: str
    gaps: list[Gap]
    not_scored: list[IndicatorScore]
    previous_period: str | None = None
    travel: Travel | None = None  # the direction of travel from the previous period
    fell: list[int] = Field(default_factory=empty_list)  # numbers of the indicators that fell since
