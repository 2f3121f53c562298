"""A history printed as a table, CSV or Markdown is made change by change, keeping no entries:
its view is the one made from the entries themselves."""

from __future__ import annotations

import pytest

from compactscore.analysis.changes import history_entries
from compactscore.render.history import HistoryRows, history_view, view_of
from compactscore.results import History, ScoreChange, WordChange

CHANGES = [
    ("a1b2c3d", "2024-05-01 10:00", "Ann", "Scores agreed", ScoreChange(
        number=1, id="NI1", title="Shared vision", before="", after="2", change=None,
        fields=["evidence"], words=[WordChange(column="evidence", before="", after="Signed")],
    )),
    ("a1b2c3d", "2024-05-01 10:00", "Ann", "Scores agreed", ScoreChange(
        number=2, id="NI2", title="Plan", before="1", after="3", change=2, fields=[],
    )),
    # words only, then the score only
    ("e4f5a6b", "2024-06-02 11:30", "Bob", "Evidence", ScoreChange(
        number=2, id="NI2", title="Plan", before="3", after="3", change=None,
        fields=["evidence", "owner"],
        words=[
            WordChange(column="evidence", before="Old | words", after="New\nwords"),
            WordChange(column="owner", before="Chair", after=""),
        ],
    )),
    ("not committed", "", "", "", ScoreChange(
        number=1, id="NI1", title="Shared vision", before="2", after="1", change=-1, fields=[],
    )),
]  # fmt: skip


@pytest.mark.parametrize("scores_only", [False, True])
def test_rows_made_change_by_change_are_the_view_of_the_entries(scores_only: bool) -> None:
    entries = [
        entry
        for commit, date, author, message, change in CHANGES
        for entry in history_entries(change, commit, date, author, message)
    ]
    whole = History(
        file="scores/2024-25.csv",
        entries=entries,
        commits=2,
        uncommitted=True,
        scores_only=scores_only,
        shallow_from="a1b2c3d",
    )
    made = HistoryRows(scores_only=scores_only)
    for commit, date, author, message, change in CHANGES:
        made.add(change, commit, date, author, message)
    assert (made.count, made.scores) == (6, 3)
    assert view_of(whole.model_copy(update={"entries": []}), made) == history_view(whole)
    assert made.rows[0][:3] == ["a1b2c3d", "2024-05-01", "Ann"]
    assert made.rows[1][:3] == ["", "", ""]  # the same commit: named once
    assert made.styles == ["", "", "", "", "", "yellow"]
    assert made.data_rows[3][7:] == ["evidence", "Old | words", "New\nwords", ""]
    assert made.data_rows[2][7:] == ["score", "1", "3", "+2"]


def test_only_the_rows_printed_are_made() -> None:
    table, data = HistoryRows(data=False), HistoryRows(table=False)
    for commit, date, author, message, change in CHANGES:
        table.add(change, commit, date, author, message)
        data.add(change, commit, date, author, message)
    assert (len(table.rows), table.data_rows) == (6, [])
    assert (data.rows, len(data.data_rows)) == ([], 6)
