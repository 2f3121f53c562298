"""The command line: the app, its --version, and each command registered from commands/.

A command's options, help and work are its own module's function; its heavy
imports happen when it runs, so that start-up and ``--help`` load only typer.
"""

from __future__ import annotations

import gc
import io
import os
import sys
import types
from typing import Annotated

import typer

from compactscore import __version__
from compactscore.commands.actions import actions
from compactscore.commands.agree import agree
from compactscore.commands.check import check
from compactscore.commands.compare import compare
from compactscore.commands.diff import diff
from compactscore.commands.gaps import gaps
from compactscore.commands.history import history
from compactscore.commands.indicators import indicators_command
from compactscore.commands.init import init
from compactscore.commands.new import new
from compactscore.commands.report import report
from compactscore.commands.save import save
from compactscore.commands.score import score
from compactscore.commands.trend import trend
from compactscore.exits import handle_errors

app = typer.Typer(
    name="compactscore",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 120},
)


def _name_arguments_in_words() -> None:
    # --help names an argument by its metavar (FILE, PERIOD), never by the Python type
    # typer would add after it (<path>, <list[Path]>).
    from typer.core import TyperArgument

    typed = TyperArgument.display_type_rich

    def display(self: TyperArgument, ctx: typer.Context) -> str | None:
        return None if self.metavar is not None else typed(self, ctx)

    TyperArgument.display_type_rich = display  # type: ignore[method-assign,assignment]


_name_arguments_in_words()


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
    try:
        os.getcwd()
    except FileNotFoundError:
        typer.echo(
            "./: the current folder no longer exists (it was deleted or moved after the "
            "shell changed to it). Change to a folder that exists (cd) and run the command again.",
            err=True,
        )
        raise typer.Exit(1) from None


# The commands in the order --help lists them; each is its own module's function.
app.command(name="init")(handle_errors(init))
app.command(name="new")(handle_errors(new))
app.command(name="check")(handle_errors(check))
app.command(name="score")(handle_errors(score))
app.command(name="trend")(handle_errors(trend))
app.command(name="gaps")(handle_errors(gaps))
app.command(name="agree")(handle_errors(agree))
app.command(name="diff")(handle_errors(diff))
app.command(name="history")(handle_errors(history))
app.command(name="save")(handle_errors(save))
app.command(name="actions")(handle_errors(actions))
app.command(name="indicators")(handle_errors(indicators_command))
app.command(name="compare")(handle_errors(compare))
app.command(name="report")(handle_errors(report))


def main() -> None:
    """The console script's entry point."""
    _tolerate_narrow_encodings()
    _without_pydantic_plugins()
    try:
        app()
    finally:
        # The process is ending: its objects need freeing, not another hunt for
        # reference cycles, which took about 30 ms at every exit.
        gc.freeze()


def _without_pydantic_plugins() -> None:
    """Tell pydantic, in this process only, that there are no plugins to look for.

    compactscore uses no pydantic plugins. To find them, pydantic's first model
    imports importlib.metadata and reads every installed package's entry points:
    about 15 ms of a 0.3 s command, more where many packages are installed. Its
    finder is answered "none" here, in this process's own modules, rather than by
    setting PYDANTIC_DISABLE_PLUGINS, which git and anything else started from
    here would inherit.
    """
    name = "pydantic.plugin._loader"
    if name not in sys.modules:  # pydantic has not looked yet
        finder = types.ModuleType(name, "compactscore runs no pydantic plugins.")
        finder.get_plugins = tuple  # type: ignore[attr-defined]
        sys.modules[name] = finder


def _tolerate_narrow_encodings() -> None:
    # An output that cannot show a character (a Windows code page, PYTHONIOENCODING=ascii)
    # gets a "?" for it rather than a crash halfway through the results.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
