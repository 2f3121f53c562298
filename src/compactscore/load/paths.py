"""How a path is shown in messages: relative to the current folder when it is below it."""

from __future__ import annotations

import os
from pathlib import Path


def shown_path(path: Path) -> str:
    """The path as a user would type it from here: as given, or relative when below this folder."""
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def shown_folder(path: Path) -> str:
    """A folder as shown in messages, ending with a separator so it reads as a folder."""
    return shown_path(path).rstrip(os.sep) + os.sep


def typed_from_here(path: Path) -> str:
    """The path as typed from the current folder, ``..`` included: ``../kingsbridge``."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
