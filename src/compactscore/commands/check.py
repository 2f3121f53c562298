"""``compactscore check``: validate definitions, configs and every score file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from compactscore import options as opt

if TYPE_CHECKING:
    from rich.console import Console

    from compactscore.errors import Problem
    from compactscore.load.check import Checker


def check(
    paths: Annotated[
        list[Path] | None,
        opt.argument("PATH", "Score files, definitions or folders. Default: this folder."),
    ] = None,
    indicators: opt.IndicatorsOption = None,
    output: Annotated[
        opt.CheckFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            parser=opt.choice_of(opt.CheckFormat),
            help="text, or github for GitHub Actions annotations.",
        ),
    ] = opt.CheckFormat.TEXT,
    rev: opt.RevOption = None,
) -> int:
    """Check definitions and score files.

    Prints each problem as FILE:LINE: message. Exits 1 when any error is found.

    Example: compactscore check scores/
    """
    options = opt.Options(output, indicators, rev)
    from compactscore.commands.common import out_console
    from compactscore.errors import errors_in
    from compactscore.load.check import check_all

    checker = check_all(paths or [], options.indicators, options.rev)
    _report(out_console(), checker, options.format)
    return 1 if errors_in(checker.problems) else 0


def _report(console: Console, checker: Checker, output: opt.CheckFormat) -> None:
    from compactscore.errors import Severity, errors_in, more_not_shown, shown_problems
    from compactscore.render.console import write_raw
    from compactscore.render.words import plural

    for problem, hidden in shown_problems(checker.problems):
        if hidden:
            line = more_not_shown(problem, hidden)
            if output is opt.CheckFormat.GITHUB:
                write_raw(console, line + "\n")
            else:
                console.print(_fitted(console, line), markup=False, soft_wrap=True)
        elif output is opt.CheckFormat.GITHUB:
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
    if output is opt.CheckFormat.GITHUB:
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
    from compactscore.controls import escape_controls
    from compactscore.errors import Severity

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
