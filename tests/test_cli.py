"""The command line as a user meets it: output, formats, help and exit statuses."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from compactscore import __version__
from compactscore.cli import app

Run = Callable[..., Result]


def test_version(cli: Run) -> None:
    result = cli("--version")
    assert (result.exit_code, result.stdout) == (0, f"compactscore {__version__}\n")


def test_every_command_has_help_with_an_example(cli: Run) -> None:
    names = [command.name or command.callback.__name__ for command in app.registered_commands]
    assert {"score", "check", "indicators"} <= set(names)
    for name in names:
        result = cli(name, "--help")
        assert result.exit_code == 0, name
        assert "Example: compactscore " in result.stdout, name


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    names = [command.name or command.callback.__name__ for command in app.registered_commands]
    undocumented = [name for name in names if f"### `compactscore {name}" not in readme]
    assert undocumented == []


def test_score_json_shape(cli: Run, riverton: Path) -> None:
    result = cli("score", str(riverton / "scores" / "2010-11.csv"), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert {"period", "total", "max", "percent", "scored", "indicators"} <= set(data)
    assert (data["period"], data["total"], data["max"], data["percent"], data["scored"]) == (
        "2010-11",
        31,
        48,
        64.6,
        16,
    )
    third = data["indicators"][2]
    assert {"number", "id", "title", "theme", "score", "max"} <= set(third)
    assert (third["number"], third["id"], third["score"], third["max"]) == (
        3,
        "ni7-compact-indicator",
        None,
        3,
    )
    assert third["state"] == "n/a"
    assert data["previous"]["period"] == "2009-10"
    assert data["previous"]["direction"] == "up"


def test_score_table_headline_and_markers(cli: Run, riverton: Path) -> None:
    result = cli("score", str(riverton / "scores" / "2013-14.csv"))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Riverton 2013-14: 23 out of 51 (45.1%), 11 of 17 scored"
    assert "not scored" in result.stdout
    assert "Not scored yet: 6 indicators (4, 8, 12, 13, 15, 17); 69.7% of the points" in (
        result.stdout
    )
    assert "\x1b[" not in result.stdout


def test_score_with_no_file_uses_the_latest_period(cli: Run, riverton: Path) -> None:
    result = cli("score", "--format", "json", cwd=riverton / "scores")
    assert json.loads(result.stdout)["period"] == "2013-14"


def test_score_csv_and_markdown_agree_with_json(cli: Run, riverton: Path) -> None:
    sheet = str(riverton / "scores" / "2012-13.csv")
    data = json.loads(cli("score", sheet, "-f", "json").stdout)
    rows = list(csv.DictReader(io.StringIO(cli("score", sheet, "-f", "csv").stdout)))
    assert [int(row["score"]) for row in rows] == [i["score"] for i in data["indicators"]]
    markdown = cli("score", sheet, "-f", "markdown").stdout
    assert markdown.startswith("Riverton 2012-13: 30 out of 51 (58.8%), 17 of 17 scored")
    assert "| Total | 30 | 51 | 17 of 17 |" in markdown


def test_bad_sheet_exits_1_with_file_and_line(cli: Run, write: Callable[..., Path]) -> None:
    path = write("2024.csv", "indicator,score\n1,2\n2,lots\n")
    result = cli("score", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"{path}:3: score 'lots' is not a number.")
    assert "Traceback" not in result.stderr


def test_check_lists_every_problem_and_exits_1(cli: Run, write: Callable[..., Path]) -> None:
    good = write("2023.csv", "indicator,score\n1,2\n")
    bad = write("2024.csv", "indicator,score\n1,9\n1,2\n")
    result = cli("check", str(good), str(bad))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{good}: warning: no row for indicators 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,"
        " 16, 17: counted as not scored. Add a row for each, with the score left empty if it is"
        " not agreed yet.",
        f"{bad}:2: score 9 is outside the scale 0 to 3. Use 0, 1, 2 or 3.",
        f"{bad}:3: indicator 1 (shared-vision) is already on line 2. Keep one row per indicator"
        " and delete the other.",
        "Checked 2 files: 2 errors, 1 warning.",
    ]


def test_check_the_example_repository_is_clean(cli: Run, riverton: Path) -> None:
    result = cli("check", cwd=riverton)
    assert (result.exit_code, result.stdout) == (0, "Checked 7 files: 0 errors, 0 warnings.\n")


def test_check_github_annotations(cli: Run, write: Callable[..., Path]) -> None:
    path = write("2024.csv", "indicator,score\n1,9\n")
    result = cli("check", str(path), "--format", "github")
    assert result.stdout.splitlines()[0] == (
        f"::error file={path},line=2::score 9 is outside the scale 0 to 3. Use 0, 1, 2 or 3."
    )


@pytest.mark.parametrize(
    "args",
    [["score", "--format", "xml", "x.csv"], ["frobnicate"], ["score", "a.csv", "b.csv"]],
)
def test_wrong_usage_exits_2(cli: Run, args: list[str]) -> None:
    assert cli(*args).exit_code == 2


def test_no_file_and_no_repository_is_wrong_usage(cli: Run, tmp_path: Path) -> None:
    result = cli("score", cwd=tmp_path)
    assert result.exit_code == 2
    assert "no score file named, and no compactscore.yaml in this folder or above it" in (
        result.stderr
    )


def test_indicators_by_period(cli: Run) -> None:
    before = json.loads(cli("indicators", "--format", "json").stdout)
    assert before["version"] == "2"
    table = cli("indicators", "--period", "2010-11").stdout
    assert "ni7-compact-indicator" in table
    assert "compact-measure" not in table
    assert "Version 1, applies from 2008: 17 indicators, each scored 0 to 3, out of 51." in table


def test_indicators_for_a_period_before_the_definition_says_so(cli: Run, tmp_path: Path) -> None:
    result = cli("indicators", "--period", "1999", cwd=tmp_path)
    assert result.exit_code == 0
    assert "Version 1, applies from 2008" in result.stdout
    assert result.stderr == (
        "compactscore: warning: 1999 is before the first version of the definition applies "
        "(1, from 2008), so the indicators shown are that version's. Check the period, or use "
        "a definition that covers it.\n"
    )


def test_another_definition_with_indicators_option(cli: Run, write: Callable[..., Path]) -> None:
    definition = write(
        "mine.yaml",
        "id: mine\ntitle: Mine\nversion: '1'\nscale: {min: 0, max: 2}\n"
        "themes: [{id: all, title: All}]\n"
        "indicators:\n"
        "  - {id: one, number: 1, title: One, statement: First., theme: all}\n"
        "  - {id: two, number: 2, title: Two, statement: Second., theme: all}\n",
    )
    sheet = write("2024.csv", "indicator,score\none,2\n2,1\n")
    result = cli("score", str(sheet), "--indicators", str(definition), "-f", "json")
    data = json.loads(result.stdout)
    assert (data["total"], data["max"], data["percent"]) == (3, 4, 75.0)


def test_a_sheets_warnings_are_shown_by_score_gaps_and_agree(
    cli: Run, write: Callable[..., Path]
) -> None:
    sheet = write("2012.csv", "indicator,score,evidence\n1,2,From 2011: Old words.\n2,1,New.\n")
    warnings = (
        f"{sheet}:2: warning: indicator 1 is scored, but its evidence still starts "
        "'From 2011:', so it is last period's. Update it with this period's evidence, and "
        "delete the 'From 2011:' mark.\n"
        f"{sheet}: warning: no row for indicators 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, "
        "16, 17: counted as not scored. Add a row for each, with the score left empty if it "
        "is not agreed yet.\n"
    )
    for command in ("score", "gaps", "agree"):
        result = cli(command, str(sheet), "--format", "json")
        assert result.exit_code == 0, command
        assert result.stderr == warnings, command
        json.loads(result.stdout)  # the warnings never get into the results
