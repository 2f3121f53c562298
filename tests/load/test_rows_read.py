"""Many versions of one sheet read with their rows remembered: the same sheets, the same problems."""

from __future__ import annotations

from pathlib import Path

from compactscore.load.sheet import RowsRead, read_sheet
from compactscore.models import Definition

HEADER = "indicator,score,evidence,target,owner\n"
VERSIONS = [
    HEADER + "1,2,Vision agreed,3,Chair\n2,,,,\n3,n/a,No survey,,\n",
    # a score changes; the other rows are as they were
    HEADER + "1,3,Vision agreed,3,Chair\n2,,,,\n3,n/a,No survey,,\n",
    # a row read before comes back on another line, and another twice: a duplicate
    HEADER + "2,,,,\n1,3,Vision agreed,3,Chair\n1,3,Vision agreed,3,Chair\n",
    # n/a with a target: a warning, every time the row is read
    HEADER + "1,3,Vision agreed,3,Chair\n2,,,,\n3,n/a,No survey,2,\n",
    HEADER + "1,3,Vision agreed,3,Chair\n2,,,,\n3,n/a,No survey,2,\n",
    # an error in a row, then the row mended
    HEADER + "1,3,Vision agreed,3,Chair\n2,9,,,\n3,n/a,No survey,,\n",
    HEADER + "1,3,Vision agreed,3,Chair\n2,1,,,\n3,n/a,No survey,,\n",
    # another header: the same cells mean other things
    "indicator,score,owner,evidence,target\n1,3,Chair,Vision agreed,3\n2,1,,,\n",
    HEADER + "1,3,Vision agreed,3,Chair\n2,1,,,\n3,n/a,No survey,,\n",
]


def test_every_version_reads_as_it_does_alone(definition: Definition) -> None:
    rows_read = RowsRead()
    for at, text in enumerate(VERSIONS):
        shown = f"c{at}:scores/2024.csv"
        alone = read_sheet(Path("scores/2024.csv"), definition, shown, text)
        remembered = read_sheet(
            Path("scores/2024.csv"), definition, shown, text, rows_read=rows_read
        )
        assert remembered == alone, at


def test_a_row_as_it_was_is_the_same_row(definition: Definition) -> None:
    rows_read = RowsRead()
    first, _ = read_sheet(Path("2024.csv"), definition, "a", VERSIONS[0], rows_read=rows_read)
    second, _ = read_sheet(Path("2024.csv"), definition, "b", VERSIONS[1], rows_read=rows_read)
    assert first is not None and second is not None
    assert second.rows[1] is first.rows[1] and second.rows[2] is first.rows[2]
    assert second.rows[0] is not first.rows[0]
    assert (first.rows[0].score, second.rows[0].score) == (2, 3)


def test_another_period_reads_the_same_cells_afresh(definition: Definition) -> None:
    rows_read = RowsRead()
    text = HEADER + "1,2,From 2023: Vision agreed,,\n"
    earlier, _ = read_sheet(Path("2023.csv"), definition, "a", text, rows_read=rows_read)
    later, problems = read_sheet(Path("2024.csv"), definition, "b", text, rows_read=rows_read)
    assert (later, problems) == read_sheet(Path("2024.csv"), definition, "b", text)
    # In 2024, evidence marked as 2023's is last period's: a warning, read afresh.
    assert "still starts 'From 2023:'" in problems[0].message
    assert later is not None and earlier is not None
    assert later.rows[0] is not earlier.rows[0]


def test_only_the_last_version_read_is_kept(definition: Definition) -> None:
    rows_read = RowsRead()
    changed = HEADER + "1,2,Vision agreed,3,Chair\n2,1,,,\n3,1,Survey done,,\n"
    first, _ = read_sheet(Path("2024.csv"), definition, "a", VERSIONS[0], rows_read=rows_read)
    read_sheet(Path("2024.csv"), definition, "b", changed, rows_read=rows_read)
    again, _ = read_sheet(Path("2024.csv"), definition, "c", VERSIONS[0], rows_read=rows_read)
    assert first is not None and again is not None
    assert again.rows[0] is first.rows[0]  # as in the version just before
    assert again.rows[1] is not first.rows[1] and again.rows[1] == first.rows[1]
    assert sum(len(rows) for rows in rows_read.known.values()) == 3


