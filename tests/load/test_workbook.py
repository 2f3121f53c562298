"""Reading score sheets kept as workbooks: cells as a CSV export would hold them, errors by cell."""

from __future__ import annotations

import datetime
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from typer.testing import Result

from compactscore.load.sheet import load_sheet, read_sheet
from compactscore.load.workbook import column_letters
from compactscore.models import Definition, ScoreState


def _workbook(path: Path, rows: list[list[object]], title: str = "Scores") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("position", "letters"), [(0, "A"), (2, "C"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ")]
)
def test_columns_are_lettered_as_spreadsheets_letter_them(position: int, letters: str) -> None:
    assert column_letters(position) == letters


def test_numbers_typed_as_numbers_are_whole_points(tmp_path: Path, definition: Definition) -> None:
    path = _workbook(
        tmp_path / "2024.xlsx",
        [["indicator", "score", "evidence"], [1.0, 2.0, "Minutes"], [2, 3, "Plan"], [3, None, ""]],
    )
    sheet = load_sheet(path, definition)
    assert [(row.indicator, row.score) for row in sheet.rows] == [
        ("shared-vision", 2),
        ("unified-plan", 3),
        ("compact-measure", None),
    ]
    assert sheet.rows[2].state is ScoreState.NOT_SCORED


def test_a_problem_names_the_sheet_and_cell(tmp_path: Path, definition: Definition) -> None:
    path = _workbook(
        tmp_path / "2024.xlsx",
        [
            ["Riverside scorecard"],
            [],
            ["indicator", "title", "score"],
            [1, "Shared vision", 2.5],
            [2, "Plan", datetime.date(1900, 1, 2)],
            [1, "Shared vision again", 1],
        ],
        title="Year 2024",
    )
    _, problems = read_sheet(path, definition, shown="2024.xlsx")
    assert [str(problem) for problem in problems] == [
        "2024.xlsx: sheet 'Year 2024', cell C4: score '2.5' is not a whole number. "
        "Scores are whole points: 0, 1, 2 or 3; agree on one of them.",
        "2024.xlsx: sheet 'Year 2024', cell C5: score 1900-01-02 is a date: the spreadsheet "
        "formatted the cell as a date. Format the cell as a number or as text, then type the "
        "score again (0, 1, 2 or 3).",
        "2024.xlsx: sheet 'Year 2024', cell A6: indicator 1 (shared-vision) is already on row 4. "
        "Keep one row per indicator and delete the other.",
    ]
    assert [problem.line for problem in problems] == [4, 5, 6]


def test_the_sheet_named_scores_is_read_before_the_others(
    tmp_path: Path, definition: Definition
) -> None:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Last year"
    first.append(["indicator", "score"])
    first.append([1, 0])
    scores = book.create_sheet("SCORES")
    scores.append(["indicator", "score"])
    scores.append([1, 3])
    book.save(tmp_path / "2024.xlsx")
    sheet = load_sheet(tmp_path / "2024.xlsx", definition)
    assert sheet.rows[0].score == 3


def test_reading_a_csv_sheet_does_not_import_the_workbook_reader(tmp_path: Path) -> None:
    (tmp_path / "2024.csv").write_text("indicator,score\n1,2\n", encoding="utf-8")
    code = (
        "import sys; from compactscore.cli import main; sys.argv = ['compactscore', 'check', "
        f"{str(tmp_path / '2024.csv')!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "assert 'python_calamine' not in sys.modules and 'xlsxwriter' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


@pytest.mark.parametrize(
    ("header", "rows", "scores"),
    [
        (["No.", "Indicator", "Score"], [["1.", "Shared vision", "2"]], [("shared-vision", 2)]),
        (["no", "score"], [["2", "3"]], [("unified-plan", 3)]),
        (["No.", "Title", "Indicator", "Score"], [["x", "t", "1", "1"]], [("shared-vision", 1)]),
    ],
)
def test_no_names_the_indicator_column(
    tmp_path: Path,
    definition: Definition,
    header: list[str],
    rows: list[list[str]],
    scores: list[tuple[str, int]],
) -> None:
    path = tmp_path / "2024.csv"
    path.write_text("\n".join(",".join(row) for row in [header, *rows]) + "\n", encoding="utf-8")
    sheet, problems = read_sheet(path, definition)
    assert sheet is not None, problems
    assert [(row.indicator, row.score) for row in sheet.rows] == scores


def test_the_owner_file_excel_keeps_beside_an_open_workbook_is_passed_over(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    _workbook(tmp_path / "2024.xlsx", [["indicator", "score"], [1, 2]])
    (tmp_path / "~$2024.xlsx").write_bytes(b"\x0bCoordinator" + b"\x00" * 40)
    result = cli("check", ".", cwd=tmp_path)
    assert result.stdout.endswith("Checked 1 file: 0 errors, 1 warning.\n")
