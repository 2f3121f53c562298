"""compactscore diff of two files: one area's periods, never two areas' sheets."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Run = Callable[..., Result]


def test_two_areas_sheets_are_refused_with_compare_offered(cli: Run, riverton: Path) -> None:
    result = cli("diff", "../kingsbridge/scores/2012-13.csv", "scores/2012-13.csv", cwd=riverton)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "compactscore: ../kingsbridge/scores/2012-13.csv and scores/2012-13.csv belong to "
        "different scorecard repositories (../kingsbridge and .), so they are not two periods "
        "of one area. Name two sheets of one area; to put the areas side by side, run: "
        "compactscore compare ../kingsbridge .\n"
    )


def test_a_period_here_and_another_areas_sheet_are_refused(cli: Run, riverton: Path) -> None:
    result = cli("diff", "2012-13", "../eastmoor/scores/2013-14.csv", cwd=riverton)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "compactscore: 2012-13 and ../eastmoor/scores/2013-14.csv belong to different "
        "scorecard repositories (. and ../eastmoor),"
    )


def test_another_areas_two_sheets_are_read_with_its_own_definition(
    cli: Run, riverton: Path
) -> None:
    result = cli(
        "diff",
        "../kingsbridge/scores/2009-10.csv",
        "../kingsbridge/scores/2011-12.csv",
        "-f",
        "json",
        cwd=riverton,
    )
    assert result.exit_code == 0, result.stderr
    diff = json.loads(result.stdout)
    third = next(change for change in diff["changes"] if change["number"] == 3)
    # Kingsbridge keeps NI7 in every year (its own v1-only definition); the bundled one
    # would have read 2011-12's indicator 3 as the compact-measure that replaced it.
    assert (third["id"], third["before"], third["after"]) == ("ni7-compact-indicator", "1", "2")
    assert (diff["before"], diff["after"]) == ("2009-10", "2011-12")


def test_a_loose_copy_is_compared_with_the_areas_sheet_by_name(
    cli: Run, riverton: Path, write: Callable[..., Path]
) -> None:
    sheet = (riverton / "scores" / "2012-13.csv").read_text(encoding="utf-8")
    lines = sheet.splitlines(keepends=True)
    row = next(i for i, line in enumerate(lines) if line.startswith("7,"))
    fields = lines[row].split(",")
    assert fields[2] == "3"  # indicator 7 scored 3 in Riverton's 2012-13
    lines[row] = ",".join([*fields[:2], "2", *fields[3:]])
    copy = write("downloads/2012-13.csv", "".join(lines))
    result = cli("diff", "scores/2012-13.csv", str(copy), "-f", "json", cwd=riverton)
    assert result.exit_code == 0, result.stderr
    diff = json.loads(result.stdout)
    assert (diff["before"], diff["after"]) == ("scores/2012-13.csv", str(copy))
    assert (diff["before_total"], diff["after_total"]) == (30, 29)
    assert [(c["number"], c["before"], c["after"]) for c in diff["changes"]] == [(7, "3", "2")]


def test_a_diff_across_the_definition_change_says_which_indicator_replaced_which(
    cli: Callable[..., Result], riverton: Path
) -> None:
    result = cli("diff", "2010-11", "2011-12", cwd=riverton)
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert (
        "│ 3 │ Compact as the measure (replaced NI7 as the Compact indicator) │ n/a │ 1 │ │" in out
    )
    assert (
        "Indicator 3: Compact as the measure (compact-measure) replaced NI7 as the Compact "
        "indicator (ni7-compact-indicator), so n/a is the score of the indicator it replaced."
    ) in out
    data = json.loads(cli("diff", "2010-11", "2011-12", "-f", "json", cwd=riverton).stdout)
    third = next(change for change in data["changes"] if change["number"] == 3)
    assert (third["id"], third["replaced_id"]) == ("compact-measure", "ni7-compact-indicator")
    rows = cli("diff", "2010-11", "2011-12", "-f", "csv", cwd=riverton).stdout
    assert "3,compact-measure,Compact as the measure,score,n/a,1,,ni7-compact-indicator" in rows
