"""Where files are read from: the working tree, or a git revision, behind the same few calls.

Everything that finds and reads a repository's files (the config, the definition,
the sheets, check's walk) is written once against ``FileSource``; the working tree
and a git revision are its two kinds.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Protocol

from compactscore.errors import CompactscoreError, DataError, GitError, Problem
from compactscore.load.paths import shown_path
from compactscore.load.text import MAX_BYTES, check_size


class FileSource(Protocol):
    """The calls every loader reads files through."""

    # The revision as the user wrote it, or None for the files as they are.
    rev: str | None

    def read_bytes(self, path: Path, shown: str, limit: int = MAX_BYTES) -> bytes:
        """A file's bytes, at most ``limit`` of them, or a DataError saying why not."""
        ...

    def read_many(
        self, files: Sequence[tuple[Path, str, int]]
    ) -> Iterator[bytes | CompactscoreError]:
        """Many files, each ``(path, shown, limit)``, in order: each one's bytes or its error."""
        ...

    def names(self, folder: Path) -> list[str]:
        """The names of the entries in a folder (none if it is not one)."""
        ...

    def exists(self, path: Path) -> bool:
        """Whether anything is at a path (a broken link on disk counts: it is named when read)."""
        ...

    def is_folder(self, path: Path) -> bool:
        """Whether a path is a folder."""
        ...

    def is_file(self, path: Path) -> bool:
        """Whether a path is a file (on disk, a regular one, links followed)."""
        ...

    def shown(self, path: Path) -> str:
        """How a path is named in messages."""
        ...

    def files_below(self, folder: Path, endings: tuple[str, ...]) -> list[tuple[Path, bool]]:
        """Every file below a folder whose name has one of the endings, in path order, each
        with whether it is a link; hidden files and folders and linked folders are passed by."""
        ...


# Never entered nor read below a folder: hidden files (.git and the like), and the owner
# file Excel keeps beside a workbook it has open.
HIDDEN = (".", "~$")


class WorkingTree:
    """The files as they are on disk: regular files only, read within a size limit."""

    rev: str | None = None

    def read_bytes(self, path: Path, shown: str, limit: int = MAX_BYTES) -> bytes:
        from compactscore.load.text import read_bytes

        return read_bytes(path, shown, limit)

    def read_many(
        self, files: Sequence[tuple[Path, str, int]]
    ) -> Iterator[bytes | CompactscoreError]:
        for path, shown, limit in files:
            try:
                yield self.read_bytes(path, shown, limit)
            except CompactscoreError as error:
                yield error

    def names(self, folder: Path) -> list[str]:
        try:
            return os.listdir(folder)
        except OSError:
            return []

    def exists(self, path: Path) -> bool:
        return os.path.lexists(path)

    def is_folder(self, path: Path) -> bool:
        return path.is_dir()

    def is_file(self, path: Path) -> bool:
        return path.is_file()

    def shown(self, path: Path) -> str:
        return shown_path(path)

    def files_below(self, folder: Path, endings: tuple[str, ...]) -> list[tuple[Path, bool]]:
        # A national collection holds thousands of sheets: the folder entries already
        # say which are links, so no file needs a call of its own to find out.
        found: list[tuple[tuple[str, ...], Path, bool]] = []
        pending: list[tuple[Path, tuple[str, ...]]] = [(folder, ())]
        while pending:
            base, parts = pending.pop()
            try:
                with os.scandir(base) as listing:
                    entries = list(listing)
            except OSError:
                continue  # a folder that cannot be listed is passed over, as os.walk does
            for entry in entries:
                name = entry.name
                if name.startswith(HIDDEN):
                    continue
                is_link = entry.is_symlink()
                if name.endswith(endings):
                    found.append(((*parts, name), base / name, is_link))
                if not is_link and _is_folder(entry):
                    pending.append((base / name, (*parts, name)))
        found.sort(key=lambda item: item[0])  # the order paths sort in: folder by folder
        return [(path, is_link) for _, path, is_link in found]


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False  # as os.walk takes an entry it cannot look at: not a folder to enter


