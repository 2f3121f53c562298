"""The agreement of the two sides' own scores: summary, order, agreed scores outside."""

from __future__ import annotations

from pathlib import Path

from compactscore.analysis.agree import agreement_of, disagreements_of
from compactscore.load.definition import load_definition
from compactscore.load.sheet import load_sheet

ROOT = Path(__file__).resolve().parents[2]
RIVERTON = ROOT / "examples" / "riverton" / "scores"


def _sheet(tmp_path: Path, text: str, name: str = "2013-14.csv"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_sheet(path, load_definition())


def test_riverton_2013_14_summary_worked_by_hand() -> None:
    # sector/public: 1 2/2, 2 2/3, 3 2/2, 4 1/2, 5 2/2, 6 1/1, 7 3/3, 8 2/3, 9 2/2,
    # 10 2/3, 11 1/2, 12 0/2, 13 1/3, 14 3/2, 15 1/3, 16 3/2, 17 2/0
    sheet = load_sheet(RIVERTON / "2013-14.csv", load_definition())
    agreement = agreement_of(sheet, load_definition(), area="Riverton")
    assert agreement.has_views
    assert agreement.compared == 17
    assert (agreement.matching, agreement.differ_by_one, agreement.differ_by_two_or_more) == (
        6,
        7,
        4,
    )
    assert [item.number for item in agreement.disagreements] == [
        12, 13, 15, 17, 2, 4, 8, 10, 11, 14, 16,
    ]  # fmt: skip
    first = agreement.disagreements[0]
    assert (first.sector_score, first.public_score, first.difference) == (0, 2, 2)
    assert (first.sector_label, first.public_label) == ("Not in place", "Good progress")
    assert first.score is None
    assert [item.number for item in agreement.outside_views] == [6]
    six = agreement.outside_views[0]
    assert (six.sector_score, six.public_score, six.score, six.difference) == (1, 1, 2, 0)
    assert agreement.missing_views == []


def test_prompts_come_with_each_disagreement() -> None:
    sheet = load_sheet(RIVERTON / "2013-14.csv", load_definition())
    by_number = {item.number: item for item in disagreements_of(sheet, load_definition())}
    assert by_number[2].prompts[1] == "Does the plan identify the resources needed to achieve it?"
    assert by_number[12].prompts[0] == (
        "Are decisions by local public bodies and partnerships checked for Compact "
        "compliance before they are made?"
    )


def test_agreed_score_outside_differing_views_is_flagged(tmp_path: Path) -> None:
    sheet = _sheet(
        tmp_path,
        "indicator,score,sector_score,public_score\n1,3,1,2\n2,0,1,2\n3,1,1,3\n4,,2,\n5,2,,\n",
    )
    agreement = agreement_of(sheet, load_definition())
    assert [item.number for item in agreement.outside_views] == [1, 2]
    assert [item.number for item in agreement.disagreements] == [3, 1, 2]
    assert agreement.compared == 3
    assert agreement.matching == 0
    assert agreement.missing_views == [4, 5, *range(6, 18)]


def test_equal_differences_go_in_number_order(tmp_path: Path) -> None:
    sheet = _sheet(
        tmp_path,
        "indicator,score,sector_score,public_score\n9,,3,0\n4,,0,3\n7,,1,2\n2,,2,1\n",
    )
    agreement = agreement_of(sheet, load_definition())
    assert [(i.number, i.difference) for i in agreement.disagreements] == [
        (4, 3),
        (9, 3),
        (2, 1),
        (7, 1),
    ]
    assert agreement.differ_by_two_or_more == 2


def test_sheet_without_the_columns_has_no_views() -> None:
    sheet = load_sheet(RIVERTON / "2012-13.csv", load_definition())
    agreement = agreement_of(sheet, load_definition())
    assert not agreement.has_views
    assert agreement.compared == 0
    assert agreement.disagreements == []
    assert agreement.missing_views == []


def test_not_applicable_rows_are_not_missing_views(tmp_path: Path) -> None:
    rows = "".join(f"{n},2,2,2,\n" for n in range(1, 17))
    sheet = _sheet(
        tmp_path,
        "indicator,score,sector_score,public_score,evidence\n"
        + rows
        + "17,n/a,,,No local data this year\n",
    )
    agreement = agreement_of(sheet, load_definition())
    assert agreement.matching == 16
    assert agreement.missing_views == []
