"""The pre-commit hook, run by the real pre-commit tool in a temporary repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import git

PROJECT = Path(__file__).resolve().parents[2]
GOOD = "indicator,score,evidence\n" + "".join(
    f"{n},2,Agreed at the meeting\n" for n in range(1, 18)
)
BAD = GOOD.replace("\n4,2,", "\n4,two,")

# Each test installs the hook into a fresh environment (tens of seconds): run with -m slow.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git"),
]


def _project_files() -> list[str]:
    """The project's files as a fresh clone would have them, new files not yet committed included."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=PROJECT,
        capture_output=True,
        check=False,
    )
    if listed.returncode != 0:  # not a git checkout (an unpacked source archive)
        skip = {".venv", ".git", "__pycache__", ".pytest_cache", ".mypy_cache", ".hypothesis"}
        return [
            str(path.relative_to(PROJECT))
            for path in PROJECT.rglob("*")
            if path.is_file() and not skip & set(path.relative_to(PROJECT).parts)
        ]
    return [name for name in listed.stdout.decode().split("\0") if name]


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A committed copy of the project as it is now: pre-commit clones a repository at a commit."""
    copy = tmp_path_factory.mktemp("hook") / "compactscore"
    for name in _project_files():
        source = PROJECT / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    git(copy, "init", "-q")
    git(copy, "add", "-A")
    git(copy, "commit", "-q", "-m", "the project as tested")
    return copy


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pre-commit's cache, shared by the tests here so the hook's environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(
    hook_repo: Path, home: Path, tmp_path: Path, sheet: str, name: str = "2012-13.csv"
) -> subprocess.CompletedProcess[str]:
    work = tmp_path / "scores"
    work.mkdir()
    git(work, "init", "-q")
    (work / name).write_text(sheet, encoding="utf-8")
    git(work, "add", name)
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(hook_repo),
            "compactscore-check",
            "--files",
            name,
            "--color",
            "never",
        ],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_a_good_sheet_passes_the_hook(hook_repo: Path, home: Path, tmp_path: Path) -> None:
    result = _try_repo(hook_repo, home, tmp_path, GOOD)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "compactscore check" in result.stdout
    assert "Passed" in result.stdout


def test_a_bad_sheet_fails_the_hook_with_file_and_line(
    hook_repo: Path, home: Path, tmp_path: Path
) -> None:
    result = _try_repo(hook_repo, home, tmp_path, BAD)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert (
        "2012-13.csv:5: score 'two' is not a number. Write 0, 1, 2 or 3; leave it empty if "
        "not scored yet, or write n/a if it does not apply here (with the reason in evidence)."
    ) in result.stdout
    assert "Checked 1 file: 1 error, 0 warnings." in result.stdout


def test_the_hook_leaves_pre_commit_s_own_config_alone(
    hook_repo: Path, home: Path, tmp_path: Path
) -> None:
    """A .yaml that is not a scorecard file (pre-commit's own config) is not checked."""
    result = _try_repo(hook_repo, home, tmp_path, "repos: []\n", name=".pre-commit-config.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(no files to check)Skipped" in result.stdout
