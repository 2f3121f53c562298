"""``compactscore history`` on a real git repository with several authors and a correction."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Invoke = Callable[..., Result]
Sheet = Callable[[dict[int, str], str], str]


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


def test_history_of_an_untracked_file(scored_repo: Path, cli: Invoke, make_sheet: Sheet) -> None:
    (scored_repo / "scores" / "2013-14.csv").write_text(make_sheet({}, "1"), encoding="utf-8")
    result = cli("history", "scores/2013-14.csv", cwd=scored_repo)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "scores/2013-14.csv: is not tracked by git, so it has no history yet. "
        "Save it in the record: compactscore save -m 'Scores agreed at the meeting'"
    )


def test_git_not_installed(scored_repo: Path, cli: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("compactscore.load.git.shutil.which", lambda name: None)
    result = cli("history", "scores/2011-12.csv", cwd=scored_repo)
    assert result.exit_code == 1
    assert "git is not installed, so the history cannot be read." in result.stderr


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
