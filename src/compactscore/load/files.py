"""Writing files without ever losing one: no-replace moves, refusal, and backups.

Every write goes to a temporary file in the target's folder, which is then moved
into place by a call that itself refuses an existing target (``renameat2`` with
``RENAME_NOREPLACE`` where the system has it, else a hard link), so no file saved
between a check and the write can be overwritten. With ``--force`` only a regular
file is replaced, after a hard link keeps it as ``NAME.bak``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from pathlib import Path

from compactscore.errors import WriteError
from compactscore.load.paths import shown_path
from compactscore.load.text import kind_of

# Errors that say a no-replace move or a hard link is not supported here, not that it failed.
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM}


def write_file(path: Path, content: str | bytes, force: bool = False) -> Path | None:
    """Write text (as UTF-8) or bytes to a new file; return the backup made, if any.

    An existing file is refused unless ``force`` is given, and then only a regular
    file is replaced, kept first as ``NAME.bak`` (or ``NAME.bak.2`` ...). A link,
    folder, device, FIFO or socket at the name is never written to or replaced.
    """
    shown = shown_path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError.at(
            shown,
            None,
            f"cannot be written: the folder {folder} does not exist.",
            "Create the folder first, or choose another place.",
        )
    existing = _lstat(path)
    if existing is not None:
        _refuse(path, shown, existing, force)
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise WriteError.at(
            shown,
            None,
            f"cannot be written: {error.strerror}.",
            "Check that the folder exists and that you may write to it.",
        ) from None
    backup: Path | None = None
    try:
        # A temporary file is private; the file it becomes is as readable as the one it
        # replaces, or as any new file the user makes (their umask), so colleagues can read it.
        os.chmod(temporary, stat.S_IMODE(existing.st_mode) if existing else _new_mode())
        data = content.encode("utf-8") if isinstance(content, str) else content
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if existing is None:
            move_into_place(temporary, path)
        else:
            backup = _keep_backup(path)
            os.replace(temporary, path)
        _sync_folder(folder)
    except FileExistsError:
        _remove(temporary)
        # Another program saved a file there after the check above: it is left as it is.
        raise WriteError.at(
            shown,
            None,
            "was made by another program while compactscore was writing, and compactscore "
            "never overwrites a file, so it is left as it is.",
            "Check that file, then run the command again (add --force to replace it, the old "
            "one kept as a backup).",
        ) from None
    except OSError as error:
        _remove(temporary)
        raise WriteError.at(
            shown,
            None,
            f"cannot be written: {error.strerror}.",
            "Check the disk space and that you may write to the folder.",
        ) from None
    except BaseException:
        _remove(temporary)
        raise
    return backup


def _lstat(path: Path) -> os.stat_result | None:
    """What is at a name itself (a link is not followed), or None when nothing is."""
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise WriteError.at(
            shown_path(path),
            None,
            f"cannot be written: {error.strerror}.",
            "Check the name and that you may write to the folder.",
        ) from None


def _refuse(path: Path, shown: str, existing: os.stat_result, force: bool) -> None:
    """Refuse what is at the name, unless it is a regular file and --force was given."""
    mode = existing.st_mode
    if stat.S_ISLNK(mode):
        target = os.readlink(path)
        dangling = "" if os.path.exists(path) else ", which does not exist"
        raise WriteError.at(
            shown,
            None,
            f"is a symbolic link (to {target}{dangling}), and compactscore never replaces a "
            "link or writes through one, even with --force, as the file it points to may be "
            "anyone's.",
            "Name the file itself, or choose another name.",
        )
    if stat.S_ISDIR(mode):
        raise WriteError.at(
            shown, None, "is a folder, so no file can be written there.", "Name a file."
        )
    if not stat.S_ISREG(mode):
        raise WriteError.at(
            shown,
            None,
            f"is {kind_of(mode)}, not a regular file, and compactscore writes only regular "
            "files, even with --force.",
            "Name an ordinary file, such as one in your scorecard folder.",
        )
    if not force:
        raise WriteError.at(
            shown,
            None,
            "already exists, and compactscore never overwrites a file.",
            "Choose another name, or add --force to replace it (the old one is kept as a backup).",
        )


def move_into_place(temporary: str, path: Path) -> None:
    """Move a file to a name, failing with FileExistsError if anything is there already."""
    if _rename_noreplace(temporary, path):
        return
    try:
        os.link(temporary, path, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in _UNSUPPORTED:
            raise
        _copy_exclusive(temporary, path)  # a file system without hard links
    os.unlink(temporary)


def _rename_noreplace(source: str, target: Path) -> bool:
    """``renameat2(RENAME_NOREPLACE)``: True when done, False when the system lacks it."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # only where it is used

    try:
        call = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_fdcwd, rename_noreplace = -100, 1
    done = call(at_fdcwd, os.fsencode(source), at_fdcwd, os.fsencode(target), rename_noreplace)
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    if code == errno.EEXIST:
        raise FileExistsError(code, os.strerror(code), str(target))
    raise OSError(code, os.strerror(code), str(target))


