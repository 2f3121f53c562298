"""What every command shares: consoles, error handling, finding the definition, printing."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, ParamSpec

import typer
from pydantic import BaseModel
from rich.console import Console

from compactscore.errors import CompactscoreError, Problem, Severity, UsageError
from compactscore.load.definition import load_definition
from compactscore.load.repository import Repository
from compactscore.models import Definition
from compactscore.render.text import print_view, to_csv, to_markdown
from compactscore.render.view import OutputFormat, View

P = ParamSpec("P")

BUG_REPORT = (
    "This is a bug in compactscore, not a problem with your files. Please report it "
    "with the command you ran and the message above."
)

FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="Output format: table, json, csv or markdown."),
]
IndicatorsOption = Annotated[
    Path | None,
    typer.Option(
        "--indicators",
        help="An indicator definition (YAML) to use instead of the repository's or the bundled one.",
        dir_okay=False,
    ),
]


def out_console() -> Console:
    """The console results are printed to: colour only on a terminal, NO_COLOR honoured."""
    return Console(highlight=False, soft_wrap=False)


def err_console() -> Console:
    """The console problems are printed to (standard error)."""
    return Console(stderr=True, highlight=False, soft_wrap=True)


def handle_errors(command: Callable[P, int]) -> Callable[P, None]:
    """Run a command; turn its exit code and its errors into the process's exit status."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            code = command(*args, **kwargs)
        except UsageError as error:
            report_problems(error.problems)
            raise typer.Exit(2) from None
        except CompactscoreError as error:
            report_problems(error.problems)
            raise typer.Exit(1) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as error:  # an unexpected exception is a bug: say so plainly
            console = err_console()
            console.print(f"Error: {type(error).__name__}: {error}", markup=False)
            console.print(BUG_REPORT, markup=False)
            raise typer.Exit(3) from None
        raise typer.Exit(code)

    return wrapper


def report_problems(problems: list[Problem]) -> None:
    """Print problems to standard error, one ``FILE:LINE: message fix`` a line."""
    console = err_console()
    for problem in problems:
        style = "yellow" if problem.severity is Severity.WARNING else "red"
        console.print(str(problem), style=style, markup=False)


def definition_for(indicators: Path | None, repository: Repository | None) -> Definition:
    """The definition to use: --indicators, else the repository's, else the bundled one."""
    if indicators is not None:
        return load_definition(indicators)
    if repository is not None:
        return repository.definition
    return load_definition()


def usage(message: str, fix: str) -> UsageError:
    """A wrong-usage error (exit status 2), not tied to a file."""
    return UsageError([Problem("compactscore", None, message, fix)])


def emit(console: Console, result: BaseModel | Any, view: View, output: OutputFormat) -> None:
    """Print a result in the chosen format; every format comes from the same result."""
    if output is OutputFormat.JSON:
        text = result.model_dump_json(indent=2) if isinstance(result, BaseModel) else str(result)
        _write(console, text + "\n")
    elif output is OutputFormat.CSV:
        _write(console, to_csv(view.data))
    elif output is OutputFormat.MARKDOWN:
        _write(console, to_markdown(view))
    else:
        print_view(console, view)


def _write(console: Console, text: str) -> None:
    # Machine formats go out untouched: no wrapping, no markup, no colour.
    console.file.write(text)
    console.file.flush()
