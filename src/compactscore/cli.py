"""The command line: parse options, call a command, exit with its status.

Each command imports its implementation when it runs, so that start-up and
``--help`` load only typer.
"""

from __future__ import annotations

import gc
import io
import os
import sys
import types
from pathlib import Path
from typing import Annotated

import typer

from compactscore import __version__
from compactscore.exits import handle_errors
from compactscore.options import (
    CheckFormat,
    ExportFormatOption,
    FormatOption,
    IndicatorsOption,
    OutputFileOption,
    OutputFormat,
    ReportFormat,
    RevOption,
    SheetArgument,
    choice_of,
)

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


@app.command()
@handle_errors
def init(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="FOLDER",
            help="The folder to make the repository in. Default: this one.",
            show_default=False,
        ),
    ] = Path("."),
    area: Annotated[
        str | None,
        typer.Option("--area", metavar="NAME", help="The area's name. Default: the folder's."),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period", metavar="PERIOD", help="The first period. Default: this financial year."
        ),
    ] = None,
    xlsx: Annotated[
        bool,
        typer.Option("--xlsx", help="Make the first sheet a scoring workbook (.xlsx)."),
    ] = False,
) -> int:
    """Start a scorecard repository.

    Writes the config, a sheet for the current period and a README.

    Never overwrites a file. A README already in the folder is left as it is, and
    the group's notes go in README-scorecard.md beside it.

    Example: compactscore init riverton-compact --area Riverton
    """
    from compactscore.commands.init import run_init

    return run_init(folder, area, period, xlsx)


@app.command()
@handle_errors
def new(
    period: Annotated[
        str | None,
        typer.Argument(
            metavar="PERIOD",
            help="The period, such as 2024-25. Default: the one after the latest.",
        ),
    ] = None,
    indicators: IndicatorsOption = None,
    force: ForceOption = False,
    rev: RevOption = None,
    xlsx: Annotated[
        bool | None,
        typer.Option(
            "--xlsx/--csv",
            help="Write a scoring workbook (.xlsx, a drop-down per score) or a CSV file. "
            "Default: the kind of last period's sheet.",
        ),
    ] = None,
) -> int:
    """Start the next period's sheet.

    Every indicator in force, scores empty.

    Last period's evidence, open actions and owners are carried as a starting point,
    marked "From PERIOD:", and its targets as set; the group's own columns are kept,
    empty. An existing sheet is never replaced without --force.

    With --rev, the config, the definition and last period's sheet are read as they
    were at that git revision, and the new sheet is still written into the scores
    folder as it is now.

    Example: compactscore new 2014-15

    Example: compactscore new 2014-15 --rev board-2014
    """
    from compactscore.commands.new import run_new

    return run_new(
        period, indicators, force, rev, None if xlsx is None else "xlsx" if xlsx else "csv"
    )


@app.command()
@handle_errors
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH", help="Score files, definitions or folders. Default: this folder."
        ),
    ] = None,
    indicators: IndicatorsOption = None,
    output: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            parser=choice_of(CheckFormat),
            help="text, or github for GitHub Actions annotations.",
        ),
    ] = CheckFormat.TEXT,
    rev: RevOption = None,
) -> int:
    """Check definitions and score files.

    Prints each problem as FILE:LINE: message. Exits 1 when any error is found.

    Example: compactscore check scores/
    """
    from compactscore.commands.check import run_check

    return run_check(paths or [], indicators, output, rev)


@app.command()
@handle_errors
def score(
    file: SheetArgument = None,
    output: FormatOption = OutputFormat.TABLE,
    indicators: IndicatorsOption = None,
    rev: RevOption = None,
) -> int:
    """One period's scores, theme totals and total.

    Each indicator's score and evidence, the theme sub-totals, the total and percent.

    Example: compactscore score scores/2024-25.csv --format json
    """
    from compactscore.commands.score import run_score

    return run_score(file, output, indicators, rev)


