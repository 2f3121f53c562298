"""Scoring one period: totals, maxima, n/a and not-scored, worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from compactscore.analysis.score import score_sheet
from compactscore.load.sheet import load_sheet
from compactscore.models import Definition, ScoreState, Sheet
from compactscore.results import Direction


def sheet_of(text: str, definition: Definition, name: str = "2024.csv") -> Sheet:
    return load_sheet(Path(name), definition, text=text)


SMALL = """indicator,score,evidence
1,3,Vision agreed by all partners
2,2,Plan adopted
3,n/a,No survey this year
4,,
5,1,Representation patchy
"""


def test_total_counts_only_scored_and_max_leaves_out_na(definition: Definition) -> None:
    card = score_sheet(sheet_of(SMALL, definition, "2010.csv"), definition)
    # 3 + 2 + 1 scored; indicator 3 is n/a, so the maximum is 16 indicators x 3.
    assert (card.totals.total, card.totals.max, card.totals.percent) == (6, 48, 12.5)
    assert (card.totals.scored, card.totals.count, card.totals.not_applicable) == (3, 17, 1)
    assert (card.totals.scored_max, card.totals.scored_percent) == (9, 66.7)
    states = {i.number: i.state for i in card.indicators}
    assert states[3] is ScoreState.NOT_APPLICABLE
    assert states[4] is ScoreState.NOT_SCORED
    assert states[17] is ScoreState.NOT_SCORED
    assert card.indicators[3].score is None


def test_theme_subtotals(definition: Definition) -> None:
    card = score_sheet(sheet_of(SMALL, definition, "2010.csv"), definition)
    themes = {
        theme.id: (theme.totals.total, theme.totals.max, theme.totals.scored, theme.totals.count)
        for theme in card.themes
    }
    assert themes["vision-and-plan"] == (5, 6, 2, 3)
    assert themes["participation"] == (1, 15, 1, 5)
    assert themes["strong-sector"] == (0, 12, 0, 4)
    assert sum(theme.totals.max for theme in card.themes) == card.totals.max


def test_change_and_direction_on_totals_when_both_are_complete(definition: Definition) -> None:
    before = sheet_of("indicator,score\n" + "".join(f"{n},1\n" for n in range(1, 18)), definition)
    after = sheet_of(
        "indicator,score\n" + "".join(f"{n},{2 if n <= 4 else 1}\n" for n in range(1, 18)),
        definition,
        "2025.csv",
    )
    card = score_sheet(after, definition, before)
    assert (card.totals.total, card.totals.max) == (21, 51)
    assert card.previous is not None
    assert (card.previous.earlier.total, card.previous.change) == (17, 4)
    assert card.previous.direction is Direction.UP
    assert card.previous.compared_on == "total"
    assert [i.change for i in card.indicators[:5]] == [1, 1, 1, 1, 0]


def test_direction_compares_the_indicators_scored_in_both_when_a_year_is_partial(
    definition: Definition,
) -> None:
    before = sheet_of("indicator,score\n" + "".join(f"{n},2\n" for n in range(1, 18)), definition)
    # Only three scored, all 1: the total fell from 34 to 3, and those three fell from 2 to 1.
    after = sheet_of("indicator,score\n1,1\n2,1\n3,1\n", definition, "2025.csv")
    card = score_sheet(after, definition, before)
    assert card.previous is not None
    assert card.previous.compared_on == "scored in both"
    assert (card.totals.scored_percent, card.previous.earlier.scored_percent) == (33.3, 66.7)
    # 3 indicators in both: 6 points in 2024 (3 x 2), 3 in 2025 (3 x 1): down by 3.
    figures = (card.previous.shared, card.previous.shared_before, card.previous.shared_after)
    assert figures == (3, 6, 3)
    assert (card.previous.change, card.previous.total_change) == (-3, -31)
    assert (card.previous.only_before, card.previous.only_after) == (14, 0)
    assert card.previous.direction is Direction.DOWN


def test_target_met_and_not_met(definition: Definition) -> None:
    card = score_sheet(
        sheet_of("indicator,score,target\n1,2,2\n2,1,3\n3,,2\n", definition), definition
    )
    assert [i.target_met for i in card.indicators[:3]] == [True, False, None]


@pytest.mark.parametrize(
    ("period", "total", "maximum", "scored", "percent"),
    [
        ("2008-09", 20, 51, 17, 39.2),
        ("2009-10", 27, 51, 17, 52.9),
        ("2010-11", 31, 48, 16, 64.6),
        ("2011-12", 25, 51, 17, 49.0),
        ("2012-13", 30, 51, 17, 58.8),
        ("2013-14", 23, 51, 11, 45.1),
    ],
)
def test_riverton_totals(
    riverton: Path,
    definition: Definition,
    period: str,
    total: int,
    maximum: int,
    scored: int,
    percent: float,
) -> None:
    path = riverton / "scores" / f"{period}.csv"
    card = score_sheet(load_sheet(path, definition), definition)
    assert (
        card.period,
        card.totals.total,
        card.totals.max,
        card.totals.scored,
        card.totals.percent,
    ) == (
        period,
        total,
        maximum,
        scored,
        percent,
    )
