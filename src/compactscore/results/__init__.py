"""Pydantic models of results: what every output format renders, so none can disagree.

One module a subject; every model can be imported from here.
"""

from __future__ import annotations

from compactscore.results.agree import Agreement, Disagreement
from compactscore.results.areas import (
    AreaComparison,
    AreaResult,
    IndicatorSpread,
    RankedBy,
    UnsharedIndicator,
)
from compactscore.results.base import Basis, Direction, Flattened, Result, Totals, Travel, names_of
from compactscore.results.board import BoardReport
from compactscore.results.card import (
    Comparison,
    Gap,
    GapList,
    IndicatorScore,
    Scorecard,
    ThemeScore,
)
from compactscore.results.changes import (
    History,
    HistoryEntry,
    ScoreChange,
    SheetDiff,
    WordChange,
)
from compactscore.results.plan import ActionItem, ActionPlan
from compactscore.results.trend import IndicatorTrend, LineState, PeriodTotal, Trend

__all__ = [
    "ActionItem",
    "ActionPlan",
    "Agreement",
    "AreaComparison",
    "AreaResult",
    "Basis",
    "BoardReport",
    "Comparison",
    "Direction",
    "Disagreement",
    "Flattened",
    "Gap",
    "GapList",
    "History",
    "HistoryEntry",
    "IndicatorScore",
    "IndicatorSpread",
    "IndicatorTrend",
    "LineState",
    "PeriodTotal",
    "RankedBy",
    "Result",
    "ScoreChange",
    "Scorecard",
    "SheetDiff",
    "ThemeScore",
    "Totals",
    "Travel",
    "Trend",
    "UnsharedIndicator",
    "WordChange",
    "names_of",
]
