"""Tables are drawn line by line here: the segments are those rich's Table draws for the same grid.

Thousands of random grids (a fixed seed), at terminal widths from 20 to 200, boxed
and compact, are drawn both ways; the lines must hold the same segments (text and
style) and come out as the same bytes, piped and in colour.
"""

from __future__ import annotations

import io
import random
from collections.abc import Iterator

import pytest
from rich.console import Console
from written import written

from compactscore.render.console import make_console
from compactscore.render.text import (
    _drawn_table,
    _rich_table_lines,
    _table_lines,
    column_widths,
)
from compactscore.render.view import Column, Grid

WORDS = [
    "a",
    "Shared",
    "vision",
    "3",
    "-1",
    "n/a",
    "Not in place",
    "supercalifragilistic",
    "https://www.example.org/compact/evidence/relationship-survey.pdf",
    "café",  # an accent in one character
    "cafe\u0301",  # an accent added by a combining mark
    "会議",  # two cells a character
    "社会的企業の評価",
    "☕",
    "👍🏽",  # an emoji with a skin tone
    "👩\u200d💻",  # joined emoji
    "❤\ufe0f",  # a variation selector
    "\x1b[31m",  # an escape code, shown escaped
    "bell\x07",
    "tab\there",
    "\u202eright-to-left",
    "•",
    "[bold]markup[/bold]",
    "\u3000",  # an ideographic space
    "e\u0301\u0301",
]
STYLES = ["", "", "", "dim", "bold red", "yellow", "on blue", "bold white on red"]


def _cell(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.1:
        return ""
    if kind < 0.15:
        return " " * rng.randint(1, 3)
    words = [rng.choice(WORDS) for _ in range(rng.choice([1, 1, 2, 3, 5, 8, 14]))]
    if rng.random() < 0.02:  # a joiner with nothing after it: rich's table draws that
        words.append("x\u200d")
    text = " ".join(words)
    if rng.random() < 0.15:  # lines of their own, blank ones, bullets
        parts = text.split(" ")
        cut = rng.randint(0, len(parts))
        bullet = "• " if rng.random() < 0.5 else ""
        text = " ".join(parts[:cut]) + "\n" + bullet + " ".join(parts[cut:])
        if rng.random() < 0.3:
            text += "\n"
    return text


def _grid(rng: random.Random) -> Grid:
    count = rng.randint(1, 8)
    columns = [
        Column(
            _cell(rng) if rng.random() < 0.9 else "",
            justify=rng.choice(["left", "right", "center"]),
            shorten=rng.random() < 0.3,
            weight=rng.randint(1, 3),
            whole=rng.random() < 0.05,
        )
        for _ in range(count)
    ]
    rows = [[_cell(rng) for _ in range(count)] for _ in range(rng.randint(0, 6))]
    return Grid(
        title=_cell(rng) if rng.random() < 0.7 else "",
        columns=columns,
        rows=rows,
        styles=[rng.choice(STYLES) for _ in rows] if rng.random() < 0.6 else [],
        footer=[_cell(rng) for _ in range(count)] if rng.random() < 0.3 else None,
        caption=_cell(rng) if rng.random() < 0.4 else "",
    )


def _consoles(width: int) -> list[Console]:
    piped = make_console(width=width)
    piped.file = io.StringIO()
    coloured = Console(
        file=io.StringIO(), width=width, force_terminal=True, color_system="truecolor"
    )
    return [piped, coloured]


def _fitting(rng: random.Random, tries: int) -> Iterator[tuple[Grid, int, bool, list[int]]]:
    """Random grids at random widths, boxed or compact: those that fit, with their widths."""
    for _ in range(tries):
        grid = _grid(rng)
        width = rng.randint(20, 200)
        compact = rng.random() < 0.5
        widths = column_widths(grid, width, compact)
        if widths is not None:
            yield grid, width, compact, widths


@pytest.mark.parametrize("seed", range(10))
def test_random_grids_are_drawn_as_rich_draws_them(seed: int) -> None:
    drawn = compared = 0
    for grid, width, compact, widths in _fitting(random.Random(seed), tries=3000):
        if compared == 400:  # 200 grids that fit, each piped and in colour
            break
        for console in _consoles(width):
            expected = _rich_table_lines(grid, widths, console, width, compact)
            made = _drawn_table(grid, widths, console, width, compact)
            if made is not None:
                drawn += 1
                assert made == expected, (grid, width, compact, widths)
            compared += 1
            through = _table_lines(grid, widths, console, width, compact)
            assert through == expected
            assert written(through, True, 400) == written(expected, True, 400)
            assert written(through, False, 400) == written(expected, False, 400)
    assert compared == 400
    assert drawn > 0.75 * compared  # the drawing here covers most grids: the others fall back


def test_a_grid_of_plain_words_is_always_drawn_here() -> None:
    grid = Grid(
        title="Indicators",
        columns=[Column("No.", justify="right"), Column("Evidence", shorten=True)],
        rows=[["1", "The council agreed three-year funding " * 3], ["2", ""]],
        styles=["", "dim"],
        footer=["", "Total"],
        caption="Scores from 0 to 3.",
    )
    for compact in (False, True):
        for console in _consoles(40):
            widths = column_widths(grid, 40, compact)
            assert widths is not None
            made = _drawn_table(grid, widths, console, 40, compact)
            assert made is not None
            assert made == _rich_table_lines(grid, widths, console, 40, compact)


class _AsciiFile(io.StringIO):
    encoding = "ascii"


def test_a_terminal_that_cannot_show_box_characters_gets_rich_s_plain_boxes() -> None:
    drawn = 0
    for grid, width, compact, widths in _fitting(random.Random(99), tries=300):
        for console in (
            Console(file=_AsciiFile(), width=width),
            Console(file=_AsciiFile(), width=width, legacy_windows=True, safe_box=True),
        ):
            made = _drawn_table(grid, widths, console, width, compact)
            if made is not None:
                drawn += 1
                assert made == _rich_table_lines(grid, widths, console, width, compact)
                heavy = "".join(segment.text for line in made for segment in line)
                assert "━" not in heavy and "┃" not in heavy
    assert drawn > 100
