"""Trends: every period oldest to newest, and the direction of travel."""

from __future__ import annotations

from itertools import pairwise

from compactscore.analysis.direction import sign_of, travel_between
from compactscore.analysis.score import score_sheet
from compactscore.models import Definition, Sheet
from compactscore.periods import Period, parse_period
from compactscore.results import Direction, IndicatorTrend, LineState, PeriodTotal, Trend, names_of


def trend_of(sheets: list[Sheet], definition: Definition, area: str = "") -> Trend:
    """The trend of sheets already sorted oldest first."""
    cards = [score_sheet(sheet, definition) for sheet in sheets]
    # Each period's direction of travel is from the period before it; the first has none.
    travels = [None, *(travel_between(a, b, definition.lineage) for a, b in pairwise(cards))]
    periods = [
        PeriodTotal(
            period=card.period,
            file=card.file,
            version=card.version,
            totals=card.totals,
            travel=travel,
        )
        for card, travel in zip(cards, travels, strict=False)
    ]
    lines: dict[str, IndicatorTrend] = {}
    for card in cards:
        for indicator in card.indicators:
            key = definition.lineage(indicator.id)
            line = lines.setdefault(
                key,
                IndicatorTrend(
                    **names_of(indicator),
                    ids={},
                    scores={},
                    states={},
                    direction=None,
                ),
            )
            # The newest period names the line: a replacement continues it.
            line.number, line.id, line.title = indicator.number, indicator.id, indicator.title
            line.ids[card.period] = indicator.id
            line.scores[card.period] = indicator.score
            line.states[card.period] = LineState(indicator.state.value)
    labels = [card.period for card in cards]
    for line in lines.values():
        seen = [label for label in labels if label in line.states]
        for label in labels:
            if label not in line.states:
                # Before its first period it was not yet introduced; after its last, retired.
                line.scores[label] = None
                line.states[label] = (
                    LineState.NOT_IN_FORCE
                    if labels.index(label) < labels.index(seen[0])
                    else LineState.RETIRED
                )
        line.scores = {label: line.scores[label] for label in labels}
        line.states = {label: line.states[label] for label in labels}
        line.direction = _latest_direction(line, labels)
    ordered = sorted(lines.values(), key=lambda line: (_retired_last(line, labels), line.number))
    return Trend(
        area=area,
        definition=definition.title,
        periods=periods,
        indicators=ordered,
        missing=_missing([sheet.period for sheet in sheets if sheet.period is not None]),
    )


def _missing(periods: list[Period]) -> list[str]:
    """The periods between the first and the last that have no sheet."""
    have = {period.start for period in periods}
    if not periods:
        return []
    kind = periods[0].kind
    return [
        Period(kind=kind, start=start).label
        for start in range(min(have), max(have) + 1)
        if start not in have
    ]


def _retired_last(line: IndicatorTrend, labels: list[str]) -> bool:
    return bool(labels) and line.states[labels[-1]] is LineState.RETIRED


def _latest_direction(line: IndicatorTrend, labels: list[str]) -> Direction | None:
    """Latest score against the one before it; None when either is missing."""
    if len(labels) < 2:
        return None
    before, after = line.scores[labels[-2]], line.scores[labels[-1]]
    if before is None or after is None:
        return None
    return sign_of(after - before)


def trend_from(trend: Trend, first: str) -> Trend:
    """The trend from one period on: directions still compare with the period before it.

    Lines of indicators retired or not yet in force all through the kept periods go.
    """
    labels = [period.period for period in trend.periods]
    kept = labels[labels.index(first) :]
    lines = []
    for line in trend.indicators:
        states = {label: line.states[label] for label in kept}
        if all(state in (LineState.NOT_IN_FORCE, LineState.RETIRED) for state in states.values()):
            continue
        lines.append(
            line.model_copy(
                update={
                    "ids": {label: id_ for label, id_ in line.ids.items() if label in kept},
                    "scores": {label: line.scores[label] for label in kept},
                    "states": states,
                }
            )
        )
    return trend.model_copy(
        update={
            "periods": [period for period in trend.periods if period.period in kept],
            "indicators": lines,
            "missing": [label for label in trend.missing if _later(label, first)],
        }
    )


def _later(label: str, first: str) -> bool:
    after, start = parse_period(label), parse_period(first)
    return after is not None and start is not None and start < after