# Versions whose records are not all one line each, or whose lines read differently
# alone and in the whole text: each must read as it does alone.
AWKWARD = [
    HEADER + '1,2,"Vision, agreed",3,Chair\n2,,,,\n3,n/a,No survey,,\n',
    # a quoted cell running on over two lines: the version is read whole
    HEADER + '1,2,"Vision\nagreed",3,Chair\n2,,,,\n3,n/a,No survey,,\n',
    # the same lines again; the line "agreed"",3,Chair" alone would be another record
    HEADER + '1,2,"Vision\nagreed",3,Chair\n2,1,,,\n3,n/a,No survey,,\n',
    HEADER + "1,2,Vision agreed,3,Chair\n2,1,,,\n3,n/a,No survey,,\n",
    # a quote inside an unquoted cell, then a quoted cell left open to the next line
    HEADER + '1,2,Vision "agreed",3,"Chair\n2,1,,,"\n3,n/a,No survey,,\n',
    # a quote opened and never closed: an error, named on its line
    HEADER + '1,2,Vision agreed,3,Chair\n2,1,"never closed,,,\n3,n/a,No survey,,\n',
    # text after a closing quote
    HEADER + '1,2,"Vision" agreed,3,Chair\n2,1,,,\n3,n/a,No survey,,\n',
    HEADER + "1,2,Vision agreed,3,Chair\n\n   \n2,1,,,\n,,,,\n3,n/a,No survey,,\n",
    # the same lines with another separator, then with Excel's separator line
    HEADER.replace(",", ";") + "1;2;Vision, agreed;3;Chair\n2;1;;;\n3;n/a;No survey;;\n",
    "sep=;\n" + HEADER.replace(",", ";") + "1;2;Vision, agreed;3;Chair\n2;1;;;\n",
    HEADER + "1,2,Vision, agreed,3,Chair\n2,1,,,\n3,n/a,No survey,,\n",
    HEADER + "1,2,Vision agreed,3,Chair\r\n2,1,,,\r\n3,n/a,No\rsurvey,,\n",
    HEADER + '1,2,Vision agreed,3,Chair\n2,1,"a ""quoted"" word",,\n3,n/a,No\x00survey,,\n',
    "\ufeff" + HEADER + "1,2,Vision agreed,3,Chair\n2,1,,,\n",
    HEADER + "1,2,Vision agreed,3,Chair\n<<<<<<< HEAD\n2,1,,,\n",
    "",
    HEADER,
    HEADER + "1,2,Vision agreed,3,Chair\n2,1,,,\n3,n/a,No survey,,",
]


def test_awkward_versions_read_as_they_do_alone(definition: Definition) -> None:
    rows_read = RowsRead()
    for at, text in enumerate([*AWKWARD, *reversed(AWKWARD)]):
        shown = f"c{at}:scores/2024.csv"
        alone = read_sheet(Path("scores/2024.csv"), definition, shown, text)
        remembered = read_sheet(
            Path("scores/2024.csv"), definition, shown, text, rows_read=rows_read
        )
        assert remembered == alone, (at, text)


def test_a_line_as_it_was_is_not_parsed_again(definition: Definition) -> None:
    rows_read = RowsRead()
    read_sheet(Path("2024.csv"), definition, "a", AWKWARD[0], rows_read=rows_read)
    separator, lines = rows_read.lines
    quoted = lines['1,2,"Vision, agreed",3,Chair']
    assert (separator, quoted) == (",", ["1", "2", "Vision, agreed", "3", "Chair"])
    changed = AWKWARD[0].replace("2,,,,", "2,1,,,")
    read_sheet(Path("2024.csv"), definition, "b", changed, rows_read=rows_read)
    assert rows_read.lines[1]['1,2,"Vision, agreed",3,Chair'] is quoted
    assert rows_read.lines[1]["2,1,,,"] == ["2", "1", "", "", ""]
    assert "2,,,," not in rows_read.lines[1]  # only the last version's lines are kept
    # A version with a cell over two lines is read whole: the lines known stay as they were.
    read_sheet(Path("2024.csv"), definition, "c", AWKWARD[1], rows_read=rows_read)
    assert rows_read.lines[1]['1,2,"Vision, agreed",3,Chair'] is quoted
    assert '1,2,"Vision' not in rows_read.lines[1]


# Versions whose first lines are alike but whose separators, or periods, are not: what
# is remembered from one version's first line or period must not decide another's.
SEPARATORS = [
    ("2024.csv", "indicator;score;evidence\n1;2;Vision, agreed\n2;1;x\n"),
    ("2024.csv", "indicator;score;evidence\n1;3;Vision, agreed\n2;1;x\n"),
    ("2024.csv", "\t\t\nindicator\tscore\tevidence\n1\t2\tx\n"),
    ("2024.csv", "\t\t\nindicator,score,evidence\n1,2,x\n"),
    ("2024.csv", '"indicator,score",evidence\n1,2\n'),
    ("2024.csv", "indicator,score,evidence\n1,2,x\n"),
    ("2024.csv", "indicator,score,evidence;x;y\n1,2,x\n"),
    ("2010.csv", "indicator,score,evidence\n1,2,x\n16,1,y\n"),
    ("2024.csv", "indicator,score,evidence\n1,2,x\n16,1,y\n"),
    ("2010.csv", "indicator,score,evidence\n1,2,x\n16,1,y\n"),
]


def test_versions_with_a_first_line_alike_read_as_they_do_alone(definition: Definition) -> None:
    rows_read = RowsRead()
    for at, (name, text) in enumerate(SEPARATORS):
        alone = read_sheet(Path(name), definition, f"c{at}", text)
        remembered = read_sheet(Path(name), definition, f"c{at}", text, rows_read=rows_read)
        assert remembered == alone, at
