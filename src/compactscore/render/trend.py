"""The view of a trend: indicators by period, the totals, and a chart of the total."""

from __future__ import annotations

from itertools import pairwise

from rich.markup import escape

from compactscore.render.view import Column, Grid, View
from compactscore.render.words import (
    direction_words,
    percent_number,
    percent_words,
    scored_words,
    totals_words,
    travel_cell,
    travel_markup,
)
from compactscore.results import Basis, IndicatorTrend, LineState, PeriodTotal, Trend

BAR_WIDTH = 15  # characters for 100% in the chart of the total
_CELLS = {
    LineState.NOT_APPLICABLE: "n/a",
    LineState.NOT_SCORED: "-",
    LineState.RETIRED: "retired",
    LineState.NOT_IN_FORCE: "·",
}


def trend_view(trend: Trend) -> View:
    """Headline, indicators by period, the totals with a bar chart, and notes on reading it."""
    return View(
        headline=_headline(trend),
        grids=[_indicator_grid(trend), totals_grid(trend.periods)],
        data=_data_grid(trend),
        notes=_notes(trend),
    )


def _headline(trend: Trend) -> list[str]:
    where = f"{trend.area}: " if trend.area else ""
    first, last = trend.periods[0], trend.periods[-1]
    lines = [
        f"[bold]{escape(where)}{escape(trend.definition)}, "
        f"{escape(first.period)} to {escape(last.period)}[/bold]"
    ]
    # As score says it: nothing scored yet is not a score of nothing.
    text = f"Latest, {last.period}: {totals_words(last.totals)}"
    if last.travel is None or last.travel.compared_on is Basis.NOTHING_SCORED:
        return [*lines, escape(text) + "."]  # nothing scored yet says it already
    return [*lines, f"{escape(text)}; direction of travel {travel_markup(last.travel)}."]


def score_cell(line: IndicatorTrend, period: str) -> str:
    """One indicator's cell in one period: the score, n/a, -, retired or ·."""
    score = line.scores.get(period)
    if score is not None:
        return str(score)
    state = line.states.get(period)
    return _CELLS.get(state, "") if state is not None else ""


def _indicator_grid(trend: Trend) -> Grid:
    labels = [period.period for period in trend.periods]
    rows, styles = [], []
    for line in trend.indicators:
        retired = bool(labels) and line.states[labels[-1]] is LineState.RETIRED
        rows.append(
            [
                "" if retired else str(line.number),
                line.title,
                *(score_cell(line, label) for label in labels),
                direction_words(line.direction),
            ]
        )
        styles.append("dim" if retired else "")
    columns = [
        Column("No.", justify="right"),
        Column("Indicator", shorten=True, min_width=14),
        *(Column(label, justify="right", period=True) for label in labels),
        Column("Latest"),
    ]
    totals = (f"{p.totals.total if p.totals.scored else '-'}/{p.totals.max}" for p in trend.periods)
    footer = ["", "Total", *totals, ""]
    return Grid(
        title="Indicators by period", columns=columns, rows=rows, styles=styles, footer=footer
    )


TOTALS_TITLE = "Totals and direction of travel"


def totals_grid(periods: list[PeriodTotal], title: str = TOTALS_TITLE, bar: bool = True) -> Grid:
    """Each period's total, maximum, percent, how much is scored and the direction of travel.

    ``bar`` adds a bar chart of the percent (the board paper draws a real chart instead).
    """
    # A period with nothing scored yet shows "-" (not scored), never a total of 0.
    rows = [
        [
            period.period,
            str(period.totals.total) if period.totals.scored else "-",
            str(period.totals.max),
            percent_words(period.totals.percent) if period.totals.scored else "-",
            scored_words(period.totals, cell=True),
            travel_cell(period.travel),
            *([bar_of(period.totals.percent)] if bar else []),
        ]
        for period in periods
    ]
    columns = [
        Column("Period"),
        Column("Total", justify="right"),
        Column("Out of", justify="right"),
        Column("Percent", justify="right"),
        Column("Scored", justify="right"),
        Column("Direction"),
    ]
    if bar:
        columns.append(Column("Total over time", min_width=BAR_WIDTH, optional=True))
    return Grid(title=title, columns=columns, rows=rows)


def bar_of(percent: float) -> str:
    """A bar of block characters as long as the percent is of ``BAR_WIDTH``."""
    eighths = round(max(0.0, min(percent, 100.0)) * BAR_WIDTH * 8 / 100)
    full, part = divmod(eighths, 8)
    return "█" * full + ("▏▎▍▌▋▊▉"[part - 1] if part else "")


def _notes(trend: Trend) -> list[str]:
    notes = ["Scores: - not scored, n/a does not apply (left out of the total and maximum)."]
    partial = [p.period for p in trend.periods if p.compared_on is Basis.SCORED_IN_BOTH]
    if partial:
        notes.append(
            "Direction: on the total where both periods are fully scored, on the same "
            "indicators, out of the same maximum; otherwise like for like, on the points of the "
            "indicators scored in both periods (+2 on 11 in both: 2 points more on the 11 "
            f"indicators scored in both): {', '.join(partial)}."
        )
    if trend.missing:
        notes.append(
            f"No sheet for {', '.join(trend.missing)}: the direction of travel across that gap "
            "compares the periods either side of it."
        )
    labels = [period.period for period in trend.periods]
    for line in trend.indicators:
        notes.extend(_line_notes(line, labels))
    if any(LineState.NOT_IN_FORCE in line.states.values() for line in trend.indicators):
        notes.append("· the indicator was not yet in force in that period.")
    return [escape(note) for note in notes]


def _line_notes(line: IndicatorTrend, labels: list[str]) -> list[str]:
    """Say where a line changed id (a replacement) or ended (retired)."""
    notes = []
    named = [(label, line.ids[label]) for label in labels if label in line.ids]
    for (_, before), (label, after) in pairwise(named):
        if before != after:
            notes.append(
                f"Indicator {line.number}: {after} replaced {before} from {label}; "
                "its line continues across the change."
            )
    if labels and line.states[labels[-1]] is LineState.RETIRED:
        last = [label for label in labels if line.states[label] is not LineState.RETIRED]
        notes.append(f"{line.title} ({line.id}) was retired after {last[-1]}.")
    return notes


def _data_grid(trend: Trend) -> Grid:
    labels = [period.period for period in trend.periods]
    columns = [Column(name) for name in ("indicator", "id", "title", *labels, "direction")]
    rows = [
        [
            str(line.number),
            line.id,
            line.title,
            *(_data_cell(line, label) for label in labels),
            line.direction.value if line.direction else "",
        ]
        for line in trend.indicators
    ]
    # A period with nothing scored yet has an empty total, as its unscored cells are empty.
    rows.append(
        [
            "",
            "",
            "total",
            *(str(p.totals.total) if p.totals.scored else "" for p in trend.periods),
            "",
        ]
    )
    rows.append(["", "", "max", *(str(p.totals.max) for p in trend.periods), ""])
    percents = (percent_number(p.totals.percent) if p.totals.scored else "" for p in trend.periods)
    rows.append(["", "", "percent", *percents, ""])
    directions = [p.direction.value if p.direction else "" for p in trend.periods]
    rows.append(["", "", "direction", *directions, ""])
    return Grid(title="", columns=columns, rows=rows)


def _data_cell(line: IndicatorTrend, period: str) -> str:
    score = line.scores.get(period)
    if score is not None:
        return str(score)
    state = line.states.get(period)
    return "" if state is None or state is LineState.NOT_SCORED else state.value
