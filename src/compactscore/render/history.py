"""The view of a sheet's history: each change of each score, with its commit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape

from compactscore.render.view import Column, Grid, View
from compactscore.render.words import change_words, plural
from compactscore.results.changes import NOT_COMMITTED, SCORE

if TYPE_CHECKING:
    from compactscore.results import History, ScoreChange


class HistoryRows:
    """The rows of a history's view, made change by change as the versions are compared.

    ``table`` makes the rows of the table (and Markdown), ``data`` those of the CSV
    export; a command printing one needs only that one, and no entry is kept.
    """

    def __init__(self, table: bool = True, data: bool = True, scores_only: bool = False) -> None:
        self.table, self.data, self.scores_only = table, data, scores_only
        self.rows: list[list[str]] = []
        self.styles: list[str] = []
        self.data_rows: list[list[str]] = []
        self.count = 0  # entries: one per cell changed
        self.scores = 0  # of which scores
        self.last: str | None = None  # the commit of the entry before

    def add(self, change: ScoreChange, commit: str, date: str, author: str, message: str) -> None:
        """The entries of one indicator's change: its score first, then its words."""
        self.cells(commit, date, author, message, change, change.cells())

    def cells(
        self,
        commit: str,
        date: str,
        author: str,
        message: str,
        change: ScoreChange,
        cells: list[tuple[str, str, str]],
    ) -> None:
        """An entry for each cell of an indicator changed in a commit (column, before, after)."""
        number, title = str(change.number), change.title
        first = commit != self.last  # the commit is named on its first row only
        style = "yellow" if commit == NOT_COMMITTED else ""
        rows, styles = self.rows, self.styles
        for column, before, after in cells:
            points = change.change if column == SCORE else None
            self.scores += column == SCORE
            if self.table:
                text = _from_to(before, after, points)
                if first:
                    row = [commit, date[:10], author, number, title, column, text, message]
                    first = False
                else:
                    row = ["", "", "", number, title, column, text, ""]
                if self.scores_only:  # every row is a score: the column says nothing
                    del row[5]  # after the commit, date, author, number and title
                rows.append(row)
                styles.append(style)
            if self.data:
                self.data_rows.append(
                    [
                        commit,
                        date,
                        author,
                        message,
                        number,
                        change.id,
                        title,
                        column,
                        before,
                        after,
                        change_words(points),
                    ]
                )
        self.count += len(cells)
        self.last = commit


def history_view(history: History) -> View:
    """Headline, one row per change (commit details once per commit), and notes."""
    rows = HistoryRows(scores_only=history.scores_only)
    for e in history.entries:
        cell = (e.column, e.before, e.after)
        rows.cells(e.commit, e.date, e.author, e.message, e.score_change, [cell])
    return view_of(history, rows)


def view_of(history: History, made: HistoryRows) -> View:
    """The view of a history whose rows are made (its entries need not be kept)."""
    counted = (
        f"{plural(made.count, 'change')} of score"
        if history.scores_only
        else f"{plural(made.count, 'change')} ({made.scores} of score)"
    )
    headline = [
        f"[bold]{escape(history.file)}[/bold]: "
        + escape(f"{counted} in {plural(history.commits, 'commit')}, oldest first")
    ]
    if history.uncommitted:
        headline.append("[yellow]The file has changes that are not committed yet.[/yellow]")
    columns = [
        Column("Commit", key=True),
        Column("Date", whole=True),
        Column("Author", whole=True),
        Column("No.", justify="right", key=True),
        Column("Indicator", shorten=True, min_width=14, key=True),
        Column("Column", whole=True),
        Column("Before → after", weight=3, min_width=16),
        Column("Message", fill=True, weight=2, min_width=24),  # the reason: wrapped, never cut
    ]
    if history.scores_only:
        # Every row is a score: the column says nothing.
        columns.pop([column.header for column in columns].index("Column"))
    title = "Changes of score" if history.scores_only else "Changes"
    grid = Grid(title=title, columns=columns, rows=made.rows, styles=made.styles)
    return View(
        headline=headline,
        grids=[grid],
        data=_data_grid(made),
        notes=_notes(history, made.count),
    )


def _from_to(before: str, after: str, change: int | None) -> str:
    text = f"{before or '-'} → {after or '-'}"
    return f"{text} ({change_words(change)})" if change else text


def _notes(history: History, count: int) -> list[str]:
    notes = []
    if history.shallow_from:
        notes.append(
            escape(
                "This is a shallow clone: git holds only part of the history, so commit "
                f"{history.shallow_from} shows every score as it stood then, not when it was "
                "first set. Run 'git fetch --unshallow' to read the whole history."
            )
        )
    if not count:
        return [*notes, "No score has been set in any commit yet."]
    return [
        *notes,
        "Before → after, each in full (with the change of a score); - means not scored, or "
        "empty. The date is the author's.",
    ]


def _data_grid(made: HistoryRows) -> Grid:
    names = ["commit", "date", "author", "message", "indicator", "id", "title", "column"]
    names += ["before", "after"]
    columns = [Column(name) for name in (*names, "change")]
    return Grid(title="", columns=columns, rows=made.data_rows)
