"""Results of what changed: between two sheets, and score by score through git."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, computed_field

from compactscore.models import empty_list
from compactscore.results.base import Figures, Flattened, Result

SCORE = "score"  # the column of a history entry that is the score itself
NOT_COMMITTED = "not committed"  # the commit of a history entry not committed yet


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
    words: list[WordChange] = Field(default_factory=empty_list)
    # Across a change of definition: the indicator this one replaced (its line continues).
    replaced_id: str = ""
    replaced_title: str = ""

    def cells(self) -> list[tuple[str, str, str]]:
        """Each cell it touched, as a history lists them: the score first, then its words.

        Each is the cell's column and its text before and after (a word's column as it
        was first changed).
        """
        first: dict[str, WordChange] = {}
        for word in self.words:
            first.setdefault(word.column, word)
        cells = [(SCORE, self.before, self.after)] if self.before != self.after else []
        for word in self.words:
            cells.append((word.column, first[word.column].before, first[word.column].after))
        return cells


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


class HistoryEntry(Flattened):
    """One change of one cell (a score, or its evidence, action ...), with the commit that made it.

    It holds the indicator's whole change, and names which of its cells this entry is.
    """

    figures: ClassVar[Figures] = {"score_change": ("", ("number", "id", "title"))}
    order: ClassVar[tuple[str, ...]] = (
        "commit",
        "date",
        "author",
        "message",
        "score_change",
        "column",
        "before",
        "after",
        "change",
    )

    commit: str
    date: str
    author: str
    message: str
    score_change: ScoreChange
    column: str = SCORE  # the score, or one of the words beside it

    @property
    def number(self) -> int:
        """The indicator's number."""
        return self.score_change.number

    @property
    def id(self) -> str:
        """The indicator's id."""
        return self.score_change.id

    @property
    def title(self) -> str:
        """The indicator's title."""
        return self.score_change.title

    @computed_field  # type: ignore[prop-decorator]
    @property
    def before(self) -> str:
        """The cell's text before."""
        word = self._word()
        return word.before if word else self.score_change.before

    @computed_field  # type: ignore[prop-decorator]
    @property
    def after(self) -> str:
        """The cell's text after."""
        word = self._word()
        return word.after if word else self.score_change.after

    @computed_field  # type: ignore[prop-decorator]
    @property
    def change(self) -> int | None:
        """The change in points, for a score; None for words."""
        return self.score_change.change if self.column == SCORE else None

    def _word(self) -> WordChange | None:
        if self.column == SCORE:
            return None
        return next(word for word in self.score_change.words if word.column == self.column)


class History(Result):
    """Every change of each score (and its words) of one sheet, oldest first: the audit trail."""

    file: str
    entries: list[HistoryEntry]
    commits: int
    uncommitted: bool
    scores_only: bool = False
    shallow_from: str | None = None  # in a shallow clone: the oldest commit git holds
