"""The gap list worked out by hand: aims, targets, falls and the not scored."""

from __future__ import annotations

from pathlib import Path

from compactscore.analysis.gaps import gaps_of
from compactscore.analysis.score import score_sheet
from compactscore.load.definition import load_definition
from compactscore.load.sheet import load_sheet
from compactscore.models import Sheet

HEADER = "indicator,score,evidence,action,owner,target"


def sheet(name: str, rows: dict[int, str]) -> Sheet:
    """A sheet of the bundled definition; rows give 'score,evidence,action,owner,target'."""
    lines = [HEADER]
    for number in range(1, 18):
        lines.append(f"{number},{rows.get(number, '3,,,,')}")
    return load_sheet(Path(name), load_definition(), text="\n".join(lines) + "\n")


def test_gaps_largest_first_with_falls_flagged_and_targets() -> None:
    before = sheet("2011-12.csv", {2: "3,,,,", 4: "2,,,,", 6: "1,,,,", 7: "0,,,,"})
    after = sheet(
        "2012-13.csv",
        {
            2: "1,,Fund the plan,Council officer,",  # fell 3 -> 1: gap 2
            4: "2,,Reach faith groups,CVS,",  # level at 2: gap 1
            6: "1,,,,2",  # target 2: gap 1, not fell
            7: "0,,Start again,Chair,",  # gap 3, level at 0
            8: "2,,,,2",  # at its target: no gap
            9: ",Agreed in May.,,,",  # not scored: listed apart
        },
    )
    card = score_sheet(after, load_definition(), before, area="Testham")
    gaps = gaps_of(card)
    assert [(g.number, g.score, g.aim, g.gap, g.fell) for g in gaps.gaps] == [
        (7, 0, 3, 3, False),
        (2, 1, 3, 2, True),
        (4, 2, 3, 1, False),
        (6, 1, 2, 1, False),
    ]
    assert gaps.gaps[1].previous_score == 3
    assert (gaps.gaps[1].action, gaps.gaps[1].owner) == ("Fund the plan", "Council officer")
    assert gaps.gaps[3].aim_is_target and not gaps.gaps[0].aim_is_target
    assert [i.number for i in gaps.not_scored] == [9]
    assert gaps.previous_period == "2011-12"
    assert gaps.area == "Testham"


def test_a_fall_comes_before_an_equal_gap_that_did_not_fall() -> None:
    before = sheet("2011-12.csv", {3: "2,,,,", 5: "3,,,,"})
    after = sheet("2012-13.csv", {3: "2,,,,", 5: "2,,,,"})
    gaps = gaps_of(score_sheet(after, load_definition(), before))
    assert [(g.number, g.fell) for g in gaps.gaps] == [(5, True), (3, False)]
    assert gaps.gaps[0].previous_score == 3 and gaps.gaps[1].previous_score == 2


def test_no_previous_period_flags_nothing() -> None:
    gaps = gaps_of(score_sheet(sheet("2012-13.csv", {1: "0,,,,"}), load_definition()))
    assert [(g.number, g.gap, g.fell, g.previous_score) for g in gaps.gaps] == [(1, 3, False, None)]
    assert gaps.previous_period is None
