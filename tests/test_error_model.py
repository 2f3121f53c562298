"""One error model: data errors exit 1, usage 2, and anything unexpected is a bug, exit 3."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compactscore.analysis import score
from compactscore.cells import neutralised
from compactscore.cli import app
from compactscore.errors import DataError, Problem, Severity
from compactscore.exits import BUG_REPORT
from compactscore.load import check

SHEET = "indicator,score,evidence\n1,2,x\n"


def test_an_unexpected_exception_is_reported_as_a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> int:
        raise RuntimeError("the abacus slipped")

    monkeypatch.setattr(check, "check_all", broken)
    result = CliRunner().invoke(app, ["check", "anything.csv"])
    assert result.exit_code == 3
    assert result.stderr == f"Error: RuntimeError: the abacus slipped\n{BUG_REPORT}\n"
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_a_bug_inside_loading_is_still_exit_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise KeyError("score")

    monkeypatch.setattr(score, "score_sheet", broken)
    path = tmp_path / "2012.csv"
    path.write_text(SHEET, encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(path)])
    assert result.exit_code == 3
    assert "Error: KeyError: 'score'\nThis is a bug in compactscore" in result.stderr


def test_data_errors_list_every_problem_then_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(*args: object) -> int:
        raise DataError(
            [
                Problem("a.csv", 3, "score 'x' is not a number.", "Write 0, 1, 2 or 3."),
                Problem("a.csv", None, "no row for 4.", "", Severity.WARNING),
            ]
        )

    monkeypatch.setattr("compactscore.load.sources.open_sheet", failing)
    result = CliRunner().invoke(app, ["score", "a.csv"])
    assert result.exit_code == 1
    assert result.stderr == (
        "a.csv:3: score 'x' is not a number. Write 0, 1, 2 or 3.\na.csv: warning: no row for 4.\n"
    )


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+44 1234", "'+44 1234"),
        ("-10 new volunteers", "'-10 new volunteers"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-1", "-1"),
        ("-2.5", "-2.5"),
        ("+3", "+3"),
        ("- 1", "'- 1"),
        ("Evidence = minutes", "Evidence = minutes"),
        ("", ""),
    ],
)
def test_csv_cells_that_could_run_are_neutralised(cell: str, shown: str) -> None:
    """OWASP CSV injection: formula characters neutralised, negative numbers kept as numbers."""
    assert neutralised(cell) == shown


def test_an_output_that_cannot_show_a_character_does_not_crash(tmp_path: Path) -> None:
    """A Windows code page or PYTHONIOENCODING=ascii: a '?' for what it cannot show, exit 1."""
    (tmp_path / "2012.csv").write_text("indicator,score\n1,\u201c2\u201d\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "compactscore", "check", "2012.csv"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "ascii", "NO_COLOR": "1"},
        capture_output=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.decode("ascii").startswith(
        "2012.csv:2: score ?2? has quote marks around it."
    )
    assert done.stderr == b""
