"""Loading's warnings are printed once for a command, before its result or with its errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Invoke = Callable[..., Result]

MISSING = (
    "scores/2013-14.csv: warning: no row for indicator 5: counted as not scored. Add a row "
    "for each, with the score left empty if it is not agreed yet."
)


def _drop_indicator_5(area: Path) -> None:
    sheet = area / "scores" / "2013-14.csv"
    lines = sheet.read_text(encoding="utf-8").splitlines(keepends=True)
    sheet.write_text("".join(line for line in lines if not line.startswith("5,")), "utf-8")


def test_a_warning_comes_once_and_before_the_result(area: Path, cli: Invoke) -> None:
    _drop_indicator_5(area)
    for command in (("score",), ("trend",), ("report",), ("gaps",)):
        result = cli(*command, cwd=area)
        assert result.exit_code == 0, command
        assert result.stderr == MISSING + "\n", command
        assert result.output.startswith(MISSING + "\n"), command
        assert result.stdout and not result.stdout.startswith(MISSING), command


def test_a_warning_is_printed_before_an_error_found_later(area: Path, cli: Invoke) -> None:
    _drop_indicator_5(area)
    result = cli("report", "-o", "scores/2013-14.csv", cwd=area)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{MISSING}\ncompactscore: scores/2013-14.csv is one of the score sheets, and a report "
        "never replaces a sheet, even with --force. Name another file for the report, such as "
        "board-paper.html.\n"
    )
