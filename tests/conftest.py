"""Shared fixtures: the example repository, a CLI runner at a fixed width, colour off, and git.

Also a real git repository of score sheets, built commit by commit (``scored_repo``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from compactscore.cli import app
from compactscore.load.definition import load_definition
from compactscore.models import Definition

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
RIVERTON = EXAMPLES / "riverton"


def git(
    folder: Path, *args: str, author: str = "Ann Coordinator", when: str = "", check: bool = True
) -> str:
    """Run git in a test repository as an author (at a fixed date if given); return its output.

    The user's own git configuration is left out, so every test repository behaves the same.
    """
    email = f"{author.split()[0].lower()}@example.org"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": email,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    done = subprocess.run(
        ["git", *args], cwd=folder, env=env, capture_output=True, text=True, check=check
    )
    return done.stdout.strip()


@pytest.fixture
def git_as() -> Callable[..., str]:
    """The function that runs git in a test repository as an author."""
    return git


@pytest.fixture
def riverton() -> Path:
    """The Riverton example repository."""
    return RIVERTON


@pytest.fixture
def area(tmp_path: Path, riverton: Path) -> Path:
    """A copy of Riverton to break."""
    return Path(shutil.copytree(riverton, tmp_path / "riverton"))


@pytest.fixture
def definition() -> Definition:
    """The bundled definition."""
    return load_definition()


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run compactscore in-process, 100 columns wide unless told, no colour, from a folder.

    Call it as ``cli("trend", "-f", "json", cwd=folder, width=80)``.
    """
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    runner = CliRunner()

    def run(*args: str, cwd: Path | None = None, width: int | None = None) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        env = {} if width is None else {"COLUMNS": str(width)}
        return runner.invoke(app, list(args), env=env, catch_exceptions=False)

    return run


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write a file (text or bytes) under a temporary folder and return its path."""

    def make(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return path

    return make


@pytest.fixture
def git_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The arguments of every one-off git call made from here on, in order (not the
    streamed ``cat-file --batch``)."""
    from compactscore.load import git

    real = git.GitRun.__init__
    asked: list[list[str]] = []

    def spy(run: git.GitRun, args: list[str], cwd: Path) -> None:
        asked.append(args)
        real(run, args, cwd)

    monkeypatch.setattr(git.GitRun, "__init__", spy)
    return asked


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail a test that blocks (on a FIFO, a device) instead of hanging the suite."""
    import signal

    def late(signum: int, frame: object) -> None:
        raise TimeoutError("blocked for 20 s: a read or write that never ends")

    previous = signal.signal(signal.SIGALRM, late)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


CONFIG = "area: Testham\ndefinition: thriving-sector\nscores: scores\n"
HEADER = "indicator,score,evidence,action,owner,target\n"


def sheet_text(scores: dict[int, str], default: str) -> str:
    """A full sheet of the bundled definition: each indicator's score, with words for n/a."""
    lines = [HEADER]
    for number in range(1, 18):
        score = scores.get(number, default)
        evidence = "The survey was cancelled." if score == "n/a" else f"Evidence {number}."
        lines.append(f"{number},{score},{evidence},Action {number},Owner {number},\n")
    return "".join(lines)


def commit(repo: Path, files: dict[str, str], message: str, author: str, when: str) -> None:
    """Write files and commit them as one author on one date."""
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git(repo, "add", "--all")
    git(repo, "commit", "-q", "-m", message, author=author, when=when)


@pytest.fixture
def scored_repo(tmp_path: Path) -> Path:
    """Testham: 2010-11 (NI7 n/a, 16/48), 2011-12 (34/51, later corrected to 35/51), 2012-13 (33/51).

    Commits, oldest first: Ann 2011-05-10, Bob 2012-05-15, Ann 2013-05-20, and
    Carol's correction of indicator 4 in 2011-12 (2 to 3) on 2013-06-01.
    """
    repo = tmp_path / "testham"
    repo.mkdir()
    git(repo, "init", "-q")
    commit(
        repo,
        {"compactscore.yaml": CONFIG, "scores/2010-11.csv": sheet_text({3: "n/a"}, "1")},
        "Scores 2010-11 agreed",
        "Ann Coordinator",
        "2011-05-10T10:00:00+01:00",
    )
    commit(
        repo,
        {"scores/2011-12.csv": sheet_text({}, "2")},
        "Scores 2011-12 agreed",
        "Bob Chair",
        "2012-05-15T11:30:00+01:00",
    )
    commit(
        repo,
        {"scores/2012-13.csv": sheet_text({5: "1"}, "2")},
        "Scores 2012-13 agreed",
        "Ann Coordinator",
        "2013-05-20T09:15:00+01:00",
    )
    commit(
        repo,
        {"scores/2011-12.csv": sheet_text({4: "3"}, "2")},
        "Correct indicator 4 for 2011-12",
        "Carol Officer",
        "2013-06-01T14:00:00+01:00",
    )
    return repo


@pytest.fixture
def make_sheet() -> Callable[[dict[int, str], str], str]:
    """The function that writes a full sheet's text (for tests that change a sheet)."""
    return sheet_text


@pytest.fixture
def make_commit() -> Callable[[Path, dict[str, str], str, str, str], None]:
    """The function that writes files and commits them as an author on a date."""
    return commit
