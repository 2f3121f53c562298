"""git's side of reading: finding the repository and a revision, a sheet's commits.

Reading the files themselves at a revision is ``load/source.py``'s ``GitRevision``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from compactscore.errors import GitError, UsageError
from compactscore.load.git import read_blobs, run_git
from compactscore.load.paths import resolved
from compactscore.load.source import not_there, sheet_of


def git_root(folder: Path) -> Path:
    """The top folder of the git repository a folder is in, or a GitError saying it is none."""
    return Path(_top(folder, []).strip()).resolve()


def root_and_shallow(folder: Path) -> tuple[Path, bool]:
    """``git_root``, and whether the repository is a shallow clone (``is_shallow``), from
    one git call."""
    top, _, shallow = _top(folder, ["--is-shallow-repository"]).rstrip("\n").rpartition("\n")
    return Path(top.strip()).resolve(), shallow.strip() == "true"


def _top(folder: Path, asked: list[str]) -> str:
    """What ``git rev-parse --show-toplevel ASKED`` says in a folder, or why it is no repository."""
    folder = existing_folder(folder)
    try:
        return run_git(["rev-parse", "--show-toplevel", *asked], folder)
    except GitError as error:
        if "not installed" in str(error) or "belongs to another user" in str(error):
            raise
        where = _where(folder)
        if where == "bare":
            raise GitError.at(
                str(folder),
                None,
                "is a bare git repository, which holds the history but no files to score.",
                "Run the command in a clone with its files checked out (git clone FOLDER).",
            ) from None
        if where == "git-dir":
            raise GitError.at(
                str(folder),
                None,
                "is inside a git repository's own .git folder, not among its files.",
                "Run the command in the repository's folder, outside .git.",
            ) from None
        raise GitError.at(
            str(folder),
            None,
            "is not in a git repository, so there is no history to read.",
            "Run the command inside the scorecard's git repository (or make one with "
            "'git init' and commit the sheets).",
        ) from None


def existing_folder(path: Path) -> Path:
    """The folder to run git in for a path: itself, or the nearest folder above it on disk.

    A path may name a file, or a folder deleted since the revision asked for; git is
    started in a folder that exists, never in one that does not.
    """
    folder = Path(os.path.abspath(path))
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    return folder


def _where(folder: Path) -> str | None:
    """Whether a folder is a bare repository, inside a .git folder, or neither."""
    try:
        answer = run_git(["rev-parse", "--is-bare-repository", "--is-inside-git-dir"], folder)
    except GitError:
        return None
    bare, inside = [*answer.split(), "", ""][:2]
    return "bare" if bare == "true" else "git-dir" if inside == "true" else None


def commit_of(root: Path, rev: str) -> str:
    """The full commit id a revision names; naming none is wrong usage (exit status 2)."""
    try:
        return run_git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root).strip()
    except GitError:
        if _shallow_or_unknown(root):
            raise UsageError.at(
                str(root),
                None,
                f"the revision {rev!r} is not in this git repository, which is a shallow clone "
                "holding only the latest commits.",
                "Run 'git fetch --unshallow' to fetch the whole history, then run the command "
                "again; 'git log --oneline' lists the commits there are.",
            ) from None
        raise UsageError.at(
            str(root),
            None,
            f"the revision {rev!r} does not exist in this git repository.",
            "Give a commit id, a branch or a tag; 'git log --oneline' lists the commits.",
        ) from None


def _shallow_or_unknown(root: Path) -> bool:
    try:
        return is_shallow(root)
    except GitError:
        return False


def relative(root: Path, path: Path) -> str:
    """A path as git names it inside the repository: relative to the top, with ``/``."""
    resolved_path = resolved(path)
    try:
        return resolved_path.relative_to(root).as_posix()
    except ValueError:
        raise GitError.at(
            str(path),
            None,
            f"is outside the git repository at {root}.",
            "Name a file inside the repository.",
        ) from None


def sheets_at(
    root: Path, files: Sequence[tuple[str, str, str]], ids: list[bytes] | None = None
) -> Iterator[str | bytes]:
    """Many sheets, each ``(commit, name, shown)``, in order, read through one git process.

    The same answers and the same errors as ``sheet_data`` for each in turn (a CSV
    file's text, a workbook's bytes); the first error ends the reading. Given ``ids``,
    each blob's object id is added to it as it is read.
    """
    specs = [f"{commit}:{name}" for commit, name, _ in files]
    for (_, name, shown), data in zip(files, read_blobs(specs, root, ids), strict=True):
        if data is None:
            raise not_there(shown)
        yield sheet_of(name, data, shown)


@dataclass(frozen=True)
class Commit:
    """One commit that touched a file, and the file's name in it."""

    id: str
    short: str
    date: str
    author: str
    message: str
    name: str


def log_of(name: str) -> list[str]:
    """The git log of every commit that changed a file, following renames, for ``commits_in``."""
    return [
        "log",
        "--no-textconv",
        "--no-ext-diff",
        "--follow",
        "--date=format:%Y-%m-%d %H:%M",
        "--format=%x1e%H%x1f%h%x1f%ad%x1f%an%x1f%s",
        "--name-only",
        "--",
        name,
    ]


def commits_in(listing: str, name: str) -> list[Commit]:
    """The commits ``log_of`` lists, oldest first, each with the file's name in it."""
    found = []
    for record in listing.split("\x1e")[1:]:
        header, _, names = record.partition("\n")
        full, short, date, author, message = header.split("\x1f")
        paths = [line for line in names.splitlines() if line.strip()]
        found.append(Commit(full, short, date, author, message, paths[-1] if paths else name))
    return list(reversed(found))


def is_shallow(root: Path) -> bool:
    """Whether the repository is a shallow clone, holding only the latest part of its history."""
    return run_git(["rev-parse", "--is-shallow-repository"], root).strip() == "true"


def is_tracked(root: Path, name: str) -> bool:
    """Whether git knows the file (committed or added)."""
    try:
        run_git(["ls-files", "--error-unmatch", "--", name], root)
    except GitError:
        return False
    return True


def changed_since_head(folder: Path, paths: list[Path]) -> bool:
    """Whether any file differs from its committed version, or is not committed at all.

    Never ``git status``, which runs the repository's fsmonitor and filters: the files'
    bytes are hashed as they are (hash-object --no-filters) and compared with HEAD's blobs.
    """
    if not paths:
        return False
    root = git_root(folder)
    names = [relative(root, path) for path in paths]
    listing = run_git(["ls-tree", "-z", "--full-tree", "HEAD", "--", *names], root)
    committed = {}
    for entry in listing.split("\0"):
        if "\t" in entry:
            info, name = entry.split("\t", 1)
            committed[name] = info.split()[-1]
    hashes = run_git(["hash-object", "--no-filters", "--", *names], root).split()
    return any(committed.get(name) != blob for name, blob in zip(names, hashes, strict=True))