def _copy_exclusive(source: str, target: Path) -> None:
    """Copy into a name that must not exist yet (O_EXCL), for file systems without links."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(target, flags, stat.S_IMODE(os.stat(source).st_mode))
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(Path(source).read_bytes())
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def _keep_backup(path: Path) -> Path:
    """Keep the file at a name as NAME.bak (or .bak.2 ...), never replacing an older backup."""
    number = 1
    while True:
        candidate = path.with_name(path.name + (".bak" if number == 1 else f".bak.{number}"))
        try:
            os.link(path, candidate, follow_symlinks=False)
            return candidate
        except FileExistsError:
            number += 1
        except OSError as error:
            if error.errno not in _UNSUPPORTED:
                raise
            break
    # A file system without hard links: copy the old file to a backup name no file has.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        Path(temporary).write_bytes(path.read_bytes())
        os.chmod(temporary, stat.S_IMODE(os.lstat(path).st_mode))
        while True:
            candidate = path.with_name(path.name + (".bak" if number == 1 else f".bak.{number}"))
            try:
                move_into_place(temporary, candidate)
                return candidate
            except FileExistsError:
                number += 1
    finally:
        _remove(temporary)


def _sync_folder(folder: Path) -> None:
    """Make the new name durable: fsync the folder (where the system allows it)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the data itself is synced
    finally:
        os.close(descriptor)


def _remove(temporary: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temporary)


def _new_mode() -> int:
    """The permissions a new file gets: the default for new files (the user's umask)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def remove_made(paths: list[Path], made: dict[Path, tuple[int, int]]) -> None:
    """Remove files and folders this run made, newest first, and only if still the same ones."""
    for path in reversed(paths):
        try:
            now = os.lstat(path)
            if (now.st_dev, now.st_ino) != made[path]:
                continue
            if stat.S_ISDIR(now.st_mode):
                path.rmdir()  # only when empty: anything another program put there stays
            else:
                path.unlink()
        except OSError:
            continue


def identity(path: Path) -> tuple[int, int]:
    """The (device, inode) of what is at a name now, to tell later whether it is the same."""
    found = os.lstat(path)
    return found.st_dev, found.st_ino


def write_all(folder: Path, scores: Path, files: dict[Path, str | bytes], named: str) -> None:
    """Make a new repository's folders (up to ``scores``) and write its files, all or nothing:
    on any failure, undo what was made. ``named`` is the scores folder as the config says."""
    made: dict[Path, tuple[int, int]] = {}
    order: list[Path] = []
    try:
        for directory in reversed([d for d in (scores, *scores.parents) if not d.is_dir()]):
            directory.mkdir()
            made[directory], order = identity(directory), [*order, directory]
        for path, text in files.items():
            write_file(path, text)
            made[path], order = identity(path), [*order, path]
    except OSError as error:
        remove_made(order, made)
        raise WriteError.at(
            shown_path(folder),
            None,
            f"cannot be made into a scorecard repository: {error.strerror or error}.",
            f"Name a folder you may write to, which is not a file and holds no file named {named}.",
        ) from None
    except BaseException:
        remove_made(order, made)
        raise
