"""The view of a sheet's history: each change of each score, with its commit."""

from __future__ import annotations

from rich.markup import escape

from compactscore.render.view import Column, Grid, View
from compactscore.render.words import change_words, plural
from compactscore.results import History


def history_view(history: History) -> View:
    """Headline, one row per change (commit details once per commit), and notes."""
    scores = sum(entry.column == "score" for entry in history.entries)
    counted = (
        f"{plural(len(history.entries), 'change')} of score"
        if history.scores_only
        else f"{plural(len(history.entries), 'change')} ({scores} of score)"
    )
    headline = [
        f"[bold]{escape(history.file)}[/bold]: "
        + escape(f"{counted} in {plural(history.commits, 'commit')}, oldest first")
    ]
    if history.uncommitted:
        headline.append("[yellow]The file has changes that are not committed yet.[/yellow]")
    rows, styles, last = [], [], None
    for entry in history.entries:
        first = entry.commit != last
        last = entry.commit
        rows.append(
            [
                entry.commit if first else "",
                entry.date[:10] if first else "",
                entry.author if first else "",
                str(entry.number),
                entry.title,
                entry.column,
                _from_to(entry.before, entry.after, entry.change),
                entry.message if first else "",
            ]
        )
        styles.append("yellow" if entry.commit == "not committed" else "")
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
        at = [column.header for column in columns].index("Column")
        columns.pop(at)
        rows = [row[:at] + row[at + 1 :] for row in rows]
    title = "Changes of score" if history.scores_only else "Changes"
    grid = Grid(title=title, columns=columns, rows=rows, styles=styles)
    return View(headline=headline, grids=[grid], data=_data_grid(history), notes=_notes(history))


def _from_to(before: str, after: str, change: int | None) -> str:
    text = f"{before or '-'} → {after or '-'}"
    return f"{text} ({change_words(change)})" if change else text


def _notes(history: History) -> list[str]:
    notes = []
    if history.shallow_from:
        notes.append(
            escape(
                "This is a shallow clone: git holds only part of the history, so commit "
                f"{history.shallow_from} shows every score as it stood then, not when it was "
                "first set. Run 'git fetch --unshallow' to read the whole history."
            )
        )
    if not history.entries:
        return [*notes, "No score has been set in any commit yet."]
    return [
        *notes,
        "Before → after, each in full (with the change of a score); - means not scored, or "
        "empty. The date is the author's.",
    ]


def _data_grid(history: History) -> Grid:
    names = ["commit", "date", "author", "message", "indicator", "id", "title", "column"]
    names += ["before", "after"]
    columns = [Column(name) for name in (*names, "change")]
    rows = [
        [
            e.commit,
            e.date,
            e.author,
            e.message,
            str(e.number),
            e.id,
            e.title,
            e.column,
            e.before,
            e.after,
            change_words(e.change),
        ]
        for e in history.entries
    ]
    return Grid(title="", columns=columns, rows=rows)
