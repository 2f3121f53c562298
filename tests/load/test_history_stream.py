"""history reads every revision of a sheet through one git process, not one per commit."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from compactscore.load import git

Invoke = Callable[..., Result]
Sheet = Callable[[dict[int, str], str], str]
Commit = Callable[[Path, dict[str, str], str, str, str], None]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _count_git_processes(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Record the command line of every process the git module starts."""
    started: list[list[str]] = []
    real_run, real_popen = subprocess.run, subprocess.Popen

    def run(command: list[str], *args: object, **kwargs: object) -> object:
        started.append(list(command))
        return real_run(command, *args, **kwargs)  # type: ignore[call-overload]

    def popen(command: list[str], *args: object, **kwargs: object) -> object:
        started.append(list(command))
        return real_popen(command, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(git.subprocess, "run", run)
    monkeypatch.setattr(git.subprocess, "Popen", popen)
    return started


def _corrections(repo: Path, make_commit: Commit, make_sheet: Sheet, count: int) -> None:
    """Commit indicator 1 of 2012-13 scored 0, 1, 2, 3, 0, ... once per commit."""
    for number in range(count):
        make_commit(
            repo,
            {"scores/2012-13.csv": make_sheet({1: str(number % 4), 5: "1"}, "2")},
            f"Correction {number + 1}",
            "Dan Clerk",
            f"2014-01-{number + 1:02d}T10:00:00+00:00",
        )


def test_git_processes_do_not_grow_with_the_commits(
    scored_repo: Path,
    cli: Invoke,
    make_commit: Commit,
    make_sheet: Sheet,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started = _count_git_processes(monkeypatch)
    result = cli("history", "--format", "json", "scores/2012-13.csv", cwd=scored_repo)
    assert result.exit_code == 0, result.stderr
    few, commits = len(started), json.loads(result.stdout)["commits"]

    _corrections(scored_repo, make_commit, make_sheet, 6)
    started.clear()
    result = cli("history", "--format", "json", "scores/2012-13.csv", cwd=scored_repo)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["commits"] == commits + 6
    # Indicator 1 was 2, then 0, 1, 2, 3, 0, 1: one change in each of the six commits.
    scores = [e for e in data["entries"] if e["column"] == "score"]
    assert [e["after"] for e in scores if e["number"] == 1][-7:] == [
        "2", "0", "1", "2", "3", "0", "1"
    ]  # fmt: skip
    assert len(started) == few
    # git's own safety options come first; the subcommand is what follows them.
    assert sum(command[-2:] == ["cat-file", "--batch"] for command in started) == 1


def test_blobs_come_in_order_with_none_for_a_name_git_does_not_find(scored_repo: Path) -> None:
    blobs = list(
        git.read_blobs(
            ["HEAD~1:scores/2011-12.csv", "HEAD:scores/1999-00.csv", "HEAD:compactscore.yaml"],
            scored_repo,
        )
    )
    assert blobs[0] is not None and blobs[0].splitlines()[4] == b"4,2,Evidence 4.,Action 4,Owner 4,"
    assert blobs[1] is None
    assert blobs[2] == b"area: Testham\ndefinition: thriving-sector\nscores: scores\n"


def test_blobs_outside_a_repository_are_a_git_error(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # an empty .git stops git looking further up
    with pytest.raises(git.GitError) as caught:
        list(git.read_blobs(["HEAD:2012.csv"], tmp_path))
    assert str(caught.value).startswith(
        f"{tmp_path}: git cat-file failed: fatal: not a git repository"
    )


def test_reading_stopped_early_ends_the_git_process(
    scored_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    processes: list[subprocess.Popen[bytes]] = []
    real_popen = subprocess.Popen

    def popen(*args: object, **kwargs: object) -> subprocess.Popen[bytes]:
        processes.append(real_popen(*args, **kwargs))  # type: ignore[call-overload]
        return processes[-1]

    monkeypatch.setattr(git.subprocess, "Popen", popen)
    blobs = git.read_blobs(["HEAD:compactscore.yaml"] * 500, scored_repo)
    assert next(blobs) == b"area: Testham\ndefinition: thriving-sector\nscores: scores\n"
    blobs.close()
    [process] = processes
    assert process.returncode is not None
