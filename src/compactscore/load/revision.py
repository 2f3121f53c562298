"""Files as they were at a git revision: the config, the definition and the sheets."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from compactscore.errors import DataError, GitError, Problem, UsageError
from compactscore.load.definition import BUNDLED, load_definition, parse_definition
from compactscore.load.git import read_blobs, run_git, run_git_bytes
from compactscore.load.paths import resolved
from compactscore.load.repository import (
    CONFIG_NAME,
    Config,
    Repository,
    check_paths_inside,
    check_periods,
)
from compactscore.load.text import MAX_BYTES, check_size, decode
from compactscore.load.workbook import MAX_WORKBOOK_BYTES, is_sheet, is_workbook
from compactscore.load.yamlfile import line_of, parse_yaml, validate
from compactscore.models import Definition
from compactscore.periods import Period, period_of_file


def git_root(folder: Path) -> Path:
    """The top folder of the git repository a folder is in, or a GitError saying it is none."""
    folder = existing_folder(folder)
    try:
        top = run_git(["rev-parse", "--show-toplevel"], folder).strip()
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
    return Path(top).resolve()


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


def exists_at(root: Path, commit: str, name: str) -> bool:
    """Whether a file was in the repository at a commit."""
    try:
        run_git(["cat-file", "-e", f"{commit}:{name}"], root)
    except GitError:
        return False
    return True


def text_at(root: Path, commit: str, name: str, shown: str) -> str:
    """A file's text as it was at a commit, decoded as a spreadsheet user would expect."""
    if not exists_at(root, commit, name):
        raise _not_there(shown)
    # git's own record of the blob's size: a huge file is refused before it is read.
    size = run_git(["cat-file", "-s", f"{commit}:{name}"], root).strip()
    check_size(int(size) if size.isdigit() else MAX_BYTES + 1, shown)
    return _text_of(run_git_bytes(["cat-file", "blob", f"{commit}:{name}"], root), shown)


def sheets_at(root: Path, files: Sequence[tuple[str, str, str]]) -> Iterator[str | bytes]:
    """Many sheets, each ``(commit, name, shown)``, in order, read through one git process.

    The same answers and the same errors as ``sheet_at`` for each in turn (a CSV
    file's text, a workbook's bytes); the first error ends the reading.
    """
    specs = [f"{commit}:{name}" for commit, name, _ in files]
    for (_, name, shown), data in zip(files, read_blobs(specs, root), strict=True):
        if data is None:
            raise _not_there(shown)
        if is_workbook(name):
            check_size(len(data), shown, MAX_WORKBOOK_BYTES)
            yield data
        else:
            yield _text_of(data, shown)


def _not_there(shown: str) -> DataError:
    return DataError(
        [
            Problem(
                shown,
                None,
                "was not in the repository at that revision.",
                "Check the file name, or choose a later revision ('git log --oneline -- FILE').",
            )
        ]
    )


def _text_of(data: bytes, shown: str) -> str:
    check_size(len(data), shown)
    return decode(data, shown)


def sheet_at(root: Path, commit: str, name: str, shown: str) -> str | bytes:
    """A sheet as it was at a commit: a CSV file's text, or a workbook's bytes as they are."""
    if not is_workbook(name):
        return text_at(root, commit, name, shown)
    if not exists_at(root, commit, name):
        return text_at(root, commit, name, shown)  # says it was not there
    data = run_git_bytes(["cat-file", "blob", f"{commit}:{name}"], root)
    check_size(len(data), shown, MAX_WORKBOOK_BYTES)
    return data


def names_at(root: Path, commit: str, folder: str) -> list[str]:
    """The names of the files in a folder at a commit (empty when the folder was not there)."""
    spec = f"{commit}:{folder}" if folder not in ("", ".") else f"{commit}:"
    try:
        listing = run_git(["ls-tree", "--name-only", spec], root)
    except GitError:
        return []
    return [name for name in listing.splitlines() if name]


def repository_at(start: Path, root: Path, commit: str, rev: str) -> Repository | None:
    """The repository config (and definition) as it was at a commit, found from a folder up."""
    folder = Path(os.path.abspath(start))
    if folder.is_file() or not folder.exists():
        folder = folder.parent
    here = relative(root, folder)
    parts = [] if here == "." else here.split("/")
    for depth in range(len(parts), -1, -1):
        name = "/".join([*parts[:depth], CONFIG_NAME])
        if exists_at(root, commit, name):
            return _config_at(root, commit, name, rev)
    return None


def _config_at(root: Path, commit: str, name: str, rev: str) -> Repository:
    shown = f"{rev}:{name}"
    data, node = parse_yaml(text_at(root, commit, name, shown), shown)
    config = validate(Config, data or {}, node, shown, "compactscore config")
    base = (root / name).parent
    check_paths_inside(base, config, shown, node)
    definition = _definition_at(root, commit, base, config.definition, rev)
    if config.definition != BUNDLED and definition is None:
        raise DataError.at(
            shown,
            line_of(node, ("definition",)),
            f"definition {config.definition!r} was not in the repository at that revision.",
            f"Write 'definition: {BUNDLED}', or choose a revision that has the file.",
        )
    return Repository(
        root=base,
        config_path=root / name,
        config=config,
        definition=definition or load_definition(),
    )


def _definition_at(root: Path, commit: str, base: Path, name: str, rev: str) -> Definition | None:
    if name == BUNDLED:
        return None
    path = resolved(base / name)
    try:
        inside = relative(root, path)
    except GitError:
        # A definition kept outside the repository has no history: use it as it is now.
        return load_definition(path) if path.is_file() else None
    if not exists_at(root, commit, inside):
        return None
    shown = f"{rev}:{inside}"
    return parse_definition(text_at(root, commit, inside, shown), shown)


def sheet_paths_at(root: Path, commit: str, folder: Path) -> list[tuple[Period, Path]]:
    """The score files of a folder as it was at a commit, oldest period first."""
    found = []
    for name in names_at(root, commit, relative(root, folder)):
        period = period_of_file(name)
        if is_sheet(name) and period is not None:
            found.append((period, folder / name))
    check_periods(found)
    return sorted(found, key=lambda item: item[0].sort_key)


@dataclass(frozen=True)
class Commit:
    """One commit that touched a file, and the file's name in it."""

    id: str
    short: str
    date: str
    author: str
    message: str
    name: str


def commits_of(root: Path, name: str) -> list[Commit]:
    """Every commit that changed a file, oldest first, following renames."""
    listing = run_git(
        [
            "log",
            "--no-textconv",
            "--no-ext-diff",
            "--follow",
            "--date=format:%Y-%m-%d %H:%M",
            "--format=%x1e%H%x1f%h%x1f%ad%x1f%an%x1f%s",
            "--name-only",
            "--",
            name,
        ],
        root,
    )
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
