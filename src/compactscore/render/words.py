"""Small phrases shared by every view: directions, changes, score cells."""

from __future__ import annotations

from rich.markup import escape

from compactscore.models import ScoreState
from compactscore.results import Basis, Direction, Totals, Travel

ARROWS = {Direction.UP: "↑", Direction.DOWN: "↓", Direction.LEVEL: "→"}
STYLES = {Direction.UP: "green", Direction.DOWN: "red", Direction.LEVEL: "yellow"}
NOT_SCORED = "not scored"  # a cell with no score yet: never shown as 0


def direction_words(direction: Direction | None) -> str:
    """``↑ up``, ``↓ down``, ``→ level``, or empty for the first period."""
    return f"{ARROWS[direction]} {direction.value}" if direction else ""


def change_words(change: int | None) -> str:
    """A change in points with its sign: ``+1``, ``-2``, ``0``; empty when unknown."""
    if change is None:
        return ""
    return f"{change:+d}" if change else "0"


def score_words(score: int | None, state: ScoreState | str, label: str = "") -> str:
    """A score cell: ``2 Good progress``, ``not scored`` or ``n/a``."""
    state = ScoreState(state)
    if state is ScoreState.NOT_APPLICABLE:
        return "n/a"
    if score is None:
        return NOT_SCORED
    return f"{score} {label}".strip()


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 indicator``, ``2 indicators``."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def listed(words: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def totals_words(totals: Totals) -> str:
    """``30 out of 51 (58.8%), 17 of 17 scored``; with nothing scored, never a total of 0:
    ``nothing scored yet, 0 of 17 scored (out of 51)``."""
    if not totals.scored:
        return f"nothing scored yet, {scored_words(totals)} (out of {totals.max})"
    return (
        f"{totals.total} out of {totals.max} ({percent_words(totals.percent)}), "
        f"{scored_words(totals)}"
    )


def total_moved_words(change: int, before: str) -> str:
    """``the total itself is 7 points lower than in 2012-13`` (or the same as in it)."""
    if not change:
        return f"the total itself is the same as in {before}"
    return (
        f"the total itself is {abs(change)} points {'lower' if change < 0 else 'higher'} "
        f"than in {before}"
    )


def scored_words(totals: Totals, cell: bool = False) -> str:
    """``16 of 16 scored, 1 n/a``: how many are scored of those that apply, said one way.

    In a column headed Scored, ``cell`` leaves out the word: ``16 of 16, 1 n/a``.
    """
    words = f"{totals.scored} of {totals.applicable}" + ("" if cell else " scored")
    return f"{words}, {totals.not_applicable} n/a" if totals.not_applicable else words


def percent_words(percent: float) -> str:
    """``56.3%``, ``49.0%``: always one decimal place, as every view shows a percentage."""
    return f"{percent:.1f}%"


def percent_number(percent: float) -> str:
    """``56.3``, ``49.0``: a percentage as a CSV cell shows it."""
    return f"{percent:.1f}"


def travel_words(travel: Travel) -> str:
    """The direction of travel in words, with the figures it rests on.

    ``↑ up by 2 points on the 11 indicators scored in both 2012-13 and 2013-14 (23
    points, against 21); the total itself is 7 points lower than in 2012-13, as 6
    indicators were scored in 2012-13 only``: the one sentence every view says.
    """
    before, after = travel.period, travel.later
    if travel.direction is None:
        if travel.compared_on is Basis.NONE_IN_BOTH:
            return f"none, as no indicator is scored in both {before} and {after}"
        empty = after if not travel.only_after else before
        return f"not known yet, as nothing is scored in {empty}"
    change = travel.change or 0
    arrow = direction_words(travel.direction)
    moved = f"{arrow} by {plural(abs(change), 'point')}" if change else arrow
    points = plural(travel.shared_after, "point")
    if travel.compared_on is Basis.TOTAL:
        against = f"as in {before}" if not change else f"against {travel.shared_before} in {before}"
        return f"{moved} on the total ({points}, {against})"
    against = " in each" if not change else f", against {travel.shared_before}"
    shared = "the 1 indicator" if travel.shared == 1 else f"the {travel.shared} indicators"
    text = f"{moved} on {shared} scored in both {before} and {after} ({points}{against})"
    if not travel.only_before and not travel.only_after:
        return text  # the same indicators scored in both: the totals moved as these did
    # Said outright, so that "up" beside a lower total is never read as a rise in it.
    return f"{text}; {total_moved_words(travel.total_change, before)}{_why_moved(travel)}"


def _why_moved(travel: Travel) -> str:
    """``, as 6 indicators were scored in 2012-13 only``: why the total moved otherwise."""
    if not travel.total_change:
        return ""
    parts = [
        f"{plural(count, 'indicator')} {'was' if count == 1 else 'were'} scored in {period} only"
        for count, period in (
            (travel.only_before, travel.period),
            (travel.only_after, travel.later),
        )
        if count
    ]
    return f", as {' and '.join(parts)}" if parts else ""


def travel_markup(travel: Travel) -> str:
    """``travel_words`` as rich markup: escaped, the arrow coloured up, down or level."""
    words = travel_words(travel)
    if travel.direction is None:
        return escape(words)
    head = direction_words(travel.direction)
    style = STYLES[travel.direction]
    return f"[{style}]{escape(head)}[/{style}]{escape(words[len(head) :])}"


def travel_cell(travel: Travel | None) -> str:
    """The direction in a table cell: ``↑ up +5`` (the total), ``↑ up +2 on 11 in both``."""
    if travel is None:
        return ""
    if travel.direction is None:
        # Nothing scored: the period's "-" says it; none in both: say why there is none.
        return "none scored in both" if travel.compared_on is Basis.NONE_IN_BOTH else ""
    words = direction_words(travel.direction)
    if travel.change:
        words += f" {change_words(travel.change)}"
    if travel.compared_on is Basis.TOTAL:
        return words
    return f"{words} on {travel.shared} in both"
