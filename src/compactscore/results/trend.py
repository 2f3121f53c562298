"""Results of a trend: each period's totals and each indicator's line."""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from compactscore.models import ScoreState, empty_list
from compactscore.results.base import (
    EVERY_FIGURE,
    Direction,
    Figures,
    Result,
    Totals,
    Travelled,
)


class PeriodTotal(Travelled):
    """The aggregate of one period in a trend."""

    figures: ClassVar[Figures] = {
        "totals": ("", tuple(name for name in EVERY_FIGURE if name != "not_applicable"))
    }
    # n/a comes after the direction: the trend's JSON had it so before the rest were held.
    order: ClassVar[tuple[str, ...]] = (
        "period",
        "file",
        "version",
        "totals",
        "direction",
        "compared_on",
        "totals.not_applicable",
        "travel",
    )

    period: str
    file: str
    version: str
    totals: Totals


class LineState(StrEnum):
    """Where an indicator's line stands in one period of a trend (JSON ``states``)."""

    SCORED = ScoreState.SCORED.value
    NOT_SCORED = ScoreState.NOT_SCORED.value
    NOT_APPLICABLE = ScoreState.NOT_APPLICABLE.value
    NOT_IN_FORCE = "not in force"  # before the period its indicator was introduced
    RETIRED = "retired"  # after the last period its indicator was in force


class IndicatorTrend(Result):
    """One indicator's line across periods (following replacements)."""

    number: int
    id: str
    title: str
    ids: dict[str, str]
    scores: dict[str, int | None]
    states: dict[str, LineState]
    direction: Direction | None


class Trend(Result):
    """Every period oldest to newest, with the direction of travel."""

    area: str = ""
    definition: str
    periods: list[PeriodTotal]
    indicators: list[IndicatorTrend]
    missing: list[str] = Field(
        default_factory=empty_list
    )  # periods between the first and last with no sheet
