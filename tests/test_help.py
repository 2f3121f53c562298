"""--help in the user's words, at 80 columns: no Python types, no summary cut short."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from compactscore.cli import app

Run = Callable[..., Result]

COMMANDS = [
    "init", "new", "check", "score", "trend", "gaps", "agree", "diff", "history", "save",
    "actions", "indicators", "compare", "report",
]  # fmt: skip


@pytest.fixture
def at_80(cli: Run, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("COLUMNS", "80")
    return cli


def test_the_command_list_gives_each_summary_whole(at_80: Run) -> None:
    result = at_80("--help")
    assert result.exit_code == 0
    listed = result.stdout.split("Commands:\n")[1].splitlines()
    assert [line.split()[0] for line in listed] == COMMANDS
    assert all(line.endswith(".") and not line.endswith("...") for line in listed)
    assert "  gaps        The gap list, for planning action." in listed
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_help_speaks_in_words_within_80_columns(at_80: Run, command: str) -> None:
    result = at_80(command, "--help")
    assert result.exit_code == 0
    assert not re.search(r"<[\w\[\]|]+>", result.stdout)  # no <str>, <path>, <list[Path]>
    assert "[x>=" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_arguments_and_options_are_named_for_what_they_hold(at_80: Run) -> None:
    trend = at_80("trend", "--help").stdout
    assert "Usage: compactscore trend [OPTIONS] [FILE]..." in trend
    # trend also writes its tables as a workbook, to a file.
    assert "  -f, --format FORMAT  Output format: table, json, csv, markdown, or xlsx" in trend
    score = at_80("score", "--help").stdout
    assert "  -f, --format FORMAT  Output format: table, json, csv or markdown." in score
    assert "  --since PERIOD       Only the periods from this one on." in trend
    assert "  --rev REV  " in trend and "  --indicators FILE  " in trend
    assert "  BEFORE  A period, a score file, or a git revision." in at_80("diff", "--help").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["score", "--format", "html"], "--format html: choose table, json, csv or markdown"),
        (["score", "--format", "xlsx"], "--format xlsx: choose table, json, csv or markdown"),
        (["trend", "-f", "xml"], "--format xml: choose table, json, csv, markdown or xlsx"),
        (["check", "--format", "gitlab"], "--format gitlab: choose text or github"),
        (
            ["report", "--format", "pdf"],
            "--format pdf: choose html, markdown, json, csv, xlsx or table",
        ),
    ],
)
def test_a_wrong_format_is_named_with_the_choices(cli: Run, args: list[str], message: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stderr == f"compactscore: {message}\n"
    assert result.stdout == ""


def test_a_format_in_capitals_is_understood(cli: Run, riverton: object) -> None:
    result = cli("score", "-f", "JSON", cwd=riverton)  # type: ignore[arg-type]
    assert result.exit_code == 0
    assert result.stdout.startswith("{")


@pytest.mark.parametrize("command", ["trend", "gaps", "diff", "new", "init", "history"])
def test_every_command_has_an_example(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: compactscore " + command in result.stdout


# The console script lists the commands from an app that knows their names and help only,
# and runs a command from an app of that one command: what it prints must be the whole app's.
WHOLE_APP = "from compactscore.cli import app; app(prog_name='compactscore')"


@pytest.mark.parametrize(
    "args",
    [[], ["--help"], ["-h"], ["--bogus"], ["scroe"], ["score", "--help"], ["trend", "--lats", "2"]],
    ids=" ".join,
)
def test_the_console_script_prints_what_the_whole_app_prints(
    args: list[str], tmp_path: Path
) -> None:
    def run(*command: str) -> tuple[int, str, str]:
        env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
        done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env)
        return done.returncode, done.stdout, done.stderr

    script = run(str(Path(sys.executable).with_name("compactscore")), *args)
    assert script == run(sys.executable, "-c", WHOLE_APP, *args)
    assert script[1 if script[0] == 0 else 2].startswith("Usage: compactscore ")
