"""``compactscore report``: the board paper for one period, as HTML with charts or as Markdown."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from compactscore.analysis.board import board_report_of
from compactscore.commands.common import out_console, usage
from compactscore.commands.sources import load_all_warned, open_sources
from compactscore.errors import GitError, UsageError
from compactscore.load.files import write_file
from compactscore.load.git import head_revision, run_git
from compactscore.load.paths import resolved
from compactscore.load.repository import Repository
from compactscore.options import ReportFormat
from compactscore.periods import Period, parse_period
from compactscore.render.board import board_markdown, board_view
from compactscore.render.scorecard import headline_text
from compactscore.render.sheetfile import EXCEL_UTF8_SIGNATURE
from compactscore.render.text import print_view, to_csv
from compactscore.results import BoardReport

STDOUT = Path("-")

ENDINGS = {
    ".html": ReportFormat.HTML,
    ".htm": ReportFormat.HTML,
    ".md": ReportFormat.MARKDOWN,
    ".markdown": ReportFormat.MARKDOWN,
    ".json": ReportFormat.JSON,
    ".csv": ReportFormat.CSV,
    ".xlsx": ReportFormat.XLSX,
}
KNOWN_ENDINGS = ".html or .htm, .md or .markdown, .json, .csv and .xlsx"
FORMAT_NAMES = {
    ReportFormat.HTML: "HTML",
    ReportFormat.MARKDOWN: "Markdown",
    ReportFormat.JSON: "JSON",
    ReportFormat.CSV: "CSV",
    ReportFormat.XLSX: "an Excel workbook",
    ReportFormat.TABLE: "a table on the screen",
}
AFTER_WRITING = {
    ReportFormat.HTML: "Open it in a web browser; print it, or save it as PDF, from there.",
    ReportFormat.MARKDOWN: "It is Markdown: paste it into the board paper, or open it in any "
    "text editor.",
    ReportFormat.JSON: "It holds the whole report's data as JSON, for another program to read.",
}


def run_report(
    period: str | None,
    output: Path | None,
    report_format: ReportFormat | None,
    force: bool,
    indicators: Path | None,
    revision: str | None = None,
) -> int:
    """Build the report on a period (the latest by default) and write or print it."""
    report_format = format_for(output, report_format)
    sources = open_sources(Path.cwd(), indicators, revision)
    repository = sources.repository
    if repository is None:
        raise usage(
            "no compactscore.yaml in this folder or above it, so there are no periods to report on.",
            "Run 'compactscore report' inside a scorecard repository, or make one with "
            "'compactscore init'.",
        )
    found = _up_to(sources.sheet_paths(), period, repository, revision)
    paths = [path for _, path in found]
    sheets, warnings = load_all_warned(sources, found)
    made_at = sources.commit[:7] if sources.commit else _revision(repository, paths)
    report = board_report_of(sheets, sources.definition, sources.area, made_at)
    # What check warns about reaches the paper too, not only the terminal.
    report.warnings = [str(warning) for warning in warnings]
    console = out_console()
    if report_format is ReportFormat.TABLE:
        print_view(console, board_view(report))
        return 0
    if output is None and report_format is ReportFormat.XLSX:
        raise usage(
            "a workbook is written to a file, not to the screen.",
            f"Name the file with -o, such as -o report-{report.period}.xlsx.",
        )
    text = _text(report, report_format)
    if output is None and report_format is ReportFormat.HTML:
        output = Path(f"report-{report.period}.html")
    if output is None or output == STDOUT:
        if isinstance(text, bytes):
            raise usage(
                "a workbook is written to a file, not to the screen.",
                f"Name the file with -o, such as -o report-{report.period}.xlsx.",
            )
        from compactscore.render.console import write_raw

        write_raw(console, text)
        return 0
    if resolved(output) in {resolved(path) for _, path in sources.sheet_paths()}:
        raise usage(
            f"{output} is one of the score sheets, and a report never replaces a sheet, "
            "even with --force.",
            "Name another file for the report, such as board-paper.html.",
        )
    if report_format is ReportFormat.CSV and isinstance(text, str):
        text = EXCEL_UTF8_SIGNATURE + text  # so Excel reads the file as UTF-8
    backup = write_file(output, text, force=force)
    console.print(f"Wrote {output}: {headline_text(report.card)}.", markup=False, soft_wrap=True)
    if backup is not None:
        console.print(f"The file it replaced is kept as {backup}.", markup=False, soft_wrap=True)
    console.print(_after_writing(report, report_format), markup=False, soft_wrap=True)
    return 0


def format_for(output: Path | None, asked: ReportFormat | None) -> ReportFormat:
    """What to write: the --format asked for, else what the file's ending names, else HTML."""
    if output is None or output == STDOUT:
        return asked or ReportFormat.HTML
    if asked is ReportFormat.TABLE:
        raise usage(
            "--format table is for the screen, not for a file.",
            "Use --format html or markdown with -o to write the report to a file.",
        )
    ending = output.suffix.lower()
    named = ENDINGS.get(ending)
    if asked is None and named is None:
        which = f"{ending} is not one it knows" if ending else "this name has none"
        stem = output.with_suffix("") if ending else output
        raise UsageError.at(
            str(output),
            None,
            f"the file's ending chooses what the report is written as, and {which}: "
            f"it writes {KNOWN_ENDINGS}.",
            f"Name it {stem}.html for the page with charts (Word opens it too) or {stem}.md "
            "for Markdown to paste into a paper, or choose with --format html, markdown, "
            "json, csv or xlsx.",
        )
    if asked is not None and named is not None and named is not asked:
        raise UsageError.at(
            str(output),
            None,
            f"ends in {ending}, which is {FORMAT_NAMES[named]}, but --format {asked} asks for "
            f"{FORMAT_NAMES[asked]}.",
            f"Name it {output.with_suffix('.' + _ending_of(asked))}, or leave out --format and "
            "the ending chooses.",
        )
    return asked or named or ReportFormat.HTML


