"""--rev, history and diff on a real git repository with several authors and a correction."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Invoke = Callable[..., Result]
Sheet = Callable[[dict[int, str], str], str]
Commit = Callable[[Path, dict[str, str], str, str, str], None]


def totals(result: Result) -> list[tuple[str, int, int, str | None]]:
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    return [(p["period"], p["total"], p["max"], p["direction"]) for p in data["periods"]]


def test_trend_now_and_at_earlier_revisions(scored_repo: Path, cli: Invoke) -> None:
    # 2010-11: 16 x 1 = 16 of 48 (NI7 n/a); 2011-12: 34, corrected to 35, of 51 (up on
    # percent: 33.3% to 68.6%); 2012-13: 16 x 2 + 1 = 33 of 51 (down on the total).
    assert totals(cli("trend", "--format", "json", cwd=scored_repo)) == [
        ("2010-11", 16, 48, None),
        ("2011-12", 35, 51, "up"),
        ("2012-13", 33, 51, "down"),
    ]
    assert totals(cli("trend", "--format", "json", "--rev", "HEAD~1", cwd=scored_repo)) == [
        ("2010-11", 16, 48, None),
        ("2011-12", 34, 51, "up"),
        ("2012-13", 33, 51, "down"),
    ]
    assert totals(
        cli("trend", "--format", "json", "--rev", "HEAD~2", cwd=scored_repo / "scores")
    ) == [
        ("2010-11", 16, 48, None),
        ("2011-12", 34, 51, "up"),
    ]


def test_rev_reads_the_committed_file_not_the_working_one(
    scored_repo: Path, cli: Invoke, make_sheet: Sheet
) -> None:
    (scored_repo / "scores" / "2012-13.csv").write_text(make_sheet({}, "0"), encoding="utf-8")
    now = json.loads(cli("score", "--format", "json", cwd=scored_repo).stdout)
    committed = json.loads(
        cli("score", "--format", "json", "--rev", "HEAD", cwd=scored_repo).stdout
    )
    assert (now["total"], committed["total"]) == (0, 33)
    # The previous period comes from the same revision: 2011-12 as corrected, 35.
    assert committed["previous"]["total"] == 35
    earlier = cli(
        "score", "scores/2011-12.csv", "--format", "json", "--rev", "HEAD~1", cwd=scored_repo
    )
    assert json.loads(earlier.stdout)["total"] == 34


def test_gaps_and_check_at_a_revision(scored_repo: Path, cli: Invoke) -> None:
    gaps = json.loads(cli("gaps", "--format", "json", "--rev", "HEAD~2", cwd=scored_repo).stdout)
    assert gaps["period"] == "2011-12" and len(gaps["gaps"]) == 17
    checked = cli("check", "--rev", "HEAD~3", cwd=scored_repo)
    assert checked.exit_code == 0
    assert checked.stdout.strip() == "Checked 2 files: 0 errors, 0 warnings."


def test_a_sheet_broken_in_a_commit_is_named_with_its_revision(
    scored_repo: Path, cli: Invoke, make_commit: Callable[..., None]
) -> None:
    broken = "indicator,score\n1,7\n"
    make_commit(scored_repo, {"scores/2012-13.csv": broken}, "Oops", "Bob Chair", "")
    result = cli("check", "--rev", "HEAD", cwd=scored_repo)
    assert result.exit_code == 1
    assert "HEAD:scores/2012-13.csv:2: " in result.stdout
    assert cli("check", "--rev", "HEAD~1", cwd=scored_repo).exit_code == 0


def test_history_lists_every_change_with_commit_author_and_message(
    scored_repo: Path, cli: Invoke, make_sheet: Sheet
) -> None:
    (scored_repo / "scores" / "2011-12.csv").write_text(make_sheet({4: "3", 5: "0"}, "2"))
    result = cli(
        "history", "scores/2011-12.csv", "--scores-only", "--format", "json", cwd=scored_repo
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    entries = data["entries"]
    assert data["commits"] == 2 and data["uncommitted"] is True
    assert len(entries) == 17 + 1 + 1
    first = entries[0]
    assert (first["date"], first["author"], first["message"]) == (
        "2012-05-15 11:30",
        "Bob Chair",
        "Scores 2011-12 agreed",
    )
    assert (first["number"], first["before"], first["after"]) == (1, "", "2")
    correction = entries[17]
    assert (correction["author"], correction["date"], correction["message"]) == (
        "Carol Officer",
        "2013-06-01 14:00",
        "Correct indicator 4 for 2011-12",
    )
    assert (correction["number"], correction["before"], correction["after"]) == (4, "2", "3")
    assert correction["change"] == 1
    assert len(correction["commit"]) >= 7
    pending = entries[18]
    assert (pending["commit"], pending["number"], pending["before"], pending["after"]) == (
        "not committed",
        5,
        "2",
        "0",
    )


def test_history_table_shows_not_committed(scored_repo: Path, cli: Invoke) -> None:
    result = cli("history", "scores/2010-11.csv", "--scores-only", cwd=scored_repo)
    assert result.exit_code == 0
    assert "17 changes of score in 1 commit, oldest first" in result.stdout
    assert "Ann Coordinator" in result.stdout and "not committed" not in result.stdout
    assert "n/a" in result.stdout  # NI7's n/a is recorded as set, not hidden


def test_history_follows_a_renamed_sheet(
    scored_repo: Path, cli: Invoke, git_as: Callable[..., str]
) -> None:
    git_as(scored_repo, "mv", "scores/2011-12.csv", "scores/2011-2012.csv")
    git_as(scored_repo, "commit", "-q", "-m", "Name sheets in full", author="Bob Chair")
    data = json.loads(
        cli(
            "history", "scores/2011-2012.csv", "--scores-only", "-f", "json", cwd=scored_repo
        ).stdout
    )
    assert data["commits"] == 3 and data["uncommitted"] is False
    assert [e["message"] for e in data["entries"]][16:] == [
        "Scores 2011-12 agreed",
        "Correct indicator 4 for 2011-12",
    ]


@pytest.mark.parametrize(
    ("args", "message", "status"),
    [
        (
            ["trend", "--rev", "nope"],
            "the revision 'nope' does not exist in this git repository.",
            2,
        ),
        (["score", "--rev", "HEAD~9"], "the revision 'HEAD~9' does not exist", 2),
        (["history", "scores/2099-00.csv"], "does not exist and never did", 1),
        (
            ["score", "scores/2013-14.csv", "--rev", "HEAD"],
            "HEAD:scores/2013-14.csv: was not in the repository at that revision.",
            1,
        ),
    ],
)
def test_git_refusals_are_plain(
    scored_repo: Path, cli: Invoke, args: list[str], message: str, status: int
) -> None:
    result = cli(*args, cwd=scored_repo)
    assert result.exit_code == status
    assert message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_history_of_an_untracked_file(scored_repo: Path, cli: Invoke, make_sheet: Sheet) -> None:
    (scored_repo / "scores" / "2013-14.csv").write_text(make_sheet({}, "1"), encoding="utf-8")
    result = cli("history", "scores/2013-14.csv", cwd=scored_repo)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "scores/2013-14.csv: is not tracked by git, so it has no history yet. "
        "Save it in the record: compactscore save -m 'Scores agreed at the meeting'"
    )


def test_outside_git(tmp_path: Path, cli: Invoke, make_sheet: Sheet) -> None:
    (tmp_path / "2012.csv").write_text(make_sheet({}, "1"), encoding="utf-8")
    for args in (["history", "2012.csv"], ["score", "2012.csv", "--rev", "HEAD"]):
        result = cli(*args, cwd=tmp_path)
        assert result.exit_code == 1
        assert "is not in a git repository, so there is no history to read." in result.stderr


def test_git_not_installed(scored_repo: Path, cli: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("compactscore.load.git.shutil.which", lambda name: None)
    result = cli("history", "scores/2011-12.csv", cwd=scored_repo)
    assert result.exit_code == 1
    assert "git is not installed, so the history cannot be read." in result.stderr


def test_diff_between_periods_and_between_revisions(scored_repo: Path, cli: Invoke) -> None:
    periods = json.loads(
        cli("diff", "2011-12", "2012-13", "--format", "json", cwd=scored_repo).stdout
    )
    assert (periods["before_total"], periods["after_total"]) == (35, 33)
    assert [(c["number"], c["before"], c["after"], c["change"]) for c in periods["changes"]] == [
        (4, "3", "2", -1),
        (5, "2", "1", -1),
    ]
    revisions = cli(
        "diff", "HEAD~1", "HEAD", "scores/2011-12.csv", "--format", "json", cwd=scored_repo
    )
    data = json.loads(revisions.stdout)
    assert (data["before"], data["after"]) == (
        "HEAD~1:scores/2011-12.csv",
        "HEAD:scores/2011-12.csv",
    )
    assert [(c["number"], c["change"]) for c in data["changes"]] == [(4, 1)]
    across = json.loads(
        cli("diff", "2010-11", "2011-12", "--format", "json", cwd=scored_repo).stdout
    )
    third = next(c for c in across["changes"] if c["number"] == 3)
    assert (third["id"], third["before"], third["after"]) == ("compact-measure", "n/a", "2")


def test_diff_wrong_usage(scored_repo: Path, cli: Invoke) -> None:
    result = cli("diff", "2011-12", "2019-20", cwd=scored_repo)
    assert result.exit_code == 2
    assert "the repository has no sheet for 2019-20." in result.stderr
    result = cli("diff", "HEAD~1", "HEAD", cwd=scored_repo)
    assert result.exit_code == 2
    assert "'HEAD~1' is neither a score file nor a period." in result.stderr


def test_a_revision_is_named_under_the_headline(scored_repo: Path, cli: Invoke) -> None:
    for command in ("score", "trend", "gaps"):
        result = cli(command, "--rev", "HEAD~1", cwd=scored_repo)
        assert result.exit_code == 0, result.stderr
        assert "Read as the files were at git revision HEAD~1." in result.stdout, command
        assert "git revision" not in cli(command, cwd=scored_repo).stdout, command
    markdown = cli("score", "--rev", "HEAD~1", "-f", "markdown", cwd=scored_repo).stdout
    assert "Read as the files were at git revision HEAD~1." in markdown
    data = json.loads(cli("score", "--rev", "HEAD~1", "-f", "json", cwd=scored_repo).stdout)
    assert data["file"] == "HEAD~1:scores/2012-13.csv"


def test_check_at_a_revision_reads_yaml_as_yaml(
    scored_repo: Path, cli: Invoke, make_commit: Commit
) -> None:
    config = cli("check", "--rev", "HEAD", "compactscore.yaml", cwd=scored_repo)
    assert (config.exit_code, config.stdout) == (0, "Checked 1 file: 0 errors, 0 warnings.\n")
    assert cli("check", "compactscore.yaml", cwd=scored_repo).stdout == config.stdout
    bundled = (Path(__file__).parents[2] / "indicators" / "thriving_sector.yaml").read_text("utf-8")
    broken = bundled.replace("  - id: shared-vision\n", "  - id: Shared Vision\n", 1)
    make_commit(
        scored_repo, {"ours.yaml": bundled}, "Our definition", "Ann Coordinator", "2013-07-01T10:00"
    )
    make_commit(scored_repo, {"ours.yaml": broken}, "Rename an id", "Bob Chair", "2013-07-02T10:00")
    good = cli("check", "--rev", "HEAD~1", "ours.yaml", cwd=scored_repo)
    assert (good.exit_code, good.stdout) == (0, "Checked 2 files: 0 errors, 0 warnings.\n")
    bad = cli("check", "--rev", "HEAD", "ours.yaml", cwd=scored_repo)
    assert bad.exit_code == 1
    assert bad.stdout.startswith("HEAD:ours.yaml:")
    assert "header" not in bad.stdout  # read as a definition, never as a sheet
    assert cli("check", "ours.yaml", cwd=scored_repo).stdout.startswith("ours.yaml:")


def test_history_keeps_the_whole_commit_message_at_80_columns(
    scored_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from compactscore.cli import app

    monkeypatch.chdir(scored_repo)
    result = CliRunner().invoke(
        app, ["history", "scores/2011-12.csv"], env={"COLUMNS": "80", "NO_COLOR": "1"}
    )
    assert result.exit_code == 0, result.stderr
    changes = result.stdout.split("\nChanges\n")[1]
    # At 80 columns each change is a block; the reason for the change is all there.
    assert re.search(r"\n  Message: +Correct indicator 4 for 2011-12\n", changes)
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
