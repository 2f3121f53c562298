"""The board report as one self-contained HTML page (Jinja2, autoescaped, charts inline)."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from rich.text import Text

from compactscore import __version__
from compactscore.render.board import (
    INDICATORS_TITLE,
    TREND_TITLE,
    WARNINGS_TITLE,
    board_view,
    radar_caption,
    source_lines,
    summary_grids,
    summary_side,
    title_text,
    trend_caption,
)
from compactscore.render.charts import radar_svg, trend_svg
from compactscore.render.words import percent_words
from compactscore.results import Basis, BoardReport


def board_html(report: BoardReport) -> str:
    """The page: every piece of user text escaped, charts as inline SVG, nothing fetched."""
    environment = Environment(
        loader=PackageLoader("compactscore", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    view = board_view(report)
    direction = report.card.previous.direction if report.card.previous else None
    # The SVG is built by ElementTree from numbers and period names, which it escapes itself.
    radar = (Markup(radar_svg(report.card, report.previous)), radar_caption(report))
    trend = (Markup(trend_svg(report.trend.periods)), trend_caption(report))
    return environment.get_template("report.html.j2").render(
        title=title_text(report),
        report=report,
        headline=[Text.from_markup(line).plain for line in view.headline[1:]],
        direction=direction.value if direction else "none",
        basis=_basis(report),
        grids=[grid for grid in view.grids if grid.title != WARNINGS_TITLE],
        warnings=next((grid for grid in view.grids if grid.title == WARNINGS_TITLE), None),
        indicators_title=INDICATORS_TITLE,
        summary=summary_grids(report),
        summary_side=summary_side(report),
        radar=radar,
        trend=trend,
        trend_title=TREND_TITLE,
        notes=[Text.from_markup(note).plain for note in view.notes[: -len(source_lines(report))]],
        sources=source_lines(report),
        version=__version__,
        percent=percent_words(report.card.totals.percent),
    )


def _basis(report: BoardReport) -> str:
    """Under the big arrow: ``on the total`` or ``on the 11 scored in both``."""
    before = report.card.previous
    if before is None or before.direction is None:
        return ""
    if before.compared_on is Basis.TOTAL:
        return "on the total"
    return f"like for like, on the {before.shared} scored in both"
