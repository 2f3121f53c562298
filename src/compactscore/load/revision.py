"""A repository's score sheets as they were at a git revision, read through git."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from compactscore.errors import GitError, UsageError
from compactscore.load.git import run_git, run_git_bytes
from compactscore.load.repository import Repository, check_one_kind
from compactscore.load.text import MAX_BYTES, decode
from compactscore.periods import Period, period_of_file


@dataclass(frozen=True)
class SheetAt:
    """One score file as committed: its period, its path in git, and its text."""

    period: Period
    path: Path
    shown: str
    text: str


def commit_of(repository: Repository, revision: str) -> str:
    """The short commit id a revision names, or a usage error saying what to give."""
    try:
        return run_git(
            ["rev-parse", "--verify", "--quiet", "--short", f"{revision}^{{commit}}"],
            repository.root,
        ).strip()
    except GitError:
        run_git(["rev-parse", "--git-dir"], repository.root)  # not a git repository: say so
        raise UsageError.at(
            "compactscore",
            None,
            f"{revision!r} is not a revision of this repository.",
            "Give a commit id, a branch or a tag, as 'git log --oneline' shows them.",
        ) from None


def sheets_at(repository: Repository, commit: str) -> list[SheetAt]:
    """Every score file of the repository at a commit, oldest period first."""
    top = Path(run_git(["rev-parse", "--show-toplevel"], repository.root).strip())
    folder = repository.scores_dir.resolve().relative_to(top.resolve()).as_posix()
    listing = run_git(["ls-tree", "--name-only", commit, "--", folder + "/"], top)
    found: list[tuple[Period, Path]] = []
    for name in listing.splitlines():
        period = period_of_file(name)
        if name.lower().endswith(".csv") and period is not None:
            found.append((period, Path(name)))
    check_one_kind(found)
    sheets = []
    for period, path in sorted(found, key=lambda item: item[0].sort_key):
        shown = f"{commit}:{PurePosixPath(path)}"
        data = run_git_bytes(["show", shown], top)
        if len(data) > MAX_BYTES:
            raise GitError.at(shown, None, "is too large to be a scorecard file.")
        sheets.append(SheetAt(period, path, shown, decode(data, shown)))
    return sheets
