"""``compactscore indicators --detail``: every indicator in full, for the meeting."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from typer.testing import Result

Run = Callable[..., Result]


def test_table_has_statement_points_and_prompts(cli: Run) -> None:
    result = cli("indicators", "--detail")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Version 2: 17 indicators, each scored 0 to 3, out of 51." in out
    assert (
        "│ Statement │ The LSP has a shared vision of what a Thriving Sector would look like."
        in out
    )
    assert out.count("│           │ 3 Fully in place") == 17
    assert "│   Discuss │ • Which elements matter most" not in out  # second prompt, own line
    assert "│           │ • Which elements matter most to each partner, and why?" in out
    assert "┃         3 ┃ Compact as the measure" in out
    # Themes head the first indicator of each, in order.
    themes = ["Shared vision and the plan", "Participation, representation and relationships"]
    assert out.index(themes[0]) < out.index(themes[1])


def test_period_picks_the_version(cli: Run) -> None:
    out = cli("indicators", "--detail", "--period", "2009-10").stdout
    assert "NI7 as the Compact indicator" in out
    assert "Compact as the measure" not in out
    assert "Version 1: 17 indicators" in out


def test_markdown_is_ready_to_print(cli: Run) -> None:
    out = cli("indicators", "--detail", "--format", "markdown").stdout
    assert "### Shared vision and the plan\n\n| 1 | Shared vision |\n|---:|---|\n" in out
    assert (
        "| Scores | 0 Not in place<br>1 Early progress<br>2 Good progress<br>3 Fully in place |"
        in out
    )
    assert "| Discuss | • Do all partners recognise the elements" in out
    # Numbers come in order; a theme heads each run of its indicators (10 and 11 return
    # to participation after volunteering).
    assert [line[4:] for line in out.splitlines() if line.startswith("### ")] == [
        "Shared vision and the plan",
        "Participation, representation and relationships",
        "Volunteering and civil participation",
        "Participation, representation and relationships",
        "Compact compliance and funding",
        "A strong, independent sector",
    ]


def test_csv_has_one_row_per_indicator_with_each_point(cli: Run) -> None:
    out = cli("indicators", "--detail", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 17
    assert rows[0]["0 means"] == "Not in place"
    assert rows[0]["3 means"] == "Fully in place"
    assert rows[1]["prompts"].splitlines()[1] == (
        "Does the plan identify the resources needed to achieve it?"
    )


def test_without_detail_the_summary_table_is_unchanged(cli: Run) -> None:
    out = cli("indicators").stdout
    assert "Statement" in out
    assert "Discuss" not in out
