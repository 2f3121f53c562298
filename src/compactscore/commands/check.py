"""``compactscore check``: validate definitions, configs and every score file."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from compactscore.commands.common import out_console
from compactscore.controls import escape_controls
from compactscore.errors import (
    Problem,
    Severity,
    errors_in,
    more_not_shown,
    shown_problems,
)
from compactscore.load.check import Checker, check_all
from compactscore.options import CheckFormat
from compactscore.render.console import write_raw
from compactscore.render.words import plural


def run_check(
    paths: list[Path], indicators: Path | None, output: CheckFormat, rev: str | None = None
) -> int:
    """Check every file named (or the repository here); exit 1 when any has an error."""
    checker = check_all(paths, indicators, rev)
    _report(out_console(), checker, output)
    return 1 if errors_in(checker.problems) else 0


def _report(console: Console, checker: Checker, output: CheckFormat) -> None:
    for problem, hidden in shown_problems(checker.problems):
        if hidden:
            line = more_not_shown(problem, hidden)
            if output is CheckFormat.GITHUB:
                write_raw(console, line + "\n")
            else:
                console.print(_fitted(console, line), markup=False, soft_wrap=True)
        elif output is CheckFormat.GITHUB:
            write_raw(console, _annotation(problem) + "\n")
        else:
            style = "yellow" if problem.severity is Severity.WARNING else "red"
            console.print(_fitted(console, str(problem)), style=style, markup=False, soft_wrap=True)
    errors = len(errors_in(checker.problems))
    warnings = len(checker.problems) - errors
    summary = (
        f"Checked {plural(checker.files, 'file')}: {plural(errors, 'error')}, "
        f"{plural(warnings, 'warning')}."
    )
    if checker.unchecked:
        summary += (
            f" {plural(checker.unchecked, 'sheet')} could not be checked until the config or the "
            "definition it uses is fixed."
        )
    if output is CheckFormat.GITHUB:
        write_raw(console, summary + "\n")
    else:
        console.print(
            _fitted(console, summary),
            style="bold red" if errors else "bold green",
            markup=False,
            soft_wrap=True,
        )


def _fitted(console: Console, line: str) -> str:
    """A problem as one line for a pipe (FILE:LINE: for grep and editors), wrapped on a terminal.

    On a terminal the lines after the first are indented, so each problem still
    starts at the left edge with its FILE:LINE.
    """
    if not console.is_terminal:
        return line
    from compactscore.render.text import hanging

    return hanging(line, console.width)


def _annotation(problem: Problem) -> str:
    """A GitHub Actions annotation: ``::error file=F,line=L::message``."""
    kind = "warning" if problem.severity is Severity.WARNING else "error"
    where = f"file={_escape_property(escape_controls(problem.file))}"
    if problem.line:
        where += f",line={problem.line}"
    # A CI log shows colours and links as a terminal does: the text is escaped as a message is.
    text = escape_controls(f"{problem.message} {problem.fix}".strip())
    if problem.place:  # a workbook's sheet and cell: its row alone does not say where
        text = f"{escape_controls(problem.place)}: {text}"
    return f"::{kind} {where}::{_escape_data(text)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
