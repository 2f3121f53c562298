"""``compactscore agree`` through the command line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Run = Callable[..., Result]

ROOT = Path(__file__).resolve().parents[2]
RIVERTON = ROOT / "examples" / "riverton"
SHEET = str(RIVERTON / "scores" / "2013-14.csv")


def test_table_gives_summary_and_discussion_order(cli: Run) -> None:
    result = cli("agree", SHEET)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert (
        "Riverton 2013-14: the sector's and the public bodies' own scores on 17 indicators" in out
    )
    assert "6 match, 7 differ by 1, 4 differ by 2 or more." in out
    order = [out.index(f"│  {n} │") for n in (12, 13, 15, 17)] + [out.index("│   2 │ Resourced")]
    assert order == sorted(order)
    # Indicator 6, where both sides gave 1 and the group agreed 2, is listed too (last).
    cells = {
        row[1]: row[2:]
        for row in (
            [cell.strip() for cell in line.split("│")]
            for line in out.split("Questions for the discussion")[0].splitlines()
            if "│" in line
        )
        if row[1]
    }
    assert cells["12"][:5] == [
        "Compact-proofed decisions",
        "0 Not in place",
        "2 Good progress",
        "2",
        "not agreed yet",
    ]
    # Indicator 6, where both sides gave 1 and the group agreed 2, is listed too (last).
    assert cells["6"][1:4] == ["1 Early progress", "1 Early progress", "0"]
    assert out.index("│   6 │ Capacity to") > out.index("│  16 │ Leadership and")
    assert "• Does the plan identify the resources needed to achieve" in out
    assert "Indicator 6 (Capacity to deliver and engage): the agreed score 2 is outside" in out
    assert result.stderr == ""


def test_json_is_the_agreement(cli: Run) -> None:
    result = cli("agree", SHEET, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["matching"], data["differ_by_one"], data["differ_by_two_or_more"]) == (6, 7, 4)
    assert data["disagreements"][3]["id"] == "value-and-impact"
    assert data["disagreements"][3]["sector_score"] == 2
    assert data["outside_views"][0]["number"] == 6


def test_csv_lists_disagreements_then_matching_views_outside(cli: Run) -> None:
    result = cli("agree", SHEET, "--format", "csv")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("indicator,id,title,sector_score,sector_label,public_score")
    assert [line.split(",")[0] for line in lines[1:]] == [
        "12", "13", "15", "17", "2", "4", "8", "10", "11", "14", "16", "6",
    ]  # fmt: skip
    assert lines[-1].split(",")[3:11] == [
        "1", "Early progress", "1", "Early progress", "0", "2", "Good progress", "yes",
    ]  # fmt: skip


def test_markdown_has_the_tables(cli: Run) -> None:
    result = cli("agree", SHEET, "--format", "markdown")
    assert "### To discuss, largest difference first" in result.stdout
    assert "| 17 | Value and impact | 2 Good progress | 0 Not in place | 2 | not agreed yet |" in (
        result.stdout
    )
    assert "### Questions for the discussion" in result.stdout


def test_sheet_without_both_columns_is_a_plain_message(cli: Run) -> None:
    sheet = str(RIVERTON / "scores" / "2012-13.csv")
    result = cli("agree", sheet)
    assert result.exit_code == 0
    assert "has no sector_score and public_score columns" in " ".join(result.stdout.split())
    assert result.stderr == ""


def test_default_is_the_latest_sheet(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(RIVERTON)
    result = cli("agree", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["period"] == "2013-14"


def test_bad_side_score_is_a_data_error(cli: Run, tmp_path: Path) -> None:
    sheet = tmp_path / "2013-14.csv"
    sheet.write_text("indicator,score,sector_score,public_score\n1,2,2,4\n", encoding="utf-8")
    result = cli("agree", str(sheet))
    assert result.exit_code == 1
    assert f"{sheet}:2: public_score 4 is outside the scale 0 to 3." in result.stderr
    assert result.stdout == ""


def test_no_file_and_no_repository_is_a_usage_error(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("agree")
    assert result.exit_code == 2
    assert "no score file named" in result.stderr


def test_columns_present_but_empty(cli: Run, tmp_path: Path) -> None:
    sheet = tmp_path / "2013-14.csv"
    sheet.write_text("indicator,score,sector_score,public_score\n1,2,,\n", encoding="utf-8")
    result = cli("agree", str(sheet))
    assert result.exit_code == 0
    assert f"{sheet}: no indicator has both a sector_score and a public_score yet." in (
        " ".join(result.stdout.split())
    )


def test_headers_in_any_case_and_one_difference(cli: Run, tmp_path: Path) -> None:
    sheet = tmp_path / "2014-15.csv"
    sheet.write_text(
        "Indicator,Score,Sector Score,Public-Score\n1,2,1,3\n2,1,2,\n3,1,1,1\n", encoding="utf-8"
    )
    result = cli("agree", str(sheet))
    assert result.exit_code == 0
    assert "1 matches, 0 differ by 1, 1 differs by 2 or more." in result.stdout
    assert "Left out, one side's score or both missing: indicators 2, 4, 5," in result.stdout


# Indicator 3: the sides gave 0 and 2, the group agreed n/a. Indicator 5: both gave 2, the
# group agreed n/a. Indicator 7: the sides gave 1 and 2, the group agreed 3. Indicator 9:
# the sides gave 1 and 3, not agreed yet.
AGREED_NA = (
    "indicator,score,evidence,sector_score,public_score\n"
    "1,2,Vision refreshed.,2,2\n"
    "3,n/a,The survey was cancelled.,0,2\n"
    "5,n/a,No representation structure this year.,2,2\n"
    "7,3,The Volunteer Centre's report.,1,2\n"
    "9,,,1,3\n"
)


def test_an_agreed_n_a_is_agreed_and_outside_the_views(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    (tmp_path / "2014-15.csv").write_text(AGREED_NA, encoding="utf-8")
    out = " ".join(cli("agree", "2014-15.csv").stdout.split())
    assert "2 match, 1 differs by 1, 2 differ by 2 or more." in out
    assert (
        "│ 3 │ Compact as the measure │ 0 Not in place │ 2 Good progress │ 2 │ n/a (outside the views) │"
        in out
    )
    assert (
        "│ 9 │ Civil participation │ 1 Early progress │ 3 Fully in place │ 2 │ not agreed yet │"
        in out
    )
    assert (
        "│ 5 │ Influential representation │ 2 Good progress │ 2 Good progress │ 0 │ n/a (outside the views) │"
        in out
    )
    assert (
        "Indicator 3 (Compact as the measure): the agreed n/a is outside the two views "
        "(the sides gave 0 and 2)."
    ) in out
    assert (
        "Indicator 5 (Influential representation): the agreed n/a is outside the two views "
        "(both sides gave 2)."
    ) in out
    assert "Indicator 7 (Volunteering): the agreed score 3 is outside the two views" in out
    data = json.loads(cli("agree", "2014-15.csv", "-f", "json").stdout)
    third = next(item for item in data["disagreements"] if item["number"] == 3)
    assert (third["score"], third["state"], third["outside_views"]) == (None, "n/a", True)
    assert [item["number"] for item in data["outside_views"]] == [3, 5, 7]
    rows = cli("agree", "2014-15.csv", "-f", "csv").stdout.splitlines()
    by_number = {row.split(",")[0]: row.split(",") for row in rows[1:]}
    assert by_number["3"][8:11] == ["n/a", "", "yes"]
    assert by_number["5"][8:11] == ["n/a", "", "yes"]
    assert by_number["9"][8:11] == ["", "", "no"]
    markdown = cli("agree", "2014-15.csv", "-f", "markdown").stdout
    assert (
        "| 3 | Compact as the measure | 0 Not in place | 2 Good progress | 2 | n/a (outside the views) |"
        in markdown
    )


def test_the_report_lists_an_agreed_n_a_outside_the_views(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "scores").mkdir()
    (tmp_path / "scores" / "2014-15.csv").write_text(AGREED_NA, encoding="utf-8")
    (tmp_path / "compactscore.yaml").write_text(
        "area: Testham\ndefinition: thriving-sector\nscores: scores\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    report = cli("report", "-f", "markdown")
    assert report.exit_code == 0, report.stderr
    lines = report.stdout.splitlines()
    # The board paper shows the agree command's table: each score with its words.
    assert (
        "| 3 | Compact as the measure | 0 Not in place | 2 Good progress | 2 "
        "| n/a (outside the views) |"
    ) in lines
    assert (
        "| 9 | Civil participation | 1 Early progress | 3 Fully in place | 2 | not agreed yet |"
    ) in lines
    assert (
        "| 7 | Volunteering | 1 Early progress | 2 Good progress | 1 "
        "| 3 Fully in place (outside the views) |"
    ) in lines
    assert (
        "| 5 | Influential representation | 2 Good progress | 2 Good progress | 0 "
        "| n/a (outside the views) |"
    ) in lines
