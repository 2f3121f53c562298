"""The direction of travel, like for like: figures worked out by hand, and a property test."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from compactscore.analysis.gaps import gaps_of
from compactscore.analysis.score import score_sheet
from compactscore.analysis.trend import trend_of
from compactscore.load.definition import load_definition
from compactscore.load.sheet import load_sheet
from compactscore.models import Definition, Sheet
from compactscore.render.words import travel_cell, travel_words
from compactscore.results import Basis, Comparison, Direction

DEFINITION = load_definition()


def sheet(name: str, scores: dict[int, str], definition: Definition = DEFINITION) -> Sheet:
    """A sheet of the bundled definition, read by the real loader: empty where not given."""
    lines = ["indicator,score,evidence"]
    for number in range(1, 18):
        score = scores.get(number, "")
        reason = "The survey was cancelled." if score == "n/a" else ""
        lines.append(f"{number},{score},{reason}")
    return load_sheet(Path(name), definition, text="\n".join(lines) + "\n")


def travel(before: Sheet, after: Sheet) -> Comparison:
    card = score_sheet(after, DEFINITION, before)
    assert card.previous is not None
    return card.previous


# The 11 indicators Riverton scored in 2013-14, with their scores.
ELEVEN = {
    1: "2",
    2: "2",
    3: "2",
    5: "2",
    6: "2",
    7: "3",
    9: "2",
    10: "2",
    11: "2",
    14: "2",
    16: "2",
}


def test_eleven_copied_unchanged_and_six_scored_for_the_first_time_is_level() -> None:
    before = sheet("2013-14.csv", ELEVEN)
    # The same 11 (23 points), and 4, 8, 12, 13, 15, 17 scored for the first time: 2+2+1+1+2+1.
    after = sheet("2014-15.csv", {**ELEVEN, 4: "2", 8: "2", 12: "1", 13: "1", 15: "2", 17: "1"})
    result = travel(before, after)
    assert result.direction is Direction.LEVEL
    assert result.compared_on is Basis.SCORED_IN_BOTH
    assert (result.shared, result.shared_before, result.shared_after) == (11, 23, 23)
    assert (result.change, result.total_change) == (0, 9)
    assert (result.only_before, result.only_after) == (0, 6)
    # The percent of what was scored fell, 23/33 = 69.7% to 32/51 = 62.7%: not the measure.
    assert (
        result.earlier.scored_percent,
        score_sheet(after, DEFINITION).totals.scored_percent,
    ) == (69.7, 62.7)
    assert travel_words(result) == (
        "→ level on the 11 indicators scored in both 2013-14 and 2014-15 (23 points in each); "
        "the total itself is 9 points higher than in 2013-14, as 6 indicators were scored in "
        "2014-15 only"
    )
    assert travel_cell(result) == "→ level on 11 in both"


def test_partly_scored_now_up_on_what_is_shared_while_the_total_falls() -> None:
    # 2012-13 fully scored, 1 on each of the 11 and 3 on the other six: 11 + 18 = 29.
    before = sheet(
        "2012-13.csv", {n: "1" if str(n) in map(str, ELEVEN) else "3" for n in range(1, 18)}
    )
    after = sheet("2013-14.csv", ELEVEN)  # 23 on the 11, the six not scored yet
    result = travel(before, after)
    assert (result.direction, result.compared_on) == (Direction.UP, Basis.SCORED_IN_BOTH)
    assert (result.shared, result.shared_before, result.shared_after) == (11, 11, 23)
    assert (result.change, result.total_change, result.only_before) == (12, -6, 6)
    assert travel_words(result) == (
        "↑ up by 12 points on the 11 indicators scored in both 2012-13 and 2013-14 (23 points, "
        "against 11); the total itself is 6 points lower than in 2012-13, as 6 indicators were "
        "scored in 2012-13 only"
    )


def test_partly_scored_before_down_on_what_is_shared_while_the_total_rises() -> None:
    before = sheet("2024.csv", {1: "3", 2: "3"})  # 6, two scored
    after = sheet("2025.csv", {n: "1" for n in range(1, 18)})  # 17, all scored
    result = travel(before, after)
    # 1 and 2: 6 points then, 2 now: down by 4, though the total rose from 6 to 17.
    assert (result.direction, result.change, result.total_change) == (Direction.DOWN, -4, 11)
    assert (result.shared, result.only_before, result.only_after) == (2, 0, 15)
    assert travel_cell(result) == "↓ down -4 on 2 in both"


def test_n_a_in_one_period_only_leaves_that_indicator_out() -> None:
    before = sheet("2009-10.csv", {n: "1" for n in range(1, 18)} | {3: "3"})  # 16 + 3 = 19 of 51
    after = sheet("2010-11.csv", {n: "1" for n in range(1, 18)} | {3: "n/a"})  # 16 of 48
    result = travel(before, after)
    # Not on the total (the maxima differ): on the 16 scored in both, 16 points in each.
    assert (result.direction, result.compared_on) == (Direction.LEVEL, Basis.SCORED_IN_BOTH)
    assert (result.shared, result.shared_before, result.shared_after) == (16, 16, 16)
    assert (result.total_change, result.only_before, result.only_after) == (-3, 1, 0)


def test_n_a_moved_to_another_indicator_is_level_whatever_the_totals_do() -> None:
    # Both fully scored out of 48, but 3 is n/a before and 4 after: 15 x 2 + 3 = 33, then 30.
    before = sheet("2024.csv", {n: "2" for n in range(1, 18)} | {3: "n/a", 4: "3"})
    after = sheet("2025.csv", {n: "2" for n in range(1, 18)} | {3: "0", 4: "n/a"})
    result = travel(before, after)
    assert (result.direction, result.compared_on) == (Direction.LEVEL, Basis.SCORED_IN_BOTH)
    assert (result.shared, result.shared_before, result.shared_after) == (15, 30, 30)
    assert result.total_change == -3


def test_both_fully_scored_on_the_same_indicators_compare_the_total() -> None:
    before = sheet("2024.csv", {n: "2" for n in range(1, 18)})  # 34
    after = sheet("2025.csv", {n: "2" for n in range(1, 18)} | {1: "3", 2: "3", 9: "1"})  # 35
    result = travel(before, after)
    assert (result.direction, result.compared_on, result.change) == (Direction.UP, Basis.TOTAL, 1)
    assert (result.shared, result.shared_before, result.shared_after) == (17, 34, 35)
    assert travel_words(result) == "↑ up by 1 point on the total (35 points, against 34 in 2024)"
    assert travel_cell(result) == "↑ up +1"


def test_a_replaced_indicator_continues_its_line() -> None:
    # 2010-11 is on version 1 (NI7 is indicator 3), 2011-12 on version 2 (its replacement).
    before = sheet("2010-11.csv", {n: "2" for n in range(1, 18)} | {3: "1"})  # 33
    after = sheet("2011-12.csv", {n: "2" for n in range(1, 18)} | {3: "3"})  # 35
    assert before.row_for("ni7-compact-indicator") is not None
    assert after.row_for("compact-measure") is not None
    card = score_sheet(after, DEFINITION, before)
    assert card.previous is not None
    assert (card.previous.direction, card.previous.compared_on) == (Direction.UP, Basis.TOTAL)
    assert (card.previous.shared, card.previous.change) == (17, 2)
    third = next(i for i in card.indicators if i.number == 3)
    assert (third.id, third.previous_score, third.change) == ("compact-measure", 1, 2)


def test_no_direction_when_no_indicator_is_scored_in_both() -> None:
    result = travel(sheet("2024.csv", {1: "3"}), sheet("2025.csv", {2: "1"}))
    assert (result.direction, result.change) == (None, None)
    assert (result.compared_on, result.shared) == (Basis.NONE_IN_BOTH, 0)
    assert travel_words(result) == "none, as no indicator is scored in both 2024 and 2025"


def test_nothing_scored_in_the_later_period_has_no_direction() -> None:
    result = travel(sheet("2024.csv", {1: "3"}), sheet("2025.csv", {}))
    assert (result.direction, result.compared_on) == (None, Basis.NOTHING_SCORED)
    assert travel_words(result) == "not known yet, as nothing is scored in 2025"


CELL = st.sampled_from(["", "n/a", "0", "1", "2", "3"])


@settings(max_examples=150, deadline=None)
@given(st.lists(CELL, min_size=17, max_size=17), st.lists(CELL, min_size=17, max_size=17))
def test_the_headline_never_contradicts_the_indicators(old: list[str], new: list[str]) -> None:
    before = sheet("2024.csv", dict(enumerate(old, start=1)))
    after = sheet("2025.csv", dict(enumerate(new, start=1)))
    card = score_sheet(after, DEFINITION, before)
    assert card.previous is not None
    changes = [i.change for i in card.indicators if i.change is not None]
    direction = card.previous.direction
    if not changes:
        assert direction is None
    elif all(c >= 0 for c in changes) and any(c > 0 for c in changes):
        assert direction is Direction.UP
    elif all(c <= 0 for c in changes) and any(c < 0 for c in changes):
        assert direction is Direction.DOWN
    elif all(c == 0 for c in changes):
        assert direction is Direction.LEVEL
    if changes:
        assert card.previous.change == sum(changes)
        assert card.previous.shared == len(changes)
    # trend and gaps say the same as score.
    assert trend_of([before, after], DEFINITION).periods[1].direction is direction
    gaps = gaps_of(card)
    assert gaps.fell == [i.number for i in card.indicators if (i.change or 0) < 0]
    if direction is Direction.DOWN:
        assert gaps.fell
