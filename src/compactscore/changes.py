"""Result models of what changed: between two sheets, and score by score through git."""

from __future__ import annotations

from pydantic import Field

from compactscore.results import Result


class WordChange(Result):
    """One cell other than the score that changed: its column, and its text before and after."""

    column: str
    before: str
    after: str


class ScoreChange(Result):
    """One indicator whose score (or its evidence, action, owner, target, due or status) changed."""

    number: int
    id: str
    title: str
    before: str
    after: str
    change: int | None
    fields: list[str]
    words: list[WordChange] = Field(default_factory=list)
    # Across a change of definition: the indicator this one replaced (its line continues).
    replaced_id: str = ""
    replaced_title: str = ""


class SheetDiff(Result):
    """What changed between two periods, or between two revisions of one sheet."""

    before: str
    after: str
    before_total: int
    before_max: int
    after_total: int
    after_max: int
    changes: list[ScoreChange]
    unchanged: int
    scores_only: bool = False


class HistoryEntry(Result):
    """One change of one cell (a score, or its evidence, action ...), with the commit that made it."""

    commit: str
    date: str
    author: str
    message: str
    number: int
    id: str
    title: str
    column: str = "score"
    before: str
    after: str
    change: int | None


class History(Result):
    """Every change of each score (and its words) of one sheet, oldest first: the audit trail."""

    file: str
    entries: list[HistoryEntry]
    commits: int
    uncommitted: bool
    scores_only: bool = False
    shallow_from: str | None = None  # in a shallow clone: the oldest commit git holds
