"""Results of an agreement: where the two sides' own scores differ."""

from __future__ import annotations

from pydantic import Field

from compactscore.models import ScoreState, empty_list
from compactscore.results.base import Result


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
    # The order to discuss them in: the disagreements, then agreed scores outside views
    # that matched. Not in the JSON, which has both lists.
    to_discuss: list[Disagreement] = Field(default_factory=empty_list, exclude=True)
