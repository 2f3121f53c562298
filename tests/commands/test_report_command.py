"""compactscore report through the command line: files written, refused, and escaped."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compactscore.cli import app

RIVERTON = Path(__file__).resolve().parents[2] / "examples" / "riverton"
runner = CliRunner()


@pytest.fixture
def riverton(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the Riverton repository, as the current folder."""
    folder = tmp_path / "riverton"
    shutil.copytree(RIVERTON, folder)
    monkeypatch.chdir(folder)
    return folder


def test_html_is_written_beside_you_named_for_the_period(riverton: Path) -> None:
    result = runner.invoke(app, ["report"])
    assert result.exit_code == 0, result.stderr
    page = (riverton / "report-2013-14.html").read_text(encoding="utf-8")
    assert result.stdout.startswith("Wrote report-2013-14.html: Riverton 2013-14: 23 out of 51")
    assert "<title>Riverton: Compact Scorecard for a Thriving Sector, 2013-14</title>" in page
    assert page.count("<svg") == 2
    assert "<script" not in page
    for section in ("star-chart", "total-over-time", "indicators", "gaps-to-act-on", "sources"):
        assert f'id="{section}"' in page
    assert 'id="where-the-sector-and-the-public-bodies-disagreed"' in page


def test_an_existing_file_is_never_replaced_without_force(riverton: Path) -> None:
    target = riverton / "paper.html"
    target.write_text("the paper I wrote", encoding="utf-8")
    refused = runner.invoke(app, ["report", "-o", "paper.html"])
    assert refused.exit_code == 1
    assert refused.stderr.startswith("paper.html: already exists")
    assert target.read_text(encoding="utf-8") == "the paper I wrote"
    forced = runner.invoke(app, ["report", "-o", "paper.html", "--force"])
    assert forced.exit_code == 0, forced.stderr
    assert "<svg" in target.read_text(encoding="utf-8")
    assert (riverton / "paper.html.bak").read_text(encoding="utf-8") == "the paper I wrote"
    assert "kept as paper.html.bak" in forced.stdout


