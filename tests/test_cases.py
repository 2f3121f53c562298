"""Every case folder under tests/cases/ run through the command line and checked exactly."""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from compactscore.cli import app

CASES = Path(__file__).parent / "cases"
ENV = {"NO_COLOR": "1", "COLUMNS": "100", "TERM": "dumb"}


def _folders(kind: str) -> list[Path]:
    return sorted(path for path in (CASES / kind).iterdir() if (path / "cmd").is_file())


def _run(case: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    monkeypatch.chdir(case)
    args = shlex.split((case / "cmd").read_text(encoding="utf-8"))
    result = CliRunner().invoke(app, args, env=ENV, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _expected_exit(case: Path, default: int) -> int:
    path = case / "exit"
    return int(path.read_text(encoding="utf-8").strip()) if path.is_file() else default


def _contains(actual: Any, expected: Any) -> bool:
    """Whether every key the case names has the value it names (lists compared item by item)."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            key in actual and _contains(actual[key], value) for key, value in expected.items()
        )
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(actual) == len(expected)
            and all(_contains(a, e) for a, e in zip(actual, expected, strict=True))
        )
    return bool(actual == expected)


def _check_output(case: Path, stdout: str, stderr: str) -> None:
    seen = False
    for stream, text in (("stdout", stdout), ("stderr", stderr)):
        path = case / stream
        if path.is_file():
            seen = True
            # Bytes as kept: a lone CR in an expected CSV export is part of what is checked.
            expected = path.read_bytes().decode("utf-8")
            assert text == expected, f"{case.name}: {stream} differs"
    json_path = case / "stdout.json"
    if json_path.is_file():
        seen = True
        expected = json.loads(json_path.read_text(encoding="utf-8"))
        assert _contains(json.loads(stdout), expected), f"{case.name}: JSON differs:\n{stdout}"
    assert seen, f"{case.name} has no stdout, stderr or stdout.json to compare with"


@pytest.mark.parametrize("case", _folders("invalid"), ids=lambda path: path.name)
def test_invalid_case(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bad input: exit 1 (or 2), the exact FILE:LINE messages, never a traceback."""
    code, stdout, stderr = _run(case, monkeypatch)
    assert "Traceback" not in stdout + stderr
    assert code == _expected_exit(case, 1), f"{case.name}: exit {code}\n{stdout}{stderr}"
    assert code in (1, 2)
    _check_output(case, stdout, stderr)


@pytest.mark.parametrize("case", _folders("valid"), ids=lambda path: path.name)
def test_valid_case(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A good input, however a spreadsheet saved it: exit 0 and the exact result."""
    code, stdout, stderr = _run(case, monkeypatch)
    assert "Traceback" not in stdout + stderr
    assert code == _expected_exit(case, 0), f"{case.name}: exit {code}\n{stdout}{stderr}"
    _check_output(case, stdout, stderr)


def test_enough_cases() -> None:
    """The catalogue keeps at least sixty bad inputs."""
    assert len(_folders("invalid")) >= 60
