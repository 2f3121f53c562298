"""A repository whose years are kept as workbooks: every command reads them, at any revision."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from tests.conftest import git
from typer.testing import Result

Run = Callable[..., Result]


def as_workbook(sheet: Path) -> Path:
    """Save a CSV sheet as an .xlsx beside it, numbers as numbers, and remove the CSV file."""
    book = openpyxl.Workbook()
    scores = book.active
    assert scores is not None
    scores.title = "Scores"
    with sheet.open(encoding="utf-8", newline="") as handle:
        for record in csv.reader(handle):
            scores.append([float(cell) if cell.isdigit() else cell for cell in record])
    target = sheet.with_suffix(".xlsx")
    book.save(target)
    sheet.unlink()
    return target


@pytest.fixture
def area(tmp_path: Path, riverton: Path) -> Path:
    """Riverton with its last two years kept as workbooks."""
    folder = Path(shutil.copytree(riverton, tmp_path / "riverton"))
    for year in ("2012-13", "2013-14"):
        as_workbook(folder / "scores" / f"{year}.csv")
    return folder


def test_trend_reads_workbooks_beside_csv_files_alike(cli: Run, area: Path, riverton: Path) -> None:
    kept = json.loads(cli("trend", "-f", "json", cwd=area).stdout)
    plain = json.loads(cli("trend", "-f", "json", cwd=riverton).stdout)
    assert [period.pop("file") for period in kept["periods"]][-3:] == [
        "scores/2011-12.csv",
        "scores/2012-13.xlsx",
        "scores/2013-14.xlsx",
    ]
    for period in plain["periods"]:
        del period["file"]
    assert kept == plain  # every total, score and direction read alike


def test_two_files_for_one_period_is_an_error_naming_both(cli: Run, area: Path) -> None:
    (area / "scores" / "2013-14.ods").write_bytes(b"PK\x03\x04")
    result = cli("trend", cwd=area)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "scores/2013-14.xlsx: is a second sheet for 2013-14, beside scores/2013-14.ods, "
        "so which one holds the agreed scores is not clear."
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_workbook_is_read_as_it_was_at_a_revision(cli: Run, area: Path) -> None:
    git(area, "init", "-q")
    git(area, "add", ".")
    git(area, "commit", "-q", "-m", "Scores to 2013-14")
    before = json.loads(cli("score", "-f", "json", cwd=area).stdout)
    book = openpyxl.load_workbook(area / "scores" / "2013-14.xlsx")
    book["Scores"]["C5"] = 3  # indicator 4, scored for the first time
    book.save(area / "scores" / "2013-14.xlsx")
    now = json.loads(cli("score", "-f", "json", cwd=area).stdout)
    then = json.loads(cli("score", "-f", "json", "--rev", "HEAD", cwd=area).stdout)
    assert (then["total"], now["total"]) == (before["total"], before["total"] + 3)
    diff = json.loads(
        cli("diff", "-f", "json", "--rev", "HEAD", "2012-13", "2013-14", cwd=area).stdout
    )
    now_diff = json.loads(cli("diff", "-f", "json", "2012-13", "2013-14", cwd=area).stdout)
    assert (diff["after_total"], now_diff["after_total"]) == (then["total"], now["total"])
    history = json.loads(cli("history", "-f", "json", "scores/2013-14.xlsx", cwd=area).stdout)
    assert history["uncommitted"] is True
    assert [(entry["id"], entry["after"], entry["commit"]) for entry in history["entries"]][-1] == (
        "whole-sector-involved",
        "3",
        "not committed",
    )
