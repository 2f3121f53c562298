"""history's warning about a commit whose sheet cannot be read: counted, with the command to run."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Invoke = Callable[..., Result]
Sheet = Callable[[dict[int, str], str], str]
Commit = Callable[[Path, dict[str, str], str, str, str], None]


def broken_then_fixed(
    repo: Path, make_commit: Commit, git_as: Callable[..., str], sheet_text: Sheet
) -> str:
    """Commit 2012-13 with indicator 5 scored 'x' (one error), then fixed; the short id."""
    make_commit(
        repo,
        {"scores/2012-13.csv": sheet_text({5: "x"}, "2")},
        "Typo at the meeting",
        "Bob Chair",
        "2013-07-01T10:00:00+01:00",
    )
    broken = git_as(repo, "rev-parse", "--short", "HEAD").strip()
    make_commit(
        repo,
        {"scores/2012-13.csv": sheet_text({5: "3"}, "2")},
        "Indicator 5 as agreed",
        "Bob Chair",
        "2013-07-02T10:00:00+01:00",
    )
    return broken


def test_one_error_is_one_and_the_command_shown_runs(
    scored_repo: Path,
    cli: Invoke,
    make_commit: Commit,
    git_as: Callable[..., str],
    make_sheet: Sheet,
) -> None:
    broken = broken_then_fixed(scored_repo, make_commit, git_as, make_sheet)
    result = cli("history", "scores/2012-13.csv", cwd=scored_repo)
    assert result.exit_code == 0, result.stderr
    command = f"compactscore check --rev {broken} scores/2012-13.csv"
    assert result.stderr == (
        f"{broken}:scores/2012-13.csv: warning: could not be read at this commit, so its "
        f"changes are left out. It has 1 error; to see it, run: {command}\n"
    )
    shown = cli(*shlex.split(command)[1:], cwd=scored_repo)
    assert shown.exit_code == 1
    assert shown.stdout.startswith(f"{broken}:scores/2012-13.csv:6: score 'x' is not a number.")
    assert shown.stdout.endswith("Checked 2 files: 1 error, 0 warnings.\n")


def test_from_a_folder_below_the_command_names_the_file_from_there(
    scored_repo: Path,
    cli: Invoke,
    make_commit: Commit,
    git_as: Callable[..., str],
    make_sheet: Sheet,
) -> None:
    broken = broken_then_fixed(scored_repo, make_commit, git_as, make_sheet)
    indicators = scored_repo / "my definition.yaml"
    bundled = Path(__file__).resolve().parents[2] / "indicators" / "thriving_sector.yaml"
    indicators.write_text(bundled.read_text(encoding="utf-8"), encoding="utf-8")
    result = cli(
        "history",
        "2012-13.csv",
        "--indicators",
        "../my definition.yaml",
        cwd=scored_repo / "scores",
    )
    assert result.exit_code == 0, result.stderr
    command = f"compactscore check --rev {broken} --indicators '../my definition.yaml' 2012-13.csv"
    assert result.stderr.endswith(f"It has 1 error; to see it, run: {command}\n")
    shown = cli(*shlex.split(command)[1:], cwd=scored_repo / "scores")
    assert shown.exit_code == 1
    assert shown.stdout.startswith(f"{broken}:scores/2012-13.csv:6: score 'x' is not a number.")


def test_two_errors_are_counted_and_the_working_file_names_plain_check(
    scored_repo: Path, cli: Invoke, make_sheet: Sheet
) -> None:
    (scored_repo / "scores" / "2012-13.csv").write_text(
        make_sheet({5: "x", 6: "9"}, "2"), encoding="utf-8"
    )
    result = cli("history", "scores/2012-13.csv", cwd=scored_repo)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "scores/2012-13.csv: warning: could not be read as it is now, so its changes not "
        "committed yet are left out. It has 2 errors; to see them, run: "
        "compactscore check scores/2012-13.csv\n"
    )
