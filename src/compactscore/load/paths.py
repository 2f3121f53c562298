"""How a path is shown in messages: relative to the current folder when it is below it."""

from __future__ import annotations

import errno
import os
from pathlib import Path


def shown_path(path: Path) -> str:
    """The path as a user would type it from here: as given, or relative when below this folder."""
    if not path.is_absolute():
        return str(path)
    try:
        # The folders are resolved, never the name itself: a link is shown by its own name.
        here = Path.cwd().resolve()
        return str((path.parent.resolve() / path.name).relative_to(here))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop
        return str(path)


def resolved(path: Path) -> Path:
    """The absolute path with links followed, or a DataError when a link leads round in a loop."""
    try:
        return path.resolve()
    except (RuntimeError, OSError) as error:
        from compactscore.errors import DataError

        looped = isinstance(error, RuntimeError) or getattr(error, "errno", None) == errno.ELOOP
        raise DataError.at(
            shown_path(path),
            None,
            "is a symbolic link that leads round in a loop, so it names no file."
            if looped
            else f"cannot be followed: {getattr(error, 'strerror', None) or error}.",
            "Remove the link, or point it at the file itself.",
        ) from None


def shown_folder(path: Path) -> str:
    """A folder as shown in messages, ending with a separator so it reads as a folder."""
    return shown_path(path).rstrip(os.sep) + os.sep


def typed_from_here(path: Path) -> str:
    """The path as typed from the current folder, ``..`` included: ``../kingsbridge``."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
