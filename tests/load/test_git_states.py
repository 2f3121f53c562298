"""git in the states a coordinator's repository can be in: not one, empty, detached, shallow."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.conftest import git as git_in

from compactscore.errors import GitError
from compactscore.load import git
from compactscore.load.git import head_revision, run_git

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    folder = tmp_path / "scores"
    folder.mkdir()
    git_in(folder, "init", "-q")
    for year, score in (("2012", "1"), ("2013", "2")):
        (folder / "2012.csv").write_text(f"indicator,score\n1,{score}\n", encoding="utf-8")
        git_in(folder, "add", "2012.csv")
        git_in(folder, "commit", "-q", "-m", f"Scores agreed in {year}")
    return folder


def test_not_a_repository_is_a_git_error_naming_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "plain"
    outside.mkdir()
    (outside / ".git").mkdir()  # an empty .git stops git looking further up
    with pytest.raises(GitError) as caught:
        run_git(["rev-parse", "HEAD"], outside)
    [problem] = caught.value.problems
    assert problem.file == str(outside)
    assert problem.message.startswith("git rev-parse failed: fatal: not a git repository")
    assert head_revision(outside) is None


def test_git_not_installed_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(git.shutil, "which", lambda name: None)
    with pytest.raises(GitError) as caught:
        run_git(["log"], tmp_path)
    assert str(caught.value) == (
        f"{tmp_path}: git is not installed, so the history cannot be read. "
        "Install git (https://git-scm.com), or leave out --rev and history."
    )


def test_a_repository_with_no_commit_has_no_head(tmp_path: Path) -> None:
    git_in(tmp_path, "init", "-q")
    assert head_revision(tmp_path) is None


def test_detached_head_still_reads_files_at_a_revision(repository: Path) -> None:
    first = git_in(repository, "rev-list", "--max-parents=0", "HEAD")
    git_in(repository, "checkout", "-q", "--detach", first)
    short = head_revision(repository)
    assert short is not None and first.startswith(short)
    assert run_git(["show", "HEAD:2012.csv"], repository) == "indicator,score\n1,1\n"


def test_a_shallow_clone_reads_its_one_commit_and_refuses_older_ones(
    repository: Path, tmp_path: Path
) -> None:
    clone = tmp_path / "clone"
    git_in(tmp_path, "clone", "-q", "--depth", "1", f"file://{repository}", str(clone))
    assert run_git(["show", "HEAD:2012.csv"], clone) == "indicator,score\n1,2\n"
    with pytest.raises(GitError, match="git show failed"):
        run_git(["show", "HEAD~1:2012.csv"], clone)


def test_a_file_not_tracked_is_a_git_error(repository: Path) -> None:
    (repository / "2014.csv").write_text("indicator,score\n", encoding="utf-8")
    with pytest.raises(GitError, match=r"git show failed: fatal: path '2014\.csv' exists on disk"):
        run_git(["show", "HEAD:2014.csv"], repository)
