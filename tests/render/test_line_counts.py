"""A cell's lines are counted from where its words end: the count is the word-by-word one."""

from __future__ import annotations

import random

from compactscore.render.text import _count_between_words, _line_count, _shape


def test_counting_by_word_ends_agrees_with_counting_word_by_word() -> None:
    rng = random.Random(7)
    for _ in range(20_000):
        cell = [
            [rng.randint(1, 12) for _ in range(rng.choice([0, 1, 2, 5, 20, 60]))]
            for _ in range(rng.randint(1, 3))
        ]
        _widest, longest, ends = _shape(cell)
        width = rng.randint(max(longest, 1), max(longest, 1) + 40)
        assert _count_between_words(ends, width) == _line_count(cell, width), (cell, width)


def test_a_cell_is_shaped_by_its_widest_line_and_longest_word() -> None:
    # "ab cde" and "f": 6 cells unwrapped, the longest word 3; a blank line between.
    widest, longest, ends = _shape([[2, 3], [], [1]])
    assert (widest, longest) == (6, 3)
    assert ends == [[0, 3, 7], [0], [0, 2]]
    assert _count_between_words(ends, 6) == 3
    assert _count_between_words(ends, 5) == 4  # "ab" and "cde" on lines of their own
