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
from collections.abc import Callable, Iterable
from importlib import import_module
from typing import Annotated, Any, get_type_hints

import typer

from compactscore import __version__
from compactscore.exits import handle_errors


def _name_arguments_in_words() -> None:
    # --help names an argument by its metavar (FILE, PERIOD), never by the Python type
    # typer would add after it (<path>, <list[Path]>).
    from typer.core import TyperArgument

    typed = TyperArgument.display_type_rich

    def display(self: TyperArgument, ctx: typer.Context) -> str | None:
        return None if self.metavar is not None else typed(self, ctx)

    TyperArgument.display_type_rich = display  # type: ignore[method-assign,assignment]


_name_arguments_in_words()


def _convert_only_what_was_given() -> None:
    # typer (0.29) builds a pydantic validator for an option before it converts the
    # value, even when there is none to convert: an option left out is None, which
    # it hands back as it is. Building it anyway loads pydantic for 'CMD --help'
    # (the app's own --help, not given) and costs every command a validator for
    # each option it was not given. A value of None is answered as typer would
    # answer it, without one.
    from typer._click.exceptions import MissingParameter
    from typer.core import _TyperParameter

    convert = _TyperParameter.process_value

    def process_value(self: _TyperParameter, ctx: typer.Context, value: Any) -> Any:
        if value is not None:
            return convert(self, ctx, value)
        value = () if self.multiple or self.nargs == -1 else None
        if self.required and self.value_is_missing(value):
            raise MissingParameter(ctx=ctx, param=self)
        return value if self.callback is None else self.callback(ctx, self, value)

    _TyperParameter.process_value = process_value  # type: ignore[method-assign,assignment]


_convert_only_what_was_given()


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"compactscore {__version__}")
        raise typer.Exit()


def _options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Score the Compact Scorecard for a Thriving Sector and follow its direction of travel.

    Example: compactscore score scores/2024-25.csv
    """
    # Off while starting up (compactscore.launch); a command's work needs it. The
    # command first imports what it uses: tens of thousands of objects that live to
    # the end, which the default threshold (700) had the collector pass over some 80
    # times in score, about 7 ms. It looks at the youngest objects every 20,000 instead.
    gc.set_threshold(20_000, 10, 10)
    gc.enable()
    try:
        os.getcwd()
    except FileNotFoundError:
        typer.echo(
            "./: the current folder no longer exists (it was deleted or moved after the "
            "shell changed to it). Change to a folder that exists (cd) and run the command again.",
            err=True,
        )
        raise typer.Exit(1) from None


def _register(app: typer.Typer, command: Callable[..., int], name: str) -> None:
    """Add a command, with its errors turned into messages and exit statuses.

    Its annotations are read once, here: typer reads a command's signature four
    times, and would otherwise evaluate every annotation's text each time (the
    commands' modules postpone annotations), a tenth of what --help takes.
    """
    command.__annotations__ = get_type_hints(command, include_extras=True)
    app.command(name=name)(handle_errors(command))


# Each command's module and function, in the order --help lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("compactscore.commands.init", "init"),
    "new": ("compactscore.commands.new", "new"),
    "check": ("compactscore.commands.check", "check"),
    "score": ("compactscore.commands.score", "score"),
    "trend": ("compactscore.commands.trend", "trend"),
    "gaps": ("compactscore.commands.gaps", "gaps"),
    "agree": ("compactscore.commands.agree", "agree"),
    "diff": ("compactscore.commands.diff", "diff"),
    "history": ("compactscore.commands.history", "history"),
    "save": ("compactscore.commands.save", "save"),
    "actions": ("compactscore.commands.actions", "actions"),
    "indicators": ("compactscore.commands.indicators", "indicators_command"),
    "compare": ("compactscore.commands.compare", "compare"),
    "report": ("compactscore.commands.report", "report"),
}


def build_app(names: Iterable[str] = COMMANDS, *, listed_only: bool = False) -> typer.Typer:
    """The command line with these commands: all of them unless told.

    A command named on the command line is given an app of its own: typer builds
    every registered command's options before it runs one, and importing and
    building all fourteen took about 12 ms of a 0.3 s command. ``listed_only``
    gives each command its name and help but no options, for what lists the
    commands and runs none (``compactscore --help``, a misspelt command).
    """
    app = typer.Typer(
        name="compactscore",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 120},
    )
    app.callback()(_options)
    for name in names:
        module, function = COMMANDS[name]
        command = getattr(import_module(module), function)
        if listed_only:
            app.command(name=name, help=command.__doc__)(_listed)
        else:
            _register(app, command, name)
    return app


def _listed() -> None:
    """A command as the list of commands shows it; never run."""


def __getattr__(name: str) -> typer.Typer:
    # The whole command line, as tests and tools import it, built when first asked for.
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    app = globals()["app"] = build_app()
    return app


def main() -> None:
    """The console script's entry point."""
    _tolerate_narrow_encodings()
    _without_pydantic_plugins()
    args = sys.argv[1:]
    named = args[0] if args and args[0] in COMMANDS else None
    app = build_app([named]) if named else build_app(listed_only=True)
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
