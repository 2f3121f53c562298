"""The view of one scored period."""

from __future__ import annotations

from rich.markup import escape

from compactscore.models import ScoreState
from compactscore.render.view import Column, Grid, View
from compactscore.render.words import (
    NOT_SCORED,
    change_words,
    percent_words,
    plural,
    score_words,
    scored_words,
    totals_words,
    travel_markup,
)
from compactscore.results import Scorecard
from compactscore.schema import Column as SheetColumn


def scorecard_view(card: Scorecard) -> View:
    """Headline, per-indicator table, theme sub-totals, and the CSV of the sheet."""
    return View(
        headline=_headline(card),
        grids=[_indicator_grid(card), _theme_grid(card)],
        data=_data_grid(card),
        notes=_notes(card),
    )


def headline_text(card: Scorecard) -> str:
    """``2012-13: 30 out of 51 (58.8%), 17 of 17 indicators scored``."""
    where = f"{card.area} " if card.area else ""
    return f"{where}{card.period}: {totals_words(card.totals)}"


def _headline(card: Scorecard) -> list[str]:
    lines = [f"[bold]{escape(headline_text(card))}[/bold]"]
    if card.previous:
        lines.append(direction_line(card))
    return lines


def direction_line(card: Scorecard) -> str:
    """The aggregate's direction of travel in words, saying what was compared (rich markup)."""
    assert card.previous is not None
    return f"Direction of travel: {travel_markup(card.previous)}."


def _indicator_grid(card: Scorecard) -> Grid:
    show_change = card.previous is not None
    show_target = any(i.target is not None for i in card.indicators)
    columns = [
        Column("No.", justify="right"),
        Column("Indicator", shorten=True, weight=2, min_width=14),
        Column("Theme", min_width=8, shorten=True, hide_below=110),
        Column("Score", min_width=10),
    ]
    if show_change:
        columns.append(Column("Change", justify="right"))
    if show_target:
        columns.append(Column("Target"))
    columns.append(Column("Evidence", min_width=30, shorten=True, weight=3))
    rows, styles = [], []
    for indicator in card.indicators:
        row = [
            str(indicator.number),
            indicator.title,
            indicator.theme_title,
            score_words(indicator.score, indicator.state, indicator.label),
        ]
        if show_change:
            row.append(change_words(indicator.change))
        if show_target:
            row.append(_target_words(indicator.target, indicator.target_met))
        row.append(indicator.evidence)
        rows.append(row)
        styles.append("dim" if indicator.state is not ScoreState.SCORED else "")
    return Grid(title="Indicators", columns=columns, rows=rows, styles=styles)


def _target_words(target: int | None, met: bool | None) -> str:
    if target is None:
        return ""
    if met is None:
        return f"{target}"
    return f"{target} {'met' if met else 'not met'}"


def _theme_grid(card: Scorecard) -> Grid:
    rows = [
        [
            theme.title,
            f"{theme.totals.total}" if theme.totals.scored else NOT_SCORED,
            f"{theme.totals.max}",
            scored_words(theme.totals, cell=True),
        ]
        for theme in card.themes
    ]
    return Grid(
        title="Themes",
        columns=[
            Column("Theme"),
            Column("Score", justify="right"),
            Column("Out of", justify="right"),
            Column("Scored", justify="right"),
        ],
        rows=rows,
        footer=[
            "Total",
            str(card.totals.total) if card.totals.scored else NOT_SCORED,
            str(card.totals.max),
            scored_words(card.totals, cell=True),
        ],
    )


def _notes(card: Scorecard) -> list[str]:
    notes = []
    unscored = card.numbers(ScoreState.NOT_SCORED)
    if unscored:
        which = f"{plural(len(unscored), 'indicator')} ({', '.join(unscored)})"
        notes.append(
            f"Not scored yet: {which}; "
            f"{percent_words(card.totals.scored_percent)} of the points scored so far."
            if card.totals.scored_percent is not None
            else f"Not scored yet: {which}."
        )
    if card.totals.not_applicable:
        numbers = ", ".join(card.numbers(ScoreState.NOT_APPLICABLE))
        notes.append(
            f"Does not apply here (n/a): indicator{'s' if card.totals.not_applicable > 1 else ''} "
            f"{numbers}, left out of the total and the maximum."
        )
    return [escape(note) for note in notes]


def _data_grid(card: Scorecard) -> Grid:
    extras = list(dict.fromkeys(key for i in card.indicators for key in i.extra))
    # A sheet read back from an export carries the export's own columns as extras:
    # leave them out so that exporting it again gives the same columns, not doubles.
    own = {"id", "title", "theme", "label", "change"}
    extras = [key for key in extras if key.strip().lower() not in own]
    # Our columns under the sheet's own names, so that an export reads back as a sheet.
    columns = [
        Column(name)
        for name in (
            SheetColumn.INDICATOR,
            "id",
            SheetColumn.TITLE,
            "theme",
            SheetColumn.SCORE,
            "label",
            SheetColumn.EVIDENCE,
            SheetColumn.ACTION,
            SheetColumn.OWNER,
            SheetColumn.TARGET,
            "change",
            *extras,
        )
    ]
    rows = []
    for i in card.indicators:
        score = "n/a" if i.state is ScoreState.NOT_APPLICABLE else _text(i.score)
        rows.append(
            [
                str(i.number),
                i.id,
                i.title,
                i.theme_title,
                score,
                i.label,
                i.evidence,
                i.action,
                i.owner,
                _text(i.target),
                change_words(i.change),
                *(i.extra.get(key, "") for key in extras),
            ]
        )
    return Grid(title="", columns=columns, rows=rows)


def _text(value: int | None) -> str:
    return "" if value is None else str(value)
