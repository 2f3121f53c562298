"""A result laid out as headline, tables and data, ready for any text format."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Column:
    """A table column: its heading, alignment, and how it gives way in a narrow terminal.

    A shortened column ends in an ellipsis rather than wrapping; a filling one wraps
    but is given at least its share. Both share the room left by the others by weight.
    A column with ``hide_below`` is left out of terminals narrower than that; an
    ``optional`` one only when the table would not fit with it, and then a note says
    so. Neither is ever left out of Markdown or CSV.
    """

    header: str
    justify: Literal["left", "right", "center"] = "left"
    shorten: bool = False
    fill: bool = False
    weight: int = 1
    hide_below: int | None = None
    min_width: int | None = None
    optional: bool = False  # left out, with a note, when the table would not fit otherwise


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
