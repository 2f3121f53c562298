"""sheet_problems (what check uses) finds exactly the problems read_sheet finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compactscore.load.definition import load_definition
from compactscore.load.sheet import read_sheet, sheet_problems

CASES = [
    "indicator,score,evidence\n1,2,ok\n2,4,x\n3,n/a,\n4,two,x\n99,1,x\n1,1,again\n",
    'indicator;score;evidence\n1;2;"a;b"\n2;n/a;reason\n',
    'indicator,score\n1,2\n2,3,4\n3,"open\n',
    "indicator,score,score\n1,2,3\n",
    "a,b\n1,2\n",
    "",
    "indicator,score\n",
    "indicator,score,,x\n1,2,val,\n",
    "<<<<<<< HEAD\nindicator,score\n",
    'indicator,score\n1,"2"x\n',
    "\ufeffIndicator , Score\r\n1,3\r\n2,1\r\n",
    "indicator,score,target,sector_score\n1,1,9,x\nni7-compact-indicator,2,,\n",
    "Riverton Compact Scorecard 2012-13,,\nindicator,score,evidence\n1,2,x\n",
    "indicator,score,evidence,sector_score\n1,2,From 2011-12: x,\n2,,From 2011-12: y,\n3,1,z,n/a\n",
    "indicator,title,score\n1,a,2 Good progress\n2,b,Fully in place\nTotal,,5\n,Sum,5\n",
]


@pytest.mark.parametrize("text", CASES)
def test_the_same_problems_both_ways(tmp_path: Path, text: str) -> None:
    path = tmp_path / "2012-13.csv"
    path.write_text(text, encoding="utf-8")
    definition = load_definition()
    _, expected = read_sheet(path, definition, shown="s.csv")
    assert sheet_problems(path, definition, shown="s.csv") == expected


def test_an_unreadable_file_is_a_problem_too(tmp_path: Path) -> None:
    path = tmp_path / "2012-13.csv"
    path.write_bytes(b"PK\x03\x04 a workbook")
    problems = sheet_problems(path, load_definition(), shown="s.csv")
    assert str(problems[0]).startswith(
        "s.csv: is an Excel workbook (.xlsx) saved with a .csv name, not a CSV file. "
        "Rename it to s.xlsx: compactscore reads workbooks as they are."
    )


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(
                [
                    *("1", "2", "17", "n/a", "", "x", "3.5", '"q', "=", "-1"),
                    *("From 2011-12: x", "2 Good progress", "Total", "indicator", "score"),
                ]
            ),
            max_size=5,
        ),
        max_size=6,
    )
)
def test_any_sheet_gives_the_same_problems_both_ways(rows: list[list[str]]) -> None:
    text = "indicator,score,evidence,target\n" + "\n".join(",".join(row) for row in rows)
    definition = load_definition()
    path = Path("2012-13.csv")
    _, expected = read_sheet(path, definition, shown="s.csv", text=text)
    assert sheet_problems(path, definition, shown="s.csv", text=text) == expected
