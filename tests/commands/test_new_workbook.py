"""new --xlsx: a scoring workbook filled in from its own drop-downs reads back exactly."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from typer.testing import Result

Run = Callable[..., Result]
CHOICES = ["0 – Not in place", "1 – Early progress", "2 – Good progress", "3 – Fully in place"]


@pytest.fixture
def area(tmp_path: Path, riverton: Path) -> Path:
    return Path(shutil.copytree(riverton, tmp_path / "riverton"))


def drop_down(sheet: openpyxl.worksheet.worksheet.Worksheet, cell: str) -> list[str]:
    """The entries of the drop-down list that covers a cell, as the file holds them."""
    for validation in sheet.data_validations.dataValidation:
        if cell in validation.sqref:
            assert validation.type == "list"
            assert validation.errorStyle in (None, "stop")  # stop is the default
            return str(validation.formula1).strip('"').split(",")
    raise AssertionError(f"no drop-down on {cell}")


def test_a_workbook_filled_from_its_drop_downs_scores_exactly(cli: Run, area: Path) -> None:
    result = cli("new", "2014-15", "--xlsx", cwd=area)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Wrote scores/2014-15.xlsx: 17 indicators, scores empty.")
    path = area / "scores" / "2014-15.xlsx"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Scores", "Instructions"]
    sheet = book["Scores"]
    assert [cell.value for cell in sheet[1]][:10] == [
        "Indicator",
        "Title",
        "Statement (for reference)",
        "Score",
        "Evidence",
        "Action",
        "Owner",
        "Target",
        "Sector score",
        "Public score",
    ]
    assert sheet["K1"].value == "2013-14 score (for reference)"
    assert sheet["K2"].value == "2 – Good progress"  # Riverton's 2013-14 score for indicator 1
    assert sheet.protection.sheet and sheet["K2"].protection.locked
    assert not sheet["D2"].protection.locked
    assert sheet.freeze_panes == "C2"
    score_list = drop_down(sheet, "D2")
    assert score_list == [*CHOICES, "n/a"]
    assert drop_down(sheet, "H5") == CHOICES  # a target is never n/a
    fills = {2: 2, 3: 3, 4: 1, 5: 0, 6: 4, 7: 2}  # row: entry of the list (4 is n/a)
    for row, entry in fills.items():
        sheet[f"D{row}"] = drop_down(sheet, f"D{row}")[entry]
    sheet["E6"] = "No forum met this year."
    sheet["H2"] = drop_down(sheet, "H2")[3]
    sheet["I2"] = drop_down(sheet, "I2")[3]
    sheet["J2"] = drop_down(sheet, "J2")[4]
    book.save(path)

    data = json.loads(cli("score", "-f", "json", "scores/2014-15.xlsx", cwd=area).stdout)
    assert (data["total"], data["scored"], data["not_applicable"]) == (2 + 3 + 1 + 0 + 2, 5, 1)
    first = data["indicators"][0]
    assert (first["score"], first["target"], first["extra"]) == (2, 3, {"Title": "Shared vision"})
    assert data["indicators"][4]["state"] == "n/a"
    agree = json.loads(cli("agree", "-f", "json", "scores/2014-15.xlsx", cwd=area).stdout)
    assert agree["period"] == "2014-15"


def test_a_value_typed_past_the_list_is_named_by_its_cell(cli: Run, area: Path) -> None:
    assert cli("new", "2014-15", "--xlsx", cwd=area).exit_code == 0
    path = area / "scores" / "2014-15.xlsx"
    book = openpyxl.load_workbook(path)
    book["Scores"]["D3"] = "n/a"
    book["Scores"]["E3"] = None  # last period's evidence, carried, taken out
    book["Scores"]["I4"] = "2 - Fully in place"
    book.save(path)
    result = cli("check", "scores/2014-15.xlsx", cwd=area)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "scores/2014-15.xlsx: sheet 'Scores', cell E3: indicator 2 is marked n/a with no reason. "
        "Say in the evidence column why it does not apply here.",
        "scores/2014-15.xlsx: sheet 'Scores', cell I4: sector_score '2 - Fully in place' has "
        "words after the number, but 'Fully in place' is the label for 3. Agree which is meant "
        "and write that number alone: 2 or 3.",
        "Checked 1 file: 2 errors, 0 warnings.",
    ]


def test_the_workbook_carries_words_and_targets_as_a_csv_sheet_does(cli: Run, area: Path) -> None:
    assert cli("new", "2014-15", "--xlsx", cwd=area).exit_code == 0
    sheet = openpyxl.load_workbook(area / "scores" / "2014-15.xlsx")["Scores"]
    # Indicator 1 in 2013-14: evidence, an open action, its owner, and a target of 3.
    assert str(sheet["E2"].value).startswith("From 2013-14: The Thriving Sector statement")
    assert sheet["F2"].value == (
        "From 2013-14: Take the statement to the police and crime commissioner's partnership board."
    )
    assert sheet["G2"].value == "From 2013-14: Compact Group chair"
    assert sheet["H2"].value == 3
    assert sheet["D2"].value is None  # the score is this period's to agree


def test_new_keeps_the_kind_of_last_periods_sheet(cli: Run, area: Path) -> None:
    assert cli("new", "2014-15", "--xlsx", cwd=area).exit_code == 0
    assert cli("new", cwd=area).exit_code == 0
    assert (area / "scores" / "2015-16.xlsx").is_file()
    assert cli("new", "--csv", cwd=area).exit_code == 0
    assert (area / "scores" / "2016-17.csv").read_bytes().startswith(b"\xef\xbb\xbfindicator,")


def test_a_sheet_of_the_other_kind_is_never_doubled(cli: Run, area: Path) -> None:
    result = cli("new", "2013-14", "--xlsx", "--force", cwd=area)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "scores/2013-14.csv: is already the sheet for 2013-14; a .xlsx file beside it would "
        "be a second one."
    )
    assert not (area / "scores" / "2013-14.xlsx").exists()


def test_init_can_start_with_a_scoring_workbook(cli: Run, tmp_path: Path) -> None:
    result = cli("init", "riverside", "--xlsx", "--period", "2024-25", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    path = tmp_path / "riverside" / "scores" / "2024-25.xlsx"
    sheet = openpyxl.load_workbook(path)["Scores"]
    assert [sheet.cell(row, 1).value for row in range(2, 19)] == list(range(1, 18))
    assert sheet["K1"].value is None  # no last period to show
    assert cli("check", cwd=tmp_path / "riverside").stdout == (
        "Checked 2 files: 0 errors, 0 warnings.\n"
    )


def test_the_input_message_says_what_each_level_means_for_the_indicator(
    cli: Run, tmp_path: Path, riverton: Path
) -> None:
    area = Path(shutil.copytree(riverton.parent / "kingsbridge", tmp_path / "kingsbridge"))
    assert cli("new", "2013-14", "--xlsx", cwd=area).exit_code == 0
    sheet = openpyxl.load_workbook(area / "scores" / "2013-14.xlsx")["Scores"]
    assert sheet["A12"].value == 11
    message = next(v for v in sheet.data_validations.dataValidation if "D12" in v.sqref).prompt
    # Kingsbridge's own words for indicator 11's levels come first, lowest to highest.
    assert message.startswith(
        "0 – No measure of the relationship. 1 – Measured, but no initiatives follow. "
        "2 – Measured yearly, with some initiatives. "
        "3 – Measured yearly, improving, with joint initiatives."
    )
    plain = next(v for v in sheet.data_validations.dataValidation if "D2" in v.sqref).prompt
    assert not plain.startswith("0 –")  # indicator 1 has no levels of its own: its prompts
