"""A git command started ahead of its use: its output when asked, and never left running."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from compactscore.errors import GitError
from compactscore.load.git import GitRun


def _repository(folder: Path) -> Path:
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    return folder


def test_its_output_is_what_git_printed(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    with GitRun(["rev-parse", "--is-inside-work-tree"], root) as run:
        assert run.text() == "true\n"
    assert run.process.returncode == 0


def test_a_failure_is_a_git_error_naming_the_command(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    with GitRun(["log"], root) as run, pytest.raises(GitError) as raised:
        run.output()  # no commits yet
    assert str(raised.value).startswith(f"{root}: git log failed: ")


def test_a_run_whose_output_is_never_asked_for_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_hang: None
) -> None:
    from compactscore.load import git

    # A command that would run for a minute: it is stopped, not waited for.
    monkeypatch.setattr(git, "git_argv", lambda args: ["sleep", "60"])
    started = time.monotonic()
    with pytest.raises(ValueError), GitRun(["log"], _repository(tmp_path)) as run:
        raise ValueError("an error before its output was needed")
    assert run.process.returncode is not None
    assert time.monotonic() - started < 10
