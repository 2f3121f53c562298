"""The view of an indicator definition, readable at a meeting."""

from __future__ import annotations

from rich.markup import escape

from compactscore.models import Definition, Indicator
from compactscore.render.view import Column, Grid, View


def indicator_cells(definition: Definition, indicator: Indicator) -> list[str]:
    """An indicator as a row of data: number, id, title, theme and statement (on one line)."""
    return [
        str(indicator.number),
        indicator.id,
        indicator.title,
        definition.theme_title(indicator.theme),
        " ".join(indicator.statement.split()),
    ]


def definition_view(definition: Definition, version: str) -> View:
    """Every indicator in force in a version, with the scale and its labels."""
    indicators = definition.in_force(version)
    scale = definition.scale
    rows = [indicator_cells(definition, i) for i in indicators]
    data = Grid(
        title="Indicators",
        columns=[Column(name) for name in ("number", "id", "title", "theme", "statement")],
        rows=rows,
    )
    # On screen the id goes under the title, so the statement has the room.
    grid = Grid(
        title="Indicators",
        columns=[
            Column("No.", justify="right"),
            Column("Indicator (id)", shorten=True, min_width=14),
            Column("Theme", shorten=True, min_width=12),
            Column("Statement", fill=True, weight=3, min_width=30),
        ],
        rows=[
            [number, f"{title}\n({id_})", theme, text] for number, id_, title, theme, text in rows
        ],
    )
    scale_grid = Grid(
        title="Scale",
        columns=[Column("Points", justify="right"), Column("Meaning")],
        rows=[[str(point), scale.label(point)] for point in scale.points],
    )
    applies = next(v for v in definition.versions if v.version == version).applies_from
    since = f", applies from {applies}" if applies else ""
    headline = [
        f"[bold]{escape(definition.title)}[/bold]",
        escape(
            f"Version {version}{since}: {len(indicators)} indicators, "
            f"each scored {scale.min} to {scale.max}, out of {scale.max * len(indicators)}."
        ),
    ]
    if definition.source:
        headline.append(escape(f"Source: {' '.join(definition.source.split())}"))
    return View(headline=headline, grids=[grid, scale_grid], data=data)
