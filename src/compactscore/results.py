"""Pydantic models of results: what every output format renders, so none can disagree."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, ClassVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    computed_field,
    model_serializer,
)

from compactscore.models import ScoreState


class Result(BaseModel):
    """A result model: its validator is built on first use, so start-up pays only for those used."""

    model_config = ConfigDict(defer_build=True)


class Totals(Result):
    """A set of indicators counted: the total, its maximum and how much of it is scored.

    Made by ``analysis.score.totals_of`` only, so that every total is counted one way.
    """

    total: int  # the points of the indicators scored
    max: int  # the top score of every indicator that applies (not n/a)
    percent: float
    scored: int  # how many indicators have a score
    count: int  # how many indicators there are
    not_applicable: int = 0
    scored_max: int  # the top score of the indicators scored
    scored_percent: float | None  # the total out of scored_max; None with nothing scored

    @property
    def applicable(self) -> int:
        """How many indicators apply (are not n/a): those a total can have."""
        return self.count - self.not_applicable

    @property
    def partly_scored(self) -> bool:
        """Some of its indicators scored, and not all that apply: its total is low by the rest."""
        return 0 < self.scored < self.applicable


class Flattened(Result):
    """A result that holds models of its own, and writes some of their fields beside its own.

    The JSON shape is fixed (PRODUCT.md): ``figures`` names each held field and the
    fields of it written in its place, each under a prefix (``shared_total``); ``order``,
    when given, is the order of every key written.
    """

    figures: ClassVar[dict[str, tuple[str, tuple[str, ...]]]] = {}
    order: ClassVar[tuple[str, ...]] = ()

    @model_serializer(mode="wrap")
    def _flatten(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data = handler(self)
        flat: dict[str, Any] = {}
        for key, value in data.items():
            if key not in self.figures:
                flat[key] = value
                continue
            prefix, names = self.figures[key]
            flat.update({prefix + name: value[name] for name in names})
        return {key: flat[key] for key in self.order} if self.order else flat


EVERY_FIGURE = tuple(Totals.model_fields)


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


class ThemeScore(Flattened):
    """The sub-total of one theme."""

    figures = {"totals": ("", ("total", "max", "scored", "count", "not_applicable"))}

    id: str
    title: str
    totals: Totals


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


class Comparison(Travel, Flattened):
    """How a period's aggregate compares with the period before it (that period's figures)."""

    figures = {"earlier": ("", ("total", "max", "percent", "scored_percent"))}

    earlier: Totals  # the earlier period's


class Scorecard(Flattened):
    """One period scored: the totals, each theme and each indicator."""

    figures = {"totals": ("", EVERY_FIGURE)}

    area: str = ""
    period: str
    file: str
    definition: str
    version: str
    totals: Totals
    scale: dict[int, str]
    themes: list[ThemeScore]
    indicators: list[IndicatorScore]
    previous: Comparison | None = None


class PeriodTotal(Flattened):
    """The aggregate of one period in a trend."""

    figures = {"totals": ("", EVERY_FIGURE)}
    order = (
        "period",
        "file",
        "version",
        "total",
        "max",
        "percent",
        "scored",
        "count",
        "scored_max",
        "scored_percent",
        "direction",
        "compared_on",
        "not_applicable",
        "travel",
    )

    period: str
    file: str
    version: str
    totals: Totals
    travel: Travel | None = None  # from the period before; None for the first

    @computed_field  # type: ignore[prop-decorator]
    @property
    def direction(self) -> Direction | None:
        """The direction of travel from the period before; None for the first."""
        return self.travel.direction if self.travel else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def compared_on(self) -> Basis | None:
        """What that direction rests on; None for the first."""
        return self.travel.compared_on if self.travel else None


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


class AreaResult(Flattened):
    """One area's aggregate in a comparison of areas, with its rank and direction of travel."""

    figures = {
        "totals": ("", ("total", "max", "percent", "scored", "count", "not_applicable")),
        "shared": (
            "shared_",
            ("total", "max", "percent", "scored", "not_applicable", "scored_max", "scored_percent"),
        ),
    }
    order = (
        "area",
        "file",
        "period",
        "definition",
        "version",
        "total",
        "max",
        "percent",
        "scored",
        "count",
        "not_applicable",
        "shared_total",
        "shared_max",
        "shared_percent",
        "shared_scored",
        "shared_not_applicable",
        "shared_scored_max",
        "shared_scored_percent",
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
    travel: Travel | None = None  # from the area's period before; None with no sheet before

    @computed_field  # type: ignore[prop-decorator]
    @property
    def direction(self) -> Direction | None:
        """The area's direction of travel since its period before."""
        return self.travel.direction if self.travel else None

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

    @computed_field  # type: ignore[prop-decorator]
    @property
    def compared_on(self) -> Basis | None:
        """What the direction rests on."""
        return self.travel.compared_on if self.travel else None


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
