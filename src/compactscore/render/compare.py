"""The view of areas compared: ranks, totals, directions, and each indicator's spread."""

from __future__ import annotations

from rich.markup import escape

from compactscore.render.view import Column, Grid, View
from compactscore.render.words import (
    NOT_SCORED,
    STYLES,
    listed,
    percent_number,
    percent_words,
    plural,
    scored_words,
    travel_cell,
)
from compactscore.results import AreaComparison, AreaResult, Basis, IndicatorSpread, RankedBy


def comparison_view(comparison: AreaComparison) -> View:
    """Headline, the areas in rank order, the spread of each shared indicator, what is left out."""
    return View(
        headline=_headline(comparison),
        grids=[_area_grid(comparison), _spread_grid(comparison)],
        data=_data_grid(comparison),
        notes=_notes(comparison),
    )


def _headline(comparison: AreaComparison) -> list[str]:
    names = ", ".join(area.area for area in comparison.areas)
    lines = [
        f"[bold]{escape(comparison.period)}: {plural(len(comparison.areas), 'area')} "
        f"compared ({escape(names)})[/bold]"
    ]
    if comparison.mixed_versions:
        lines.append(escape(_versions_line(comparison)))
    lines.append(escape(comparison.ranked_on))
    extra = [_partly_line(comparison), _unranked_line(comparison), _ties_line(comparison)]
    return lines + [escape(line) for line in extra if line]


def _partly_line(comparison: AreaComparison) -> str:
    """The ranked areas that left some shared indicator unscored, and how many they scored."""
    if comparison.ranked_by is not RankedBy.PERCENT_OF_SCORED:
        return ""
    partly = [
        area for area in comparison.areas if area.rank is not None and area.shared.partly_scored
    ]
    parts = [f"{area.area} ({scored_words(area.shared)})" for area in partly]
    has, rests = ("has", "its rank rests") if len(parts) == 1 else ("have", "their ranks rest")
    return f"{listed(parts)} {has} not scored them all, so {rests} on fewer scores."


def _unranked_line(comparison: AreaComparison) -> str:
    """The areas with nothing scored of what every area has, when others are ranked."""
    names = [area.area for area in comparison.areas if area.rank is None]
    if not names or not comparison.ranked_by.ranked:
        return ""
    have, it = ("has", "it is") if len(names) == 1 else ("have", "they are")
    return f"{listed(names)} {have} scored none of the {comparison.shared}, so {it} not ranked."


def _ties_line(comparison: AreaComparison) -> str:
    """Which areas share a rank, read from the ranks themselves; empty when none do."""
    groups: dict[int, list[str]] = {}
    for area in comparison.areas:
        if area.rank is not None:
            groups.setdefault(area.rank, []).append(area.area)
    ranks = sorted(groups)
    parts = []
    for at, rank in enumerate(ranks):
        names = groups[rank]
        if len(names) < 2:
            continue
        after = f" (the next is ranked {ranks[at + 1]})" if at + 1 < len(ranks) else ""
        parts.append(f"{listed(names)} share rank {rank}{after}")
    return f"Same percent, same rank: {'; '.join(parts)}." if parts else ""


def _versions_line(comparison: AreaComparison) -> str:
    titles = {area.definition for area in comparison.areas}
    groups: dict[str, list[str]] = {}
    for area in comparison.areas:
        key = f"version {area.version}"
        if len(titles) > 1:
            key += f" of {area.definition}"
        groups.setdefault(key, []).append(area.area)
    parts = [f"{' and '.join(names)} on {version}" for version, names in groups.items()]
    of = f" of {titles.pop()}" if len(titles) == 1 else ""
    return f"Different versions{of}: {'; '.join(parts)}."


def _area_grid(comparison: AreaComparison) -> Grid:
    columns = [
        Column("Rank", justify="right"),
        Column("Area", key=True, whole=True),
        Column("Total", justify="right", whole=True),
        Column("Percent", justify="right"),
        Column("Scored", justify="right", whole=True),
    ]
    partial = _partial(comparison)
    if partial:
        columns.append(Column("Shared", justify="right"))
    like = comparison.ranked_by is RankedBy.PERCENT_OF_SCORED
    if like:
        columns.append(Column("Of scored", justify="right"))
    columns.append(Column("Direction of travel", min_width=10))
    rows = []
    styles = []
    for area in comparison.areas:
        row = [
            "not ranked" if area.rank is None else str(area.rank),
            area.area,
            # Nothing scored yet is not a total of 0: no total, percent or share to show.
            f"{area.totals.total} / {area.totals.max}" if area.totals.scored else NOT_SCORED,
            percent_words(area.totals.percent) if area.totals.scored else "-",
            scored_words(area.totals, cell=True),
        ]
        if partial:
            row.append(
                f"{area.shared.total} / {area.shared.max} ({percent_words(area.shared.percent)})"
                if area.shared.scored
                else "-"
            )
        if like:
            row.append(_of_scored(area))
        row.append(_direction(area))
        rows.append(row)
        styles.append(STYLES[area.direction] if area.direction else "")
    return Grid(title="Areas", columns=columns, rows=rows, styles=styles)