def test_markdown_goes_to_the_screen_with_the_trend_as_a_table(riverton: Path) -> None:
    result = runner.invoke(app, ["report", "--format", "markdown"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "## Riverton: Compact Scorecard for a Thriving Sector, 2013-14",
        "",
        "Riverton 2013-14: 23 out of 51 (45.1%), 11 of 17 scored  ",
        # The 11 scored in 2013-14 held 21 points in 2012-13 (2,2,2,2,1,3,2,1,2,2,2) and 23 now.
        "Direction of travel: ↑ up by 2 points on the 11 indicators scored in both 2012-13 and "
        "2013-14 (23 points, against 21); the total itself is 7 points lower than in 2012-13, "
        "as 6 indicators were scored in 2012-13 only.",
    ]
    assert "| 2010-11 | 31 | 48 | 64.6% | 16 of 16, 1 n/a | ↑ up +6 on 16 in both |" in lines
    assert "| 2012-13 | 30 | 51 | 58.8% | 17 of 17 | ↑ up +5 |" in lines
    # The agree command's table: each side's score with its words, and how far apart.
    assert (
        "| 12 | Compact-proofed decisions | 0 Not in place | 2 Good progress | 2 | not agreed yet |"
        in lines
    )
    assert "<svg" not in result.stdout
    assert not list(riverton.glob("report-*"))


def test_an_earlier_period_reports_the_trend_up_to_it(riverton: Path) -> None:
    result = runner.invoke(app, ["report", "--period", "2009-10", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert [p["period"] for p in report["trend"]["periods"]] == ["2008-09", "2009-10"]
    assert (report["card"]["total"], report["previous"]["total"]) == (27, 20)
    assert report["files"] == ["scores/2008-09.csv", "scores/2009-10.csv"]
    assert report["sides_scored"] is False


def test_a_period_with_no_sheet_is_wrong_usage(riverton: Path) -> None:
    result = runner.invoke(app, ["report", "--period", "2020-21"])
    assert result.exit_code == 2
    assert "there is no sheet for 2020-21" in result.stderr
    assert "Choose one of 2008-09, 2009-10, 2010-11, 2011-12, 2012-13, 2013-14." in result.stderr
    not_a_period = runner.invoke(app, ["report", "--period", "last year"])
    assert not_a_period.exit_code == 2
    assert "'last year' is not a period." in not_a_period.stderr


def test_outside_a_repository_it_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["report"])
    assert result.exit_code == 2
    assert "no compactscore.yaml in this folder or above it" in result.stderr
    assert not list(tmp_path.iterdir())


def test_a_broken_sheet_names_its_file_and_line(riverton: Path) -> None:
    sheet = riverton / "scores" / "2011-12.csv"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("\n5,", "\n5x,", 1), "utf-8")
    result = runner.invoke(app, ["report"])
    assert result.exit_code == 1
    assert result.stderr.startswith("scores/2011-12.csv:6:")
    assert "Traceback" not in result.stderr
    assert not list(riverton.glob("report-*"))


def test_user_text_is_escaped_in_the_page(riverton: Path) -> None:
    sheet = riverton / "scores" / "2013-14.csv"
    text = sheet.read_text(encoding="utf-8")
    text = text.replace("The Thriving Sector statement is endorsed", "<script>alert(1)</script>")
    text = text.replace("Compact Group chair,3", "<img src=x onerror=alert(1)>,3", 1)
    sheet.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["report", "-o", "escaped.html"])
    assert result.exit_code == 0, result.stderr
    page = (riverton / "escaped.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<script" not in page
    assert "<img" not in page


def test_the_first_period_has_one_reading_and_no_direction(riverton: Path) -> None:
    result = runner.invoke(app, ["report", "--period", "2008-09", "-o", "-"])
    assert result.exit_code == 0, result.stderr
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>")
    assert "Direction of travel: none yet, as this is the first period scored." in page
    assert 'class="direction' not in page
    assert "<h2>2008-09</h2>" in page
    assert page.count("<svg") == 2
    assert not list(riverton.glob("report-*"))


def test_a_period_with_nothing_scored_yet_still_reports(riverton: Path) -> None:
    sheet = riverton / "scores" / "2014-15.csv"
    sheet.write_text(
        "indicator,score,evidence\n" + "".join(f"{n},,\n" for n in range(1, 18)), "utf-8"
    )
    result = runner.invoke(app, ["report", "--format", "markdown"])
    assert result.exit_code == 0, result.stderr
    assert "Riverton 2014-15: nothing scored yet, 0 of 17 scored (out of 51)  " in (result.stdout)
    html = runner.invoke(app, ["report"])
    assert html.exit_code == 0, html.stderr
    page = (riverton / "report-2014-15.html").read_text(encoding="utf-8")
    assert "2014-15 has nothing scored yet: every indicator is waiting for its score." in page
    assert '<div class="total">–<small> nothing scored yet, out of 51</small></div>' in page
    assert "0 out of 51" not in page


def test_report_loads_no_chart_or_template_library_until_it_runs() -> None:
    code = "import sys, compactscore.cli; print(sorted({'jinja2', 'pygal'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_installed_command_writes_the_report(riverton: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "compactscore", "report", "-o", "paper.html"],
        cwd=riverton,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Wrote paper.html: Riverton 2013-14: 23 out of 51 (45.1%)")
    assert (riverton / "paper.html").stat().st_size > 20_000


def test_table_and_csv_show_the_same_report_on_the_screen(riverton: Path) -> None:
    table = runner.invoke(app, ["report", "--format", "table"], terminal_width=200)
    assert table.exit_code == 0, table.stderr
    assert "Riverton 2013-14: 23 out of 51 (45.1%), 11 of 17 scored" in table.stdout
    assert "Gaps to act on" in table.stdout
    csv = runner.invoke(app, ["report", "--format", "csv"])
    assert csv.exit_code == 0, csv.stderr
    lines = csv.stdout.splitlines()
    assert lines[0].startswith("indicator,id,title,theme,score,label,evidence,action,owner")
    assert len([line for line in lines if line[:1].isdigit()]) == 17
    refused = runner.invoke(app, ["report", "--format", "table", "-o", "report.txt"])
    assert refused.exit_code == 2
    assert "--format table is for the screen" in refused.stderr
    assert not (riverton / "report.txt").exists()


@pytest.mark.parametrize(
    ("name", "begins", "then"),
    [
        (
            "board.md",
            "## Riverton: Compact Scorecard for a Thriving Sector, 2013-14\n",
            "It is Markdown: paste it into the board paper, or open it in any text editor.",
        ),
        (
            "Board.MARKDOWN",
            "## Riverton: Compact Scorecard for a Thriving Sector, 2013-14\n",
            "It is Markdown: paste it into the board paper, or open it in any text editor.",
        ),
        (
            "paper.json",
            "{\n",
            "It holds the whole report's data as JSON, for another program to read.",
        ),
        (
            "board.csv",
            "\ufeffindicator,id,title,theme,score,label,evidence,action,owner",  # for Excel
            "It holds the period's 17 indicators, one a row; it opens in Excel or LibreOffice.",
        ),
        (
            "board.htm",
            "<!DOCTYPE html>",
            "Open it in a web browser; print it, or save it as PDF, from there.",
        ),
    ],
)
def test_the_files_ending_chooses_what_is_written(
    riverton: Path, name: str, begins: str, then: str
) -> None:
    result = runner.invoke(app, ["report", "-o", name])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"Wrote {name}: Riverton 2013-14: 23 out of 51 (45.1%), 11 of 17 scored.\n{then}\n"
    )
    assert (riverton / name).read_text(encoding="utf-8").startswith(begins)


