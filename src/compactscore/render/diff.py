"""The view of a diff: what changed between two periods or two revisions of a sheet."""

from __future__ import annotations

from rich.markup import escape

from compactscore.changes import SheetDiff
from compactscore.render.view import Column, Grid, View
from compactscore.render.words import change_words, plural


def diff_view(diff: SheetDiff) -> View:
    """Headline with both totals, then every indicator that changed."""
    headline = [
        f"[bold]{escape(diff.before)} → {escape(diff.after)}[/bold]",
        escape(
            f"Total {diff.before_total} out of {diff.before_max} → "
            f"{diff.after_total} out of {diff.after_max}; "
            f"{plural(len(diff.changes), 'indicator')} changed, {diff.unchanged} unchanged."
        ),
    ]
    rows = [
        [
            str(c.number),
            f"{c.title} (replaced {c.replaced_title})" if c.replaced_id else c.title,
            c.before or "-",
            c.after or "-",
            change_words(c.change),
            ", ".join(c.fields),
        ]
        for c in diff.changes
    ]
    columns = [
        Column("No.", justify="right"),
        Column("Indicator", shorten=True, min_width=14),
        Column("Before", justify="right"),
        Column("After", justify="right"),
        Column("Change", justify="right"),
        Column("Also changed", fill=True, weight=2, min_width=20),
    ]
    if not any(c.fields for c in diff.changes):
        # Between two periods only scores are compared: evidence always differs.
        columns.pop()
        rows = [row[:-1] for row in rows]
    grid = Grid(title="What changed", columns=columns, rows=rows)
    notes = ["- means not scored."] if diff.changes else ["Nothing changed."]
    notes.extend(
        escape(
            f"Indicator {c.number}: {c.title} ({c.id}) replaced {c.replaced_title} "
            f"({c.replaced_id}), so {c.before or '-'} is the score of the indicator it replaced."
        )
        for c in diff.changes
        if c.replaced_id
    )
    return View(headline=headline, grids=[grid], data=_data_grid(diff), notes=notes)


def _data_grid(diff: SheetDiff) -> Grid:
    names = ("indicator", "id", "title", "before", "after", "change", "also_changed", "replaced")
    rows = [
        [
            str(c.number),
            c.id,
            c.title,
            c.before,
            c.after,
            change_words(c.change),
            " ".join(c.fields),
            c.replaced_id,
        ]
        for c in diff.changes
    ]
    return Grid(title="", columns=[Column(name) for name in names], rows=rows)
