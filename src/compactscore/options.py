"""The options commands share, kept light so that --help starts fast."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any, Generic, NamedTuple, TypeVar

import typer

if TYPE_CHECKING:
    from datetime import date

    from compactscore.errors import UsageError
    from compactscore.periods import Period


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


def written_file(value: str | Path) -> Path:
    """The parser of -o: a path, refused when it ends with a slash, as a folder's name does.

    Read as a path, ``sub/`` is ``sub``: the report would be written as a file of
    that name where a folder was meant.
    """
    text = str(value)
    if text.endswith(("/", "\\")) and text.strip("/\\"):
        name = text.rstrip("/\\")
        raise ChoiceError(
            f"-o {text}: names a folder (it ends with {text[-1]}), not a file. Name a file in "
            f"it, with the ending of what to write, such as -o {name}/report.html or "
            f"-o {name}/gaps.csv."
        )
    return Path(text)


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
        parser=written_file,
        help="Write to this file instead of the screen (xlsx needs one); its ending "
        "(.xlsx, .csv, .json, .md) chooses the format when --format is not given. "
        "An existing file is replaced only with --force.",
    ),
]
ForceOption = Annotated[
    bool,
    typer.Option("--force", help="Replace an existing file (the old one is kept as a backup)."),
]


def argument(metavar: str, help: str) -> Any:
    """A command's argument, shown in --help as METAVAR with its help."""
    return typer.Argument(metavar=metavar, help=help)


def named_value(name: str, metavar: str, help: str) -> Any:
    """An option that takes one value, shown in --help as ``NAME METAVAR``."""
    return typer.Option(name, metavar=metavar, help=help)


