"""The view of an agreement: the indicators to discuss, largest disagreement first."""

from __future__ import annotations

from rich.markup import escape

from compactscore.models import ScoreState
from compactscore.render.view import Column, Grid, View
from compactscore.render.words import plural
from compactscore.results import Agreement, Disagreement


def agreement_view(agreement: Agreement) -> View:
    """Headline summary, the discussion order, the prompts, and agreed scores outside the views."""
    if not agreement.compared:
        return View(headline=_nothing(agreement), grids=[], data=_data_grid(agreement))
    grids = []
    items = agreement.to_discuss
    if items:
        grids.append(order_grid(items))
        if any(item.prompts for item in items):
            grids.append(_prompt_grid(items))
    return View(
        headline=_headline(agreement),
        grids=grids,
        data=_data_grid(agreement),
        notes=_notes(agreement),
    )


def _where(agreement: Agreement) -> str:
    return f"{agreement.area} {agreement.period}" if agreement.area else agreement.period


def _nothing(agreement: Agreement) -> list[str]:
    if not agreement.has_views:
        message = (
            f"{agreement.file} has no sector_score and public_score columns, so there are no "
            "two sides' scores to compare."
        )
        fix = (
            "To use 'compactscore agree', add the two columns and let each side write "
            "its own score before the meeting."
        )
    else:
        message = f"{agreement.file}: no indicator has both a sector_score and a public_score yet."
        fix = "Fill in both columns for the indicators to compare."
    return [f"[bold]{escape(message)}[/bold]", escape(fix)]


def _headline(agreement: Agreement) -> list[str]:
    counts = (
        f"{_verb(agreement.matching, 'match')}, {_verb(agreement.differ_by_one, 'differ')} by 1, "
        f"{_verb(agreement.differ_by_two_or_more, 'differ')} by 2 or more."
    )
    lines = [
        f"[bold]{escape(_where(agreement))}: the sector's and the public bodies' own scores "
        f"on {plural(agreement.compared, 'indicator')}[/bold]",
        escape(counts),
    ]
    if agreement.disagreements:
        lines.append(escape("Discuss them in this order: the largest difference first."))
    else:
        lines.append(escape("The two sides agree on every indicator they both scored."))
    return lines


def _verb(count: int, verb: str) -> str:
    """``6 match``, ``1 matches``: the count with its verb agreeing."""
    if count != 1:
        return f"{count} {verb}"
    return f"{count} {verb}es" if verb.endswith(("ch", "s")) else f"{count} {verb}s"


def order_grid(
    items: list[Disagreement],
    title: str = "To discuss, largest difference first",
    caption: str = "",
) -> Grid:
    """The indicators to discuss, in order: each side's score, how far apart, the agreed one."""
    rows = [
        [
            str(item.number),
            item.title,
            _points(item.sector_score, item.sector_label),
            _points(item.public_score, item.public_label),
            str(item.difference),
            agreed_words(item),
        ]
        for item in items
    ]
    styles = ["bold red" if item.difference >= 2 else "" for item in items]
    return Grid(
        title=title,
        columns=[
            Column("No.", justify="right"),
            Column("Indicator", shorten=True, min_width=14),
            Column("Sector", min_width=8),
            Column("Public bodies", min_width=8),
            Column("Apart", justify="right"),
            Column("Agreed", min_width=10),
        ],
        rows=rows,
        styles=styles,
        caption=caption,
    )


def _prompt_grid(items: list[Disagreement]) -> Grid:
    rows = []
    for item in items:
        for position, prompt in enumerate(item.prompts):
            first = position == 0
            rows.append(
                [str(item.number) if first else "", item.title if first else "", "• " + prompt]
            )
    return Grid(
        title="Questions for the discussion",
        columns=[
            Column("No.", justify="right"),
            Column("Indicator", shorten=True, min_width=14),
            Column("Prompt", fill=True, weight=3, min_width=30),
        ],
        rows=rows,
    )


def _notes(agreement: Agreement) -> list[str]:
    notes = []
    for item in agreement.outside_views:
        low, high = sorted((item.sector_score, item.public_score))
        views = f"both sides gave {low}" if low == high else f"the sides gave {low} and {high}"
        agreed = (
            "the agreed n/a"
            if item.state is ScoreState.NOT_APPLICABLE
            else f"the agreed score {item.score}"
        )
        notes.append(
            f"Indicator {item.number} ({item.title}): {agreed} is outside the two views "
            f"({views}). Say in the evidence what moved the meeting."
        )
    if agreement.missing_views:
        numbers = ", ".join(str(number) for number in agreement.missing_views)
        notes.append(
            f"Left out, one side's score or both missing: "
            f"indicator{'s' if len(agreement.missing_views) > 1 else ''} {numbers}."
        )
    return [escape(note) for note in notes]


def _points(score: int | None, label: str) -> str:
    return "" if score is None else f"{score} {label}".strip()


def agreed_words(item: Disagreement) -> str:
    """The agreed cell: ``2 Good progress``, ``n/a (outside the views)``, ``not agreed yet``."""
    if item.state is ScoreState.NOT_APPLICABLE:
        text = "n/a"
    elif item.score is None:
        return "not agreed yet"
    else:
        text = _points(item.score, item.score_label)
    return f"{text} (outside the views)" if item.outside_views else text


def _data_grid(agreement: Agreement) -> Grid:
    items = agreement.to_discuss
    names = (
        "indicator",
        "id",
        "title",
        "sector_score",
        "sector_label",
        "public_score",
        "public_label",
        "difference",
        "score",
        "score_label",
        "outside_views",
        "prompts",
    )
    rows = [
        [
            str(item.number),
            item.id,
            item.title,
            str(item.sector_score),
            item.sector_label,
            str(item.public_score),
            item.public_label,
            str(item.difference),
            "n/a"
            if item.state is ScoreState.NOT_APPLICABLE
            else ("" if item.score is None else str(item.score)),
            item.score_label,
            "yes" if item.outside_views else "no",
            " / ".join(item.prompts),
        ]
        for item in items
    ]
    return Grid(title="", columns=[Column(name) for name in names], rows=rows)
