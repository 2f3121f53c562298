"""Many versions of one sheet read with their rows remembered: the same sheets, the same problems."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from compactscore.load.definition import load_definition
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


# What a line of a version may become in the next: most often a plain row for the same
# indicator, sometimes anything that must be read the long way or whole.
LINES = [
    "1,2,Vision agreed,3,Chair,",
    "1,3,Vision agreed,3,Chair,",
    '1,3,"Vision, agreed",3,Chair,',
    "1,n/a,,3,Chair,",
    "1,n/a,No survey,3,,",
    "1,9,Vision agreed,,,",
    "1,,From 2023: Vision agreed,,,",
    "1,2,From 2023: Vision agreed,,,",
    "1,2,'=1+1,,,",
    "2,,,,,",
    "2,1,,,,2025-03-31",
    "2,1,,,,someday",
    "2,1,,,,",
    "3,0,Survey done,,,",
    "4,1,,,,",
    "17,2,,,,",
    "3,0,Survey done,,",
    '3,0,"Survey\ndone",,,',
    "",
    "   ",
    ",,,,,",
    "<<<<<<< HEAD",
    "=======",
    "Total,5,,,,",
    "x,1,,,,",
]


NAMES = ["2023.csv", "2024.csv", "notes.csv"]


@settings(max_examples=300)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(NAMES),
            st.lists(st.tuples(st.integers(1, 18), st.sampled_from(LINES)), max_size=2),
        ),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(["\n", ""]),
)
# A version with a warning, then one whose other line changes: the warning is said again.
@example([("2024.csv", [(1, "1,n/a,No survey,3,,")]), ("2024.csv", [(2, "2,1,,,,")])], "\n")
# A line more after the last, which had no line break: it repeats an indicator, an error.
@example([("2024.csv", []), ("2024.csv", [(18, "4,1,,,,")])], "")
# A line that names another indicator: that one twice, and this one missing.
@example([("2024.csv", []), ("2024.csv", [(1, "2,1,,,,")])], "\n")
# The same lines as another period's sheet (renamed): read for that period.
@example([("2024.csv", []), ("2023.csv", [(2, "2,1,,,,")])], "\n")
def test_versions_changing_a_line_or_two_read_as_they_do_alone(
    versions: list[tuple[str, list[tuple[int, str]]]], end: str
) -> None:
    definition = load_definition()
    # Every indicator has its row, so that a version can be read without a problem.
    lines = [
        "indicator,score,evidence,target,owner,due",
        "1,2,Vision agreed,3,Chair,",
        "2,,,,,",
        "3,0,Survey done,,,",
        *(f"{number},1,,,," for number in range(4, 18)),
    ]
    rows_read = RowsRead()
    for at, (name, changed) in enumerate(versions):
        for position, line in changed:
            if position < len(lines):
                lines[position] = line
            else:
                lines.append(line)  # a line more
        text = "\n".join(lines) + end
        shown = f"c{at}:{name}"
        alone = read_sheet(Path(name), definition, shown, text)
        assert read_sheet(Path(name), definition, shown, text, rows_read=rows_read) == alone


def test_a_changed_line_is_known_for_the_next_version(definition: Definition) -> None:
    rows_read = RowsRead()
    lines = [HEADER.strip(), "1,2,Vision agreed,3,Chair", *(f"{n},1,,," for n in range(2, 18))]
    read_sheet(Path("2024.csv"), definition, "a", "\n".join(lines), rows_read=rows_read)
    lines[1] = '1,3,"Vision, agreed",3,Chair'
    sheet, problems = read_sheet(
        Path("2024.csv"), definition, "b", "\n".join(lines), rows_read=rows_read
    )
    assert sheet is not None and not problems and sheet.rows[0].evidence == "Vision, agreed"
    assert rows_read.lines[1]['1,3,"Vision, agreed",3,Chair'] == [
        "1",
        "3",
        "Vision, agreed",
        "3",
        "Chair",
    ]
    assert "1,2,Vision agreed,3,Chair" not in rows_read.lines[1]
    assert rows_read.lines[1]["2,1,,,"] == ["2", "1", "", "", ""]
    # A version read whole (a line more) has the rows of the one read before.
    again, _ = read_sheet(
        Path("2024.csv"), definition, "c", "\n".join([*lines, ""]), rows_read=rows_read
    )
    assert again is not None and again.rows[0] is sheet.rows[0]
