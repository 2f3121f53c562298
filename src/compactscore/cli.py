"""The command line: parse options, call a command, exit with its status.

Each command imports its implementation when it runs, so that start-up and
``--help`` load only typer.
"""

from __future__ import annotations

import gc
import io
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from compactscore import __version__
from compactscore.exits import handle_errors
from compactscore.options import (
    CheckFormat,
    FormatOption,
    IndicatorsOption,
    OutputFormat,
    ReportFormat,
    RevOption,
    SheetArgument,
)

app = typer.Typer(
    name="compactscore",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 120},
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
def init(
    folder: Annotated[
        Path, typer.Argument(help="The folder to make the repository in. Default: this one.")
    ] = Path("."),
    area: Annotated[
        str | None, typer.Option("--area", help="The area's name. Default: the folder's.")
    ] = None,
    period: Annotated[
        str | None,
        typer.Option("--period", help="The first period. Default: this financial year."),
    ] = None,
) -> int:
    """A new scorecard repository: config, a sheet for the current period and a README.

    Never overwrites a file. A README already in the folder is left as it is, and
    the group's notes go in README-scorecard.md beside it.

    Example: compactscore init riverton-compact --area Riverton
    """
    from compactscore.commands.init import run_init

    return run_init(folder, area, period)


@app.command()
@handle_errors
def new(
    period: Annotated[
        str | None,
        typer.Argument(help="The period, such as 2024-25. Default: the one after the latest."),
    ] = None,
    indicators: IndicatorsOption = None,
    force: ForceOption = False,
    rev: RevOption = None,
) -> int:
    """Next period's sheet: every indicator in force, scores empty.

    Last period's evidence and actions are carried as a starting point, marked
    "From PERIOD:"; the group's own columns are kept, empty. An existing sheet is
    never replaced without --force.

    With --rev, the config, the definition and last period's sheet are read as they
    were at that git revision, and the new sheet is still written into the scores
    folder as it is now.

    Example: compactscore new 2014-15

    Example: compactscore new 2014-15 --rev board-2014
    """
    from compactscore.commands.new import run_new

    return run_new(period, indicators, force, rev)


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
    rev: RevOption = None,
) -> int:
    """Check definitions and score files; print each problem as FILE:LINE: message.

    Exits 1 when any error is found.

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
    """One period: each indicator's score, theme sub-totals, the total and percent.

    Example: compactscore score scores/2024-25.csv --format json
    """
    from compactscore.commands.score import run_score

    return run_score(file, output, indicators, rev)


@app.command()
@handle_errors
def trend(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Score files (CSV). Default: every period of the repository."),
    ] = None,
    output: FormatOption = OutputFormat.TABLE,
    indicators: IndicatorsOption = None,
    rev: RevOption = None,
) -> int:
    """Every period oldest to newest: each indicator, the totals and the direction of travel.

    Example: compactscore trend --format markdown
    """
    from compactscore.commands.trend import run_trend

    return run_trend(files or [], output, indicators, rev)


@app.command()
@handle_errors
def gaps(
    file: SheetArgument = None,
    output: FormatOption = OutputFormat.TABLE,
    indicators: IndicatorsOption = None,
    rev: RevOption = None,
) -> int:
    """The gap list for action planning: indicators below the top score or their target.

    Largest gap first; those that fell since the previous period are flagged.

    Example: compactscore gaps scores/2024-25.csv
    """
    from compactscore.commands.gaps import run_gaps

    return run_gaps(file, output, indicators, rev)


@app.command()
@handle_errors
def agree(
    file: SheetArgument = None,
    output: FormatOption = OutputFormat.TABLE,
    indicators: IndicatorsOption = None,
    rev: RevOption = None,
) -> int:
    """Where sector_score and public_score differ: what to discuss first at the meeting.

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
    first: Annotated[str, typer.Argument(help="A period, a score file, or a git revision.")],
    second: Annotated[str, typer.Argument(help="A period, a score file, or a git revision.")],
    file: Annotated[
        Path | None,
        typer.Argument(help="With two revisions: the score file to compare at both."),
    ] = None,
    output: FormatOption = OutputFormat.TABLE,
    indicators: IndicatorsOption = None,
    rev: RevOption = None,
    scores_only: ScoresOnlyOption = False,
) -> int:
    """What changed between two periods, or between two git revisions of one sheet.

    Scores, and the evidence, action, owner, target, due date and status, each
    change in full; --scores-only for the scores alone.

    Example: compactscore diff 2012-13 2013-14 (or: compactscore diff HEAD~1 HEAD scores/2013-14.csv)
    """
    from compactscore.commands.diff import run_diff

    return run_diff(first, second, file, output, indicators, rev, scores_only)


