"""Stacked blocks are made into lines directly: the bytes are those rich writes for the same text."""

from __future__ import annotations

import io

import pytest
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.segment import Segment
from rich.text import Text
from written import written

from compactscore.render import text as text_module
from compactscore.render.text import _Blocks, print_view
from compactscore.render.view import Column, Grid, View

LINES = [
    ("Changes", "bold"),
    ("", "bold"),
    ("", ""),
    ("abc1234 1 Shared vision", "bold"),
    ("  Date:   2014-05-13", ""),
    ("  Before → after: - → 2", ""),
    ("", ""),
    ("not committed 2 Plan", "bold yellow"),
    ("  Column: score", "yellow"),
    ("  café ☕ 会議", "yellow"),
    ("", ""),
    ("A caption", "dim"),
    ("   ", ""),
    ("", ""),
]


def _by_rich(lines: list[tuple[str, str]], console: Console, width: int) -> list[list[Segment]]:
    text = Text()
    for line, style in lines:
        text.append(line + "\n", style=style or None)
    text.rstrip()
    options = console.options.update_width(width).update(no_wrap=True)
    return list(Segment.split_lines(console.render(text, options)))


def _blocks(
    lines: list[tuple[str, str]], together: bool
) -> list[tuple[list[str], int, str, str, bool]]:
    """The lines as blocks, none known to fit: a line each, or two runs of one style each."""
    if not together:
        return [([line], 1, style, "", False) for line, style in lines]
    runs: list[tuple[list[str], str]] = []
    for line, style in lines:
        if runs and runs[-1][1] == style:
            runs[-1][0].append(line)
        else:
            runs.append(([line], style))
    blocks = []
    for at in range(0, len(runs), 2):
        (first, first_style), (rest, style) = runs[at], (runs[at + 1 : at + 2] or [([], "")])[0]
        blocks.append(([*first, *rest], len(first), first_style, style, False))
    return blocks


@pytest.mark.parametrize("together", [False, True])
@pytest.mark.parametrize("colour", [False, True])
@pytest.mark.parametrize("width", [10, 30, 80])
def test_lines_come_out_as_rich_writes_them(colour: bool, width: int, together: bool) -> None:
    console = Console(file=io.StringIO(), width=width, force_terminal=colour)
    made = list(_Blocks(_blocks(LINES, together), console, width))
    expected = _by_rich(list(LINES), console, width)
    assert written(made, colour, 80) == written(expected, colour, 80)
    assert len(made) == len(expected) == 12  # the blank lines at the end are gone


@pytest.mark.parametrize("together", [False, True])
@pytest.mark.parametrize("width", [10, 30, 80])
def test_segments_and_texts_are_the_lines_written(width: int, together: bool) -> None:
    """Written in colour as segments, or without as text alone: the bytes of the lines."""
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=True, color_system="truecolor")
    blocks = _Blocks(_blocks(LINES, together), console, width)
    made = list(blocks)
    console.print(_Segments(list(blocks.segments())), crop=False)
    assert out.getvalue() == written(made, True, 80)
    alone = ["".join(s.text for s in line if s.control is None) + "\n" for line in made]
    assert "".join(blocks.texts()) == "".join(alone)
    assert len(alone) == 12


class _Segments:
    def __init__(self, segments: list[Segment]) -> None:
        self.segments = segments

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.segments


def test_a_history_too_wide_for_a_table_is_stacked_with_each_row_styled() -> None:
    grid = Grid(
        title="Changes",
        columns=[Column("Commit", key=True), Column("Message", fill=True, min_width=70)],
        rows=[["abc1234", "Scores agreed"], ["not committed", "The file as it is now, " * 3]],
        styles=["", "yellow"],
    )
    out = io.StringIO()
    console = Console(file=out, width=40, force_terminal=True, color_system="standard")
    print_view(console, View(headline=[], grids=[grid], data=grid))
    assert out.getvalue() == (
        "\n\x1b[1mChanges\x1b[0m\n\n\x1b[1mabc1234\x1b[0m\n  Message: Scores agreed\n\n"
        "\x1b[1;33mnot committed\x1b[0m\n"
        "\x1b[33m  Message: The file as it is now, The\x1b[0m\n"
        "\x1b[33m           file as it is now, The file\x1b[0m\n"
        "\x1b[33m           as it is now,\x1b[0m\n"
    )


@pytest.mark.parametrize("colour", [False, True])
def test_blocks_printed_in_parts_are_the_bytes_of_one_print(colour: bool) -> None:
    """Thousands of blocks go out a part at a time (plain text without colour): same bytes."""
    rows = [
        [f"c{n:05d}", "Évidence\twith a tab " * (n % 3) + "x" * (n % 50), "• one\n• two"]
        for n in range(2500)
    ]
    grid = Grid(
        title="Changes",
        columns=[
            Column("Commit", key=True),
            Column("Message", fill=True, min_width=70),
            Column("Notes", min_width=70),
        ],
        rows=rows,
        styles=["yellow" if n % 7 == 0 else "" for n in range(len(rows))],
    )
    view = View(headline=["[bold]A headline[/bold]"], grids=[grid], data=grid, notes=["A note."])

    def printed(whole: bool) -> str:
        out = io.StringIO()
        console = Console(file=out, width=40, force_terminal=colour, color_system="standard")
        if not colour:
            console = Console(file=out, width=40, color_system=None)
        if whole:
            # As rich writes the segments of every line, in one print.
            group = text_module.to_rich(view, console)
            assert isinstance(group, Group)
            parts = [
                text_module._Rendered(list(part.lines()))
                if isinstance(part, text_module._Rendered) and callable(part.lines)
                else part
                for part in group.renderables
            ]
            console.print(Group(*parts), crop=False)
        else:
            print_view(console, view)
        return out.getvalue()

    assert printed(whole=False) == printed(whole=True)
    assert printed(whole=False).count("\n") > 2 * text_module._PART


@pytest.mark.parametrize("width", [1, 5, 12, 30])
def test_plain_text_wraps_as_word_by_word(width: int) -> None:
    """Plain one-line text is wrapped by looking back for spaces: the lines word by word."""
    import random

    pieces = ["a", "bb", "ccc", "dddddddddd", "x" * 25, " ", "  ", "\xa0", "é", "→", "-", "• "]
    chooser = random.Random(width)
    for _ in range(3000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 30)))
        plain = text_module._one_cell_each(text)
        expected = text_module._wrap_slowly(text, width, len if plain else text_module.text_width)
        if plain and len(text) <= width:
            expected = [" ".join(text.split())]
        assert text_module.wrap_words(text, width) == expected, (text, width)


def test_every_character_printable_escapes_is_one_python_calls_unprintable() -> None:
    """So text Python calls printable is shown as it is, without searching it."""
    from compactscore.controls import escape_controls, has_controls

    # Asked of the pattern itself: escape_controls passes printable text over unsearched.
    escaped = [chr(code) for code in range(0x110000) if has_controls(chr(code))]
    assert len(escaped) == 32 - 2 + 1 + 32 + 5 + 4  # C0 but tab and LF, DEL, C1, bidi
    assert not any(char.isprintable() for char in escaped)
    assert not "\n".isprintable()  # so a one-line message's line breaks are escaped too
    assert text_module.printable("a → b\x1b[2J") == "a → b\\x1b[2J"
    assert escape_controls("a\nb", one_line=True) == "a\\nb"
