"""The command line: parse options, call a command, exit with its status.

Each command imports its implementation when it runs, so that start-up and
``--help`` load only typer.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Annotated

import typer

from compactscore import __version__
from compactscore.exits import handle_errors
from compactscore.options import CheckFormat, FormatOption, IndicatorsOption, OutputFormat

app = typer.Typer(
    name="compactscore",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"compactscore {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Score the Compact Scorecard for a Thriving Sector and follow its direction of travel.

    Example: compactscore score scores/2024-25.csv
    """


@app.command()
@handle_errors
def score(
    file: Annotated[
        Path | None, typer.Argument(help="The score file (CSV). Default: the latest period.")
    ] = None,
    output: FormatOption = OutputFormat.TABLE,
    indicators: IndicatorsOption = None,
) -> int:
    """One period: each indicator's score, theme sub-totals, the total and percent.

    Example: compactscore score scores/2024-25.csv --format json
    """
    from compactscore.commands.score import run_score

    return run_score(file, output, indicators)


@app.command()
@handle_errors
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Score files, definitions or folders. Default: this folder."),
    ] = None,
    indicators: IndicatorsOption = None,
    output: Annotated[
        CheckFormat,
        typer.Option("--format", "-f", help="text, or github for GitHub Actions annotations."),
    ] = CheckFormat.TEXT,
) -> int:
    """Check definitions and score files; print each problem as FILE:LINE: message.

    Exits 1 when any error is found.

    Example: compactscore check scores/
    """
    from compactscore.commands.check import run_check

    return run_check(paths or [], indicators, output)


@app.command(name="indicators")
@handle_errors
def indicators_command(
    output: FormatOption = OutputFormat.TABLE,
    indicators: IndicatorsOption = None,
    period: Annotated[
        str | None,
        typer.Option("--period", help="Show the indicators in force for this period."),
    ] = None,
) -> int:
    """The indicators, their statements and the scale, readable at a meeting.

    Example: compactscore indicators --period 2010-11
    """
    from compactscore.commands.indicators import run_indicators

    return run_indicators(output, indicators, period)


def main() -> None:
    """The console script's entry point."""
    try:
        app()
    finally:
        # The process is ending: its objects need freeing, not another hunt for
        # reference cycles, which took about 30 ms at every exit.
        gc.freeze()
