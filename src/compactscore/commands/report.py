"""``compactscore report``: the board paper for one period, as HTML with charts or as Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from compactscore import options as opt

if TYPE_CHECKING:
    from compactscore.load.repository import Repository
    from compactscore.periods import Period
    from compactscore.results import BoardReport

AFTER_WRITING = {
    opt.ReportFormat.HTML: "Open it in a web browser; print it, or save it as PDF, from there.",
    opt.ReportFormat.MARKDOWN: "It is Markdown: paste it into the board paper, or open it in any "
    "text editor.",
    opt.ReportFormat.JSON: "It holds the whole report's data as JSON, for another program to read.",
}


def report(
    period: Annotated[
        str | None,
        opt.period_option("The period to report on, such as 2024-25. Default: the latest.", "-p"),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            parser=opt.written_file,
            help="The file to write; its ending (.html, .md, .json, .csv, .xlsx) says what to write "
            "it as; '-' prints it. Default: report-PERIOD.html in this folder for html, the "
            "screen for the other formats.",
        ),
    ] = None,
    report_format: Annotated[
        opt.ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            parser=opt.choice_of(opt.ReportFormat),
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
    today: opt.TodayOption = None,
    indicators: opt.IndicatorsOption = None,
    revision: Annotated[
        str | None,
        opt.named_value(
            "--rev",
            "REV",
            "Report on the score files as committed at this git revision (a commit, "
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
    options = opt.report_options(report_format, indicators, revision, output, force)
    day = opt.parsed_day(today)
    wanted = opt.parsed_period(period)
    from compactscore.analysis.board import board_report_of
    from compactscore.commands.common import out_console
    from compactscore.exits import print_warnings
    from compactscore.load.files import write_file
    from compactscore.load.paths import resolved
    from compactscore.load.sources import load_all_warned, open_sources
    from compactscore.render.board import board_view
    from compactscore.render.scorecard import headline_text
    from compactscore.render.sheetfile import EXCEL_UTF8_SIGNATURE
    from compactscore.render.text import print_view

    sources = open_sources(Path.cwd(), options.indicators, options.rev)
    repository = sources.repository
    if repository is None:
        raise opt.usage(
            "no compactscore.yaml in this folder or above it, so there are no periods to report on.",
            "Run 'compactscore report' inside a scorecard repository, or make one with "
            "'compactscore init'.",
        )
    found = _up_to(sources.sheet_paths(), wanted, repository, options.rev)
    paths = [path for _, path in found]
    sheets, warnings = load_all_warned(sources, found)
    made_at = sources.commit[:7] if sources.commit else _revision(repository, paths)
    report = board_report_of(sheets, sources.definition, sources.area, made_at, day)
    # What check warns about reaches the paper too, not only the terminal.
    report.warnings = [str(warning) for warning in warnings]
    print_warnings()  # what loading found, before the report it is about
    console = out_console()
    if options.format is opt.ReportFormat.TABLE:
        print_view(console, board_view(report))
        return 0
    output = options.to
    if output is None and options.format is opt.ReportFormat.XLSX:
        raise opt.usage(
            "a workbook is written to a file, not to the screen.",
            f"Name the file with -o, such as -o report-{report.period}.xlsx.",
        )
    text = _text(report, options.format)
    if output is None and options.format is opt.ReportFormat.HTML:
        output = Path(f"report-{report.period}.html")
    if output is None or output == opt.STDOUT:
        if isinstance(text, bytes):
            raise opt.usage(
                "a workbook is written to a file, not to the screen.",
                f"Name the file with -o, such as -o report-{report.period}.xlsx.",
            )
        from compactscore.render.console import write_raw

        write_raw(console, text)
        return 0
    if resolved(output) in {resolved(path) for _, path in sources.sheet_paths()}:
        raise opt.usage(
            f"{output} is one of the score sheets, and a report never replaces a sheet, "
            "even with --force.",
            "Name another file for the report, such as board-paper.html.",
        )
    if options.format is opt.ReportFormat.CSV and isinstance(text, str):
        text = EXCEL_UTF8_SIGNATURE + text  # so Excel reads the file as UTF-8
    backup = write_file(output, text, force=options.force)
    console.print(f"Wrote {output}: {headline_text(report.card)}.", markup=False, soft_wrap=True)
    if backup is not None:
        console.print(f"The file it replaced is kept as {backup}.", markup=False, soft_wrap=True)
    console.print(_after_writing(report, options.format), markup=False, soft_wrap=True)
    return 0


def _after_writing(report: BoardReport, report_format: opt.ReportFormat) -> str:
    """What to do with the file written, in words that fit what it holds."""
    if report_format is opt.ReportFormat.CSV:
        count = len(report.card.indicators)
        return f"It holds the period's {count} indicators, one a row; it opens in Excel or LibreOffice."
    if report_format is opt.ReportFormat.XLSX:
        return "It holds the report's tables, one a sheet; it opens in Excel or LibreOffice."
    return AFTER_WRITING[report_format]


def _text(report: BoardReport, report_format: opt.ReportFormat) -> str | bytes:
    from compactscore.render.board import board_markdown, board_view
    from compactscore.render.text import to_csv

    if report_format is opt.ReportFormat.MARKDOWN:
        return board_markdown(report)
    if report_format is opt.ReportFormat.JSON:
        return report.model_dump_json(indent=2) + "\n"
    if report_format is opt.ReportFormat.CSV:
        return to_csv(board_view(report).data)
    if report_format is opt.ReportFormat.XLSX:
        from dataclasses import replace

        from compactscore.render.workbook import tables_workbook

        view = board_view(report)
        return tables_workbook([*view.grids, replace(view.data, title="Data")])
    from compactscore.render.html import board_html  # Jinja2 and pygal load only here

    return board_html(report)


def _up_to(
    found: list[tuple[Period, Path]], wanted: Period | None, repository: Repository, rev: str | None
) -> list[tuple[Period, Path]]:
    """The sheets from the first period to the one reported on, oldest first."""
    if wanted is None:
        return found
    periods = [item for item, _ in found]
    if wanted not in periods:
        at = f" at {rev}" if rev else ""
        raise opt.usage(
            f"there is no sheet for {wanted.label} in {repository.scores_dir}{at}.",
            f"Choose one of {', '.join(item.label for item in periods)}.",
        )
    return found[: periods.index(wanted) + 1]


def _revision(repository: Repository, paths: list[Path]) -> str | None:
    """The git commit the sheets come from, saying so when some are not committed as they are."""
    from compactscore.errors import GitError
    from compactscore.load.git import head_revision
    from compactscore.load.revision import changed_since_head

    revision = head_revision(repository.root)
    if revision is None:
        return None
    try:
        changed = changed_since_head(repository.root, paths)
    except GitError:
        return revision
    return f"{revision} (with changes not yet committed)" if changed else revision
