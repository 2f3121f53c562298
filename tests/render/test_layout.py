"""The layout engine: words wrapped whole, column widths that fit, blocks when nothing fits."""

from __future__ import annotations

from io import StringIO

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from compactscore.render.text import column_widths, hanging, print_view, wrap_words
from compactscore.render.view import Column, Grid, View

WORDS = st.text(alphabet="abcdefghij-'", min_size=1, max_size=30)


@given(st.lists(WORDS, max_size=40), st.integers(min_value=1, max_value=100))
def test_wrapping_keeps_every_character_and_the_width(words: list[str], width: int) -> None:
    text = " ".join(words)
    lines = wrap_words(text, width)
    assert all(len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    # A word that fits the width is never broken.
    assert {word for word in words if len(word) <= width} <= set(" ".join(lines).split())


def test_wrapping_breaks_between_words_and_keeps_line_breaks() -> None:
    assert wrap_words("Take the statement to the board.\nThen report.", 12) == [
        "Take the",
        "statement to",
        "the board.",
        "Then report.",
    ]
    assert wrap_words("2012-13 2013-14", 7) == ["2012-13", "2013-14"]  # never "2012-1" "3"


def test_a_word_longer_than_the_width_is_the_one_thing_broken() -> None:
    assert wrap_words("see https://example.org/a-long-address now", 10) == [
        "see",
        "https://ex",
        "ample.org/",
        "a-long-add",
        "ress now",
    ]


def test_a_bullet_goes_on_under_its_first_word() -> None:
    assert wrap_words("• Do all partners agree?", 12) == ["• Do all", "  partners", "  agree?"]


def test_a_problem_goes_on_indented_under_its_first_line() -> None:
    assert hanging("2024.csv:3: score 'high' is not a number.", 20) == (
        "2024.csv:3: score\n  'high' is not a\n  number."
    )


def grid() -> Grid:
    return Grid(
        title="Gaps",
        columns=[
            Column("No.", justify="right"),
            Column("Indicator", shorten=True, min_width=10),
            Column("Action", shorten=True, weight=3, min_width=20),
        ],
        rows=[["1", "Shared vision", "Take the statement to the partnership board."]],
    )


def test_column_widths_fit_and_keep_each_word_whole() -> None:
    # 3 + 13 + 44 of text and 10 of borders would need 70: at 50 the action wraps.
    widths = column_widths(grid(), 50)
    assert widths is not None
    assert sum(widths) + 3 * 3 + 1 <= 50
    assert widths[0] == 3 and widths[1] >= len("Indicator") and widths[2] >= 20
    assert column_widths(grid(), 70) == [3, 13, 44]  # room for all: each its natural width


def test_no_table_fits_when_the_columns_need_more_than_the_width() -> None:
    # No. 3, Indicator at least 10, Action at least 20, and borders: more than 30.
    assert column_widths(grid(), 30) is None
    assert column_widths(grid(), 30, compact=True) is None
    assert column_widths(grid(), 37, compact=True) == [3, 10, 20]


def test_a_table_that_cannot_fit_is_one_labelled_block_per_row() -> None:
    out = StringIO()
    view = View(headline=["Riverton"], grids=[grid()], data=grid())
    print_view(Console(file=out, width=30, color_system=None), view)
    assert out.getvalue() == (
        "Riverton\n"
        "\n"
        "Gaps\n"
        "\n"
        "1 Shared vision\n"
        "  Action:\n"  # too narrow to line the values up after the labels: they go below
        "    Take the statement to the\n"
        "    partnership board.\n"
    )
    out = StringIO()
    print_view(Console(file=out, width=36, color_system=None), view)
    assert out.getvalue().endswith(
        "1 Shared vision\n  Action: Take the statement to the\n          partnership board.\n"
    )


def test_a_problem_too_long_for_a_line_keeps_every_character() -> None:
    assert hanging("/a/very/long/path.csv:3: bad", 12) == ("/a/very/long\n  /path.csv:\n  3: bad")
    assert hanging("first line\nsecond", 20) == "first line\n  second"