@app.command()
@handle_errors
def trend(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILE", help="Score files (CSV). Default: every period of the repository."
        ),
    ] = None,
    output: ExportFormatOption = OutputFormat.TABLE,
    indicators: IndicatorsOption = None,
    rev: RevOption = None,
    last: Annotated[
        int | None,
        typer.Option("--last", metavar="N", help="Only the latest N periods."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="PERIOD", help="Only the periods from this one on."),
    ] = None,
    to: OutputFileOption = None,
    force: ForceOption = False,
) -> int:
    """Every period and the direction of travel.

    Oldest to newest: each indicator, the totals and the direction of travel.

    With --last or --since, the first period shown is still compared with the one
    before it. In a narrow terminal the indicators' table shows the latest periods
    that fit and says how many it left out; the totals keep every period.

    Example: compactscore trend --format markdown

    Example: compactscore trend --last 5
    """
    from compactscore.commands.trend import run_trend

    return run_trend(files or [], output, indicators, rev, last, since, to, force)


@app.command()
@handle_errors
def gaps(
    file: SheetArgument = None,
    output: ExportFormatOption = OutputFormat.TABLE,
    indicators: IndicatorsOption = None,
    rev: RevOption = None,
    to: OutputFileOption = None,
    force: ForceOption = False,
) -> int:
    """The gap list, for planning action.

    The indicators below the top score or their target, largest gap first; those that fell since the previous period are flagged.

    Example: compactscore gaps scores/2024-25.csv
    """
    from compactscore.commands.gaps import run_gaps

    return run_gaps(file, output, indicators, rev, to, force)


@app.command()
@handle_errors
def agree(
    file: SheetArgument = None,
    output: FormatOption = OutputFormat.TABLE,
    indicators: IndicatorsOption = None,
    rev: RevOption = None,
) -> int:
    """Where the two sides' own scores differ.

    Where sector_score and public_score differ: what to discuss first at the meeting.

    Example: compactscore agree scores/2024-25.csv
    """
    from compactscore.commands.agree import run_agree

    return run_agree(file, output, indicators, rev)


ScoresOnlyOption = Annotated[
    bool,
    typer.Option("--scores-only", help="Show changes of score only, not of the words beside them."),
]


@app.command()
@handle_errors
def diff(
    first: Annotated[
        str, typer.Argument(metavar="BEFORE", help="A period, a score file, or a git revision.")
    ],
    second: Annotated[
        str, typer.Argument(metavar="AFTER", help="A period, a score file, or a git revision.")
    ],
    file: Annotated[
        Path | None,
        typer.Argument(
            metavar="FILE", help="With two revisions: the score file to compare at both."
        ),
    ] = None,
    output: FormatOption = OutputFormat.TABLE,
    indicators: IndicatorsOption = None,
    rev: RevOption = None,
    scores_only: ScoresOnlyOption = False,
) -> int:
    """What changed between two periods or commits.

    Between two periods, or between two git revisions of one sheet: scores, and the
    evidence, action, owner, target, due date and status, each change in full;
    --scores-only for the scores alone.

    Example: compactscore diff 2012-13 2013-14

    Example: compactscore diff HEAD~1 HEAD scores/2013-14.csv
    """
    from compactscore.commands.diff import run_diff

    return run_diff(first, second, file, output, indicators, rev, scores_only)


@app.command()
@handle_errors
def history(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The score file (CSV) kept in git.")],
    output: FormatOption = OutputFormat.TABLE,
    indicators: IndicatorsOption = None,
    scores_only: ScoresOnlyOption = False,
) -> int:
    """When each score, evidence or action changed in git, and why.

    In which commit, by whom, with the message; also the owner, target, due date
    and status. --scores-only for the scores alone.

    Changes not yet committed are shown as "not committed".

    Example: compactscore history scores/2013-14.csv
    """
    from compactscore.commands.history import run_history

    return run_history(file, output, indicators, scores_only)


@app.command()
@handle_errors
def save(
    message: Annotated[
        str,
        typer.Option("--message", "-m", metavar="MESSAGE", help="What was agreed, for the record."),
    ],
    init: Annotated[
        bool, typer.Option("--init", help="Put the folder under git first, if it is not yet.")
    ] = False,
) -> int:
    """Check, then keep the record in git.

    Commits the scorecard's changed sheets, config and definition. Nothing is saved while check finds an error. Reports and any other files are
    never committed, nor anything else you have staged.

    Example: compactscore save -m "Scores agreed at the March meeting"
    """
    from compactscore.commands.save import run_save

    return run_save(message, init)


