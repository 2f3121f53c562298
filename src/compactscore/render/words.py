"""Small phrases shared by every view: directions, changes, score cells."""

from __future__ import annotations

from compactscore.models import ScoreState
from compactscore.results import Direction

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


def nothing_scored_words(count: int, top: int) -> str:
    """``nothing scored yet, 0 of 17 indicators scored (out of 51)``: never a total of 0."""
    return f"nothing scored yet, 0 of {plural(count, 'indicator')} scored (out of {top})"


def total_moved_words(change: int, before: str) -> str:
    """``the total itself is 7 points lower than in 2012-13`` (or the same as in it)."""
    if not change:
        return f"the total itself is the same as in {before}"
    return (
        f"the total itself is {abs(change)} points {'lower' if change < 0 else 'higher'} "
        f"than in {before}"
    )
