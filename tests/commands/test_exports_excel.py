"""Exports Excel opens right: a CSV file with a byte-order mark, the report's tables as .xlsx."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
from typer.testing import Result

Run = Callable[..., Result]


def test_a_csv_report_written_to_a_file_starts_with_a_byte_order_mark(
    cli: Run, tmp_path: Path, riverton: Path
) -> None:
    area = Path(shutil.copytree(riverton, tmp_path / "riverton"))
    assert cli("report", "-o", "board.csv", cwd=area).exit_code == 0
    data = (area / "board.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfindicator,id,title,")
    printed = cli("report", "-f", "csv", cwd=area).stdout
    assert printed.startswith("indicator,id,title,")  # a pipe gets plain text


def test_the_reports_tables_as_a_workbook(cli: Run, tmp_path: Path, riverton: Path) -> None:
    area = Path(shutil.copytree(riverton, tmp_path / "riverton"))
    result = cli("report", "-p", "2013-14", "-o", "board.xlsx", cwd=area)
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(area / "board.xlsx")
    assert book.sheetnames[:3] == ["Total over time", "Indicators", "Themes"]
    assert book.sheetnames[-1] == "Data"
    over_time = book["Total over time"]
    assert [cell.value for cell in over_time["A"]][1:] == [
        "2008-09",
        "2009-10",
        "2010-11",
        "2011-12",
        "2012-13",
        "2013-14",
    ]
    assert over_time["B7"].value == 23  # Riverton's 2013-14 total, a number
    refused = cli("report", "-f", "xlsx", cwd=area)
    assert refused.exit_code == 2
    assert "a workbook is written to a file, not to the screen." in refused.stderr


def test_trend_gaps_and_compare_write_workbooks_and_csv_for_excel(
    cli: Run, tmp_path: Path, riverton: Path
) -> None:
    area = Path(shutil.copytree(riverton, tmp_path / "riverton"))
    assert cli("trend", "-f", "xlsx", "-o", "trend.xlsx", cwd=area).stdout == "Wrote trend.xlsx.\n"
    totals = openpyxl.load_workbook(area / "trend.xlsx")["Totals and direction of travel"]
    assert [totals.cell(row, 2).value for row in range(2, 8)] == [
        20,
        27,
        31,
        25,
        30,
        23,
    ]  # the score columns summed
    assert cli("gaps", "-o", "gaps.xlsx", cwd=area).exit_code == 0
    assert openpyxl.load_workbook(area / "gaps.xlsx").sheetnames[-1] == "Data"
    eastmoor = riverton.parent / "eastmoor"
    result = cli("compare", str(area), str(eastmoor), "-o", "areas.xlsx", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(tmp_path / "areas.xlsx")["Areas"]["B1"].value == "Area"
    assert cli("trend", "-o", "trend.csv", cwd=area).exit_code == 0
    assert (area / "trend.csv").read_bytes().startswith(b"\xef\xbb\xbfindicator,")
    again = cli("trend", "-o", "trend.csv", cwd=area)
    assert again.exit_code == 1
    assert again.stderr.startswith("trend.csv: already exists")
    screen = cli("trend", "-f", "xlsx", cwd=area)
    assert screen.exit_code == 2
    assert "a workbook is written to a file, not to the screen." in screen.stderr
    # score writes no workbook: xlsx is not among its formats.
    score = cli("score", "-f", "xlsx", cwd=area)
    assert score.exit_code == 2
    assert score.stderr == "compactscore: --format xlsx: choose table, json, csv or markdown\n"


def test_a_workbook_without_a_file_is_refused_before_anything_is_read(
    cli: Run, tmp_path: Path
) -> None:
    # No repository here: reading would fail, but the options are wrong first.
    for command in (["trend"], ["gaps"], ["compare", "a", "b"]):
        refused = cli(*command, "-f", "xlsx", cwd=tmp_path)
        assert refused.exit_code == 2
        assert refused.stderr == (
            "compactscore: a workbook is written to a file, not to the screen. Name the file "
            "with -o, such as -o trend.xlsx (trend, gaps, compare and report take -o).\n"
        )
    unknown = cli("trend", "-o", "trend.txt", cwd=tmp_path)
    assert unknown.exit_code == 2
    assert unknown.stderr == (
        "compactscore: trend.txt: the file's ending chooses what is written, and it is not "
        "one of .xlsx, .csv, .json or .md. Name the file with one of them, or choose with "
        "--format.\n"
    )
    assert list(tmp_path.iterdir()) == []
