"""A score sheet's columns: their names, the headers read as them, and how a header is matched."""

from __future__ import annotations

import functools
import re
from enum import StrEnum
from typing import NamedTuple


class Column(StrEnum):
    """A column compactscore reads or writes in a score sheet, by its key."""

    INDICATOR = "indicator"
    TITLE = "title"
    SCORE = "score"
    EVIDENCE = "evidence"
    ACTION = "action"
    OWNER = "owner"
    TARGET = "target"
    DUE = "due"
    STATUS = "status"
    SECTOR_SCORE = "sector_score"
    PUBLIC_SCORE = "public_score"

    def __repr__(self) -> str:
        # Messages name a column as {column!r}: 'score', as the plain name would read.
        return repr(self.value)

    @property
    def heading(self) -> str:
        """The column's name as a workbook heads it: ``Sector score``."""
        return self.value.replace("_", " ").capitalize()


# Every sheet has these.
REQUIRED = (Column.INDICATOR, Column.SCORE)
# What the group agrees beside a score, written in every new sheet.
AGREED = (Column.EVIDENCE, Column.ACTION, Column.OWNER, Column.TARGET)
# The action plan's columns: read when there, not written into a new sheet.
PLAN = (Column.DUE, Column.STATUS)
# The cells beside the score that are part of the record, in the order shown.
BESIDE = (*AGREED, *PLAN)
KNOWN = (*REQUIRED, *BESIDE)
# Each side's own score before they agree, read when the sheet has them.
SIDES = (Column.SECTOR_SCORE, Column.PUBLIC_SCORE)
OURS = frozenset((*KNOWN, *SIDES))
# A new sheet's columns, in order; a title is written for the reader, and read as the group's own.
WRITTEN = (Column.INDICATOR, Column.TITLE, Column.SCORE, *AGREED)

# A column whose name ends so is shown for reference in a scoring workbook, never read back.
REFERENCE = "(for reference)"
QUOTES = "\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb"


@functools.lru_cache(maxsize=1024)  # a collection's sheets share a handful of header names
def column_key(name: str) -> str:
    """A header name as matched: case, surrounding spaces and quotes ignored, inner spaces as ``_``.

    Quotes around a name are dropped because word processors and some spreadsheets
    turn plain quotes into curly ones, which the CSV reader then keeps as text. A
    note in brackets after one of our names, as templates write ``Score (0-3)``, is
    dropped too; the group's own columns keep theirs, so two stay two.
    """
    key = re.sub(r"[\s\-]+", "_", name.strip().strip(QUOTES).strip().lower())
    if key not in OURS and key.endswith(")") and "(" in key:
        bare = key[: key.rindex("(")].rstrip("_")
        if bare in OURS:
            return bare
    return key


# Headers people write for our columns, read as ours when the sheet has no column of that
# name and only one of these: matched on the name's words (case and punctuation ignored).
ALIASES: dict[str, Column] = {
    "no": Column.INDICATOR,
    "number": Column.INDICATOR,
    "#": Column.INDICATOR,
    "indicator no": Column.INDICATOR,
    "indicator number": Column.INDICATOR,
    "indicator id": Column.INDICATOR,
    "agreed score": Column.SCORE,
    "score agreed": Column.SCORE,
    "agreed": Column.SCORE,
    "final score": Column.SCORE,
    "evidence notes": Column.EVIDENCE,
    "evidence and notes": Column.EVIDENCE,
    "evidence comments": Column.EVIDENCE,
    "supporting evidence": Column.EVIDENCE,
    "actions": Column.ACTION,
    "action plan": Column.ACTION,
    "agreed action": Column.ACTION,
    "next steps": Column.ACTION,
    "owners": Column.OWNER,
    "action owner": Column.OWNER,
    "action lead": Column.OWNER,
    "target score": Column.TARGET,
    "targets": Column.TARGET,
    "sector": Column.SECTOR_SCORE,
    "sector view": Column.SECTOR_SCORE,
    "vcs score": Column.SECTOR_SCORE,
    "public bodies": Column.PUBLIC_SCORE,
    "public bodies score": Column.PUBLIC_SCORE,
    "public sector score": Column.PUBLIC_SCORE,
    "public view": Column.PUBLIC_SCORE,
}
# What a spreadsheet template heads the indicator numbers with.
NUMBER_NAMES = frozenset({"no.", "no"})
# Names of the group's own columns that hold one of our words but are plainly not ours.
_NOT_OURS = frozenset(
    ("indicator title", "indicator name", "indicator statement", "score label", "label")
)
# Our columns a header naming one of these words (or its plural) looks like.
_WORDS = (*REQUIRED, *AGREED)


def loose_name(name: str) -> str:
    """A header's words: ``Evidence / notes`` is ``evidence notes``, ``No.`` is ``no``."""
    return " ".join(re.findall(r"[a-z0-9#]+", name.strip().strip(QUOTES).lower()))


class Doubt(NamedTuple):
    """A column kept as the group's own that looks like one of ours: said in a warning.

    A named tuple: quicker to make than a frozen dataclass, at every start.
    """

    position: int  # 1-based
    name: str
    resembles: str  # our column's key
    taken_by: str  # the column read as ours instead, or empty

    def message(self) -> tuple[str, str]:
        """The warning's message and fix."""
        if self.taken_by:
            return (
                f"the column {self.name!r} looks like the {self.resembles!r} column, but "
                f"{self.taken_by!r} is read as that, so {self.name!r} is kept as your own "
                "column and not read.",
                f"If {self.name!r} holds the {self.resembles.replace('_', ' ')}, delete or "
                "rename the other column; otherwise rename this one.",
            )
        return (
            f"the column {self.name!r} looks like the {self.resembles!r} column, but is "
            "kept as your own column and not read as it.",
            f"If it holds the {self.resembles.replace('_', ' ')}, name it {self.resembles!r}.",
        )


@functools.lru_cache(maxsize=256)
def resolved_keys(names: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[Doubt, ...]]:
    """Each column's key, a header we know read as ours where that is unambiguous.

    The one place header aliases are decided: ``Evidence / notes`` is ``evidence``
    unless the sheet has an ``evidence`` column too or another alias of it; then it
    is the group's own, and so is any column that only looks like one of ours, each
    named in a ``Doubt``.
    """
    keys = [column_key(name) for name in names]
    exact = {key: at for at, key in enumerate(keys) if key in OURS}
    wanted: dict[Column, list[int]] = {}
    for at, name in enumerate(names):
        if keys[at] and keys[at] not in OURS:
            read_as = ALIASES.get(loose_name(name))
            if read_as is not None:
                wanted.setdefault(read_as, []).append(at)
    doubts: list[Doubt] = []
    for alias, places in wanted.items():
        if alias not in exact and len(places) == 1:
            keys[places[0]] = alias
            continue
        for at in places:
            taken = names[exact[alias]] if alias in exact else ""
            others = [names[other] for other in places if other != at]
            doubts.append(Doubt(at + 1, names[at], alias, taken or " and ".join(others)))
    aliased = {at for places in wanted.values() for at in places}
    for at, name in enumerate(names):
        words = loose_name(name)
        if keys[at] in OURS or at in aliased or not keys[at] or words in _NOT_OURS:
            continue
        like = next((word for word in _WORDS if re.search(rf"\b{word}s?\b", words)), None)
        if like is not None:
            doubts.append(Doubt(at + 1, name, like, ""))
    return tuple(keys), tuple(sorted(doubts, key=lambda doubt: doubt.position))
