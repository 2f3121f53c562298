"""A repository from another area runs none of its own code: every git-reading command, planted.

The repository's .git/config names a script for each thing git can be told to run
(fsmonitor, hooks, clean/smudge filters, textconv, external diff, pager); each script
writes its name to a marker file. Plain git runs them (checked first, so the test can
fail); no compactscore command may.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from tests.conftest import git
from typer.testing import CliRunner

from compactscore.cli import app
from compactscore.load.git import git_argv, git_env

RIVERTON = Path(__file__).resolve().parents[2] / "examples" / "riverton"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

HOOKS = (
    "pre-commit",
    "post-commit",
    "post-checkout",
    "post-index-change",
    "reference-transaction",
    "pre-auto-gc",
    "fsmonitor-watchman",
    "post-rewrite",
)


def _script(path: Path, name: str, marker: Path, passes_through: bool = True) -> str:
    """A script that notes its name in the marker file (and passes its input on)."""
    body = f'#!/bin/sh\necho {name} >> "{marker}"\n' + ("cat\n" if passes_through else "")
    path.write_text(body, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return str(path)


@pytest.fixture
def planted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Riverton in git over two commits, its config then planted with code to run."""
    folder = tmp_path / "riverton"
    shutil.copytree(RIVERTON, folder)
    latest = sorted((folder / "scores").glob("*.csv"))[-1]
    last_text = latest.read_text(encoding="utf-8")
    latest.unlink()
    git(folder, "init", "-q")
    (folder / ".gitattributes").write_text("* filter=evil diff=evil\n", encoding="utf-8")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "Scores to 2012-13")
    latest.write_text(last_text, encoding="utf-8")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "Scores for 2013-14")
    # A sheet changed since the last commit, and every file's stat out of date in the index.
    latest.write_text(last_text.replace("\n", "\r\n"), encoding="utf-8")
    for path in (folder / "scores").iterdir():
        os.utime(path, (1, 1))

    marker = tmp_path / "MARKER"
    scripts = tmp_path / "scripts"
    hooks = tmp_path / "hooks"
    scripts.mkdir()
    hooks.mkdir()
    for name in HOOKS:
        _script(hooks / name, f"hook-{name}", marker, passes_through=False)
        _script(folder / ".git" / "hooks" / name, f"own-hook-{name}", marker, False)
    settings = {
        "core.fsmonitor": _script(scripts / "fsmonitor", "fsmonitor", marker, False),
        "core.hooksPath": str(hooks),
        "core.pager": _script(scripts / "pager", "pager", marker),
        "filter.evil.clean": _script(scripts / "clean", "clean", marker),
        "filter.evil.smudge": _script(scripts / "smudge", "smudge", marker),
        "filter.evil.process": _script(scripts / "process", "process", marker, False),
        "diff.evil.textconv": _script(scripts / "textconv", "textconv", marker),
        "diff.external": _script(scripts / "external", "external", marker, False),
        "core.sshCommand": _script(scripts / "ssh", "ssh", marker, False),
    }
    for key, value in settings.items():
        git(folder, "config", key, value)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    return folder, marker


def test_plain_git_does_run_what_is_planted(planted: tuple[Path, Path]) -> None:
    """The control: git as people run it executes the planted scripts."""
    folder, marker = planted
    subprocess.run(["git", "status"], cwd=folder, capture_output=True, check=False)
    subprocess.run(["git", "diff"], cwd=folder, capture_output=True, check=False)
    subprocess.run(["git", "log", "-p", "-1"], cwd=folder, capture_output=True, check=False)
    ran = set(marker.read_text(encoding="utf-8").split())
    assert "fsmonitor" in ran and ran & {"clean", "process"}, ran


COMMANDS = [
    ("score",),
    ("score", "--rev", "HEAD~1"),
    ("trend", "--rev", "HEAD"),
    ("gaps", "--rev", "HEAD"),
    ("agree", "--rev", "HEAD"),
    ("indicators", "--rev", "HEAD"),
    ("history", "scores/2013-14.csv"),
    ("diff", "HEAD~1", "HEAD", "scores/2012-13.csv"),
    ("diff", "2012-13", "2013-14", "--rev", "HEAD"),
    ("report", "--format", "json"),
    ("report", "--format", "markdown", "--rev", "HEAD~1"),
    ("check", "--rev", "HEAD"),
    ("check", "--rev", "HEAD", "scores/2012-13.csv"),
    ("new", "--rev", "HEAD"),
    ("compare", ".", ".", "--rev", "HEAD"),
    ("init", "elsewhere", "--area", "Elsewhere"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args))
def test_no_command_runs_the_repositorys_code(
    planted: tuple[Path, Path], args: tuple[str, ...]
) -> None:
    _, marker = planted
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output
    assert not marker.exists(), f"ran: {marker.read_text(encoding='utf-8')}"


def test_every_call_switches_off_what_can_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_EXTERNAL_DIFF", "/tmp/evil")
    argv = git_argv(["log", "-1"])
    assert argv[:2] == ["git", "--no-pager"] and argv[-2:] == ["log", "-1"]
    settings = dict(
        item.split("=", 1) for flag, item in zip(argv[2:-2:2], argv[3:-2:2], strict=True)
    )
    assert settings["core.fsmonitor"] == "false"
    assert settings["core.hooksPath"] == "/dev/null"
    assert settings["core.pager"] == "cat"
    assert settings["diff.external"] == ""
    assert settings["core.attributesFile"] == "/dev/null"
    env = git_env()
    assert env["GIT_CONFIG_NOSYSTEM"] == "1"
    assert env["GIT_TERMINAL_PROMPT"] == "0"
    assert env["GIT_PAGER"] == env["PAGER"] == "cat"
    assert env["GIT_ASKPASS"] == env["SSH_ASKPASS"] == ""
    assert env["GIT_OPTIONAL_LOCKS"] == "0"
    assert "GIT_EXTERNAL_DIFF" not in env


def test_only_load_git_starts_git() -> None:
    """One entry point for git: no other module starts a process, but the .xls reader.

    load/workbook.py reads an .xls file first in a child Python of our own, so that a
    damaged file that makes the reader ask for impossible memory cannot end the command.
    """
    source = Path(__file__).resolve().parents[2] / "src" / "compactscore"
    starting = sorted(
        str(path.relative_to(source))
        for path in source.rglob("*.py")
        if "subprocess" in path.read_text(encoding="utf-8")
    )
    assert starting == ["load/git.py", "load/workbook.py"]
    workbook = (source / "load" / "workbook.py").read_text(encoding="utf-8")
    assert "git" not in workbook.split("subprocess.run(", 1)[1].split(")", 1)[0]


def test_report_still_says_when_sheets_are_not_committed(planted: tuple[Path, Path]) -> None:
    """Without git status, a changed sheet is still told apart from the committed one."""
    import json

    folder, marker = planted
    result = CliRunner().invoke(app, ["report", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["revision"].endswith("(with changes not yet committed)")
    # Commit the changed sheet (the planted clean filter passing it through unchanged).
    git(folder, "config", "--unset", "filter.evil.process")
    git(folder, "-c", "core.hooksPath=/dev/null", "add", ".")
    git(folder, "-c", "core.hooksPath=/dev/null", "commit", "-q", "-m", "CRLF")
    marker.unlink(missing_ok=True)
    again = CliRunner().invoke(app, ["report", "--format", "json"], catch_exceptions=False)
    head = git(folder, "rev-parse", "--short", "HEAD").strip()
    assert json.loads(again.stdout)["revision"] == head
    assert not marker.exists()
