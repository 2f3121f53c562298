"""The view of the gap list: what to act on, largest gap first."""

from __future__ import annotations

from rich.markup import escape

from compactscore.render.view import Column, Grid, View
from compactscore.render.words import plural, travel_markup
from compactscore.results import Gap, GapList


def gaps_view(gaps: GapList) -> View:
    """Headline, the gaps with their action and owner, and the indicators not yet scored."""
    # A sheet with nothing scored yet has no gaps to show, only indicators waiting.
    grids = [gap_grid(gaps)] if gaps.gaps or not gaps.not_scored else []
    if gaps.not_scored:
        grids.append(_not_scored_grid(gaps))
    return View(headline=_headline(gaps), grids=grids, data=_data_grid(gaps), notes=_notes(gaps))


def _headline(gaps: GapList) -> list[str]:
    where = f"{gaps.area} " if gaps.area else ""
    found = (
        f"{plural(len(gaps.gaps), 'indicator')} below the top score or their target"
        if gaps.gaps or not gaps.not_scored
        else "no gaps among the indicators scored so far"
    )
    lines = [f"[bold]{escape(f'{where}{gaps.period}: {found}')}[/bold]"]
    if gaps.travel is not None:
        lines.append(f"Direction of travel: {travel_markup(gaps.travel)}.")
    if gaps.previous_period and gaps.gaps:
        # Every indicator that fell, not only those still short of their aim.
        fell = len(gaps.fell)
        fallen = plural(fell, "indicator") if fell else "No indicator"
        lines.append(escape(f"{fallen} fell since {gaps.previous_period}."))
    if gaps.not_scored:
        lines.append(escape(f"{plural(len(gaps.not_scored), 'indicator')} not scored yet."))
    return lines


def fell_words(gap: Gap) -> str:
    """``fell from 3`` when the score is lower than last period's, else empty."""
    return f"↓ fell from {gap.previous_score}" if gap.fell else ""


def _aim_words(gap: Gap) -> str:
    return f"{gap.aim} (target)" if gap.aim_is_target else f"{gap.aim}"


def gap_grid(gaps: GapList, title: str = "Gaps, largest first", caption: str = "") -> Grid:
    """The gaps, largest first, each with its aim, what fell, the action and its owner."""
    rows = [
        [
            str(gap.number),
            gap.title,
            str(gap.score),
            gap.label,
            _aim_words(gap),
            str(gap.gap),
            fell_words(gap),
            gap.action,
            gap.owner,
        ]
        for gap in gaps.gaps
    ]
    columns = [
        Column("No.", justify="right"),
        Column("Indicator", shorten=True, weight=2, min_width=14),
        Column("Score", justify="right"),
        Column("Meaning", hide_below=120),  # the scale's words, where there is room
        Column("Aim", whole=True),
        Column("Gap", justify="right"),
        Column("Change"),
        Column("Action", shorten=True, weight=3, min_width=30),
        Column("Owner", shorten=True, min_width=12),
    ]
    styles = ["bold red" if gap.fell else "" for gap in gaps.gaps]
    if not any(gap.fell for gap in gaps.gaps):
        # Nothing fell: the headline says so, and the column's room goes to the words.
        at = [column.header for column in columns].index("Change")
        columns.pop(at)
        rows = [row[:at] + row[at + 1 :] for row in rows]
    return Grid(title=title, columns=columns, rows=rows, styles=styles, caption=caption)


def _not_scored_grid(gaps: GapList) -> Grid:
    rows = [[str(i.number), i.title, i.evidence, i.owner] for i in gaps.not_scored]
    columns = [
        Column("No.", justify="right"),
        Column("Indicator", shorten=True, min_width=14),
        Column("Evidence", shorten=True, weight=3, min_width=30),
        Column("Owner", shorten=True, min_width=12),
    ]
    if not any(i.owner for i in gaps.not_scored):
        columns.pop()
        rows = [row[:-1] for row in rows]
    return Grid(title="Not scored yet", columns=columns, rows=rows, styles=["dim"] * len(rows))


def _notes(gaps: GapList) -> list[str]:
    if not gaps.gaps and not gaps.not_scored:
        return ["Every indicator is at the top score or its target."]
    return [
        escape(
            "Aim: the top of the scale, or the row's target where one is set. "
            "Not-scored indicators are listed apart, never counted as 0."
        )
    ]


def _data_grid(gaps: GapList) -> Grid:
    names = ("indicator", "id", "title", "status", "score", "label", "aim", "aim_is_target", "gap")
    columns = [Column(name) for name in (*names, "previous", "fell", "action", "owner")]
    rows = [
        [
            str(gap.number),
            gap.id,
            gap.title,
            "gap",
            str(gap.score),
            gap.label,
            str(gap.aim),
            "yes" if gap.aim_is_target else "no",
            str(gap.gap),
            "" if gap.previous_score is None else str(gap.previous_score),
            "yes" if gap.fell else "no",
            gap.action,
            gap.owner,
        ]
        for gap in gaps.gaps
    ]
    for i in gaps.not_scored:
        rows.append([str(i.number), i.id, i.title, "not scored", *[""] * 7, i.action, i.owner])
    return Grid(title="", columns=columns, rows=rows)
