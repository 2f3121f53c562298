"""Pydantic models of results: what every output format renders, so none can disagree."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from compactscore.models import ScoreState


class Result(BaseModel):
    """A result model: its validator is built on first use, so start-up pays only for those used."""

    model_config = ConfigDict(defer_build=True)


class Direction(StrEnum):
    """The direction of travel from one period to the next."""

    UP = "up"
    DOWN = "down"
    LEVEL = "level"


class IndicatorScore(Result):
    """One indicator's result in one period."""

    number: int
    id: str
    title: str
    theme: str
    theme_title: str
    score: int | None
    max: int
    label: str
    state: ScoreState
    evidence: str = ""
    action: str = ""
    owner: str = ""
    target: int | None = None
    target_met: bool | None = None
    previous_score: int | None = None
    change: int | None = None
    extra: dict[str, str] = Field(default_factory=dict)


class ThemeScore(Result):
    """The sub-total of one theme."""

    id: str
    title: str
    total: int
    max: int
    scored: int
    count: int
    not_applicable: int = 0


class Basis(StrEnum):
    """What the direction of travel rests on (JSON ``compared_on``)."""

    TOTAL = "total"  # both fully scored out of the same maximum, on the same indicators
    SCORED_IN_BOTH = "scored in both"  # the points of the indicators scored in both periods
    NOTHING_SCORED = "nothing scored"  # either period has nothing scored: no direction
    NONE_IN_BOTH = "none scored in both"  # no indicator scored in both: no direction


class Travel(Result):
    """The direction of travel from one period to the next, and the figures it rests on."""

    period: str  # the earlier period
    later: str = ""  # the later period
    direction: Direction | None  # None when no indicator is scored in both
    compared_on: Basis
    change: int | None  # points, on what is compared; None, like direction, when nothing is
    total_change: int  # the later total less the earlier one, whatever was compared
    shared: int = 0  # indicators scored (a number, not n/a or empty) in both, by lineage
    shared_before: int = 0  # their points in the earlier period
    shared_after: int = 0  # and in the later one
    only_before: int = 0  # indicators scored in the earlier period and not in the later
    only_after: int = 0  # and the other way round


class Comparison(Travel):
    """How a period's aggregate compares with the period before it (that period's figures)."""

    total: int
    max: int
    percent: float
    scored_percent: float | None


class Scorecard(Result):
    """One period scored: the totals, each theme and each indicator."""

    area: str = ""
    period: str
    file: str
    definition: str
    version: str
    total: int
    max: int
    percent: float
    scored: int
    count: int
    not_applicable: int
    scored_max: int
    scored_percent: float | None
    scale: dict[int, str]
    themes: list[ThemeScore]
    indicators: list[IndicatorScore]
    previous: Comparison | None = None


class PeriodTotal(Result):
    """The aggregate of one period in a trend."""

    period: str
    file: str
    version: str
    total: int
    max: int
    percent: float
    scored: int
    count: int
    scored_max: int
    scored_percent: float | None
    direction: Direction | None
    compared_on: Basis | None = None
    not_applicable: int = 0
    travel: Travel | None = None  # from the period before; None for the first

    @property
    def partly_scored(self) -> bool:
        """Some of its indicators scored, and not all: its total is low by the rest."""
        return 0 < self.scored_max < self.max


class IndicatorTrend(Result):
    """One indicator's line across periods (following replacements)."""

    number: int
    id: str
    title: str
    ids: dict[str, str]
    scores: dict[str, int | None]
    states: dict[str, str]
    direction: Direction | None


class Trend(Result):
    """Every period oldest to newest, with the direction of travel."""

    area: str = ""
    definition: str
    periods: list[PeriodTotal]
    indicators: list[IndicatorTrend]
    missing: list[str] = Field(
        default_factory=list
    )  # periods between the first and last with no sheet


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
    fell: list[int] = Field(default_factory=list)  # numbers of the indicators that fell since


class Disagreement(Result):
    """Where the sector's and the public bodies' own scores differ on one indicator."""

    number: int
    id: str
    title: str
    sector_score: int
    public_score: int
    difference: int
    score: int | None
    outside_views: bool  # an agreed score, or an agreed n/a, outside both sides' scores
    prompts: list[str]
    sector_label: str = ""
    public_label: str = ""
    score_label: str = ""
    state: ScoreState = ScoreState.NOT_SCORED  # the agreed score's: scored, not yet, or n/a


class Agreement(Result):
    """The two sides' own scores set side by side: a summary and what to discuss first."""

    area: str = ""
    period: str
    file: str
    has_views: bool
    compared: int
    matching: int
    differ_by_one: int
    differ_by_two_or_more: int
    missing_views: list[int]
    disagreements: list[Disagreement]
    outside_views: list[Disagreement]


class AreaResult(Result):
    """One area's aggregate in a comparison of areas, with its rank and direction of travel."""

    area: str
    file: str
    period: str
    definition: str
    version: str
    total: int
    max: int
    percent: float
    scored: int
    count: int
    not_applicable: int = 0
    shared_total: int
    shared_max: int
    shared_percent: float
    # Of the indicators every area has: how many this area scored, how many are n/a, and
    # the points of those scored, so a partly scored area is measured like with like.
    shared_scored: int
    shared_not_applicable: int
    shared_scored_max: int
    shared_scored_percent: float | None
    rank: int | None  # None: nothing of what every area has is scored, so no rank
    direction: Direction | None
    previous_period: str | None
    change: int | None
    compared_on: Basis | None
    travel: Travel | None = None


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


class AreaComparison(Result):
    """Several areas side by side for one period, ranked on the indicators they share."""

    period: str
    ranked_on: str
    # "percent of maximum", "percent of scored" (like with like), "nothing scored" or
    # "nothing shared": which measure the ranks rest on, or why there are none.
    ranked_by: str
    shared: int
    mixed_versions: bool
    areas: list[AreaResult]
    indicators: list[IndicatorSpread]
    unshared: list[UnsharedIndicator]
