"""Blocks are laid out a row at a time; lines known to fit are written unmeasured.

A block says whether each of its lines is known to fit (no wider than the width, each
character one cell). Random grids (a fixed seed) at widths from 1 to 120 are laid
out; the claim must be true of every line, and the bytes written, piped and in
colour, must be those written when every line is measured, and those rich writes
for the same lines. A value shown as it is, on one line, must be what wrap_words
gives for it.
"""

from __future__ import annotations

import io
import random
import re
from collections.abc import Iterator
from functools import partial

import pytest
from rich.console import Console
from rich.segment import Segment
from rich.text import Text
from tests.render.test_table_drawing import WORDS, _cell
from tests.render.written import Lines

from compactscore.render import text as text_module
from compactscore.render.text import _one_cell_each, _one_line, printable, text_width, wrap_words
from compactscore.render.view import Column, Grid

MORE_WORDS = [*WORDS, "- → 2", "→", "a\u00a0b", "two  spaces", " edge", "x" * 30, "\t", "•   "]
STYLES = ["", "", "yellow", "dim", "bold red"]


def _any_cell(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return " ".join(rng.choice(MORE_WORDS) for _ in range(rng.randint(1, 4)))
    return _cell(rng)


def _grid(rng: random.Random) -> Grid:
    count = rng.randint(1, 7)
    headers = [
        rng.choice(["Commit", "No.", "Before → after", "会議", "a\tb", "", "x\x1by"])
        for _ in range(count)
    ]
    columns = [Column(header, key=rng.random() < 0.3) for header in headers]
    rows = [
        [_any_cell(rng) if rng.random() < 0.8 else "" for _ in range(count)]
        for _ in range(rng.randint(0, 8))
    ]
    return Grid(
        title=rng.choice(["", "Changes", "  ", "a\nb", "会議 " * 10]),
        columns=columns,
        rows=rows,
        # A style for each row, or for fewer or more rows than there are.
        styles=[rng.choice(STYLES) for _ in range(max(0, len(rows) + rng.randint(-2, 2)))],
        footer=[_any_cell(rng) for _ in range(count)] if rng.random() < 0.2 else None,
        caption=rng.choice(["", "", "A caption", "\n", "two  spaces →"]),
    )


def _cases() -> list[tuple[Grid, int]]:
    rng = random.Random(18)
    return [(_grid(rng), rng.choice([1, 2, 5, 10, 20, 30, 40, 60, 80, 120])) for _ in range(250)]


CASES = _cases()


def _printed(grid: Grid, width: int, colour: bool) -> str:
    """The blocks as print_view writes them, a part at a time."""
    out = io.StringIO()
    console = Console(
        file=out, width=width, force_terminal=colour, color_system="truecolor" if colour else None
    )
    rendered = text_module._Rendered(partial(text_module._stacked_lines, grid, console, width))
    for piece in rendered.printed_in_parts(console):
        console.print(piece, crop=False)
    return out.getvalue()


def _by_rich(grid: Grid, width: int, colour: bool) -> str:
    """The same lines, each in its style, as rich writes them as one text."""
    text = Text()
    for lines, first, first_style, style, _ in text_module._stacked_text(grid, width):
        for at, line in enumerate(lines):
            text.append(line + "\n", style=(first_style if at < first else style) or None)
    text.rstrip()
    if not text.plain:
        return ""  # blocks of blank lines alone write nothing (rich would write one)
    out = io.StringIO()
    console = Console(
        file=out, width=width, force_terminal=colour, color_system="truecolor" if colour else None
    )
    options = console.options.update_width(width).update(no_wrap=True)
    lines = list(Segment.split_lines(console.render(text, options)))
    if lines:
        console.print(Lines(lines), crop=False)
    return out.getvalue()


def test_every_line_of_a_block_said_to_fit_fits() -> None:
    said = unsaid = 0
    for grid, width in CASES:
        for lines, *_, fits in text_module._stacked_text(grid, width):
            unsaid += not fits
            if fits:
                said += 1
                for line in lines:
                    assert "\t" not in line and _one_cell_each(line), (line, width)
                    assert text_width(line) <= width, (line, width)
    assert said > 200 and unsaid > 200  # both kinds are written


@pytest.mark.parametrize("colour", [False, True])
def test_blocks_known_to_fit_are_written_as_if_measured(
    colour: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = [_printed(grid, width, colour) for grid, width in CASES]
    laid_out = text_module._stacked_text

    def measured(grid: Grid, width: int) -> Iterator[tuple[list[str], int, str, str, bool]]:
        return ((*block[:4], False) for block in laid_out(grid, width))

    monkeypatch.setattr(text_module, "_stacked_text", measured)
    assert fast == [_printed(grid, width, colour) for grid, width in CASES]


@pytest.mark.parametrize("colour", [False, True])
def test_the_blocks_are_written_as_rich_writes_their_lines(colour: bool) -> None:
    for grid, width in CASES:
        assert _printed(grid, width, colour) == _by_rich(grid, width, colour), (grid, width)


def test_colour_and_no_colour_give_the_same_lines() -> None:
    codes = re.compile("\x1b\\[[0-9;]*m")
    for grid, width in CASES:
        coloured = codes.sub("", _printed(grid, width, colour=True))
        assert coloured == _printed(grid, width, colour=False), (grid, width)


def test_printable_text_holds_no_white_space_but_spaces() -> None:
    """So a printable value without two spaces in a row, nor one at an end, is single-spaced."""
    spaces = [chr(code) for code in range(0x110000) if chr(code).isspace()]
    assert len(spaces) > 20
    assert [char for char in spaces if char.isprintable()] == [" "]


def test_a_value_shown_as_it_is_is_what_wrap_words_gives() -> None:
    pieces = ["a", "bb", "→", " ", "  ", "\u00a0", "\t", "\x1b", "会", "é", "e\u0301", "•", "x" * 9]
    rng = random.Random(18)
    shown = 0
    for _ in range(20_000):
        cell = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        room = rng.randint(-1, 30)
        if _one_line(cell, room):
            shown += 1
            assert wrap_words(printable(cell), room) == [cell], (cell, room)
            assert text_width(cell) == len(cell) <= room and cell.rstrip() == cell
    assert shown > 1000


def test_a_value_exactly_as_wide_as_its_room_stays_on_one_line() -> None:
    # 50 columns: labels 15 wide ("Before → after:"), values from column 18, 32 cells of room.
    grid = Grid(
        title="",
        columns=[Column("Commit", key=True), Column("Before → after")],
        rows=[["abc", "- → " + "x" * 28], ["def", "- → " + "y" * 29]],
    )
    assert _printed(grid, 50, colour=False) == (
        "\nabc\n"
        "  Before → after: - → " + "x" * 28 + "\n"
        "\ndef\n"
        "  Before → after: - →\n"
        "                  " + "y" * 29 + "\n"
    )


def test_labels_too_wide_for_the_width_go_above_their_values() -> None:
    grid = Grid(
        title="",
        columns=[Column("Commit", key=True), Column("Before → after"), Column("会議")],
        rows=[["abc", "- → 2", "会議 café"]],
    )
    assert _printed(grid, 12, colour=False) == (
        "\nabc\n  Before →\n  after:\n    - → 2\n  会議:\n    会議\n    café\n"
    )


def test_more_values_and_headings_than_are_remembered_are_all_shown() -> None:
    """Values and headings recur, so their lines are remembered; past the limit, forgotten."""
    many = 3 * text_module._REMEMBERED
    rows = [[f"k{n % many}", f"v{n % (many + 1)} → {n % 7}"] for n in range(2 * many)]
    grid = Grid(title="", columns=[Column("Commit", key=True), Column("Value")], rows=rows)
    assert _printed(grid, 40, colour=False) == "".join(
        f"\nk{n % many}\n  Value: v{n % (many + 1)} → {n % 7}\n" for n in range(2 * many)
    )