@app.command()
@handle_errors
def actions(
    file: SheetArgument = None,
    every: Annotated[
        bool,
        typer.Option("--all", help="Every period's actions and what became of them."),
    ] = False,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            metavar="DATE",
            help="The day to count overdue from (YYYY-MM-DD). Default: today.",
        ),
    ] = None,
    output: FormatOption = OutputFormat.TABLE,
    indicators: IndicatorsOption = None,
    rev: RevOption = None,
) -> int:
    """The action plan, overdue actions first.

    The period's open actions, their owner and due date. An action is overdue when it is open and its due date (or the end of its due
    period) is before today.

    Example: compactscore actions --all --format markdown
    """
    from compactscore.commands.actions import run_actions

    return run_actions(file, every, today, output, indicators, rev)


ForceOption = Annotated[
    bool,
    typer.Option("--force", help="Replace an existing file (the old one is kept as a backup)."),
]


@app.command(name="indicators")
@handle_errors
def indicators_command(
    output: FormatOption = OutputFormat.TABLE,
    indicators: IndicatorsOption = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period", metavar="PERIOD", help="Show the indicators in force for this period."
        ),
    ] = None,
    detail: Annotated[
        bool,
        typer.Option(
            "--detail",
            help="Each indicator in full: statement, what each score means, prompts to discuss.",
        ),
    ] = False,
    rev: RevOption = None,
) -> int:
    """The indicators and the scale, in words.

    Their statements and the scale, readable at a meeting.

    With --rev, the definition the repository used at that git revision.

    Example: compactscore indicators --period 2010-11

    Example: compactscore indicators --detail --format markdown > scorecard.md
    """
    from compactscore.commands.indicators import run_indicators

    return run_indicators(output, indicators, period, detail, rev)


@app.command()
@handle_errors
def compare(
    areas: Annotated[
        list[Path],
        typer.Argument(
            metavar="FOLDER",
            help="Two or more areas' scorecard folders (each with compactscore.yaml).",
        ),
    ],
    output: ExportFormatOption = OutputFormat.TABLE,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            metavar="PERIOD",
            help="The period to compare. Default: the latest all areas have.",
        ),
    ] = None,
    rev: RevOption = None,
    to: OutputFileOption = None,
    force: ForceOption = False,
) -> int:
    """Several areas side by side.

    Totals, ranks, direction of travel, and each indicator's spread.

    With --rev, each area is read as it was at that revision of its git repository.

    Example: compactscore compare riverton eastmoor kingsbridge --period 2012-13
    """
    from compactscore.commands.compare import run_compare

    return run_compare(areas, output, period, rev, to, force)


@app.command()
@handle_errors
def report(
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            "-p",
            metavar="PERIOD",
            help="The period to report on, such as 2024-25. Default: the latest.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The file to write; its ending (.html, .md, .json, .csv, .xlsx) says what to write "
            "it as; '-' prints it. Default: report-PERIOD.html in this folder for html, the "
            "screen for the other formats.",
        ),
    ] = None,
    report_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            parser=choice_of(ReportFormat),
            help="html (a page with charts), markdown (to paste into a paper), json, csv "
            "(the period's indicators), xlsx (the tables as a workbook), or table (a look on "
            "the screen). Default: from the "
            "-o file's ending, else html.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace an existing file (the old one is kept as .bak)."),
    ] = False,
    indicators: IndicatorsOption = None,
    revision: Annotated[
        str | None,
        typer.Option(
            "--rev",
            metavar="REV",
            help="Report on the score files as committed at this git revision (a commit, "
            "branch or tag).",
        ),
    ] = None,
) -> int:
    """The board paper, as HTML or Markdown.

    Headline, star chart, total over time, indicators, gaps and disagreements.

    Writes one HTML file that works offline and prints on A4, or Markdown to paste
    into a paper. It never replaces an existing file unless --force is given.

    Example: compactscore report --period 2013-14 -o board-paper.html

    Example: compactscore report --period 2013-14 -o board-paper.md
    """
    from compactscore.commands.report import run_report

    return run_report(period, output, report_format, force, indicators, revision)


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
