"""Invariants of comparing areas, for any scores."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from compactscore.analysis.compare import AreaSheets, compare_areas
from compactscore.load.definition import load_definition
from compactscore.models import Row, ScoreState, Sheet
from compactscore.periods import parse_period

DEFINITION = load_definition()
CELL = st.one_of(st.none(), st.just("n/a"), st.integers(min_value=0, max_value=3))


def _sheet(cells: list[int | str | None]) -> Sheet:
    period = parse_period("2012-13")
    rows = []
    for number, cell in enumerate(cells, start=1):
        indicator = DEFINITION.in_force("2")[number - 1].id
        if cell == "n/a":
            rows.append(Row(line=number + 1, indicator=indicator, state=ScoreState.NOT_APPLICABLE))
        elif isinstance(cell, int):
            rows.append(
                Row(line=number + 1, indicator=indicator, score=cell, state=ScoreState.SCORED)
            )
    return Sheet(path="x.csv", period=period, version="2", columns=["indicator"], rows=rows)


@given(st.lists(st.lists(CELL, min_size=17, max_size=17), min_size=2, max_size=5))
def test_ranks_and_spreads_hold_for_any_scores(areas: list[list[int | str | None]]) -> None:
    result = compare_areas(
        [AreaSheets(f"Area {n}", DEFINITION, _sheet(cells)) for n, cells in enumerate(areas)]
    )
    # Nothing scored is never a score of 0: such an area has no rank, and comes last.
    ranked = [a for a in result.areas if a.rank is not None]
    assert ranked == [a for a in result.areas if a.shared.scored]
    assert result.areas[: len(ranked)] == ranked
    ranks = [area.rank for area in ranked]
    assert ranks == sorted(ranks) and ranks[:1] in ([], [1])
    partly = any(a.shared.scored + a.shared.not_applicable < result.shared for a in ranked)
    assert result.ranked_by == ("percent of scored" if partly else "percent of maximum") or (
        not ranked and result.ranked_by == "nothing scored"
    )
    # Like with like when any ranked area is partly scored; else the shared maximum.
    share = [
        Fraction(a.shared.total, a.shared.scored_max if partly else a.shared.max) for a in ranked
    ]
    for area, fraction in zip(ranked, share, strict=True):
        assert area.rank == 1 + sum(1 for other in share if other > fraction)
    for spread in result.indicators:
        scored = [s for s in spread.scores.values() if s is not None]
        if not scored:
            assert spread.median is None and spread.leaders == []
            continue
        assert spread.lowest is not None and spread.highest is not None
        assert spread.median is not None
        assert spread.lowest <= spread.median <= spread.highest
        assert spread.leaders == [a for a, s in spread.scores.items() if s == spread.highest]
