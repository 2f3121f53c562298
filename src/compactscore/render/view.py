"""A result laid out as headline, tables and data, ready for any text format."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple


class Column(NamedTuple):
    """A table column: its heading, alignment, and how it gives way in a narrow terminal.

    Every column wraps between words, never within one, and nothing is cut short.
    A column of running text (``shorten`` or ``fill``: the names are older than the
    wrapping, ``shorten`` once meant an ellipsis) is kept at least ``min_width``
    wide, and such columns share the room the others leave by weight. A column with ``hide_below`` repeats
    what is shown elsewhere and is left out of terminals narrower than that; an
    ``optional`` one only when the table would not fit with it. Either way a note
    names it, and neither is ever left out of Markdown or CSV. A table that still
    cannot fit is shown one block per row, headed by its ``key`` columns.

    A named tuple, not a frozen dataclass: every command makes the class, and the
    dataclass of eleven fields took over 1 ms to make.
    """

    header: str
    justify: Literal["left", "right", "center"] = "left"
    shorten: bool = False  # running text (evidence, actions, owners, messages)
    fill: bool = False  # running text too: laid out as shorten is
    weight: int = 1
    hide_below: int | None = None
    min_width: int | None = None
    optional: bool = False  # repeats what is shown elsewhere: left out, with a note, to fit
    period: bool = False  # one period of a history: the earliest go first, with a note, to fit
    key: bool = False  # names the row: the heading of its block when the table cannot fit
    whole: bool = False  # a name, a date, a change of score: kept on one line, never wrapped


@dataclass
class Grid:
    """A titled table of text cells, with optional styles per row and a footer row."""

    title: str
    columns: list[Column]
    rows: list[list[str]]
    styles: list[str] = field(default_factory=list)
    footer: list[str] | None = None
    caption: str = ""


@dataclass
class View:
    """What a result shows: headline lines, tables, notes, and the grid CSV exports."""

    headline: list[str]
    grids: list[Grid]
    data: Grid
    notes: list[str] = field(default_factory=list)
