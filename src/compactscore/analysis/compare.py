"""Comparing areas: totals, ranks and the spread of each indicator they share."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from fractions import Fraction

from compactscore.analysis.score import score_sheet, totals_of
from compactscore.models import Definition, Sheet
from compactscore.periods import Period
from compactscore.results import (
    AreaComparison,
    AreaResult,
    IndicatorScore,
    IndicatorSpread,
    RankedBy,
    Scorecard,
    UnsharedIndicator,
    names_of,
)

RANKED_ON = {
    RankedBy.PERCENT_OF_MAXIMUM: (
        "Ranked on the percent of the maximum of the {shared} indicators every area has."
    ),
    RankedBy.PERCENT_OF_SCORED: (
        "Some areas have not scored all {shared} indicators the areas share, so each area is "
        "ranked like with like on the percent of the points of those it has scored."
    ),
    RankedBy.NOTHING_SCORED: "Not ranked: no area has scored any of the {shared} indicators every area has.",
    RankedBy.NOTHING_SHARED: "Not ranked: the areas have no indicator in common.",
}


@dataclass(frozen=True)
class AreaSheets:
    """One area's sheet for the period compared, and the sheet of its period before."""

    name: str
    definition: Definition
    sheet: Sheet
    previous: Sheet | None = None


def common_periods(periods: list[list[Period]]) -> list[Period]:
    """The periods every area has a sheet for, oldest first."""
    if not periods:
        return []
    common = set(periods[0]).intersection(*periods[1:])
    return sorted(common, key=lambda period: period.sort_key)


def compare_areas(areas: list[AreaSheets]) -> AreaComparison:
    """The areas side by side for one period, ranked like with like on what they share."""
    cards = [
        score_sheet(area.sheet, area.definition, area.previous, area=area.name) for area in areas
    ]
    shared = _shared_ids(cards)
    results = [_area_result(area, card, shared) for area, card in zip(areas, cards, strict=True)]
    ranked_by = _rank(results, len(shared))
    return AreaComparison(
        period=cards[0].period if cards else "",
        ranked_on=RANKED_ON[ranked_by].format(shared=len(shared)),
        ranked_by=ranked_by,
        shared=len(shared),
        mixed_versions=len({(card.definition, card.version) for card in cards}) > 1,
        # Unranked areas last, in the order given; sorted() keeps that order for ties.
        areas=sorted(results, key=lambda result: (result.rank is None, result.rank or 0)),
        indicators=[_spread(key, cards) for key in shared],
        unshared=_unshared(areas, cards, set(shared)),
    )


def _shared_ids(cards: list[Scorecard]) -> list[str]:
    """Indicator ids in every area's set, in the first area's number order."""
    if not cards:
        return []
    others = [{i.id for i in card.indicators} for card in cards[1:]]
    return [i.id for i in cards[0].indicators if all(i.id in ids for ids in others)]


def _area_result(area: AreaSheets, card: Scorecard, shared: list[str]) -> AreaResult:
    return AreaResult(
        area=area.name,
        file=card.file,
        period=card.period,
        definition=card.definition,
        version=card.version,
        totals=card.totals,
        shared=totals_of([i for i in card.indicators if i.id in shared]),
        rank=None,
        travel=card.previous,
    )


def _rank(results: list[AreaResult], shared: int) -> RankedBy:
    """Rank by the exact fraction, highest first; equal fractions share a rank.

    An area that scored none of the shared indicators gets no rank: nothing scored is
    not a score of 0. When a ranked area left some shared indicator unscored, every area
    is measured on the points of what it scored (like with like), as trend does.
    """
    # A scale topping out at 0 would leave nothing to divide by: no rank either.
    ranked = [result for result in results if result.shared.scored and result.shared.scored_max]
    if not ranked:
        return RankedBy.NOTHING_SCORED if shared else RankedBy.NOTHING_SHARED
    partly = any(r.shared.partly_scored for r in ranked)
    fractions = [
        Fraction(r.shared.total, r.shared.scored_max if partly else r.shared.max) for r in ranked
    ]
    for result, fraction in zip(ranked, fractions, strict=True):
        result.rank = 1 + sum(1 for other in fractions if other > fraction)
    return RankedBy.PERCENT_OF_SCORED if partly else RankedBy.PERCENT_OF_MAXIMUM


def _spread(key: str, cards: list[Scorecard]) -> IndicatorSpread:
    found: dict[str, IndicatorScore] = {}
    for card in cards:
        found[card.area] = next(i for i in card.indicators if i.id == key)
    first = found[cards[0].area]
    scores = {area: indicator.score for area, indicator in found.items()}
    values = [score for score in scores.values() if score is not None]
    highest = max(values) if values else None
    return IndicatorSpread(
        **names_of(first),
        scores=scores,
        lowest=min(values) if values else None,
        median=float(statistics.median(values)) if values else None,
        highest=highest,
        leaders=[area for area, score in scores.items() if values and score == highest],
    )


def _unshared(
    areas: list[AreaSheets], cards: list[Scorecard], shared: set[str]
) -> list[UnsharedIndicator]:
    """Indicators some areas score and others do not, each with the areas that have it."""
    found: dict[str, UnsharedIndicator] = {}
    for area, card in zip(areas, cards, strict=True):
        by_id = {indicator.id: indicator for indicator in area.definition.indicators}
        for indicator in card.indicators:
            if indicator.id in shared:
                continue
            entry = found.setdefault(
                indicator.id,
                UnsharedIndicator(
                    **names_of(indicator),
                    areas=[],
                    versions=[],
                    replaces=by_id[indicator.id].replaces,
                ),
            )
            entry.areas.append(card.area)
            if card.version not in entry.versions:
                entry.versions.append(card.version)
    return sorted(found.values(), key=lambda entry: (entry.number, entry.id))
