"""Pydantic models of results: what every output format renders, so none can disagree.

One module a subject; every model can be imported from here. A name is imported from
its module when it is first asked for, so that a command loads only the subjects it
uses: building the classes of the others is about 10 ms of a 0.3 s command.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from compactscore.results.agree import Agreement, Disagreement
    from compactscore.results.areas import (
        AreaComparison,
        AreaResult,
        IndicatorSpread,
        RankedBy,
        UnsharedIndicator,
    )
    from compactscore.results.base import (
        Basis,
        Direction,
        Flattened,
        Result,
        Totals,
        Travel,
        names_of,
    )
    from compactscore.results.board import BoardReport
    from compactscore.results.card import (
        Comparison,
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
    from compactscore.results.gaps import Gap, GapList
    from compactscore.results.plan import ActionItem, ActionPlan
    from compactscore.results.trend import IndicatorTrend, LineState, PeriodTotal, Trend

# Each name, and the module of results it is defined in.
_MODULES = {
    "ActionItem": "plan",
    "ActionPlan": "plan",
    "Agreement": "agree",
    "AreaComparison": "areas",
    "AreaResult": "areas",
    "Basis": "base",
    "BoardReport": "board",
    "Comparison": "card",
    "Direction": "base",
    "Disagreement": "agree",
    "Flattened": "base",
    "Gap": "gaps",
    "GapList": "gaps",
    "History": "changes",
    "HistoryEntry": "changes",
    "IndicatorScore": "card",
    "IndicatorSpread": "areas",
    "IndicatorTrend": "trend",
    "LineState": "trend",
    "PeriodTotal": "trend",
    "RankedBy": "areas",
    "Result": "base",
    "ScoreChange": "changes",
    "Scorecard": "card",
    "SheetDiff": "changes",
    "ThemeScore": "card",
    "Totals": "base",
    "Travel": "base",
    "Trend": "trend",
    "UnsharedIndicator": "areas",
    "WordChange": "changes",
    "names_of": "base",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


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