def test_the_json_written_by_its_ending_is_the_reports_data(riverton: Path) -> None:
    result = runner.invoke(app, ["report", "--period", "2009-10", "-o", "paper.json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads((riverton / "paper.json").read_text(encoding="utf-8"))
    assert (report["card"]["total"], report["previous"]["total"]) == (27, 20)
    assert "browser" not in result.stdout


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "board.docx",
            "board.docx: the file's ending chooses what the report is written as, and .docx "
            "is not one it knows: it writes .html or .htm, .md or .markdown, .json, .csv and .xlsx. ",
        ),
        (
            "board",
            "board: the file's ending chooses what the report is written as, and this name "
            "has none: it writes .html or .htm, .md or .markdown, .json, .csv and .xlsx. ",
        ),
    ],
)
def test_an_ending_it_cannot_write_is_wrong_usage(riverton: Path, name: str, message: str) -> None:
    result = runner.invoke(app, ["report", "-o", name])
    assert result.exit_code == 2
    stem = name.split(".")[0]
    assert result.stderr == message + (
        f"Name it {stem}.html for the page with charts (Word opens it too) or {stem}.md "
        "for Markdown to paste into a paper, or choose with --format html, markdown, "
        "json, csv or xlsx.\n"
    )
    assert result.stdout == ""
    assert not (riverton / name).exists()


def test_a_format_the_ending_contradicts_is_wrong_usage(riverton: Path) -> None:
    (riverton / "x.md").write_text("my notes\n", encoding="utf-8")
    result = runner.invoke(app, ["report", "--format", "html", "-o", "x.md", "--force"])
    assert result.exit_code == 2
    assert result.stderr == (
        "x.md: ends in .md, which is Markdown, but --format html asks for HTML. "
        "Name it x.html, or leave out --format and the ending chooses.\n"
    )
    assert (riverton / "x.md").read_text(encoding="utf-8") == "my notes\n"
    assert not list(riverton.glob("*.bak"))


def test_a_format_given_writes_a_file_of_any_other_ending(riverton: Path) -> None:
    result = runner.invoke(app, ["report", "--format", "markdown", "-o", "paper.txt"])
    assert result.exit_code == 0, result.stderr
    assert (riverton / "paper.txt").read_text(encoding="utf-8").startswith("## Riverton")
    assert "browser" not in result.stdout
    agreeing = runner.invoke(app, ["report", "--format", "csv", "-o", "sheet.CSV"])
    assert agreeing.exit_code == 0, agreeing.stderr
    assert (riverton / "sheet.CSV").read_text(encoding="utf-8").startswith("\ufeffindicator,id,")


def test_a_markdown_file_is_never_replaced_without_force(riverton: Path) -> None:
    (riverton / "board.md").write_text("the paper I wrote\n", encoding="utf-8")
    refused = runner.invoke(app, ["report", "-o", "board.md"])
    assert refused.exit_code == 1
    assert refused.stderr.startswith("board.md: already exists")
    assert (riverton / "board.md").read_text(encoding="utf-8") == "the paper I wrote\n"


def test_a_period_with_nothing_scored_is_not_plotted_and_shows_no_total(riverton: Path) -> None:
    sheet = riverton / "scores" / "2014-15.csv"
    sheet.write_text(
        "indicator,score,evidence\n" + "".join(f"{n},,\n" for n in range(1, 18)), "utf-8"
    )
    markdown = runner.invoke(app, ["report", "--format", "markdown"])
    assert markdown.exit_code == 0, markdown.stderr
    assert "| 2014-15 | - | 51 | - | 0 of 17 |  |" in markdown.stdout
    assert "| 2013-14 | 23 | 51 | 45.1% | 11 of 17 | ↑ up +2 on 11 in both |" in markdown.stdout
    html = runner.invoke(app, ["report"])
    assert html.exit_code == 0, html.stderr
    page = (riverton / "report-2014-15.html").read_text(encoding="utf-8")
    assert "0 of 51 (0%)" not in page
    assert '<td>2014-15</td><td class="num">-</td><td class="num">51</td>' in page
    assert "2014-15 has nothing scored yet, so it is not plotted." in page
    assert "Marked (part): 2013-14, only partly scored" in page
    assert "Marked (part): 2013-14, 2014-15" not in page
    assert "2014-15 (nothing scored yet)" in page  # the star chart's legend, not "only 0 of 17"
    assert "only 0 of 17" not in page
