"""Reading sheets as spreadsheets save them: encodings, separators, headers, cells."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from compactscore.errors import DataError, Severity
from compactscore.load.sheet import load_sheet, read_sheet
from compactscore.models import Definition, ScoreState

Run = Callable[..., Result]

ROWS = "1,2,Vision agreed\r\n2,,\r\n3,n/a,No survey\r\n"


@pytest.mark.parametrize(
    "content",
    [
        ("indicator,score,evidence\n" + ROWS.replace("\r\n", "\n")).encode("utf-8"),
        ("\ufeffindicator,score,evidence\r\n" + ROWS).encode("utf-8"),
        ("Indicator ; SCORE ;Evidence\r\n" + ROWS.replace(",", ";")).encode("cp1252"),
        ("indicator\tscore\tevidence\r\n" + ROWS.replace(",", "\t")).encode("utf-16"),
    ],
    ids=["utf8", "utf8-bom-crlf", "cp1252-semicolon-header-case", "utf16-tab"],
)
def test_spreadsheet_variants_read_the_same(
    definition: Definition, write: Callable[..., Path], content: bytes
) -> None:
    sheet = load_sheet(write("2010.csv", content), definition)
    assert [(r.indicator, r.score, r.state) for r in sheet.rows] == [
        ("shared-vision", 2, ScoreState.SCORED),
        ("unified-plan", None, ScoreState.NOT_SCORED),
        ("ni7-compact-indicator", None, ScoreState.NOT_APPLICABLE),
    ]
    assert sheet.rows[2].evidence == "No survey"


def test_windows_1252_text_is_decoded(definition: Definition, write: Callable[..., Path]) -> None:
    text = "indicator,score,evidence\n1,2,“Grants” cut by £40k – see minutes\n"
    sheet = load_sheet(write("2024.csv", text.encode("cp1252")), definition)
    assert sheet.rows[0].evidence == "“Grants” cut by £40k – see minutes"


def test_indicator_by_id_and_extra_columns_kept(
    definition: Definition, write: Callable[..., Path]
) -> None:
    path = write("2024.csv", "indicator,score,Lead partner,title\nShared-Vision,3,CVS,Vision\n")
    sheet = load_sheet(path, definition)
    assert sheet.rows[0].indicator == "shared-vision"
    assert sheet.rows[0].extra == {"Lead partner": "CVS", "title": "Vision"}
    assert sheet.columns == ["indicator", "score", "Lead partner", "title"]


def test_a_file_without_a_period_still_reads(
    definition: Definition, write: Callable[..., Path]
) -> None:
    sheet = load_sheet(write("our scores.csv", "indicator,score\n1,1\n"), definition)
    assert sheet.period is None
    assert sheet.period_label == "our scores.csv"  # headed by its name, never "unknown"
    assert sheet.version == definition.version


def test_every_problem_is_reported_with_its_line(
    definition: Definition, write: Callable[..., Path]
) -> None:
    path = write("2024.csv", "indicator,score,evidence\n1,high,\n2,4,\n\n2,1,\n99,1,\n4,n/a,\n")
    _, problems = read_sheet(path, definition, shown="2024.csv")
    assert [str(p) for p in problems if p.severity is Severity.ERROR] == [
        "2024.csv:2: score 'high' is not a number. Write 0, 1, 2 or 3; leave it empty if not "
        "scored yet, or write n/a if it does not apply here (with the reason in evidence).",
        "2024.csv:3: score 4 is outside the scale 0 to 3. Use 0, 1, 2 or 3.",
        "2024.csv:5: indicator 2 (unified-plan) is already on line 3. "
        "Keep one row per indicator and delete the other.",
        "2024.csv:6: there is no indicator 99. Indicator numbers go from 1 to 17.",
        "2024.csv:7: indicator 4 is marked n/a with no reason. "
        "Say in the evidence column why it does not apply here.",
    ]
    with pytest.raises(DataError):
        load_sheet(path, definition)


def test_a_retired_indicator_is_named_as_such(
    definition: Definition, write: Callable[..., Path]
) -> None:
    path = write("2012-13.csv", "indicator,score\nni7-compact-indicator,2\n")
    _, problems = read_sheet(path, definition, shown="2012-13.csv")
    assert str(problems[0]) == (
        "2012-13.csv:2: indicator 'ni7-compact-indicator' does not apply in 2012-13 "
        "(version 2 of the definition): it was retired in version 2, replaced by "
        "'compact-measure'. Use the indicator in force, or name the sheet for the period "
        "it belongs to."
    )


def test_sheets_with_other_headers_each_read_by_their_own(
    definition: Definition, write: Callable[..., Path]
) -> None:
    # A header's layout is kept for the next sheet with the same header: never for another.
    first = load_sheet(write("2022.csv", "indicator,score,evidence\n1,2,Agreed\n"), definition)
    second = load_sheet(write("2023.csv", "Score,Notes,Indicator\n1,Ours,2\n"), definition)
    again = load_sheet(write("2024.csv", "indicator,score,evidence\n3,0,None yet\n"), definition)
    assert [(r.indicator, r.score, r.evidence, r.extra) for r in first.rows] == [
        ("shared-vision", 2, "Agreed", {})
    ]
    assert [(r.indicator, r.score, r.extra) for r in second.rows] == [
        ("unified-plan", 1, {"Notes": "Ours"})
    ]
    assert [(r.indicator, r.score, r.evidence) for r in again.rows] == [
        ("compact-measure", 0, "None yet")
    ]
    _, problems = read_sheet(write("2025.csv", "indicator,score,,x\n1,2,oops,\n"), definition)
    assert [(p.line, p.message) for p in problems] == [
        (1, "column 3 has values but no name in the header.")
    ]


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        ("2024-25.csv", "2024-25"),
        ("2024-2025.csv", "2024-25"),
        ("2024-25.CSV", "2024-25"),
        ("Compact scorecard 2026-27 FINAL.csv", "Compact scorecard 2026-27 FINAL.csv"),
        ("our scores.csv", "our scores.csv"),
    ],
)
def test_a_sheet_is_headed_by_its_period_or_else_its_name(
    definition: Definition, write: Callable[..., Path], name: str, heading: str
) -> None:
    assert load_sheet(write(name, "indicator,score\n1,1\n"), definition).period_label == heading


def test_an_unclosed_quote_is_named_once(cli: Run, write: Callable[..., Path]) -> None:
    sheet = write("2024.csv", 'indicator,score,evidence\n1,2,"never closed\n2,1,x\n')
    result = cli("check", str(sheet))
    assert result.stdout.splitlines() == [
        f'{sheet}:2: a cell on this line opens a quote (") that is never closed. '
        "Add the closing quote, or remove the opening one.",
        "Checked 1 file: 1 error, 0 warnings.",
    ]
