"""The direction of travel between two periods, like for like: the one rule every view uses."""

from __future__ import annotations

from collections.abc import Callable

from compactscore.models import ScoreState
from compactscore.results import Basis, Direction, Scorecard, Travel


def sign_of(change: int) -> Direction:
    """Up, down or level, from a change in points."""
    if change > 0:
        return Direction.UP
    if change < 0:
        return Direction.DOWN
    return Direction.LEVEL


def travel_between(before: Scorecard, after: Scorecard, lineage: Callable[[str], str]) -> Travel:
    """The direction of travel from ``before`` to ``after``, and what it rests on.

    Only the indicators scored (a number, not n/a or empty) in both periods are
    compared, matched by ``lineage`` so that a replacement continues its line: the
    direction is the sign of the change in their points, level when that is 0,
    whatever the totals do. When both periods are fully scored out of the same
    maximum on the same indicators, that sum is the total itself, and the basis
    says so. No direction when no indicator is scored in both.
    """
    earlier = _scored(before, lineage)
    later = _scored(after, lineage)
    shared = [key for key in later if key in earlier]
    shared_before = sum(earlier[key] for key in shared)
    shared_after = sum(later[key] for key in shared)
    basis = Basis.SCORED_IN_BOTH
    if not earlier or not later:
        basis = Basis.NOTHING_SCORED  # nothing scored is not a score of 0
    elif not shared:
        basis = Basis.NONE_IN_BOTH
    elif (
        _complete(before)
        and _complete(after)
        and before.totals.max == after.totals.max
        and len(shared) == len(earlier) == len(later)
    ):
        basis = Basis.TOTAL
    known = basis in (Basis.TOTAL, Basis.SCORED_IN_BOTH)
    change = shared_after - shared_before
    return Travel(
        period=before.period,
        later=after.period,
        direction=sign_of(change) if known else None,
        compared_on=basis,
        change=change if known else None,
        total_change=after.totals.total - before.totals.total,
        shared=len(shared),
        shared_before=shared_before,
        shared_after=shared_after,
        only_before=len(earlier) - len(shared),
        only_after=len(later) - len(shared),
    )


def _scored(card: Scorecard, lineage: Callable[[str], str]) -> dict[str, int]:
    """Each scored indicator's points, keyed by the first id of its line."""
    return {
        lineage(i.id): i.score
        for i in card.indicators
        if i.state is ScoreState.SCORED and i.score is not None
    }


def _complete(card: Scorecard) -> bool:
    return card.totals.scored == card.totals.applicable