def _of_scored(area: AreaResult) -> str:
    if area.shared.scored_percent is None:
        return "nothing scored"
    percent = percent_words(area.shared.scored_percent)
    return f"{area.shared.total} / {area.shared.scored_max} ({percent})"


def _partial(comparison: AreaComparison) -> bool:
    """Whether some area has indicators the others do not, so the shared totals differ."""
    return any(area.totals.count != comparison.shared for area in comparison.areas)


def _direction(area: AreaResult) -> str:
    if area.travel is None:
        return "no readable sheet before"
    if area.travel.compared_on is Basis.NOTHING_SCORED:
        empty = area.period if not area.totals.scored else area.previous_period
        return f"nothing scored in {empty}"
    return f"{travel_cell(area.travel)} since {area.previous_period}"


def _spread_grid(comparison: AreaComparison) -> Grid:
    names = [area.area for area in comparison.areas]
    columns = [
        Column("No.", justify="right"),
        Column("Indicator", min_width=14, shorten=True, weight=2),
        *(Column(name, justify="right") for name in names),
        Column("Low", justify="right"),
        Column("Median", justify="right", optional=True),
        Column("High", justify="right"),
        Column("Leading", shorten=True, min_width=max(len(name) for name in names)),
    ]
    rows = [
        [
            str(spread.number),
            spread.title,
            *(_score(spread.scores[name]) for name in names),
            _score(spread.lowest),
            "" if spread.median is None else f"{spread.median:g}",
            _score(spread.highest),
            _leaders(spread, len(names)),
        ]
        for spread in comparison.indicators
    ]
    return Grid(title="Indicators: the spread across areas", columns=columns, rows=rows)


def _leaders(spread: IndicatorSpread, areas: int) -> str:
    if not spread.leaders:
        return ""
    if len(spread.leaders) == areas:
        return "all level"
    return ", ".join(spread.leaders)


def _score(value: int | None) -> str:
    return "-" if value is None else str(value)


def _notes(comparison: AreaComparison) -> list[str]:
    notes = []
    if comparison.ranked_by is RankedBy.PERCENT_OF_SCORED:
        notes.append(
            "Of scored: the total of the indicators every area has, out of the points of those "
            "the area has scored."
        )
    if any(None in spread.scores.values() for spread in comparison.indicators):
        notes.append("A dash (-) means not scored or n/a: left out of that indicator's spread.")
    if comparison.unshared:
        parts = []
        for entry in comparison.unshared:
            replaces = f", replaces {entry.replaces}" if entry.replaces else ""
            parts.append(
                f"{entry.number} {entry.title} ({entry.id}{replaces}): "
                f"{', '.join(entry.areas)}, version {', '.join(entry.versions)}"
            )
        notes.append(
            "Not in every area's set, so left out of the ranks and the spread: "
            + "; ".join(parts)
            + "."
        )
    return [escape(note) for note in notes]


def _data_grid(comparison: AreaComparison) -> Grid:
    ids = [spread.id for spread in comparison.indicators]
    names = (
        "area",
        "rank",
        "period",
        "version",
        "total",
        "max",
        "percent",
        "scored",
        "shared_total",
        "shared_max",
        "shared_percent",
        "direction",
        "change",
        "previous_period",
        "shared_scored",
        "shared_not_applicable",
        "shared_scored_max",
        "shared_scored_percent",
        *ids,
    )
    rows = []
    for area in comparison.areas:
        scores = [_text(spread.scores[area.area]) for spread in comparison.indicators]
        rows.append(
            [
                area.area,
                "" if area.rank is None else str(area.rank),
                area.period,
                area.version,
                # Empty, not 0, where nothing is scored (the JSON keeps its numbers).
                str(area.totals.total) if area.totals.scored else "",
                str(area.totals.max),
                percent_number(area.totals.percent) if area.totals.scored else "",
                str(area.totals.scored),
                str(area.shared.total) if area.shared.scored else "",
                str(area.shared.max),
                percent_number(area.shared.percent) if area.shared.scored else "",
                area.direction.value if area.direction else "",
                _text(area.change),
                area.previous_period or "",
                str(area.shared.scored),
                str(area.shared.not_applicable),
                str(area.shared.scored_max),
                ""
                if area.shared.scored_percent is None
                else percent_number(area.shared.scored_percent),
                *scores,
            ]
        )
    return Grid(title="", columns=[Column(name) for name in names], rows=rows)


def _text(value: int | None) -> str:
    return "" if value is None else str(value)