TodayOption = Annotated[
    str | None,
    named_value("--today", "DATE", "The day to count overdue from (YYYY-MM-DD). Default: today."),
]
ScoresOnlyOption = Annotated[
    bool,
    typer.Option("--scores-only", help="Show changes of score only, not of the words beside them."),
]
RevOption = Annotated[
    str | None,
    named_value(
        "--rev",
        "REV",
        "Read the files as they were at this git revision (a commit, branch or tag).",
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


# What an -o file's ending writes, when --format does not say.
ENDINGS = {
    ".xlsx": OutputFormat.XLSX,
    ".csv": OutputFormat.CSV,
    ".json": OutputFormat.JSON,
    ".md": OutputFormat.MARKDOWN,
    ".markdown": OutputFormat.MARKDOWN,
}
REPORT_ENDINGS = {
    ".html": ReportFormat.HTML,
    ".htm": ReportFormat.HTML,
    ".md": ReportFormat.MARKDOWN,
    ".markdown": ReportFormat.MARKDOWN,
    ".json": ReportFormat.JSON,
    ".csv": ReportFormat.CSV,
    ".xlsx": ReportFormat.XLSX,
}
KNOWN_REPORT_ENDINGS = ".html or .htm, .md or .markdown, .json, .csv and .xlsx"
REPORT_FORMAT_NAMES = {
    ReportFormat.HTML: "HTML",
    ReportFormat.MARKDOWN: "Markdown",
    ReportFormat.JSON: "JSON",
    ReportFormat.CSV: "CSV",
    ReportFormat.XLSX: "an Excel workbook",
    ReportFormat.TABLE: "a table on the screen",
}
# report -o - prints the report rather than writing a file.
STDOUT = Path("-")

F = TypeVar("F", OutputFormat, CheckFormat, ReportFormat)


class Options(NamedTuple, Generic[F]):
    """The options the commands share, parsed and known to make sense together.

    A command's typer function makes one (``output_options``, ``report_options``, or
    ``Options(...)`` where nothing can clash) before any work is done, so that every
    rule about how ``--format``, ``-o``, ``--rev`` and ``--indicators`` combine is
    here, once; the command's body takes them as given. A named tuple, not a frozen
    dataclass: every command makes the class, and a dataclass took 0.8 ms to make.
    """

    format: F
    indicators: Path | None = None
    rev: str | None = None
    to: Path | None = None
    force: bool = False


def output_options(
    output: OutputFormat,
    indicators: Path | None = None,
    rev: str | None = None,
    to: Path | None = None,
    force: bool = False,
    *,
    revisions_of: Path | None = None,
    how: str = "",
) -> Options[OutputFormat]:
    """A results command's options: a workbook needs -o, and -o's ending names the format.

    With -o and no --format (or --format table), the file's ending chooses what is
    written: .xlsx, .csv, .json or .md. ``revisions_of`` is diff's file read at two
    revisions, which --rev cannot go with (``how`` says what can).
    """
    if revisions_of is not None and rev is not None:
        raise usage("--rev cannot be used when comparing two revisions of a file.", how)
    if to is None and output is OutputFormat.XLSX:
        raise usage(
            "a workbook is written to a file, not to the screen.",
            "Name the file with -o, such as -o trend.xlsx (trend, gaps, compare and report "
            "take -o).",
        )
    if to is not None and output is OutputFormat.TABLE:
        named = ENDINGS.get(to.suffix.lower())
        if named is None:
            raise usage(
                f"{to}: the file's ending chooses what is written, and it is not one of "
                ".xlsx, .csv, .json or .md.",
                "Name the file with one of them, or choose with --format.",
            )
        output = named
    return Options(output, indicators, rev, to, force)


def report_options(
    asked: ReportFormat | None,
    indicators: Path | None,
    rev: str | None,
    to: Path | None,
    force: bool,
) -> Options[ReportFormat]:
    """The report's options: the --format asked for, else what -o's ending names, else HTML."""
    return Options(_report_format(to, asked), indicators, rev, to, force)


def _report_format(output: Path | None, asked: ReportFormat | None) -> ReportFormat:
    if output is None or output == STDOUT:
        return asked or ReportFormat.HTML
    if asked is ReportFormat.TABLE:
        raise usage(
            "--format table is for the screen, not for a file.",
            "Use --format html or markdown with -o to write the report to a file.",
        )
    ending = output.suffix.lower()
    named = REPORT_ENDINGS.get(ending)
    if asked is None and named is None:
        which = f"{ending} is not one it knows" if ending else "this name has none"
        stem = output.with_suffix("") if ending else output
        raise usage(
            f"the file's ending chooses what the report is written as, and {which}: "
            f"it writes {KNOWN_REPORT_ENDINGS}.",
            f"Name it {stem}.html for the page with charts (Word opens it too) or {stem}.md "
            "for Markdown to paste into a paper, or choose with --format html, markdown, "
            "json, csv or xlsx.",
            str(output),
        )
    if asked is not None and named is not None and named is not asked:
        ending_asked = "md" if asked is ReportFormat.MARKDOWN else str(asked)
        raise usage(
            f"ends in {ending}, which is {REPORT_FORMAT_NAMES[named]}, but --format {asked} "
            f"asks for {REPORT_FORMAT_NAMES[asked]}.",
            f"Name it {output.with_suffix('.' + ending_asked)}, or leave out --format and "
            "the ending chooses.",
            str(output),
        )
    return asked or named or ReportFormat.HTML


def period_option(help: str, *names: str) -> Any:
    """The --period option (PERIOD) of a command, with what the command means by it.

    ``Annotated[str | None, period_option("...")]``; the command reads its value
    with ``parsed_period``.
    """
    return typer.Option("--period", *names, metavar="PERIOD", help=help)


def parsed_day(text: str | None) -> date:
    """The day --today names (today when it is not given), or a usage error."""
    from datetime import date

    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise usage(
            f"--today {text!r} is not a date.", "Write it as year-month-day, such as 2025-04-01."
        ) from None


def parsed_period(text: str | None) -> Period | None:
    """A PERIOD given on the command line, read; None when none was given."""
    if text is None:
        return None
    from compactscore.periods import parse_period

    period = parse_period(text)
    if period is None:
        raise usage(f"{text!r} is not a period.", "Write a year such as 2024 or 2024-25.")
    return period


def usage(message: str, fix: str, file: str = "compactscore") -> UsageError:
    """A wrong-usage error (exit status 2): errors.usage, imported only when one is made."""
    from compactscore import errors

    return errors.usage(message, fix, file)
