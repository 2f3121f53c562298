"""The options commands share, kept light so that --help starts fast."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any, TypeVar

import typer


class OutputFormat(StrEnum):
    """The formats every results command offers."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    XLSX = "xlsx"


class CheckFormat(StrEnum):
    """How check reports problems."""

    TEXT = "text"
    GITHUB = "github"


E = TypeVar("E", bound=StrEnum)


class ChoiceError(typer.BadParameter):
    """A value that is not one of an option's choices: named, with the choices, exit 2."""

    def show(self, file: IO[Any] | None = None) -> None:
        typer.echo(f"compactscore: {self.message}", file=file, err=file is None)


def choice_of(
    choices: type[E], option: str = "--format", allowed: Sequence[E] = ()
) -> Callable[[str], E]:
    """A parser for an option of fixed choices that says, in words, which ones there are.

    ``--format html: choose table, json, csv or markdown``, rather than a type error.
    ``allowed`` narrows the choices to those a command offers.
    """
    offered = list(allowed) or list(choices)

    def parse(value: str) -> E:
        chosen = value if isinstance(value, choices) else _member(choices, value)
        if chosen is None or chosen not in offered:
            names = [choice.value for choice in offered]
            listed = f"{', '.join(names[:-1])} or {names[-1]}"
            raise ChoiceError(f"{option} {value}: choose {listed}")
        return chosen

    return parse


def _member(choices: type[E], value: str) -> E | None:
    try:
        return choices(value.strip().lower())
    except ValueError:
        return None


# What a command shows on the screen; trend, gaps and compare also write a workbook.
SCREEN_FORMATS = (OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.CSV, OutputFormat.MARKDOWN)


FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        parser=choice_of(OutputFormat, allowed=SCREEN_FORMATS),
        help="Output format: table, json, csv or markdown.",
    ),
]
ExportFormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        parser=choice_of(OutputFormat),
        help="Output format: table, json, csv, markdown, or xlsx (a workbook, with -o).",
    ),
]
IndicatorsOption = Annotated[
    Path | None,
    typer.Option(
        "--indicators",
        metavar="FILE",
        help="An indicator definition (YAML) to use instead of the repository's or the bundled one.",
    ),
]
OutputFileOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to this file instead of the screen (xlsx needs one); its ending "
        "(.xlsx, .csv, .json, .md) chooses the format when --format is not given. "
        "An existing file is replaced only with --force.",
    ),
]
RevOption = Annotated[
    str | None,
    typer.Option(
        "--rev",
        metavar="REV",
        help="Read the files as they were at this git revision (a commit, branch or tag).",
    ),
]


class ReportFormat(StrEnum):
    """What the board report is written as."""

    HTML = "html"
    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"
    TABLE = "table"


SheetArgument = Annotated[
    Path | None,
    typer.Argument(metavar="FILE", help="The score file (CSV). Default: the latest period."),
]
