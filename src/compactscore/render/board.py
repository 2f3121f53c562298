"""The board report laid out as a view: headline, tables and notes shared by HTML and Markdown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from rich.markup import escape

from compactscore.models import ScoreState
from compactscore.render.actions import action_grid
from compactscore.render.agree import order_grid
from compactscore.render.gaps import gap_grid
from compactscore.render.scorecard import direction_line, headline_text, scorecard_view
from compactscore.render.text import markdown_text, to_markdown
from compactscore.render.trend import totals_grid
from compactscore.render.view import Column, Grid, View
from compactscore.render.words import listed, plural
from compactscore.results import BoardReport, Scorecard
from compactscore.results.base import Named

Item = TypeVar("Item", bound=Named)

TREND_TITLE = "Total over time"
EVERY_POINT_LABELLED = 10  # past this many periods, the line chart labels its ends only
INDICATORS_TITLE = "Indicators"
WARNINGS_TITLE = "Check before the meeting"


def board_view(report: BoardReport) -> View:
    """Every section of the board report as text tables, the same in every format."""
    card = scorecard_view(report.card)
    indicators, themes = card.grids
    grids = [
        totals_grid(report.trend.periods, title=TREND_TITLE, bar=False),
        indicators,
        themes,
        _gap_grid(report),
        _action_grid(report),
    ]
    if report.warnings:
        grids.insert(0, _warning_grid(report.warnings))
    if report.sides_scored:
        grids.append(_disagreement_grid(report))
    return View(
        headline=headline_lines(report),
        grids=grids,
        data=card.data,
        notes=[*card.notes, *(escape(line) for line in source_lines(report))],
    )


def board_markdown(report: BoardReport) -> str:
    """The report as Markdown to paste into a paper: a heading, then every table."""
    view = board_view(report)
    view.headline = view.headline[1:]
    return f"## {markdown_text(title_text(report))}\n\n{to_markdown(view)}"


def title_text(report: BoardReport) -> str:
    """``Riverton: Compact Scorecard for a Thriving Sector, 2013-14``."""
    where = f"{report.area}: " if report.area else ""
    return f"{where}{report.definition}, {report.period}"


def headline_lines(report: BoardReport) -> list[str]:
    """The title, the total and the direction of travel (rich markup)."""
    lines = [f"[bold]{escape(title_text(report))}[/bold]", escape(headline_text(report.card))]
    if report.card.previous is not None:
        lines.append(direction_line(report.card))
    else:
        lines.append("Direction of travel: none yet, as this is the first period scored.")
    if report.warnings:
        lines.append(
            escape(
                f"{plural(len(report.warnings), 'warning')} about the sheets, as 'compactscore "
                f"check' gives {'it' if len(report.warnings) == 1 else 'them'}: see "
                f"{WARNINGS_TITLE}."
            )
        )
    return lines


def _warning_grid(warnings: list[str]) -> Grid:
    """What check warns about the sheets this paper is made from: one row each."""
    rows = []
    for warning in warnings:
        where, _, what = warning.partition(": warning: ")
        rows.append([where, what] if what else ["", warning])
    return Grid(
        title=WARNINGS_TITLE,
        columns=[Column("Where"), Column("Warning")],
        rows=rows,
        caption="Settle these, or say why they stand, before the board relies on the figures.",
    )


def source_lines(report: BoardReport) -> list[str]:
    """What the report was made from: definition version, files and git revision."""
    made_from = f"Made from {', '.join(report.files)}"
    if report.revision:
        made_from += f" at git revision {report.revision}"
    return [f"Definition: {report.definition}, version {report.version}.", made_from + "."]


def unscored_words(card: Scorecard) -> str:
    """A sentence naming the unscored indicators, or empty when every one that applies is scored."""
    missing = card.numbers(ScoreState.NOT_SCORED)
    if card.totals.partly_scored:
        return (
            f"{card.period} is only partly scored: {plural(len(missing), 'indicator')} "
            f"({', '.join(missing)}) {'has' if len(missing) == 1 else 'have'} no score yet."
        )
    if missing:
        return f"{card.period} has nothing scored yet: every indicator is waiting for its score."
    return ""


def radar_caption(report: BoardReport) -> str:
    """What the star chart shows, in words, for readers who cannot see it."""
    card = report.card
    top = card.indicators[0].max if card.indicators else 3
    text = (
        f"Each indicator's score, by number, from 0 at the centre to {top} at the edge "
        "(the rings mark each point)"
    )
    if report.previous is None:
        text += f", in {card.period} (solid blue line). The further out, the better."
    else:
        text += (
            f", in {card.period} (solid blue line) against {report.previous.period} (dashed "
            "orange line). The further out, the better; where only the blue line shows, "
            "the score did not change."
        )
    gaps = [unscored_words(card), _not_applicable(card)]
    if report.previous is not None:
        earlier = [str(i.number) for i in card.indicators if i.previous_score is None]
        if earlier:
            gaps.append(
                f"{report.previous.period} has no score for {_numbers(earlier)} "
                "(not applicable or not scored)."
            )
    if any(gaps):
        text += " " + " ".join(gap for gap in gaps if gap)
        text += " A line breaks where there is no score, rather than drop to 0."
    return text + " The table of indicators below gives every score in words."


def _not_applicable(card: Scorecard) -> str:
    numbers = card.numbers(ScoreState.NOT_APPLICABLE)
    if not numbers:
        return ""
    return f"In {card.period}, {_numbers(numbers)} does not apply (n/a)."


def _numbers(numbers: list[str]) -> str:
    return f"indicator {numbers[0]}" if len(numbers) == 1 else f"indicators {', '.join(numbers)}"


def trend_caption(report: BoardReport) -> str:
    """What the line chart shows, in words."""
    periods = report.trend.periods
    span = (
        f"in {periods[0].period}"
        if len(periods) == 1
        else f"in each period from {periods[0].period} to {periods[-1].period}"
    )
    labelled = (
        "each point labelled with the maximum and the percent"
        if len(periods) <= EVERY_POINT_LABELLED
        else "the first and the latest points labelled with the maximum and the percent "
        "(point at any other for its figures)"
    )
    text = f"The total {span}, in points (solid blue line), {labelled}."
    partial = [p.period for p in periods if p.totals.partly_scored]
    if partial:
        text += (
            f" Marked (part): {', '.join(partial)}, only partly scored, so the total there is "
            "low by the indicators still to score; its direction of travel compares the "
            "points of the indicators scored in both periods instead."
        )
    empty = [p.period for p in periods if not p.totals.scored]
    if empty:
        have, they = ("has", "it is") if len(empty) == 1 else ("have", "they are")
        text += f" {listed(empty)} {have} nothing scored yet, so {they} not plotted."
    return text + " The table gives the same figures."


def _gap_grid(report: BoardReport) -> Grid:
    """The gaps as the gaps command shows them, titled for the paper."""
    caption = "Largest gap first; aim is the top score unless the sheet sets a target."
    if report.gaps.not_scored:
        numbers = ", ".join(str(i.number) for i in report.gaps.not_scored)
        caption += f" Not scored yet, so not listed: {numbers}."
    return gap_grid(report.gaps, title="Gaps to act on", caption=caption)


def _disagreement_grid(report: BoardReport) -> Grid:
    """The order to discuss as the agree command shows it, titled for the paper."""
    caption = "Largest disagreement first."
    if not report.disagreements:
        caption = "The sector and the public bodies gave the same scores on every indicator."
    return order_grid(
        report.disagreements,
        title="Where the sector and the public bodies disagreed",
        caption=caption,
    )


ACTION_PLAN_TITLE = "Action plan"
SUMMARY_GAPS = 5  # the board's first page: the five largest gaps
SUMMARY_DISAGREEMENTS = 3
SUMMARY_OVERDUE = 3  # past this, the rest are in the action plan: the summary stays one page


def _action_grid(report: BoardReport) -> Grid:
    """The period's actions as the actions command shows them: overdue first, then the rest."""
    plan = report.plan
    caption = (
        f"{plural(plan.open, 'action')} open, {plan.overdue} overdue on {plan.today} (open and "
        "due before that day), overdue first. A period as the due date falls due on its last day."
        if plan.actions
        else f"No actions are recorded in {report.period}."
    )
    return action_grid(plan.actions, ACTION_PLAN_TITLE, caption=caption)


