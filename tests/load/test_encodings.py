"""Sheets that are not UTF-8: real Windows-1252 read, Mac Roman and East Asian text refused."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compactscore.errors import DataError
from compactscore.load.encodings import suspected_encoding
from compactscore.load.text import decode

HEAD = "indicator,score,evidence\n"


@pytest.mark.parametrize(
    ("text", "codec", "named"),
    [
        ("1,2,The group’s plan\n", "mac_roman", "Mac Roman"),
        ("1,2,It was “fair” to all\n", "mac_roman", "Mac Roman"),
        ("1,2,Agreed – in May\n", "mac_roman", "Mac Roman"),
        ("1,2,社区团体参与了计划\n", "gb18030", "Chinese text in GB18030 or Big5"),
        ("1,2,社區團體參與了計劃\n", "big5", "Chinese text in GB18030 or Big5"),
        ("1,2,コミュニティ団体が参加した\n", "shift_jis", "Japanese text in Shift-JIS"),
        ("1,2,지역 단체가 참여했습니다\n", "euc_kr", "Korean text in EUC-KR"),
    ],
)
def test_text_that_only_looks_like_windows_1252_is_refused(
    text: str, codec: str, named: str
) -> None:
    with pytest.raises(DataError) as raised:
        decode((HEAD + text).encode(codec), "2012-13.csv")
    (problem,) = raised.value.problems
    assert problem.line == 2
    assert named in problem.message
    assert "UTF-8" not in problem.message.split(":")[1]  # never "line 2 is UTF-8"
    assert "'CSV UTF-8 (Comma delimited)'" in problem.fix
    assert "Character set 'Unicode (UTF-8)'" in problem.fix


def test_the_message_shows_the_words_both_ways() -> None:
    with pytest.raises(DataError) as raised:
        decode((HEAD + "1,2,The group’s plan\n").encode("mac_roman"), "2012-13.csv")
    assert (
        "('1,2,The group’s plan' would be read as '1,2,The groupÕs plan')"
        in raised.value.problems[0].message
    )


@pytest.mark.parametrize(
    "text",
    [
        "1,2,The group’s budget is £12000 – agreed with the café “Le Pré”.\n",
        "1,2,Agreed by Seán Ó Súilleabháin and Ms Peña (São João office)\n",
        "1,2,ÓRAÍ? Ñandú. ÐÓ Núñez\n",
        "1,2,Œuvre complète: 50% by Æthelred’s Göteborg office; €40 ‘each’\n",
        "1,2,Déjà vu: ÉTÉ naïve Zoë © ½ °C\n",
    ],
)
def test_real_windows_1252_is_read(text: str) -> None:
    assert decode((HEAD + text).encode("cp1252"), "2012-13.csv") == HEAD + text


# Western words as Windows-1252 sheets hold them: accents, pounds, quotes and dashes.
WORDS = [
    "café", "naïve", "Zoë", "Ó", "Briain", "Señor", "Núñez", "£12", "€40", "–", "—",
    "“fair”", "group’s", "‘each’", "Déjà", "ÉTÉ", "Œuvre", "Göteborg", "São", "João",
    "½", "°C", "plan", "agreed", "the", "board", "Ðorde", "Æthelred", "façade", "résumé",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
def test_western_words_are_never_taken_for_another_encoding(words: list[str]) -> None:
    data = " ".join(words).encode("cp1252")
    assert suspected_encoding(data) is None


def test_utf_8_with_one_stray_windows_1252_byte_is_said_to_mix_them() -> None:
    """Chinese in UTF-8 and a pound sign in Windows-1252: mixed, not a Chinese encoding."""
    data = (HEAD + "1,2,社区团体参与了计划的制定\n2,1,costs ").encode() + b"\xa312\n"
    with pytest.raises(DataError) as raised:
        decode(data, "2012-13.csv")
    (problem,) = raised.value.problems
    assert problem.line == 3
    assert problem.message.startswith("mixes two encodings: this line is Windows-1252 text")
