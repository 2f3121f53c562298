"""One place turns errors into messages and exit statuses: 1 data, 2 usage, 3 a bug."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, ParamSpec

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from compactscore.errors import Problem

P = ParamSpec("P")

BUG_REPORT = (
    "This is a bug in compactscore, not a problem with your files. Please report it "
    "with the command you ran and the message above."
)


def handle_errors(command: Callable[P, int]) -> Callable[P, None]:
    """Run a command; turn its exit code and its errors into the process's exit status."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        from compactscore.errors import CompactscoreError, UsageError, take_warnings

        take_warnings()  # none left from a command run before in this process
        try:
            code = command(*args, **kwargs)
        except UsageError as error:
            report_problems([*take_warnings(), *error.problems])
            raise typer.Exit(2) from None
        except CompactscoreError as error:
            report_problems([*take_warnings(), *error.problems])
            raise typer.Exit(1) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            print_warnings()
            raise
        except Exception as error:  # an unexpected exception is a bug: say so plainly
            print_warnings()
            console = err_console()
            console.print(f"Error: {type(error).__name__}: {error}", markup=False)
            console.print(BUG_REPORT, markup=False)
            raise typer.Exit(3) from None
        print_warnings()
        raise typer.Exit(code)

    return wrapper


def err_console() -> Console:
    """The console problems are printed to (standard error)."""
    from compactscore.render.console import make_console

    return make_console(stderr=True, soft_wrap=True)


def report_problems(problems: list[Problem]) -> None:
    """Print problems to standard error, one ``FILE:LINE: message fix`` a line, 50 per file."""
    from compactscore.errors import Severity, more_not_shown, shown_problems

    console = err_console()
    for problem, hidden in shown_problems(problems):
        if hidden:
            console.print(more_not_shown(problem, hidden), markup=False)
            continue
        style = "yellow" if problem.severity is Severity.WARNING else "red"
        console.print(str(problem), style=style, markup=False)


def print_warnings() -> None:
    """Print the warnings loading found (once: printed, they are no longer kept)."""
    from compactscore.errors import take_warnings

    warnings = take_warnings()
    if warnings:
        report_problems(warnings)
