"""The view of a diff: what changed between two periods or two revisions of a sheet."""

from __future__ import annotations

from rich.markup import escape

from compactscore.render.view import Column, Grid, View
from compactscore.render.words import change_words, plural
from compactscore.results import ScoreChange, SheetDiff


def diff_view(diff: SheetDiff) -> View:
    """Headline with both totals, the scores that changed, then every other cell, in full."""
    scored = [c for c in diff.changes if c.before != c.after]
    headline = [
        f"[bold]{escape(diff.before)} → {escape(diff.after)}[/bold]",
        escape(
            f"Total {diff.before_total} out of {diff.before_max} → "
            f"{diff.after_total} out of {diff.after_max}; "
            f"{plural(len(diff.changes), 'indicator')} changed"
            + ("" if diff.scores_only else f" ({plural(len(scored), 'score')})")
            + f", {diff.unchanged} unchanged."
        ),
    ]
    grids = []
    if scored:
        rows = [
            [str(c.number), _title(c), c.before or "-", c.after or "-", change_words(c.change)]
            for c in scored
        ]
        columns = [
            Column("No.", justify="right"),
            Column("Indicator", shorten=True, min_width=12),
            Column("Before", justify="right"),
            Column("After", justify="right"),
            Column("Change", justify="right"),
        ]
        grids.append(Grid(title="Scores", columns=columns, rows=rows))
    words = [
        [str(c.number), c.title, word.column, word.before or "-", word.after or "-"]
        for c in diff.changes
        for word in c.words
    ]
    if words:
        columns = [
            Column("No.", justify="right"),
            Column("Indicator", shorten=True, min_width=12),
            Column("Column"),
            Column("Before", weight=3, min_width=16),
            Column("After", weight=3, min_width=16),
        ]
        grids.append(Grid(title="Evidence, actions and the rest", columns=columns, rows=words))
    return View(headline=headline, grids=grids, data=_data_grid(diff), notes=_notes(diff))


def _notes(diff: SheetDiff) -> list[str]:
    if not diff.changes:
        return ["Nothing changed." if not diff.scores_only else "No score changed."]
    notes = ["- means not scored, or empty."]
    if diff.scores_only:
        notes.append("Only scores were compared (--scores-only).")
    notes.extend(
        escape(
            f"Indicator {c.number}: {c.title} ({c.id}) replaced {c.replaced_title} "
            f"({c.replaced_id}), so {c.before or '-'} is the score of the indicator it replaced."
        )
        for c in diff.changes
        if c.replaced_id and c.before != c.after
    )
    return notes


def _title(change: ScoreChange) -> str:
    """The indicator's title, and the one it replaced across a change of definition."""
    if change.replaced_id:
        return f"{change.title} (replaced {change.replaced_title})"
    return change.title


def _data_grid(diff: SheetDiff) -> Grid:
    """One row per cell that changed: the score's, then each other column's."""
    names = ("indicator", "id", "title", "column", "before", "after", "change", "replaced")
    rows = []
    for c in diff.changes:
        which = [str(c.number), c.id, c.title]
        if c.before != c.after:
            rows.append([*which, "score", c.before, c.after, change_words(c.change), c.replaced_id])
        rows.extend(
            [*which, word.column, word.before, word.after, "", c.replaced_id] for word in c.words
        )
    return Grid(title="", columns=[Column(name) for name in names], rows=rows)