def _brief_grid(
    title: str,
    columns: list[Column],
    items: Sequence[Item],
    cells: Callable[[Item], list[str]],
    caption: str,
) -> Grid:
    """A table of the first page: each indicator's number and title, then ``cells`` of it."""
    return Grid(
        title=title,
        columns=[Column("No.", justify="right"), Column("Indicator"), *columns],
        rows=[[str(item.number), item.title, *cells(item)] for item in items],
        caption=caption,
    )


def summary_grids(report: BoardReport) -> list[Grid]:
    """The board's first page: the largest gaps, the overdue actions, the largest disagreements."""
    gaps = report.gaps.gaps[:SUMMARY_GAPS]
    caption = "No gaps: every indicator scored is at the top or its target." if not gaps else ""
    if len(report.gaps.gaps) > len(gaps):
        caption = f"All {len(report.gaps.gaps)} gaps are in the gap list below."
    grids = [
        _brief_grid(
            f"The {plural(len(gaps), 'largest gap')} to act on"
            if len(gaps) > 1
            else "The gap to act on",
            [
                Column("Score", justify="right"),
                Column("Gap", justify="right"),
                Column("Action"),
                Column("Owner"),
            ],
            gaps,
            lambda gap: [str(gap.score), str(gap.gap), gap.action, gap.owner],
            caption,
        )
    ]
    every_overdue = [item for item in report.plan.actions if item.overdue]
    overdue = every_overdue[:SUMMARY_OVERDUE]
    caption = f"No action is overdue on {report.plan.today}."
    if overdue:
        caption = f"Open and due before {report.plan.today}, longest overdue first."
    if len(every_overdue) > len(overdue):
        caption += f" All {len(every_overdue)} are in the action plan below."
    grids.append(action_grid(overdue, "Overdue actions", caption=caption, status=False))
    return grids


def summary_side(report: BoardReport) -> list[Grid]:
    """Beside the headline on the first page: the largest disagreements, when both sides scored."""
    if not report.sides_scored:
        return []
    apart = report.disagreements[:SUMMARY_DISAGREEMENTS]
    same = "The sector and the public bodies gave the same scores on every indicator."
    return [
        _brief_grid(
            "Largest disagreements",
            [
                Column("Sector", justify="right"),
                Column("Public bodies", justify="right"),
                Column("Agreed"),
            ],
            apart,
            lambda item: [
                str(item.sector_score),
                str(item.public_score),
                "not agreed yet" if item.score is None else str(item.score),
            ],
            "" if apart else same,
        )
    ]
