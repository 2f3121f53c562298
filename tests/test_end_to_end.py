"""Real processes, as a user runs them: the installed command and the README's quick start."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHEET = "examples/riverton/scores/2012-13.csv"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compactscore", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_score_json_in_a_real_process() -> None:
    done = run("score", SHEET, "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["total"], data["max"], data["percent"]) == (30, 51, 58.8)


def test_piped_output_has_no_colour_codes() -> None:
    done = run("score", SHEET, env={"TERM": "xterm-256color"})
    assert done.returncode == 0
    assert "\x1b[" not in done.stdout
    assert done.stdout.startswith("Riverton 2012-13: 30 out of 51 (58.8%)")


def test_forced_colour_still_honours_no_color() -> None:
    done = run("score", SHEET, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert re.search(r"\x1b\[[0-9;]*3[0-9]m", done.stdout) is None


def test_a_broken_file_gives_a_message_not_a_traceback(tmp_path: Path) -> None:
    sheet = tmp_path / "2024.csv"
    sheet.write_bytes(b'indicator,score\n1,"unclosed\n')
    done = run("check", str(sheet))
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stdout.startswith(f"{sheet}:2: a cell on this line opens a quote")


def quick_start_commands() -> list[str]:
    """The shell commands of the README's quick start, in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, flags=re.DOTALL)


def test_the_quick_start_has_exactly_two_commands() -> None:
    commands = quick_start_commands()
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)


@pytest.mark.slow
def test_the_quick_start_works_in_a_fresh_copy(tmp_path: Path) -> None:
    """Both README commands, word for word, in a fresh copy with a fresh virtual environment."""
    copy = tmp_path / "compactscore"
    shutil.copytree(
        ROOT,
        copy,
        symlinks=True,  # the case folders' links (loops, broken ones) are copied as links
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "venv", "__pycache__", "*.egg-info", ".*_cache", "build", "dist"
        ),
    )
    first, second = quick_start_commands()
    env = {key: value for key, value in os.environ.items() if not key.startswith("VIRTUAL_ENV")}
    done = subprocess.run(
        ["bash", "-c", first], cwd=copy, capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Riverton 2012-13: 30 out of 51 (58.8%)" in done.stdout
    done = subprocess.run(
        ["bash", "-c", second], cwd=copy, capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert re.search(r"\d+ passed", done.stdout)
