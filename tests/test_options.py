"""The options commands share are checked together, in one place, before any work."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from compactscore.errors import UsageError
from compactscore.options import (
    Options,
    OutputFormat,
    ReportFormat,
    output_options,
    parsed_period,
    report_options,
)
from compactscore.periods import Period, PeriodKind


def _said(error: pytest.ExceptionInfo[UsageError]) -> list[str]:
    return [str(problem) for problem in error.value.problems]


def test_the_options_given_are_kept_as_given() -> None:
    options = output_options(OutputFormat.JSON, Path("defs.yaml"), "HEAD~1")
    assert options == Options(OutputFormat.JSON, Path("defs.yaml"), "HEAD~1", None, False)


@pytest.mark.parametrize(
    ("name", "chosen"),
    [
        ("trend.xlsx", OutputFormat.XLSX),
        ("trend.CSV", OutputFormat.CSV),
        ("trend.json", OutputFormat.JSON),
        ("trend.md", OutputFormat.MARKDOWN),
        ("trend.markdown", OutputFormat.MARKDOWN),
    ],
)
def test_without_a_format_the_file_s_ending_chooses(name: str, chosen: OutputFormat) -> None:
    options = output_options(OutputFormat.TABLE, to=Path(name), force=True)
    assert (options.format, options.to, options.force) == (chosen, Path(name), True)


def test_a_format_given_writes_a_file_of_any_ending() -> None:
    assert output_options(OutputFormat.JSON, to=Path("out.txt")).format is OutputFormat.JSON


def test_a_workbook_needs_a_file() -> None:
    with pytest.raises(UsageError) as refused:
        output_options(OutputFormat.XLSX)
    assert _said(refused) == [
        "compactscore: a workbook is written to a file, not to the screen. Name the file with "
        "-o, such as -o trend.xlsx (trend, gaps, compare and report take -o)."
    ]


def test_an_ending_that_names_no_format_is_refused() -> None:
    with pytest.raises(UsageError) as refused:
        output_options(OutputFormat.TABLE, to=Path("trend.txt"))
    assert _said(refused) == [
        "compactscore: trend.txt: the file's ending chooses what is written, and it is not one "
        "of .xlsx, .csv, .json or .md. Name the file with one of them, or choose with --format."
    ]


def test_rev_cannot_go_with_two_revisions_of_a_file() -> None:
    with pytest.raises(UsageError) as refused:
        output_options(OutputFormat.TABLE, rev="HEAD", revisions_of=Path("a.csv"), how="How.")
    assert _said(refused) == [
        "compactscore: --rev cannot be used when comparing two revisions of a file. How."
    ]
    assert output_options(OutputFormat.TABLE, revisions_of=Path("a.csv")).rev is None


@pytest.mark.parametrize(
    ("asked", "to", "chosen"),
    [
        (None, None, ReportFormat.HTML),
        (ReportFormat.TABLE, None, ReportFormat.TABLE),
        (ReportFormat.JSON, Path("-"), ReportFormat.JSON),
        (None, Path("paper.md"), ReportFormat.MARKDOWN),
        (None, Path("paper.htm"), ReportFormat.HTML),
        (ReportFormat.CSV, Path("paper.txt"), ReportFormat.CSV),
    ],
)
def test_the_report_s_format_is_asked_for_or_named_by_the_ending(
    asked: ReportFormat | None, to: Path | None, chosen: ReportFormat
) -> None:
    assert report_options(asked, None, None, to, False).format is chosen


def test_the_report_refuses_a_table_written_to_a_file_and_a_contradicting_ending() -> None:
    with pytest.raises(UsageError) as table:
        report_options(ReportFormat.TABLE, None, None, Path("paper.html"), False)
    assert _said(table) == [
        "compactscore: --format table is for the screen, not for a file. Use --format html or "
        "markdown with -o to write the report to a file."
    ]
    with pytest.raises(UsageError) as contradicted:
        report_options(ReportFormat.MARKDOWN, None, None, Path("paper.html"), False)
    assert _said(contradicted) == [
        "paper.html: ends in .html, which is HTML, but --format markdown asks for Markdown. "
        "Name it paper.md, or leave out --format and the ending chooses."
    ]


def test_a_period_is_read_once_the_same_way_for_every_command() -> None:
    assert parsed_period(None) is None
    assert parsed_period("2024-25") == Period(kind=PeriodKind.FINANCIAL, start=2024)
    with pytest.raises(UsageError) as refused:
        parsed_period("last year")
    assert _said(refused) == [
        "compactscore: 'last year' is not a period. Write a year such as 2024 or 2024-25."
    ]


@pytest.mark.parametrize(
    ("args", "written"),
    [
        (["report", "-f", "html", "-o", "board/"], "board/"),
        (["report", "-o", "board/"], "board/"),
        (["gaps", "-f", "csv", "-o", "board/"], "board/"),
        (["trend", "--output", "board/"], "board/"),
    ],
)
def test_an_output_ending_in_a_slash_is_a_folder_and_nothing_is_written(
    cli: Callable[..., Result], area: Path, args: list[str], written: str
) -> None:
    """Read as a path, 'board/' is 'board': the report was written as a file of that name."""
    result = cli(*args, cwd=area)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"compactscore: -o {written}: names a folder (it ends with /), not a file. Name a file "
        "in it, with the ending of what to write, such as -o board/report.html or "
        "-o board/gaps.csv.\n"
    )
    assert not (area / "board").exists()
