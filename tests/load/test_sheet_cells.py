"""Reading cells: the quick paths for plain scores give the same rows and messages as ever."""

from __future__ import annotations

from pathlib import Path

import pytest

from compactscore.load.definition import load_definition
from compactscore.load.sheet import read_sheet
from compactscore.load.sheet_cells import spreadsheet_point
from compactscore.models import Scale, ScoreState

HEADER = "indicator,score,evidence,target,sector_score,public_score\n"


def _read(tmp_path: Path, body: str, name: str = "2012-13.csv") -> tuple[object, list[str]]:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    sheet, problems = read_sheet(path, load_definition(), shown=name)
    return sheet, [str(problem) for problem in problems]


def test_plain_scores_and_sides_are_read_as_numbers(tmp_path: Path) -> None:
    sheet, problems = _read(
        tmp_path, "1,2,ok,3,2,1\n2,+3,ok,,,\n3,,waiting,,0,\n4,N/A,no forum here,,,\n"
    )
    assert problems == [
        "2012-13.csv: warning: no row for indicators 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, "
        "17: counted as not scored. Add a row for each, with the score left empty if it is not "
        "agreed yet."
    ]
    rows = {row.indicator: row for row in sheet.rows}  # type: ignore[attr-defined]
    first = rows["shared-vision"]
    assert (first.score, first.state, first.target, first.sector_score, first.public_score) == (
        2,
        ScoreState.SCORED,
        3,
        2,
        1,
    )
    assert (rows["unified-plan"].score, rows["unified-plan"].state) == (3, ScoreState.SCORED)
    waiting = rows["compact-measure"]
    assert (waiting.score, waiting.state, waiting.sector_score) == (None, ScoreState.NOT_SCORED, 0)
    assert rows["whole-sector-involved"].state is ScoreState.NOT_APPLICABLE


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("1,4,x,,,", "2012-13.csv:2: score 4 is outside the scale 0 to 3. Use 0, 1, 2 or 3."),
        ("1,-1,x,,,", "2012-13.csv:2: score -1 is outside the scale 0 to 3. Use 0, 1, 2 or 3."),
        ("1,4.0,x,,,", "2012-13.csv:2: score 4.0 is outside the scale 0 to 3. Use 0, 1, 2 or 3."),
        (
            '1,"2,0",x,,,',
            "2012-13.csv:2: score '2,0' is written as a decimal; scores are whole points. Write 2.",
        ),
        (
            "1,2.5,x,,,",
            "2012-13.csv:2: score '2.5' is not a whole number. Scores are whole points: "
            "0, 1, 2 or 3; agree on one of them.",
        ),
        (
            "1,two,x,,,",
            "2012-13.csv:2: score 'two' is not a number. Write 0, 1, 2 or 3; leave it empty if "
            "not scored yet, or write n/a if it does not apply here (with the reason in evidence).",
        ),
        ("1,1,x,9,,", "2012-13.csv:2: target 9 is outside the scale 0 to 3. Use 0, 1, 2 or 3."),
        (
            "1,1,x,,x,",
            "2012-13.csv:2: sector_score 'x' is not a number. Write 0, 1, 2 or 3, or leave it empty.",
        ),
        (
            "99,1,x,,,",
            "2012-13.csv:2: there is no indicator 99. Indicator numbers go from 1 to 17.",
        ),
        (
            ",1,x,,,",
            "2012-13.csv:2: the indicator cell is empty. Write the indicator's number (1 to 17) "
            "or its id.",
        ),
        (
            "shared-vison,1,x,,,",
            "2012-13.csv:2: 'shared-vison' is not an indicator of 'Compact Scorecard for a "
            "Thriving Sector'. Did you mean 'shared-vision'? Write a number from 1 to 17 or an "
            "id; 'compactscore indicators' lists them.",
        ),
    ],
)
def test_a_wrong_cell_is_named_with_its_line_and_fix(
    tmp_path: Path, row: str, message: str
) -> None:
    _, problems = _read(tmp_path, row + "\n" + "".join(f"{n},1,x,,,\n" for n in range(2, 18)))
    # The error alone: the warning about rows left unscored waits until the errors are fixed.
    assert problems == [message]


def test_a_short_row_reads_the_cells_it_has(tmp_path: Path) -> None:
    body = "1,2\n" + "".join(f"{n},1,x,,,\n" for n in range(2, 18))
    sheet, problems = _read(tmp_path, body)
    assert problems == []
    first = sheet.rows[0]  # type: ignore[attr-defined]
    assert (first.score, first.evidence, first.target) == (2, "", None)


