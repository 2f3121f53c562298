"""Every command and format states the same direction of travel, like for like."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Run = Callable[..., Result]

# A group copies last year's 11 agreed scores unchanged and scores the 6 adjourned
# indicators for the first time: 2 + 2 + 1 + 1 + 2 + 1 = 9 more points, 32 out of 51.
NEW_SCORES = {"4": "2", "8": "2", "12": "1", "13": "1", "15": "2", "17": "1"}
SENTENCE = (
    "→ level on the 11 indicators scored in both 2013-14 and 2014-15 (23 points in each); "
    "the total itself is 9 points higher than in 2013-14, as 6 indicators were scored in "
    "2014-15 only"
)


@pytest.fixture
def copied(tmp_path: Path, riverton: Path) -> Path:
    """Riverton with a 2014-15 sheet: 2013-14's 11 scores copied, the other 6 scored."""
    folder = tmp_path / "riverton"
    shutil.copytree(riverton, folder)
    text = (folder / "scores" / "2013-14.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    for row in rows:
        row["score"] = NEW_SCORES.get(row["indicator"], row["score"])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (folder / "scores" / "2014-15.csv").write_text(out.getvalue(), encoding="utf-8")
    return folder


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_score_gaps_trend_and_report_all_say_level(cli: Run, copied: Path) -> None:
    score = cli("score", cwd=copied)
    assert score.exit_code == 0, score.stderr
    assert score.stdout.startswith("Riverton 2014-15: 32 out of 51 (62.7%), 17 of 17 scored\n")
    assert f"Direction of travel: {SENTENCE}." in _one_line(score.stdout)
    gaps = cli("gaps", cwd=copied).stdout
    assert f"Direction of travel: {SENTENCE}." in _one_line(gaps)
    assert "No indicator fell since 2013-14." in gaps
    trend = cli("trend", cwd=copied).stdout
    assert f"direction of travel {SENTENCE}." in _one_line(trend)
    assert "│ 2014-15 │    32 │     51 │   62.7% │        17 of 17 │ → level on 11 in both" in trend
    markdown = cli("report", "--format", "markdown", cwd=copied).stdout
    assert f"Direction of travel: {SENTENCE}." in markdown
    assert "| 2014-15 | 32 | 51 | 62.7% | 17 of 17 | → level on 11 in both |" in markdown
    assert "down" not in markdown.split("### Total over time")[0]
    written = cli("report", "-o", "paper.html", cwd=copied)
    assert written.exit_code == 0, written.stderr
    page = (copied / "paper.html").read_text(encoding="utf-8")
    assert (
        '<div class="direction level">→ Level<small> like for like, on the 11 scored in both'
        "</small></div>"
    ) in page
    assert f"Direction of travel: {SENTENCE}." in page
    assert "↓" not in page.split('id="star-chart"')[0]


def test_json_names_the_basis_and_carries_the_figures(cli: Run, copied: Path) -> None:
    previous = json.loads(cli("score", "-f", "json", cwd=copied).stdout)["previous"]
    expected = {
        "period": "2013-14",
        "later": "2014-15",
        "direction": "level",
        "compared_on": "scored in both",
        "change": 0,
        "total_change": 9,
        "shared": 11,
        "shared_before": 23,
        "shared_after": 23,
        "only_before": 0,
        "only_after": 6,
    }
    assert {key: previous[key] for key in expected} == expected
    last = json.loads(cli("trend", "-f", "json", cwd=copied).stdout)["periods"][-1]
    assert (last["direction"], last["compared_on"]) == ("level", "scored in both")
    assert {key: last["travel"][key] for key in expected} == expected
    gaps = json.loads(cli("gaps", "-f", "json", cwd=copied).stdout)
    assert {key: gaps["travel"][key] for key in expected} == expected
    assert gaps["fell"] == []
    report = json.loads(cli("report", "-f", "json", cwd=copied).stdout)
    assert {key: report["card"]["previous"][key] for key in expected} == expected


def test_compare_says_the_same_direction(cli: Run, copied: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(copied, other)
    (other / "compactscore.yaml").write_text(
        "area: Otherton\ndefinition: thriving-sector\nscores: scores\n", encoding="utf-8"
    )
    result = cli("compare", str(copied), str(other))
    assert result.exit_code == 0, result.stderr
    assert "→ level on 11 in both since 2013-14" in _one_line(result.stdout)
    data = json.loads(cli("compare", str(copied), str(other), "-f", "json").stdout)
    travel = data["areas"][0]["travel"]
    assert (travel["direction"], travel["shared"], travel["total_change"]) == ("level", 11, 9)


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
