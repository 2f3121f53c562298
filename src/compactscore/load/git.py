"""Every git call goes through here: one subprocess entry point and what it answers."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from compactscore.errors import GitError


def run_git(args: list[str], cwd: Path) -> str:
    """Run ``git ARGS`` in a folder and return its output, or a GitError saying why not."""
    text = run_git_bytes(args, cwd).decode("utf-8", errors="replace")
    # As text mode would: universal newlines.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def run_git_bytes(args: list[str], cwd: Path) -> bytes:
    """Run ``git ARGS`` and return its output as bytes (file contents keep their encoding)."""
    if shutil.which("git") is None:
        raise GitError.at(
            str(cwd),
            None,
            "git is not installed, so the history cannot be read.",
            "Install git (https://git-scm.com), or leave out --rev and history.",
        )
    completed = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise GitError.at(
            str(cwd),
            None,
            f"git {args[0]} failed: {message[-1] if message else 'no message'}.",
        )
    return completed.stdout


def head_revision(folder: Path) -> str | None:
    """The short commit id checked out in a folder's repository, or None outside git."""
    try:
        return run_git(["rev-parse", "--short", "HEAD"], folder).strip() or None
    except GitError:
        return None
