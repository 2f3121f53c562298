"""Text measured as rich measures it, by a quicker way when each character takes one cell."""

from __future__ import annotations

import random

import pytest
from rich.cells import cell_len

from compactscore.render.text import text_width

POOL = "ab Z09-→–’“é\u00a0\u2028\t\n\x1b\x7f会議☕\u200d\ufe0f\u0301👍\ud800\x80\u00ad\u200b"
SAMPLES = ["", "abc", "a → b", "café", "会議", "a\u200db", "\x1b", "e\u0301", "a\tb", "\u00a0x"]


@pytest.mark.parametrize("text", SAMPLES)
def test_a_known_text_is_as_wide_as_rich_says(text: str) -> None:
    assert text_width(text) == cell_len(text)


def test_any_mix_of_characters_is_as_wide_as_rich_says() -> None:
    chance = random.Random(18)
    for _ in range(2_000):
        text = "".join(chance.choice(POOL) for _ in range(chance.randrange(12)))
        assert text_width(text) == cell_len(text), repr(text)
