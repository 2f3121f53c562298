"""CSV we write: every line of a cell neutralised, every line break quoted, read back the same."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import Result

from compactscore.cells import neutralised, unneutralised
from compactscore.render.csvtext import csv_text
from compactscore.render.text import to_csv
from compactscore.render.view import Column, Grid

Run = Callable[..., Result]


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('minutes\n=HYPERLINK("http://x")', 'minutes\n\'=HYPERLINK("http://x")'),
        ("a\r@SUM(A1)", "a\r'@SUM(A1)"),
        ("a\r\n+1 more", "a\r\n'+1 more"),
        ("'=already", "''=already"),
        ("x\n\n-", "x\n\n'-"),
        ("=1\n=2", "'=1\n'=2"),
        ("plain\ntext", "plain\ntext"),
        ("-3", "-3"),
    ],
)
def test_each_line_of_a_cell_is_neutralised(cell: str, written: str) -> None:
    assert neutralised(cell) == written
    assert unneutralised(written) == cell


def test_a_lone_carriage_return_is_quoted_so_the_row_stays_whole() -> None:
    text = csv_text([["title", "area"], ["Shared\rvision", "River\rton"]])
    assert text == 'title,area\n"Shared\rvision","River\rton"\n'
    assert list(csv.reader(io.StringIO(text, newline=""))) == [
        ["title", "area"],
        ["Shared\rvision", "River\rton"],
    ]


def test_a_line_break_cannot_start_a_live_formula_in_an_export() -> None:
    grid = Grid("", [Column("title"), Column("note")], [["Plan\r=cmd|' /C calc'!A0", "ok\n-2+3"]])
    assert to_csv(grid) == "title,note\n\"Plan\r'=cmd|' /C calc'!A0\",\"ok\n'-2+3\"\n"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(["'", "=", "-", "+", "@", "\t", "\r", "\n", "a", "1", "."]))
)
def test_neutralising_is_undone_exactly(cell: str) -> None:
    assert unneutralised(neutralised(cell)) == cell


def test_new_keeps_a_neutralised_owner_neutralised(cli: Run, area: Path) -> None:
    sheet = area / "scores" / "2013-14.csv"
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    rows[1][5] = '\'=HYPERLINK("http://evil.example","Chair")'
    rows[2][5] = "Chair\n=1+1"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    sheet.write_text(out.getvalue(), encoding="utf-8")
    assert cli("new", "2014-15", cwd=area).exit_code == 0
    written = (area / "scores" / "2014-15.csv").read_text(encoding="utf-8-sig")
    owners = [row[5] for row in csv.reader(io.StringIO(written))][1:3]
    # Carried owners are marked as last period's, so no cell starts with a formula
    # character, and the one after a line break keeps its quote mark.
    assert owners == [
        'From 2013-14: =HYPERLINK("http://evil.example","Chair")',
        "From 2013-14: Chair\n'=1+1",
    ]
    # Read back, the owners are the cells as written, the quote mark taken off again.
    data = cli("score", "scores/2014-15.csv", "-f", "json", cwd=area).stdout
    assert '"owner": "From 2013-14: =HYPERLINK(\\"http://evil.example\\",\\"Chair\\")"' in data
    assert '"owner": "From 2013-14: Chair\\n=1+1"' in data


def test_the_quick_test_before_the_pattern_changes_nothing() -> None:
    """A cell the quick test passes is one the pattern would leave as it is."""
    import random

    from compactscore import cells

    pieces = ["a", "=", "+", "-", "@", "\t", "\r", "\n", "'", "1", ".", " ", "é", "e5", "inf"]
    chooser = random.Random(18)
    for _ in range(20000):
        cell = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 6)))
        by_pattern = (
            cell if not cell or cells._is_number(cell) else cells._TO_NEUTRALISE.sub("'", cell)
        )
        assert cells.neutralised(cell) == by_pattern, cell
