"""``compactscore report``: the board paper for one period, as HTML with charts or as Markdown."""

from __future__ import annotations

from pathlib import Path

from compactscore.analysis.board import BoardReport, board_report_of
from compactscore.commands.common import out_console, usage
from compactscore.commands.sources import open_sources
from compactscore.errors import GitError
from compactscore.load.files import write_file
from compactscore.load.git import head_revision, run_git
from compactscore.load.repository import Repository
from compactscore.options import ReportFormat
from compactscore.periods import Period, parse_period
from compactscore.render.board import board_markdown, board_view
from compactscore.render.scorecard import headline_text
from compactscore.render.text import print_view, to_csv

STDOUT = Path("-")


def run_report(
    period: str | None,
    output: Path | None,
    report_format: ReportFormat,
    force: bool,
    indicators: Path | None,
    revision: str | None = None,
) -> int:
    """Build the report on a period (the latest by default) and write or print it."""
    sources = open_sources(Path.cwd(), indicators, revision)
    repository = sources.repository
    if repository is None:
        raise usage(
            "no compactscore.yaml in this folder or above it, so there are no periods to report on.",
            "Run 'compactscore report' inside a scorecard repository, or make one with "
            "'compactscore init'.",
        )
    paths = [path for _, path in _up_to(sources.sheet_paths(), period, repository, revision)]
    sheets = [sources.load(path) for path in paths]
    made_at = sources.commit[:7] if sources.commit else _revision(repository, paths)
    report = board_report_of(sheets, sources.definition, sources.area, made_at)
    console = out_console()
    if report_format is ReportFormat.TABLE:
        if output is not None and output != STDOUT:
            raise usage(
                "--format table is for the screen, not for a file.",
                "Use --format html or markdown with -o to write the report to a file.",
            )
        print_view(console, board_view(report))
        return 0
    text = _text(report, report_format)
    if output is None and report_format is ReportFormat.HTML:
        output = Path(f"report-{report.period}.html")
    if output is None or output == STDOUT:
        console.file.write(text)
        console.file.flush()
        return 0
    if output.resolve() in {path.resolve() for _, path in sources.sheet_paths()}:
        raise usage(
            f"{output} is one of the score sheets, and a report never replaces a sheet, "
            "even with --force.",
            "Name another file for the report, such as board-paper.html.",
        )
    backup = write_file(output, text, force=force)
    console.print(f"Wrote {output}: {headline_text(report.card)}.", markup=False, soft_wrap=True)
    if backup is not None:
        console.print(f"The file it replaced is kept as {backup}.", markup=False, soft_wrap=True)
    if report_format is ReportFormat.HTML:
        console.print(
            "Open it in a web browser; print it, or save it as PDF, from there.", markup=False
        )
    return 0


def _text(report: BoardReport, report_format: ReportFormat) -> str:
    if report_format is ReportFormat.MARKDOWN:
        return board_markdown(report)
    if report_format is ReportFormat.JSON:
        return report.model_dump_json(indent=2) + "\n"
    if report_format is ReportFormat.CSV:
        return to_csv(board_view(report).data)
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
        changed = run_git(["status", "--porcelain", "--", *map(str, paths)], repository.root)
    except GitError:
        return revision
    return f"{revision} (with changes not yet committed)" if changed.strip() else revision
