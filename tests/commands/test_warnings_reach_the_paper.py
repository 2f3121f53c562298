"""Every warning check gives about a sheet reaches trend (standard error) and the board paper."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Run = Callable[..., Result]

WARNING = (
    "scores/2014-15.csv:2: warning: indicator 1 is scored, but its evidence still starts "
    "'From 2013-14:', so it is last period's. Update it with this period's evidence, and "
    "delete the 'From 2013-14:' mark."
)


@pytest.fixture
def area(tmp_path: Path, riverton: Path, cli: Run) -> Path:
    """Riverton with a new 2014-15 sheet where indicator 1 is scored on last period's evidence."""
    folder = tmp_path / "riverton"
    shutil.copytree(riverton, folder)
    assert cli("new", "2014-15", cwd=folder).exit_code == 0
    path = folder / "scores" / "2014-15.csv"
    text = path.read_text(encoding="utf-8-sig")
    path.write_text(text.replace("\n1,Shared vision,,", "\n1,Shared vision,3,"), encoding="utf-8")
    return folder


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_check_trend_and_report_give_the_same_warning(cli: Run, area: Path) -> None:
    check = cli("check", cwd=area)
    assert _one_line(check.stdout).startswith(WARNING)
    trend = cli("trend", cwd=area)
    assert trend.exit_code == 0
    assert _one_line(trend.stderr) == WARNING
    table = cli("report", "-f", "table", cwd=area)
    assert _one_line(table.stderr) == WARNING
    assert "1 warning about the sheets" in _one_line(table.stdout)


def test_the_markdown_paper_shows_the_warning(cli: Run, area: Path) -> None:
    markdown = cli("report", "-f", "markdown", cwd=area).stdout
    head, _, rest = markdown.partition("### Check before the meeting")
    assert (
        "1 warning about the sheets, as 'compactscore check' gives it: see Check before the "
        "meeting."
    ) in head
    assert rest.index("| scores/2014-15.csv:2 | indicator 1 is scored, but its evidence") < (
        rest.index("### Total over time")
    )


def test_the_html_paper_shows_the_warning_before_the_charts(cli: Run, area: Path) -> None:
    result = cli("report", "-o", "paper.html", cwd=area)
    assert result.exit_code == 0, result.stderr
    assert _one_line(result.stderr) == WARNING
    page = (area / "paper.html").read_text(encoding="utf-8")
    warnings = page.index('<section class="warnings" id="check-before-the-meeting">')
    assert warnings < page.index('<section id="star-chart">')
    assert (
        "<td>scores/2014-15.csv:2</td><td>indicator 1 is scored, but its evidence still starts "
        "&#39;From 2013-14:&#39;, so it is last period&#39;s."
    ) in page


def test_a_paper_with_nothing_to_warn_about_has_no_such_section(cli: Run, riverton: Path) -> None:
    markdown = cli("report", "-f", "markdown", cwd=riverton)
    assert markdown.stderr == ""
    assert "Check before the meeting" not in markdown.stdout
