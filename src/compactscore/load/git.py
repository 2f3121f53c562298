"""Every git call goes through here: one subprocess entry point and what it answers.

A scorecard repository may come from another area, so git is run so that nothing the
repository configures can run: no fsmonitor, no hooks, no external diff, no pager,
no attributes file, no system config, no prompts. Only plumbing that never runs
clean/smudge filters or textconv is used (rev-parse, ls-tree, ls-files, cat-file
without --filters, log --format with --no-textconv, hash-object --no-filters), never
``git status``, ``git diff`` or a checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path

from compactscore.errors import GitError, Problem

# Settings given on the command line override every config file, the repository's too.
SAFE_CONFIG = (
    "core.fsmonitor=false",
    "core.hooksPath=/dev/null",
    "core.pager=cat",
    "core.attributesFile=/dev/null",
    "core.askPass=",
    "core.sshCommand=false",
    "diff.external=",
    "credential.helper=",
    "protocol.allow=never",
)


def git_argv(args: list[str]) -> list[str]:
    """The full command line for ``git ARGS``, with everything that can run code switched off."""
    options = [item for setting in SAFE_CONFIG for item in ("-c", setting)]
    return ["git", "--no-pager", *options, *args]


def git_env() -> dict[str, str]:
    """The environment git runs in: no system config, no pager, no prompts, no external diff."""
    env = dict(os.environ)
    for name in ("GIT_EXTERNAL_DIFF", "GIT_PAGER", "PAGER", "GIT_SSH", "GIT_SSH_COMMAND"):
        env.pop(name, None)
    env.update(
        {
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_PAGER": "cat",
            "PAGER": "cat",
            "GIT_OPTIONAL_LOCKS": "0",
            "GIT_ASKPASS": "",
            "SSH_ASKPASS": "",
            "GIT_NO_REPLACE_OBJECTS": "1",
        }
    )
    return env


def _git_command(args: Sequence[str], cwd: Path) -> list[str]:
    """The command line of every git call, one-off or streamed, after checking git can run."""
    if shutil.which("git") is None:
        raise GitError.at(
            str(cwd),
            None,
            "git is not installed, so the history cannot be read.",
            "Install git (https://git-scm.com), or leave out --rev and history.",
        )
    if not cwd.is_dir():
        raise GitError.at(
            str(cwd),
            None,
            "does not exist (or is not a folder), so git cannot be run there.",
            "Check the name and the folder.",
        )
    return git_argv(list(args))


def _failed(args: Sequence[str], cwd: Path, stderr: bytes) -> GitError:
    """The error for a git call that did not succeed: its last line of complaint."""
    message = stderr.decode("utf-8", errors="replace").strip().splitlines()
    if any("dubious ownership" in line for line in message):
        return not_owned(cwd, message)
    reason = message[-1] if message else "no message"
    return GitError([Problem(str(cwd), None, f"git {args[0]} failed: {reason}.")])


def run_git(args: list[str], cwd: Path) -> str:
    """Run ``git ARGS`` in a folder and return its output, or a GitError saying why not."""
    with GitRun(args, cwd) as run:
        return run.text()


def run_git_bytes(args: list[str], cwd: Path) -> bytes:
    """Run ``git ARGS`` and return its output as bytes (file contents keep their encoding)."""
    with GitRun(args, cwd) as run:
        return run.output()


class GitRun:
    """``git ARGS`` started at once, its output asked for later: git works meanwhile.

    Used as a context manager, so that a process whose output is never asked for
    (an error came first) is stopped and waited for, never left behind.
    """

    def __init__(self, args: list[str], cwd: Path) -> None:
        self.args, self.cwd = args, cwd
        self.process = _started(_git_command(args, cwd), cwd, subprocess.DEVNULL)

    def output(self) -> bytes:
        """Its output once it has finished, or a GitError saying why it failed."""
        stdout, stderr = self.process.communicate()
        if self.process.returncode != 0:
            raise _failed(self.args, self.cwd, stderr)
        return stdout

    def text(self) -> str:
        """Its output as text, as ``run_git`` gives it."""
        text = self.output().decode("utf-8", errors="replace")
        return text.replace("\r\n", "\n").replace("\r", "\n")  # universal newlines

    def __enter__(self) -> GitRun:
        return self

    def __exit__(self, *_: object) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate()


def _started(
    command: list[str], cwd: Path, stdin: int, bufsize: int = -1
) -> subprocess.Popen[bytes]:
    """A git process, its output and complaints piped back, or a GitError if it cannot start.

    ``bufsize`` is the bytes its output is read in (-1: Python's default).
    """
    try:
        return subprocess.Popen(
            command,
            cwd=cwd,
            env=git_env(),
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            bufsize=bufsize,
        )
    except OSError as error:
        raise GitError.at(str(cwd), None, f"git could not be started: {error.strerror}.") from None


# What a pipe holds on Linux: many files' answers are read a pipe at a time, not 8 KB.
_PIPE_BYTES = 1 << 16


def read_blobs(
    specs: Sequence[str], cwd: Path, ids: list[bytes] | None = None
) -> Iterator[bytes | None]:
    """The contents of many files, each named ``REVISION:PATH``, in order, from one git process.

    One ``git cat-file --batch`` is fed every name and its answers are read as they
    come, so a thousand revisions cost one process, not a thousand, and only one
    file's bytes are held at a time. A name git does not find yields None. Given
    ``ids``, the object id of each file read is added to it as it is read.
    """
    for found in read_blobs_within(specs, cwd, None, ids):
        assert not isinstance(found, int)
        yield found


def read_blobs_within(
    specs: Sequence[str],
    cwd: Path,
    limits: Sequence[int] | None,
    ids: list[bytes] | None = None,
) -> Iterator[bytes | int | None]:
    """As ``read_blobs``, but a file larger than its limit yields its size, unread."""
    args = ["cat-file", "--batch"]
    command = _git_command(args, cwd)
    if not specs:
        return
    # The names are fed by a thread while the answers are read here, so that
    # neither side waits on a full pipe. A name cannot hold a line break.
    if any("\n" in spec or "\r" in spec for spec in specs):
        raise GitError.at(str(cwd), None, "a file name with a line break cannot be read from git.")
    import threading

    process = _started(command, cwd, subprocess.PIPE, _PIPE_BYTES)
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
            size = int(fields[2])
            if limits is not None and size > limits[answered]:
                left = size + 1  # the contents are passed over, never held
                while left > 0:
                    skipped = stdout.read(min(left, 1 << 20))
                    if not skipped:
                        break
                    left -= len(skipped)
                answered += 1
                yield size if fields[1] == b"blob" else None
                continue
            data = stdout.read(size)
            stdout.read(1)  # the line break after the contents
            answered += 1
            if ids is not None:
                ids.append(fields[0])
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


def not_owned(cwd: Path, message: list[str]) -> GitError:
    """git refused a repository that belongs to another user: say so, and how to allow it."""
    owner = next(
        (
            line.split("repository at", 1)[1].strip(" '")
            for line in message
            if "repository at" in line
        ),
        str(cwd),
    )
    return GitError(
        [
            Problem(
                str(cwd),
                None,
                f"is in a git repository ({owner}) that belongs to another user, and git "
                "refuses to read a repository someone else owns.",
                f"If you trust it, allow it with: git config --global --add safe.directory {owner}",
            )
        ]
    )


def head_revision(folder: Path) -> str | None:
    """The short commit id checked out in a folder's repository, or None outside git."""
    try:
        return run_git(["rev-parse", "--short", "HEAD"], folder).strip() or None
    except GitError:
        return None
