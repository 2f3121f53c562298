"""A reference: the start-up floor plus typer parsing score's arguments, and nothing else.

Not part of compactscore. It imports what the start-up floor imports, then lets
typer parse the same arguments and options ``compactscore score`` takes (a file,
``--indicators``, ``--format`` and ``--rev``) and returns without reading anything.
Its time above the floor is what typer itself costs a command: from typer 0.29 it
builds a pydantic validator for each parameter, which makes pydantic load its
schema machinery and look for plugins.

Run on its own: python benchmarks/typer_alone.py SHEET.csv
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
import yaml  # noqa: F401  (imported as the floor imports it)
from pydantic import BaseModel  # noqa: F401
from rich.table import Table  # noqa: F401

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


class Format(StrEnum):
    """The output formats, as compactscore offers them."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


@app.command()
def score(
    file: Annotated[Path | None, typer.Argument()] = None,
    indicators: Annotated[Path | None, typer.Option("--indicators")] = None,
    output: Annotated[Format, typer.Option("--format", "-f")] = Format.TABLE,
    rev: Annotated[str | None, typer.Option("--rev")] = None,
) -> None:
    """Parse the arguments and do nothing with them."""


if __name__ == "__main__":
    app()