@app.command()
@handle_errors
def history(
    file: Annotated[Path, typer.Argument(help="The score file (CSV) kept in git.")],
    output: FormatOption = OutputFormat.TABLE,
    indicators: IndicatorsOption = None,
    scores_only: ScoresOnlyOption = False,
) -> int:
    """From git: when each score, evidence or action changed, in which commit, by whom, and why.

    Also the owner, target, due date and status; --scores-only for the scores alone.

    Changes not yet committed are shown as "not committed".

    Example: compactscore history scores/2013-14.csv
    """
    from compactscore.commands.history import run_history

    return run_history(file, output, indicators, scores_only)


@app.command()
@handle_errors
def save(
    message: Annotated[
        str, typer.Option("--message", "-m", help="What was agreed, for the record.")
    ],
    init: Annotated[
        bool, typer.Option("--init", help="Put the folder under git first, if it is not yet.")
    ] = False,
) -> int:
    """Check the scorecard, then commit its changed sheets, config and definition to git.

    Nothing is saved while check finds an error. Reports and any other files are
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
        typer.Option("--today", help="The day to count overdue from (YYYY-MM-DD). Default: today."),
    ] = None,
    output: FormatOption = OutputFormat.TABLE,
    indicators: IndicatorsOption = None,
    rev: RevOption = None,
) -> int:
    """The action plan: the period's open actions, owner and due date, overdue ones first.

    An action is overdue when it is open and its due date (or the end of its due
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
        typer.Option("--period", help="Show the indicators in force for this period."),
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
    """The indicators, their statements and the scale, readable at a meeting.

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
        typer.Argument(help="Two or more areas' scorecard folders (each with compactscore.yaml)."),
    ],
    output: FormatOption = OutputFormat.TABLE,
    period: Annotated[
        str | None,
        typer.Option("--period", help="The period to compare. Default: the latest all areas have."),
    ] = None,
    rev: RevOption = None,
) -> int:
    """Several areas side by side: totals, ranks, direction of travel, each indicator's spread.

    With --rev, each area is read as it was at that revision of its git repository.

    Example: compactscore compare riverton eastmoor kingsbridge --period 2012-13
    """
    from compactscore.commands.compare import run_compare

    return run_compare(areas, output, period, rev)


@app.command()
@handle_errors
def report(
    period: Annotated[
        str | None,
        typer.Option(
            "--period", "-p", help="The period to report on, such as 2024-25. Default: the latest."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="The file to write; its ending (.html, .md, .json, .csv) says what to write "
            "it as; '-' prints it. Default: report-PERIOD.html in this folder for html, the "
            "screen for the other formats.",
            dir_okay=False,
        ),
    ] = None,
    report_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="html (a page with charts), markdown (to paste into a paper), json, csv "
            "(the period's indicators), or table (a look on the screen). Default: from the "
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
            help="Report on the score files as committed at this git revision (a commit, "
            "branch or tag).",
        ),
    ] = None,
) -> int:
    """The board paper: headline, star chart, total over time, indicators, gaps, disagreements.

    Writes one HTML file that works offline and prints on A4, or Markdown to paste
    into a paper. It never replaces an existing file unless --force is given.

    Example: compactscore report --period 2013-14 -o board-paper.html
    (or -o board-paper.md for Markdown)
    """
    from compactscore.commands.report import run_report

    return run_report(period, output, report_format, force, indicators, revision)


def main() -> None:
    """The console script's entry point."""
    _tolerate_narrow_encodings()
    # compactscore uses no pydantic plugins; looking for them scans every installed
    # package's metadata at the first model, which cost more than the command itself.
    # A plugin the user asks for by name still loads.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        app()
    finally:
        # The process is ending: its objects need freeing, not another hunt for
        # reference cycles, which took about 30 ms at every exit.
        gc.freeze()


def _tolerate_narrow_encodings() -> None:
    # An output that cannot show a character (a Windows code page, PYTHONIOENCODING=ascii)
    # gets a "?" for it rather than a crash halfway through the results.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
