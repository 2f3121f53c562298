"""git states that used to crash (exit 3): missing folders, bare repositories, shallow clones."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import git as git_in
from typer.testing import Result

from compactscore.errors import GitError
from compactscore.load.git import run_git

RIVERTON = Path(__file__).resolve().parents[2] / "examples" / "riverton"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def committed(tmp_path: Path) -> Path:
    folder = tmp_path / "riverton"
    shutil.copytree(RIVERTON, folder)
    git_in(folder, "init", "-q")
    git_in(folder, "add", ".")
    git_in(folder, "commit", "-q", "-m", "Scores to 2013-14")
    return folder


def test_rev_on_a_path_in_folders_that_do_not_exist(
    committed: Path, cli: Callable[..., Result]
) -> None:
    result = cli("score", "--rev", "HEAD", "no/such/folder/2013-14.csv", cwd=committed)
    assert result.exit_code == 1
    assert result.stderr == (
        "HEAD:no/such/folder/2013-14.csv: was not in the repository at that revision. "
        "Check the file name, or choose a later revision ('git log --oneline -- FILE').\n"
    )


def test_rev_reads_a_sheet_whose_folder_is_gone_from_disk(
    committed: Path, cli: Callable[..., Result]
) -> None:
    shutil.rmtree(committed / "scores")
    result = cli("score", "--rev", "HEAD", "scores/2013-14.csv", "--format", "json", cwd=committed)
    assert result.exit_code == 0, result.output
    assert '"period": "2013-14"' in result.stdout


def test_history_of_a_sheet_whose_folder_is_gone(
    committed: Path, cli: Callable[..., Result]
) -> None:
    shutil.rmtree(committed / "scores")
    result = cli("history", "scores/2013-14.csv", cwd=committed)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stderr.startswith("compactscore.yaml:")
    assert "the scores folder 'scores' does not exist" in result.stderr


@pytest.mark.parametrize(
    "args",
    [("score", "--rev", "HEAD"), ("history", "scores/2013-14.csv"), ("trend", "--rev", "HEAD")],
)
def test_a_bare_repository_is_said_plainly(
    committed: Path, tmp_path: Path, cli: Callable[..., Result], args: tuple[str, ...]
) -> None:
    bare = tmp_path / "riverton.git"
    git_in(tmp_path, "clone", "-q", "--bare", str(committed), str(bare))
    result = cli(*args, cwd=bare)
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"{bare}: is a bare git repository, which holds the history but no files to score. "
        "Run the command in a clone with its files checked out (git clone FOLDER).\n"
    )


def test_inside_the_git_folder_is_said_plainly(committed: Path, cli: Callable[..., Result]) -> None:
    result = cli("score", "--rev", "HEAD", cwd=committed / ".git")
    assert result.exit_code == 1
    assert result.stderr == (
        f"{committed / '.git'}: is inside a git repository's own .git folder, not among its "
        "files. Run the command in the repository's folder, outside .git.\n"
    )


def test_diff_in_a_shallow_clone_says_how_to_fetch_the_history(
    committed: Path, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    (committed / "scores" / "2013-14.csv").write_text(
        (committed / "scores" / "2013-14.csv").read_text(encoding="utf-8") + "\n",
        encoding="utf-8",
    )
    git_in(committed, "commit", "-q", "-am", "A blank line")
    shallow = tmp_path / "shallow"
    git_in(tmp_path, "clone", "-q", "--depth", "1", f"file://{committed}", str(shallow))
    result = cli("diff", "HEAD~1", "HEAD", "scores/2013-14.csv", cwd=shallow)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{shallow}: the revision 'HEAD~1' is not in this git repository, which is a shallow "
        "clone holding only the latest commits. Run 'git fetch --unshallow' to fetch the whole "
        "history, then run the command again; 'git log --oneline' lists the commits there are.\n"
    )


def test_git_is_never_started_in_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(GitError) as caught:
        run_git(["rev-parse", "HEAD"], tmp_path / "gone")
    assert str(caught.value) == (
        f"{tmp_path / 'gone'}: does not exist (or is not a folder), so git cannot be run there. "
        "Check the name and the folder."
    )


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs chown")
def test_a_repository_owned_by_someone_else_is_said_plainly(
    committed: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(committed.parent))  # no safe.directory of the user's own
    for path in [committed, *committed.rglob("*")]:
        os.lchown(path, 4242, 4242)
    result = cli("score", "--rev", "HEAD", cwd=committed)
    assert result.exit_code == 1
    assert result.stderr == (
        f"{committed}: is in a git repository ({committed}) that belongs to another user, and "
        "git refuses to read a repository someone else owns. If you trust it, allow it with: "
        f"git config --global --add safe.directory {committed}\n"
    )


def test_a_huge_committed_sheet_is_refused_before_it_is_read(
    committed: Path, cli: Callable[..., Result], git_calls: list[list[str]]
) -> None:
    big = committed / "scores" / "2013-14.csv"
    with big.open("ab") as stream:
        stream.write(b"\n" * 3_000_000)
    git_in(committed, "commit", "-q", "-am", "Three million blank lines")
    read = git_calls
    result = cli("score", "--rev", "HEAD", "scores/2013-14.csv", cwd=committed)
    assert result.exit_code == 1
    assert result.stderr == (
        "HEAD:scores/2013-14.csv: is 3.0 MB, too large to be a scorecard file (the limit is "
        "2 MB). Check that this is the file you meant.\n"
    )
    assert ["cat-file", "-s", f"{_head(committed)}:scores/2013-14.csv"] in read
    assert not [args for args in read if args[:2] == ["cat-file", "blob"] and "2013-14" in args[2]]


def _head(folder: Path) -> str:
    return git_in(folder, "rev-parse", "HEAD").strip()


def test_a_current_folder_deleted_from_under_the_shell_is_said_plainly(tmp_path: Path) -> None:
    import sys

    gone = tmp_path / "gone"
    gone.mkdir()
    script = (
        "import os, sys\n"
        f"os.chdir({str(gone)!r}); os.rmdir({str(gone)!r})\n"
        "sys.argv = ['compactscore', 'history', 'scores/2013-14.csv']\n"
        "from compactscore.cli import main\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert done.stderr == (
        "./: the current folder no longer exists (it was deleted or moved after the shell "
        "changed to it). Change to a folder that exists (cd) and run the command again.\n"
    )
