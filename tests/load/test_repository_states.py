"""The git states a coordinator's repository can be in: shallow, detached, not a repository."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Invoke = Callable[..., Result]
Git = Callable[..., str]


def shallow_clone(repo: Path, tmp_path: Path) -> Path:
    """A clone holding only the latest commit, as CI systems and quick downloads make."""
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)],
        check=True,
        capture_output=True,
    )
    return clone


def test_history_in_a_shallow_clone_says_the_first_commit_is_not_where_scores_began(
    scored_repo: Path, tmp_path: Path, cli: Invoke, git_as: Git
) -> None:
    clone = shallow_clone(scored_repo, tmp_path)
    result = cli("history", "scores/2011-12.csv", "-f", "json", cwd=clone)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    last = git_as(scored_repo, "rev-parse", "--short", "HEAD").strip()
    # Only Carol's correction is in the clone: every score appears set by it ...
    assert data["commits"] == 1
    assert {entry["author"] for entry in data["entries"]} == {"Carol Officer"}
    # ... so the history must say the clone is shallow, and from where.
    assert data["shallow_from"] == last
    table = cli("history", "scores/2011-12.csv", cwd=clone).stdout
    assert f"This is a shallow clone: git holds only part of the history, so commit {last}" in (
        " ".join(table.split())
    )


def test_the_full_history_is_not_called_shallow(scored_repo: Path, cli: Invoke) -> None:
    data = json.loads(cli("history", "scores/2011-12.csv", "-f", "json", cwd=scored_repo).stdout)
    assert data["shallow_from"] is None


def test_a_shallow_clone_still_reads_its_latest_revision(
    scored_repo: Path, tmp_path: Path, cli: Invoke
) -> None:
    clone = shallow_clone(scored_repo, tmp_path)
    data = json.loads(cli("trend", "--rev", "HEAD", "-f", "json", cwd=clone).stdout)
    assert [(p["period"], p["total"]) for p in data["periods"]] == [
        ("2010-11", 16),
        ("2011-12", 35),
        ("2012-13", 33),
    ]


def test_a_detached_head_reads_as_any_revision(scored_repo: Path, cli: Invoke, git_as: Git) -> None:
    corrected = git_as(scored_repo, "rev-parse", "HEAD").strip()
    git_as(scored_repo, "checkout", "-q", "--detach", "HEAD~1")
    # The working tree is now the state before Carol's correction: 34, not 35.
    data = json.loads(cli("score", "scores/2011-12.csv", "-f", "json", cwd=scored_repo).stdout)
    assert data["total"] == 34
    later = cli("score", "scores/2011-12.csv", "--rev", corrected, "-f", "json", cwd=scored_repo)
    assert json.loads(later.stdout)["total"] == 35
    history = json.loads(cli("history", "scores/2011-12.csv", "-f", "json", cwd=scored_repo).stdout)
    assert history["commits"] == 1


def test_history_outside_git_is_plain(tmp_path: Path, cli: Invoke) -> None:
    folder = tmp_path / "plain"
    (folder / "scores").mkdir(parents=True)
    (folder / "scores" / "2024.csv").write_text("indicator,score\n1,2\n", encoding="utf-8")
    result = cli("history", "scores/2024.csv", cwd=folder)
    assert result.exit_code == 1
    assert "is not in a git repository, so there is no history to read." in result.stderr
    assert "Traceback" not in result.stderr
