"""Results of one period: its scorecard, its themes and its change from the period before."""

# No "from __future__ import annotations" in the modules of the models every command
# builds: pydantic reads their annotations as objects, not text to evaluate (2 ms).

from typing import ClassVar

from pydantic import Field

from compactscore.models import ScoreState, empty_dict
from compactscore.results.base import EVERY_FIGURE, Figures, Flattened, Result, Totals, Travel


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
    extra: dict[str, str] = Field(default_factory=empty_dict)


class ThemeScore(Flattened):
    """The sub-total of one theme."""

    figures: ClassVar[Figures] = {
        "totals": ("", ("total", "max", "scored", "count", "not_applicable"))
    }

    id: str
    title: str
    totals: Totals


class Comparison(Travel, Flattened):
    """How a period's aggregate compares with the period before it (that period's figures)."""

    figures: ClassVar[Figures] = {"earlier": ("", ("total", "max", "percent", "scored_percent"))}

    earlier: Totals  # the earlier period's


class Scorecard(Flattened):
    """One period scored: the totals, each theme and each indicator."""

    figures: ClassVar[Figures] = {"totals": ("", EVERY_FIGURE)}

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

    def numbers(self, state: ScoreState) -> list[str]:
        """The numbers of its indicators in a state (not scored, n/a), as text."""
        return [str(i.number) for i in self.indicators if i.state is state]
