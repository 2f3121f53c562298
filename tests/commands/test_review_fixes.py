"""Answers to bad situations found by trying every command as a coordinator would."""

from __future__ import annotations

import json
import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Run = Callable[..., Result]


@pytest.fixture
def area(tmp_path: Path, riverton: Path) -> Path:
    """A copy of Riverton to break."""
    return Path(shutil.copytree(riverton, tmp_path / "riverton"))


def test_an_empty_new_sheet_has_no_direction_rather_than_down(cli: Run, area: Path) -> None:
    assert cli("new", "2014-15", cwd=area).exit_code == 0
    data = json.loads(cli("score", "-f", "json", cwd=area).stdout)
    assert (data["total"], data["scored"]) == (0, 0)
    previous = data["previous"]
    assert (previous["direction"], previous["change"], previous["compared_on"]) == (
        None,
        None,
        "nothing scored",
    )
    table = cli("score", cwd=area).stdout
    assert "Direction of travel: not known yet, as nothing is scored in 2014-15" in table
    assert "down" not in table.split("\n\n")[0]


def test_new_does_not_write_a_second_sheet_for_a_period(cli: Run, area: Path) -> None:
    (area / "scores" / "2013-14.csv").rename(area / "scores" / "2013-2014.csv")
    result = cli("new", "2013-14", cwd=area)
    assert result.exit_code == 1
    assert result.stderr.startswith("scores/2013-2014.csv: already exists")
    assert not (area / "scores" / "2013-14.csv").exists()


def test_a_config_whose_scores_folder_has_no_sheets_is_warned_of(cli: Run, area: Path) -> None:
    config = area / "compactscore.yaml"
    config.write_text("area: Riverton\n", encoding="utf-8")
    result = cli("check", cwd=area)
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "compactscore.yaml: warning: its scores folder (./) holds no sheet named for a period"
    )


def test_init_into_a_file_is_a_clear_error(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("mine\n", encoding="utf-8")
    result = cli("init", "afile", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith("afile: cannot be made into a scorecard repository:")
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "mine\n"


def test_init_refuses_an_empty_area_name(cli: Run, tmp_path: Path) -> None:
    result = cli("init", "new-area", "--area", " ", cwd=tmp_path)
    assert result.exit_code == 2
    assert not (tmp_path / "new-area").exists()


def test_written_files_are_as_readable_as_the_files_they_replace(
    cli: Run, area: Path, tmp_path: Path
) -> None:
    old = os.umask(0o022)
    try:
        report = tmp_path / "paper.html"
        report.write_text("old paper\n", encoding="utf-8")
        report.chmod(0o664)
        assert cli("report", "-o", str(report), "--force", cwd=area).exit_code == 0
        assert stat.S_IMODE(report.stat().st_mode) == 0o664
        assert cli("new", "2014-15", cwd=area).exit_code == 0
        fresh = area / "scores" / "2014-15.csv"
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
    finally:
        os.umask(old)


def test_control_characters_in_a_cell_are_shown_not_obeyed(
    cli: Run, write: Callable[..., Path]
) -> None:
    sheet = write("2030.csv", "indicator,score,evidence\n1,2,\x1b[31mRED\x1b]0;pwned\x07 ok\n")
    for output in ("table", "markdown"):
        shown = cli("score", str(sheet), "-f", output).stdout
        assert "\x1b" not in shown and "\x07" not in shown
        # Shown escaped, readable: a backslash escape for each control character.
        # (Markdown puts its own backslash before '[' and ']'.)
        assert "x1b" in shown and "RED" in shown and "pwned" in shown and "x07 ok" in shown
    exported = json.loads(cli("score", str(sheet), "-f", "json").stdout)
    assert exported["indicators"][0]["evidence"] == "\x1b[31mRED\x1b]0;pwned\x07 ok"


def test_a_report_never_replaces_a_score_sheet(cli: Run, area: Path) -> None:
    sheet = area / "scores" / "2012-13.csv"
    before = sheet.read_bytes()
    result = cli("report", "--period", "2011-12", "-o", "scores/2012-13.csv", "--force", cwd=area)
    assert result.exit_code == 2
    assert "is one of the score sheets, and a report never replaces a sheet" in result.stderr
    assert sheet.read_bytes() == before


def test_trend_of_two_areas_files_is_refused(cli: Run, riverton: Path) -> None:
    result = cli("trend", "../eastmoor/scores/2011-12.csv", "scores/2012-13.csv", cwd=riverton)
    assert result.exit_code == 2
    assert "belong to different scorecard repositories" in result.stderr


def test_an_unclosed_quote_is_named_once(cli: Run, write: Callable[..., Path]) -> None:
    sheet = write("2024.csv", 'indicator,score,evidence\n1,2,"never closed\n2,1,x\n')
    result = cli("check", str(sheet))
    assert result.stdout.splitlines() == [
        f'{sheet}:2: a cell on this line opens a quote (") that is never closed. '
        "Add the closing quote, or remove the opening one.",
        "Checked 1 file: 1 error, 0 warnings.",
    ]


def test_trend_names_a_year_with_no_sheet(cli: Run, area: Path, riverton: Path) -> None:
    (area / "scores" / "2011-12.csv").unlink()
    data = json.loads(cli("trend", "-f", "json", cwd=area).stdout)
    assert data["missing"] == ["2011-12"]
    table = " ".join(cli("trend", cwd=area).stdout.split())
    assert "No sheet for 2011-12: the direction of travel across that gap compares" in table
    complete = json.loads(cli("trend", "-f", "json", cwd=riverton).stdout)
    assert complete["missing"] == []


def test_a_file_no_command_reads_in_the_scores_folder_is_pointed_out(cli: Run, area: Path) -> None:
    (area / "scores" / "2014-15.numbers").write_bytes(b"PK\x03\x04 Apple Numbers")
    (area / "scores" / "notes.txt").write_text("our notes\n", encoding="utf-8")
    result = cli("check", cwd=area)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "scores/2014-15.numbers: warning: is named for a period but is neither a CSV file nor "
        "a workbook (.xlsx, .xlsm, .xlsb, .xls, .ods), so no command reads it. Save it from the "
        "spreadsheet as CSV (2014-15.csv) or as a workbook (2014-15.xlsx), then move this one "
        "out of the scores folder.",
        "Checked 7 files: 0 errors, 1 warning.",
    ]


def test_compare_names_the_area_with_no_sheets(cli: Run, tmp_path: Path, riverton: Path) -> None:
    empty = tmp_path / "nowhere"
    (empty / "scores").mkdir(parents=True)
    (empty / "compactscore.yaml").write_text("area: Nowhere\nscores: scores\n", encoding="utf-8")
    result = cli("compare", str(riverton), "nowhere", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith("nowhere/scores: holds no score files named for a period")


def test_new_warns_of_a_period_before_the_definition(cli: Run, area: Path) -> None:
    result = cli("new", "1999-00", cwd=area)
    assert result.exit_code == 0
    assert result.stderr.startswith(
        "compactscore: warning: 1999-00 is before the first version of the definition applies "
        "(1, from 2008)"
    )
    assert (area / "scores" / "1999-00.csv").is_file()
