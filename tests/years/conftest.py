"""Real git repositories of score sheets, built commit by commit, for the years commands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import git

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
