"""What every command shares: consoles, error handling, finding the definition, printing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape

from compactscore.errors import Problem, Severity
from compactscore.models import Definition
from compactscore.options import Options, OutputFormat
from compactscore.periods import Period
from compactscore.render.text import print_view, to_csv, to_markdown
from compactscore.render.view import View


def out_console() -> Console:
    """The console results are printed to: colour only on a terminal, NO_COLOR honoured.

    Its width is COLUMNS when set, else the terminal's; piped or written to a file,
    80, whatever terminal the other streams are on.
    """
    from compactscore.render.console import make_console

    return make_console(width=output_width())


def output_width() -> int | None:
    """COLUMNS, else None (the terminal's own width) on a terminal, else 80."""
    import os
    import sys

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return None if sys.stdout.isatty() else 80


def emit(
    console: Console, result: BaseModel | Any, view: View, options: Options[OutputFormat]
) -> None:
    """Print a result in the chosen format, or write it to -o; every format comes from the same result.

    Read at a git revision, the table and Markdown say so under their headline (JSON
    and CSV name it in each file's ``REV:path``).
    """
    from compactscore.exits import print_warnings

    print_warnings()  # what loading found, before the result it is about
    if options.rev is not None:
        said = escape(f"Read as the files were at git revision {options.rev}.")
        view = replace(view, headline=[*view.headline, said])
    output = options.format
    if options.to is not None:
        _write_file(console, result, view, output, options.to, options.force)
    elif output is OutputFormat.JSON:
        text = result.model_dump_json(indent=2) if isinstance(result, BaseModel) else str(result)
        _write(console, text + "\n")
    elif output is OutputFormat.CSV:
        _write(console, to_csv(view.data))
    elif output is OutputFormat.MARKDOWN:
        _write(console, to_markdown(view))
    else:
        print_view(console, view)


def _write_file(
    console: Console,
    result: BaseModel | Any,
    view: View,
    output: OutputFormat,
    to: Path,
    force: bool,
) -> None:
    """Write a result to a file: a workbook of its tables, CSV for Excel, JSON or Markdown."""
    from compactscore.load.files import write_file
    from compactscore.render.sheetfile import EXCEL_UTF8_SIGNATURE

    content: str | bytes
    if output is OutputFormat.XLSX:
        from compactscore.render.workbook import tables_workbook

        content = tables_workbook([*view.grids, replace(view.data, title="Data")])
    elif output is OutputFormat.JSON:
        text = result.model_dump_json(indent=2) if isinstance(result, BaseModel) else str(result)
        content = text + "\n"
    elif output is OutputFormat.CSV:
        content = EXCEL_UTF8_SIGNATURE + to_csv(view.data)  # so Excel reads it as UTF-8
    else:
        content = to_markdown(view)
    backup = write_file(to, content, force=force)
    console.print(f"Wrote {to}.", markup=False, highlight=False)
    if backup is not None:
        console.print(f"The file it replaced is kept as {backup}.", markup=False, highlight=False)


def _write(console: Console, text: str) -> None:
    # Machine formats go out untouched: no wrapping, no markup, no colour; only a
    # terminal gets their control characters escaped.
    from compactscore.render.console import write_raw

    write_raw(console, text)


def warn_if_before_the_definition(
    period: Period, definition: Definition, consequence: str, fix: str
) -> None:
    """Warn that a period before the definition's first version is read against that version."""
    first = definition.versions[0]
    start = first.start
    if start is not None and period < start:
        from compactscore.errors import warn

        warn(
            [
                Problem(
                    "compactscore",
                    None,
                    f"{period} is before the first version of the definition applies "
                    f"({first.version}, from {start}), so {consequence}.",
                    fix,
                    Severity.WARNING,
                )
            ]
        )
