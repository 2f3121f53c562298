"""Results of areas compared: each area's totals and rank, each indicator's spread."""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from pydantic import computed_field

from compactscore.results.base import Figures, Result, Totals, Travelled


class AreaResult(Travelled):
    """One area's aggregate in a comparison of areas, with its rank and direction of travel."""

    figures: ClassVar[Figures] = {
        "totals": ("", ("total", "max", "percent", "scored", "count", "not_applicable")),
        "shared": (
            "shared_",
            ("total", "max", "percent", "scored", "not_applicable", "scored_max", "scored_percent"),
        ),
    }
    order: ClassVar[tuple[str, ...]] = (
        "area",
        "file",
        "period",
        "definition",
        "version",
        "totals",
        "shared",
        "rank",
        "direction",
        "previous_period",
        "change",
        "compared_on",
        "travel",
    )

    area: str
    file: str
    period: str
    definition: str
    version: str
    totals: Totals
    # Of the indicators every area has: how many this area scored, how many are n/a, and
    # the points of those scored, so a partly scored area is measured like with like.
    shared: Totals
    rank: int | None  # None: nothing of what every area has is scored, so no rank

    @computed_field  # type: ignore[prop-decorator]
    @property
    def previous_period(self) -> str | None:
        """The period the direction is from."""
        return self.travel.period if self.travel else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def change(self) -> int | None:
        """The change in points the direction rests on."""
        return self.travel.change if self.travel else None


class IndicatorSpread(Result):
    """One shared indicator across areas: each area's score, the spread and who leads."""

    number: int
    id: str
    title: str
    scores: dict[str, int | None]
    lowest: int | None
    median: float | None
    highest: int | None
    leaders: list[str]


class UnsharedIndicator(Result):
    """An indicator that is not in every area's set, so it is left out of the comparison."""

    number: int
    id: str
    title: str
    areas: list[str]
    versions: list[str]
    replaces: str | None = None


class RankedBy(StrEnum):
    """Which measure the ranks of a comparison rest on, or why there are none (``ranked_by``)."""

    PERCENT_OF_MAXIMUM = "percent of maximum"
    PERCENT_OF_SCORED = "percent of scored"  # like with like: some area left some unscored
    NOTHING_SCORED = "nothing scored"
    NOTHING_SHARED = "nothing shared"

    @property
    def ranked(self) -> bool:
        """Whether any area has a rank."""
        return self in (RankedBy.PERCENT_OF_MAXIMUM, RankedBy.PERCENT_OF_SCORED)


class AreaComparison(Result):
    """Several areas side by side for one period, ranked on the indicators they share."""

    period: str
    ranked_on: str
    ranked_by: RankedBy
    shared: int
    mixed_versions: bool
    areas: list[AreaResult]
    indicators: list[IndicatorSpread]
    unshared: list[UnsharedIndicator]
