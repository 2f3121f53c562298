"""The options commands share, kept light so that --help starts fast."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

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


FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        help="Output format: table, json, csv, markdown, or xlsx (to a file, with -o).",
    ),
]
IndicatorsOption = Annotated[
    Path | None,
    typer.Option(
        "--indicators",
        help="An indicator definition (YAML) to use instead of the repository's or the bundled one.",
        dir_okay=False,
    ),
]
OutputFileOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file instead of the screen (xlsx needs one); its ending "
        "(.xlsx, .csv, .json, .md) chooses the format when --format is not given. "
        "An existing file is replaced only with --force.",
        dir_okay=False,
    ),
]
RevOption = Annotated[
    str | None,
    typer.Option(
        "--rev",
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
    Path | None, typer.Argument(help="The score file (CSV). Default: the latest period.")
]