def test_the_users_own_columns_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "2012-13.csv"
    path.write_text("Indicator,Notes,Score\n1, keep  me ,2\n", encoding="utf-8")
    sheet, _ = read_sheet(path, load_definition(), shown="2012-13.csv")
    assert sheet is not None
    assert sheet.rows[0].extra == {"Notes": " keep  me "}
    assert sheet.columns == ["Indicator", "Notes", "Score"]


def test_a_conflict_marker_is_found_on_its_line(tmp_path: Path) -> None:
    _, problems = _read(tmp_path, "1,2,x,,,\n=======\n2,1,x,,,\n")
    assert problems == [
        "2012-13.csv:3: a git merge-conflict marker (=======) was left in the sheet. Keep the "
        "lines the group agreed, and delete the marker lines."
    ]


def test_a_side_that_says_n_a_gives_no_view(tmp_path: Path) -> None:
    body = "1,2,ok,,2,N/A\n2,n/a,no forum here,,n/a,not applicable\n" + "".join(
        f"{n},1,x,,1,1\n" for n in range(3, 18)
    )
    sheet, problems = _read(tmp_path, body)
    assert problems == []
    first, second = sheet.rows[:2]  # type: ignore[attr-defined]
    assert (first.sector_score, first.public_score) == (2, None)
    assert (second.state, second.sector_score, second.public_score) == (
        ScoreState.NOT_APPLICABLE,
        None,
        None,
    )


def test_a_target_of_n_a_is_still_not_a_number(tmp_path: Path) -> None:
    _, problems = _read(tmp_path, "1,2,ok,n/a,,\n" + "".join(f"{n},1,x,,,\n" for n in range(2, 18)))
    assert problems == [
        "2012-13.csv:2: target 'n/a' is not a number. Write 0, 1, 2 or 3, or leave it empty."
    ]


def test_evidence_marked_with_this_periods_own_name_is_not_carried(tmp_path: Path) -> None:
    body = "1,2,From 2012-13: the forum met.,,,\n2,3,From 2011-12: old.,,,\n" + "".join(
        f"{n},1,x,,,\n" for n in range(3, 18)
    )
    _, problems = _read(tmp_path, body)
    assert problems == [
        "2012-13.csv:3: warning: indicator 2 is scored, but its evidence still starts "
        "'From 2011-12:', so it is last period's. Update it with this period's evidence, "
        "and delete the 'From 2011-12:' mark."
    ]


def test_a_number_with_words_on_a_scale_without_labels_asks_for_the_number(
    tmp_path: Path,
) -> None:
    definition = load_definition().model_copy(deep=True)
    definition.scale.labels.clear()
    path = tmp_path / "2012-13.csv"
    path.write_text(
        HEADER + "1,2 points,x,,,\n" + "".join(f"{n},1,x,,,\n" for n in range(2, 18)),
        encoding="utf-8",
    )
    _, problems = read_sheet(path, definition, shown="s.csv")
    assert [str(problem) for problem in problems] == [
        "s.csv:2: score '2 points' has words after the number. Write 2, the number alone."
    ]


@pytest.mark.parametrize(
    ("cell", "point"),
    [
        ("2.0", 2),
        ("2.00", 2),
        ("+3.0", 3),
        ("2 – Good progress", 2),
        ("2 - Good progress", 2),
        ("1 (Early progress)", 1),
        ("Good progress", 2),
        ("FULLY IN PLACE", 3),
        ("0 – not in place", 0),
    ],
)
def test_spreadsheet_habits_that_name_one_point_are_read(cell: str, point: int) -> None:
    assert spreadsheet_point(cell, load_definition().scale) == point


@pytest.mark.parametrize(
    "cell", ["2.5", "4.0", "2 - Developing", "2 - Fully in place", "Good", "2,0", "1 or 2"]
)
def test_spreadsheet_habits_that_are_ambiguous_are_not(cell: str) -> None:
    assert spreadsheet_point(cell, load_definition().scale) is None


def test_a_label_two_points_share_names_neither() -> None:
    scale = Scale(min=0, max=2, labels={0: "Low", 1: "Some", 2: "Some"})
    assert spreadsheet_point("Some", scale) is None
    assert spreadsheet_point("2 - Some", scale) is None
    assert spreadsheet_point("Low", scale) == 0
