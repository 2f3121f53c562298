"""Writing files without ever losing one: atomic replace, refusal, and backups."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from compactscore.errors import WriteError
from compactscore.load.paths import shown_path


def write_file(path: Path, content: str | bytes, force: bool = False) -> Path | None:
    """Write text (as UTF-8) or bytes to a new file atomically; return the backup made, if any.

    An existing file is refused unless ``force`` is given, and then it is kept
    as ``NAME.bak`` (or ``NAME.bak.2`` ...) before the new one takes its place.
    The content goes to a temporary file in the same folder first and is renamed
    into place, so an interrupted write leaves the old file as it was.
    """
    if path.exists() and not force:
        raise WriteError.at(
            shown_path(path),
            None,
            "already exists, and compactscore never overwrites a file.",
            "Choose another name, or add --force to replace it (the old one is kept as a backup).",
        )
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError.at(
            shown_path(path),
            None,
            f"cannot be written: the folder {folder} does not exist.",
            "Create the folder first, or choose another place.",
        )
    backup = _backup_name(path) if path.exists() else None
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise WriteError.at(
            shown_path(path),
            None,
            f"cannot be written: {error.strerror}.",
            "Check that the folder exists and that you may write to it.",
        ) from None
    try:
        # A temporary file is private; the file it becomes is as readable as the one it
        # replaces, or as any new file the user makes (their umask), so colleagues can read it.
        os.chmod(temporary, _mode_for(path))
        data = content.encode("utf-8") if isinstance(content, str) else content
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if backup is not None:
            os.link(path, backup) if _can_link(path) else backup.write_bytes(path.read_bytes())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise WriteError.at(
            shown_path(path),
            None,
            f"cannot be written: {error.strerror}.",
            "Check the disk space and that you may write to the folder.",
        ) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return backup


def _mode_for(path: Path) -> int:
    """The permissions a written file gets: the old file's, else the default for new files."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _backup_name(path: Path) -> Path:
    candidate = path.with_name(path.name + ".bak")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak.{number}")
        number += 1
    return candidate


def _can_link(path: Path) -> bool:
    return hasattr(os, "link") and path.is_file()
