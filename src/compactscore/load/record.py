"""Keeping the record in git: which of the scorecard's files changed, and committing only them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from compactscore.errors import GitError
from compactscore.load.git import run_git
from compactscore.load.kinds import is_sheet
from compactscore.periods import period_of_file


class FileChange(StrEnum):
    """What happened to a file since the last commit."""

    NEW = "new"
    CHANGED = "changed"
    DELETED = "deleted"


@dataclass(frozen=True)
class ChangedFile:
    """One of the scorecard's files that differs from the last commit, named as git names it."""

    name: str
    change: FileChange


def git_top(folder: Path) -> Path | None:
    """The top folder of the git repository a folder is in, or None when it is in none."""
    try:
        return Path(run_git(["rev-parse", "--show-toplevel"], folder).strip()).resolve()
    except GitError as error:
        if "not installed" in str(error):
            raise
        return None


def start_git(folder: Path) -> Path:
    """Put a folder under git (``git init``) and return it."""
    run_git(["init", "--quiet"], folder)
    return folder.resolve()


def missing_identity(folder: Path) -> list[str]:
    """Which of ``user.name`` and ``user.email`` git has no value for (the environment counts)."""
    missing = []
    for key, variable in (("user.name", "NAME"), ("user.email", "EMAIL")):
        if os.environ.get(f"GIT_AUTHOR_{variable}") and os.environ.get(f"GIT_COMMITTER_{variable}"):
            continue
        try:
            value = run_git(["config", "--get", key], folder).strip()
        except GitError:
            value = ""
        if not value:
            missing.append(key)
    return missing


def is_sheet_name(name: str) -> bool:
    """Whether a file name is a score sheet's: named for a period, of a sheet's kind."""
    return is_sheet(name) and period_of_file(name) is not None


def changed_files(top: Path, files: list[str], scores: str) -> list[ChangedFile]:
    """The scorecard's files that differ from the last commit, in the order given, then sheets.

    ``files`` are single files (the config, the definition); ``scores`` is the folder
    whose sheets count. All are named relative to ``top``, with ``/``.
    """
    specs = [_literal(name) for name in [*files, scores]]
    found: dict[str, FileChange] = {}
    if _has_head(top):
        run_git(["update-index", "-q", "--refresh"], top)
        listing = run_git(["diff-index", "--name-status", "-z", "HEAD", "--", *specs], top)
        fields = listing.split("\0")
        for status, name in zip(fields[0::2], fields[1::2], strict=False):
            found[name] = {"A": FileChange.NEW, "D": FileChange.DELETED}.get(
                status[:1], FileChange.CHANGED
            )
    else:
        staged = run_git(["ls-files", "-z", "--cached", "--", *specs], top)
        found.update((name, FileChange.NEW) for name in staged.split("\0") if name)
    others = run_git(["ls-files", "-z", "--others", "--exclude-standard", "--", *specs], top)
    found.update((name, FileChange.NEW) for name in others.split("\0") if name)
    wanted = [name for name in files if name in found]
    sheets = sorted(name for name in found if _is_sheet_in(name, scores))
    return [ChangedFile(name, found[name]) for name in dict.fromkeys([*wanted, *sheets])]


def commit_files(top: Path, names: list[str], message: str) -> str:
    """Commit exactly these files with a message, whatever else is staged; the short commit id."""
    specs = [_literal(name) for name in names]
    present = [_literal(name) for name in names if (top / name).exists()]
    if present:
        # A new file must be known to git before a commit of named paths can take it.
        run_git(["add", "--", *present], top)
    # Naming the paths commits their contents alone: anything else staged stays staged.
    # The scorecard has just been checked, so the repository's hooks are not run.
    run_git(["commit", "--quiet", "--no-verify", "-m", message, "--", *specs], top)
    return run_git(["rev-parse", "--short", "HEAD"], top).strip()


def _has_head(top: Path) -> bool:
    try:
        run_git(["rev-parse", "--verify", "--quiet", "HEAD"], top)
    except GitError:
        return False
    return True


def _is_sheet_in(name: str, scores: str) -> bool:
    folder, _, base = name.rpartition("/")
    return folder == ("" if scores == "." else scores) and is_sheet_name(base)


def _literal(name: str) -> str:
    # A file name is a name, never a pattern: 'scores/[draft].csv' means that file.
    return ":(literal)" + name
