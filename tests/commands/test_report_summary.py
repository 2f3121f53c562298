"""The report's summary page and action plan, read from the HTML and Markdown themselves."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Run = Callable[..., Result]

HEADER = "indicator,score,action,owner,due,status,sector_score,public_score\n"
SHEET = HEADER + (
    "1,0,Write the vision,Chair,2014-01-31,,0,2\n"  # gap 3, overdue, apart by 2
    "2,1,Fund the plan,Policy Officer,2013-14,done,1,1\n"  # gap 2, done
    "3,1,Use the poll,CVS,2099-03-31,,1,2\n"  # gap 2, open, not yet due
    "4,1,Reach faith groups,Forum,2013-12-31,,,\n"  # gap 2, overdue longest
    "5,2,,,,,3,0\n"  # gap 1, apart by 3
    "6,2,Train,CVS,,dropped,,\n"  # gap 1, dropped
    "7,3,,,,,,\n"
)


@pytest.fixture
def area(tmp_path: Path) -> Path:
    (tmp_path / "compactscore.yaml").write_text("area: Testham\nscores: scores\n", encoding="utf-8")
    (tmp_path / "scores").mkdir()
    (tmp_path / "scores" / "2013-14.csv").write_text(SHEET, encoding="utf-8")
    return tmp_path


def _section(html: str, name: str) -> str:
    start = html.index(f'id="{name}"')
    return html[start : html.index("</section>", start)]


def test_the_summary_comes_first_and_holds_what_the_board_needs(cli: Run, area: Path) -> None:
    result = cli("report", "-o", "board.html", cwd=area)
    assert result.exit_code == 0, result.stderr
    html = (area / "board.html").read_text(encoding="utf-8")
    summary = html[html.index('id="summary"') : html.index("<!-- end of summary -->")]
    assert ".summary { break-after: page;" in html
    for part in ('id="headline"', 'id="star-chart"'):
        assert part in summary
    gaps = _section(summary, "summary-the-5-largest-gaps-to-act-on")
    assert [line.split("<td>")[1].split("</td>")[0] for line in gaps.split("<tr>")[2:]] == [
        "Shared vision",  # gap 3
        "Resourced, unified plan",  # gap 2, number order
        "Compact as the measure",
        "Whole sector involved",
        "Influential representation",  # gap 1
    ]
    assert "<td>Write the vision</td><td>Chair</td>" in gaps
    overdue = _section(summary, "summary-overdue-actions")
    assert overdue.index("Reach faith groups") < overdue.index("Write the vision")
    assert "Use the poll" not in overdue and "Fund the plan" not in overdue
    apart = _section(summary, "summary-largest-disagreements")
    assert apart.index("Influential representation") < apart.index("Shared vision")
    # The rest of the report follows the summary.
    assert html.index("<!-- end of summary -->") < html.index('id="total-over-time"')


def test_the_action_plan_in_markdown_and_json(cli: Run, area: Path) -> None:
    markdown = cli("report", "--format", "markdown", cwd=area).stdout
    plan = markdown[markdown.index("### Action plan") :]
    assert plan.split("\n")[4:10] == [
        "| 4 | Whole sector involved | Reach faith groups | Forum | 2013-12-31 | overdue |",
        "| 1 | Shared vision | Write the vision | Chair | 2014-01-31 | overdue |",
        "| 3 | Compact as the measure | Use the poll | CVS | 2099-03-31 | open |",
        "| 2 | Resourced, unified plan | Fund the plan | Policy Officer | 2013-14 | done |",
        "| 6 | Capacity to deliver and engage | Train | CVS |  | dropped |",
        "",
    ]
    data = json.loads(cli("report", "--format", "json", cwd=area).stdout)
    assert [(a["number"], a["status"], a["overdue"]) for a in data["actions"]] == [
        (4, "open", True),
        (1, "open", True),
        (3, "open", False),
        (2, "done", False),
        (6, "dropped", False),
    ]
