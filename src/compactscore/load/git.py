"""Every git call goes through here: one subprocess entry point and what it answers."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path

from compactscore.errors import GitError, Problem


def _git_command(args: Sequence[str], cwd: Path) -> list[str]:
    """The command line of every git call, one-off or streamed: git's own options go here."""
    if shutil.which("git") is None:
        raise GitError.at(
            str(cwd),
            None,
            "git is not installed, so the history cannot be read.",
            "Install git (https://git-scm.com), or leave out --rev and history.",
        )
    return ["git", *args]


def _failed(args: Sequence[str], cwd: Path, stderr: bytes) -> GitError:
    """The error for a git call that did not succeed: its last line of complaint."""
    message = stderr.decode("utf-8", errors="replace").strip().splitlines()
    reason = message[-1] if message else "no message"
    return GitError([Problem(str(cwd), None, f"git {args[0]} failed: {reason}.")])


def run_git(args: list[str], cwd: Path) -> str:
    """Run ``git ARGS`` in a folder and return its output, or a GitError saying why not."""
    text = run_git_bytes(args, cwd).decode("utf-8", errors="replace")
    # As text mode would: universal newlines.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def run_git_bytes(args: list[str], cwd: Path) -> bytes:
    """Run ``git ARGS`` and return its output as bytes (file contents keep their encoding)."""
    command = _git_command(args, cwd)
    completed = subprocess.run(command, cwd=cwd, capture_output=True, check=False)
    if completed.returncode != 0:
        raise _failed(args, cwd, completed.stderr)
    return completed.stdout


def read_blobs(specs: Sequence[str], cwd: Path) -> Iterator[bytes | None]:
    """The contents of many files, each named ``REVISION:PATH``, in order, from one git process.

    One ``git cat-file --batch`` is fed every name and its answers are read as they
    come, so a thousand revisions cost one process, not a thousand, and only one
    file's bytes are held at a time. A name git does not find yields None.
    """
    args = ["cat-file", "--batch"]
    command = _git_command(args, cwd)
    if not specs:
        return
    # The names are fed by a thread while the answers are read here, so that
    # neither side waits on a full pipe. A name cannot hold a line break.
    if any("\n" in spec or "\r" in spec for spec in specs):
        raise GitError.at(str(cwd), None, "a file name with a line break cannot be read from git.")
    import threading

    process = subprocess.Popen(
        command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdin is not None and process.stdout is not None
    stdin, stdout, stderr = process.stdin, process.stdout, process.stderr
    request = "".join(f"{spec}\n" for spec in specs).encode("utf-8", errors="surrogateescape")
    complaint: list[bytes] = []

    def feed() -> None:
        try:
            stdin.write(request)
            stdin.close()
        except OSError:  # git stopped early: what it said is read below
            pass
        if stderr is not None:
            complaint.append(stderr.read())

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    answered = 0
    try:
        for _ in specs:
            header = stdout.readline()
            fields = header.split()
            if not header.endswith(b"\n") or not fields:
                break
            if fields[-1] in (b"missing", b"ambiguous"):
                answered += 1
                yield None
                continue
            if len(fields) != 3 or not fields[2].isdigit():
                break
            data = stdout.read(int(fields[2]))
            stdout.read(1)  # the line break after the contents
            answered += 1
            yield data if fields[1] == b"blob" else None
    finally:
        if answered < len(specs) and process.poll() is None:
            process.kill()  # stopped early: git may be blocked writing what is not read
        process.wait()
        writer.join()
        for stream in (stdout, stderr):
            if stream is not None:
                stream.close()
    if answered < len(specs) or process.returncode != 0:
        # The answers stopped short: git failed, and says why on its error stream.
        raise _failed(args, cwd, b"".join(complaint))


def head_revision(folder: Path) -> str | None:
    """The short commit id checked out in a folder's repository, or None outside git."""
    try:
        return run_git(["rev-parse", "--short", "HEAD"], folder).strip() or None
    except GitError:
        return None
