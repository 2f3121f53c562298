"""A change lists the cells it touched as a history does: the score first, then its words."""

from __future__ import annotations

from compactscore.results import ScoreChange, WordChange


def _change(before: str, after: str, words: list[WordChange]) -> ScoreChange:
    return ScoreChange(
        number=3,
        id="compact-measure",
        title="Compact as the measure",
        before=before,
        after=after,
        change=None if before == after else 1,
        fields=[],
        words=words,
    )


def test_the_score_comes_first_then_each_word() -> None:
    words = [
        WordChange(column="evidence", before="", after="Agreed"),
        WordChange(column="owner", before="CVS", after=""),
    ]
    assert _change("1", "2", words).cells() == [
        ("score", "1", "2"),
        ("evidence", "", "Agreed"),
        ("owner", "CVS", ""),
    ]


def test_a_score_unchanged_is_not_a_cell_of_the_change() -> None:
    words = [WordChange(column="action", before="Meet", after="Meet twice")]
    assert _change("2", "2", words).cells() == [("action", "Meet", "Meet twice")]
