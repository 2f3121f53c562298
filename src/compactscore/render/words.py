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