def _ending_of(report_format: ReportFormat) -> str:
    return "md" if report_format is ReportFormat.MARKDOWN else str(report_format)


def _after_writing(report: BoardReport, report_format: ReportFormat) -> str:
    """What to do with the file written, in words that fit what it holds."""
    if report_format is ReportFormat.CSV:
        count = len(report.card.indicators)
        return f"It holds the period's {count} indicators, one a row; it opens in Excel or LibreOffice."
    if report_format is ReportFormat.XLSX:
        return "It holds the report's tables, one a sheet; it opens in Excel or LibreOffice."
    return AFTER_WRITING[report_format]


def _text(report: BoardReport, report_format: ReportFormat) -> str | bytes:
    if report_format is ReportFormat.MARKDOWN:
        return board_markdown(report)
    if report_format is ReportFormat.JSON:
        return report.model_dump_json(indent=2) + "\n"
    if report_format is ReportFormat.CSV:
        return to_csv(board_view(report).data)
    if report_format is ReportFormat.XLSX:
        from compactscore.render.workbook import tables_workbook

        view = board_view(report)
        return tables_workbook([*view.grids, replace(view.data, title="Data")])
    from compactscore.render.html import board_html  # Jinja2 and pygal load only here

    return board_html(report)


def _up_to(
    found: list[tuple[Period, Path]], period: str | None, repository: Repository, rev: str | None
) -> list[tuple[Period, Path]]:
    """The sheets from the first period to the one reported on, oldest first."""
    if period is None:
        return found
    wanted = parse_period(period)
    if wanted is None:
        raise usage(f"{period!r} is not a period.", "Write a year such as 2024 or 2024-25.")
    periods = [item for item, _ in found]
    if wanted not in periods:
        at = f" at {rev}" if rev else ""
        raise usage(
            f"there is no sheet for {wanted.label} in {repository.scores_dir}{at}.",
            f"Choose one of {', '.join(item.label for item in periods)}.",
        )
    return found[: periods.index(wanted) + 1]


def _revision(repository: Repository, paths: list[Path]) -> str | None:
    """The git commit the sheets come from, saying so when some are not committed as they are."""
    revision = head_revision(repository.root)
    if revision is None:
        return None
    try:
        changed = _changed_since_head(repository.root, paths)
    except GitError:
        return revision
    return f"{revision} (with changes not yet committed)" if changed else revision


def _changed_since_head(folder: Path, paths: list[Path]) -> bool:
    """Whether any file differs from its committed version, or is not committed at all.

    Never ``git status``, which runs the repository's fsmonitor and filters: the files'
    bytes are hashed as they are (hash-object --no-filters) and compared with HEAD's blobs.
    """
    if not paths:
        return False
    from compactscore.load.revision import git_root, relative

    root = git_root(folder)
    names = [relative(root, path) for path in paths]
    listing = run_git(["ls-tree", "-z", "--full-tree", "HEAD", "--", *names], root)
    committed = {}
    for entry in listing.split("\0"):
        if "\t" in entry:
            info, name = entry.split("\t", 1)
            committed[name] = info.split()[-1]
    hashes = run_git(["hash-object", "--no-filters", "--", *names], root).split()
    return any(committed.get(name) != blob for name, blob in zip(names, hashes, strict=True))