class GitRevision:
    """The files as they were at a commit, read from git (never from the disk)."""

    def __init__(self, root: Path, commit: str, rev: str) -> None:
        self.root = root
        self.commit = commit
        self.rev: str | None = rev
        self._trees: dict[str, dict[str, str]] = {}
        self._ids: dict[str, str] = {}  # each path's object id, from the folders listed alone
        self._named: dict[Path, str] = {}

    def name(self, path: Path) -> str:
        """A path as git names it inside the repository (a GitError when outside it)."""
        from compactscore.load.revision import relative

        if path.name in ("", ".", "..") or path.is_symlink():
            return relative(self.root, path)
        # Thousands of sheets share a few folders: each folder's links are followed once.
        folder = self._named.get(path.parent)
        if folder is None:
            folder = self._named[path.parent] = relative(self.root, path.parent)
        return path.name if folder == "." else f"{folder}/{path.name}"

    def _inside(self, path: Path) -> str | None:
        try:
            return self.name(path)
        except (GitError, DataError):
            return None

    def _tree(self, folder: str) -> dict[str, str]:
        """A folder's entries at the commit, each name with its kind (blob, tree, ...)."""
        folder = "" if folder == "." else folder
        if folder not in self._trees:
            from compactscore.load.git import run_git

            spec = f"{self.commit}:{folder}" if folder else f"{self.commit}:"
            try:
                listing = run_git(["ls-tree", "-z", spec], self.root)
            except GitError:
                listing = ""
            entries = {}
            for record in listing.split("\0"):
                info, _, name = record.partition("\t")
                if name:
                    fields = info.split(" ")
                    entries[name] = fields[1]
                    self._ids[f"{folder}/{name}".lstrip("/")] = fields[-1]
            self._trees[folder] = entries
        return self._trees[folder]

    def _kind(self, path: Path) -> str | None:
        name = self._inside(path)
        if name is None:
            return None
        if name == ".":
            return "tree"
        folder, _, base = name.rpartition("/")
        return self._tree(folder).get(base)

    def read_bytes(self, path: Path, shown: str, limit: int = MAX_BYTES) -> bytes:
        from compactscore.load.git import run_git, run_git_bytes

        if not self.is_file(path):
            raise not_there(shown)
        spec = f"{self.commit}:{self.name(path)}"
        # git's own record of the blob's size: a huge file is refused before it is read.
        size = run_git(["cat-file", "-s", spec], self.root).strip()
        check_size(int(size) if size.isdigit() else limit + 1, shown, limit)
        data = run_git_bytes(["cat-file", "blob", spec], self.root)
        check_size(len(data), shown, limit)
        return data

    def read_many(
        self, files: Sequence[tuple[Path, str, int]]
    ) -> Iterator[bytes | CompactscoreError]:
        """Each file in turn; more than one through one ``git cat-file --batch``."""
        from compactscore.load.git import read_blobs_within

        if len(files) == 1:
            [(path, shown, limit)] = files
            try:
                yield self.read_bytes(path, shown, limit)
            except CompactscoreError as error:
                yield error
            return

        names = [self._inside(path) for path, _, _ in files]
        inside = [(name, limit) for (_, _, limit), name in zip(files, names, strict=True) if name]
        blobs = read_blobs_within(
            [f"{self.commit}:{name}" for name, _ in inside],
            self.root,
            [limit for _, limit in inside],
        )
        for (_, shown, limit), name in zip(files, names, strict=True):
            data = next(blobs) if name is not None else None
            if data is None:
                yield not_there(shown)
            elif isinstance(data, int):
                try:
                    check_size(data, shown, limit)
                except DataError as error:
                    yield error
            else:
                yield data

    def blob_id(self, path: Path) -> str | None:
        """The object id git gave a path when its folder was listed, or None if it was not."""
        name = self._inside(path)
        return None if name is None else self._ids.get(name)

    def names(self, folder: Path) -> list[str]:
        name = self._inside(folder)
        if name is None:
            return []
        return list(self._tree(name))

    def exists(self, path: Path) -> bool:
        return self._kind(path) is not None

    def is_folder(self, path: Path) -> bool:
        return self._kind(path) == "tree"

    def is_file(self, path: Path) -> bool:
        return self._kind(path) == "blob"

    def shown(self, path: Path) -> str:
        return f"{self.rev}:{self.name(path)}"

    def files_below(self, folder: Path, endings: tuple[str, ...]) -> list[tuple[Path, bool]]:
        from compactscore.load.git import run_git

        name = self._inside(folder)
        if name is None:
            return []
        spec = f"{self.commit}:{name}" if name != "." else f"{self.commit}:"
        try:
            listing = run_git(["ls-tree", "-r", "-t", "-z", spec], self.root)
        except GitError:
            return []
        top = "" if name == "." else name
        trees: dict[str, dict[str, str]] = {top: {}}
        found = []
        for record in listing.split("\0"):
            info, _, below = record.partition("\t")
            if not below:
                continue
            # Every folder below is listed whole: kept, so that finding each sheet's config
            # asks git nothing more.
            inside, _, base = f"{top}/{below}".lstrip("/").rpartition("/")
            kind = info.split(" ")[1]
            trees.setdefault(inside, {})[base] = kind
            if kind == "tree":
                trees.setdefault(f"{inside}/{base}".lstrip("/"), {})
            parts = below.split("/")
            if below.endswith(endings) and not any(part.startswith(HIDDEN) for part in parts):
                found.append((parts, folder / below, info.startswith("120000")))
        self._trees.update(trees)
        found.sort(key=lambda item: item[0])
        return [(path, is_link) for _, path, is_link in found]


def text_of(source: FileSource, path: Path, shown: str, limit: int = MAX_BYTES) -> str:
    """A file's text from a source, decoded as a spreadsheet user would expect."""
    from compactscore.load.text import decode

    return decode(source.read_bytes(path, shown, limit), shown)


def sheet_data(source: FileSource, path: Path, shown: str) -> str | bytes:
    """A sheet from a source: a CSV file's text, or a workbook's bytes as they are."""
    from compactscore.load.kinds import MAX_WORKBOOK_BYTES, is_workbook

    limit = MAX_WORKBOOK_BYTES if is_workbook(path.name) else MAX_BYTES
    return sheet_of(path.name, source.read_bytes(path, shown, limit), shown)


def sheet_of(name: str, data: bytes, shown: str) -> str | bytes:
    """A sheet's bytes as a sheet is read: a CSV file's text, a workbook's bytes, each
    within its size limit."""
    from compactscore.load.kinds import MAX_WORKBOOK_BYTES, is_workbook
    from compactscore.load.text import decode

    if is_workbook(name):
        check_size(len(data), shown, MAX_WORKBOOK_BYTES)
        return data
    check_size(len(data), shown)
    return decode(data, shown)


def not_there(shown: str) -> DataError:
    """A file a revision did not have."""
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


WORKING_TREE = WorkingTree()
