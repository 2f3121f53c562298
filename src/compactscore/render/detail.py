"""The indicators in detail, one block each, to be read aloud or printed for the meeting."""

from __future__ import annotations

from rich.markup import escape

from compactscore.models import Definition, Indicator
from compactscore.render.definition import indicator_cells
from compactscore.render.view import Column, Grid, View


def detail_view(definition: Definition, version: str) -> View:
    """Each indicator in force: its statement, what each point means, the discussion prompts."""
    indicators = definition.in_force(version)
    grids = []
    theme = ""
    for indicator in indicators:
        heading = ""
        if indicator.theme != theme:
            theme = indicator.theme
            heading = definition.theme_title(theme)
        grids.append(_indicator_grid(definition, indicator, heading))
    scale = definition.scale
    headline = [
        f"[bold]{escape(definition.title)}[/bold]",
        escape(
            f"Version {version}: {len(indicators)} indicators, each scored {scale.min} to "
            f"{scale.max}, out of {scale.max * len(indicators)}. For each: the statement, "
            "what each score means, and the questions to discuss."
        ),
    ]
    return View(headline=headline, grids=grids, data=_data_grid(definition, indicators))


def _indicator_grid(definition: Definition, indicator: Indicator, heading: str) -> Grid:
    rows = [
        ["Statement", " ".join(indicator.statement.split())],
        ["Scores", "\n".join(_points(definition, indicator))],
    ]
    if indicator.prompts:
        rows.append(["Discuss", "\n".join("• " + " ".join(p.split()) for p in indicator.prompts)])
    return Grid(
        title=heading,
        columns=[
            Column(str(indicator.number), justify="right"),
            Column(indicator.title, fill=True, min_width=30),
        ],
        rows=rows,
    )


def _points(definition: Definition, indicator: Indicator) -> list[str]:
    scale = definition.scale
    return [f"{point} {indicator.meaning(point, scale)}".strip() for point in scale.points]


def _data_grid(definition: Definition, indicators: list[Indicator]) -> Grid:
    scale = definition.scale
    columns = [
        Column(name) for name in ("indicator", "id", "title", "theme", "statement", "prompts")
    ]
    columns += [Column(f"{point} means") for point in scale.points]
    rows = [
        [
            *indicator_cells(definition, i),
            "\n".join(" ".join(p.split()) for p in i.prompts),
            *(i.meaning(point, scale) for point in scale.points),
        ]
        for i in indicators
    ]
    return Grid(title="", columns=columns, rows=rows)
