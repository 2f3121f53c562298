"""Files as they were at a git revision: the config, the definition and the sheets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from compactscore.errors import DataError, GitError, UsageError
from compactscore.load.definition import BUNDLED, load_definition, parse_definition
from compactscore.load.git import run_git, run_git_bytes
from compactscore.load.repository import CONFIG_NAME, Config, Repository, check_periods
from compactscore.load.text import MAX_BYTES, check_size, decode
from compactscore.load.workbook import MAX_WORKBOOK_BYTES, is_sheet, is_workbook
from compactscore.load.yamlfile import line_of, parse_yaml, validate
from compactscore.models import Definition
from compactscore.periods import Period, period_of_file


def git_root(folder: Path) -> Path:
    """The top folder of the git repository a folder is in, or a GitError saying it is none."""
    folder = folder.resolve()
    if folder.is_file() or not folder.exists():
        folder = folder.parent
    try:
        return Path(run_git(["rev-parse", "--show-toplevel"], folder).strip()).resolve()
    except GitError as error:
        if "not installed" in str(error):
            raise
        raise GitError.at(
            str(folder),
            None,
            "is not in a git repository, so there is no history to read.",
            "Run the command inside the scorecard's git repository (or make one with "
            "'git init' and commit the sheets).",
        ) from None


def commit_of(root: Path, rev: str) -> str:
    """The full commit id a revision names; naming none is wrong usage (exit status 2)."""
    try:
        return run_git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root).strip()
    except GitError:
        raise UsageError.at(
            str(root),
            None,
            f"the revision {rev!r} does not exist in this git repository.",
            "Give a commit id, a branch or a tag; 'git log --oneline' lists the commits.",
        ) from None


def relative(root: Path, path: Path) -> str:
    """A path as git names it inside the repository: relative to the top, with ``/``."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(root).as_posix()
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
        raise DataError.at(
            shown,
            None,
            "was not in the repository at that revision.",
            "Check the file name, or choose a later revision ('git log --oneline -- FILE').",
        )
    data = run_git_bytes(["cat-file", "blob", f"{commit}:{name}"], root)
    if len(data) > MAX_BYTES:
        raise DataError.at(shown, None, "is too large to be a scorecard file.")
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
    folder = start.resolve()
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
    path = (base / name).resolve()
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
