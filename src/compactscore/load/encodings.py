"""Whether bytes that are not UTF-8 are really Windows-1252, or another encoding read wrongly.

A sheet that is not UTF-8 is read as Windows-1252, as Excel on Windows saves it.
Two other kinds of file also decode as Windows-1252 without an error, into garbage:

- Mac Roman (old Mac Excel, TextEdit): its curly quotes, apostrophe and dashes are
  the bytes 0xD2 0xD3 0xD4 0xD5 0xD0 0xD1, which Windows-1252 reads as the letters
  Ò Ó Ô Õ Ð Ñ, standing where punctuation stands: ``groupÕs``, ``ÒfairÓ``, `` Ð ``.
- Chinese, Japanese and Korean encodings (GB18030, Big5, Shift-JIS, EUC-KR) write
  each character as two bytes of 0x80 or more, so nearly every non-ASCII byte is in
  a run of two or more: ``Ö¸±ê`` where Western text has one accented letter at a time.

Real Windows-1252 text has its own curly quotes (0x91-0x94) and dashes (0x96, 0x97),
and its accented letters one at a time between plain ones, so it is kept.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# The reader's own pattern of a UTF-8 character (text.py imports this module lazily).
from compactscore.load.text import _UTF8_CHARACTER as UTF8_CHARACTER

_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
# Mac Roman punctuation where Windows-1252 has letters: an apostrophe between letters,
# an opening quote before a word, a closing one after one, a dash between spaces.
_MAC_APOSTROPHE = re.compile(rb"[A-Za-z][\xd4\xd5][A-Za-z]")
_MAC_OPENING = re.compile(rb"(?:^|[\s(])[\xd2\xd4][A-Za-z0-9]")
_MAC_CLOSING = re.compile(rb"[A-Za-z0-9.,!?][\xd3\xd5](?:$|[\s).,;:!?])")
_MAC_DASH = re.compile(rb" [\xd0\xd1] ")
# Windows-1252's own curly quotes and dashes: a file holding them is Windows-1252.
_CP1252_PUNCTUATION = re.compile(rb"[\x91-\x94\x96\x97]")
# Each encoding, its name in messages, the scripts its text is in, and whether its
# bytes come in runs (a Shift-JIS kana's second byte is often a plain ASCII one).
_EAST_ASIAN = (
    ("shift_jis", "Japanese text in Shift-JIS", ("HIRAGANA", "KATAKANA"), False),
    ("euc_kr", "Korean text in EUC-KR", ("HANGUL",), True),
    ("gb18030", "Chinese text in GB18030 or Big5", ("CJK",), True),
    ("big5", "Chinese text in GB18030 or Big5", ("CJK",), True),
)


@dataclass(frozen=True)
class Suspicion:
    """The encoding a file seems to be in, and the first line that shows it."""

    encoding: str
    line: int
    garbled: str  # a few characters as Windows-1252 would read them
    meant: str  # the same bytes in the suspected encoding


def suspected_encoding(data: bytes) -> Suspicion | None:
    """The encoding these bytes seem to be in when it is not Windows-1252, else None."""
    return _east_asian(data) or _mac_roman(data)


def _east_asian(data: bytes) -> Suspicion | None:
    runs = list(_HIGH_RUN.finditer(data))
    high = sum(len(match.group()) for match in runs)
    if high < 4:
        return None
    # Mostly UTF-8 with a stray Windows-1252 byte: the reader says so itself.
    utf8 = sum(len(match.group()) for match in UTF8_CHARACTER.finditer(data))
    if utf8 >= 0.5 * high:
        return None
    # Bytes of 0x80 and above next to another: rare in Western text, the rule in these.
    paired = sum(len(match.group()) for match in runs if len(match.group()) >= 2) / high
    longest = max(runs, key=lambda match: len(match.group()))
    for codec, name, scripts, in_runs in _EAST_ASIAN:
        if in_runs and paired < 0.5:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        foreign = [char for char in text if ord(char) >= 0x80]
        if any(unicodedata.category(char) == "Co" for char in foreign):
            continue  # private-use characters: these are not this encoding's bytes
        native = sum(_in_scripts(char, scripts) for char in foreign)
        if native >= 2 and native >= 0.5 * len(foreign):
            return _suspicion(data, longest.start(), name, codec)
    return None


def _in_scripts(char: str, scripts: tuple[str, ...]) -> bool:
    return unicodedata.name(char, "").startswith(scripts)


def _mac_roman(data: bytes) -> Suspicion | None:
    if _CP1252_PUNCTUATION.search(data):
        return None
    found = [
        pattern.search(data) for pattern in (_MAC_APOSTROPHE, _MAC_OPENING, _MAC_CLOSING, _MAC_DASH)
    ]
    opening, closing = found[1], found[2]
    # A quote counts only with its partner: "Ó Briain" is an Irish name, not a quote.
    signs = [found[0], found[3], *((opening, closing) if opening and closing else ())]
    first = min((sign.start() for sign in signs if sign), default=None)
    if first is None:
        return None
    return _suspicion(data, first, "Mac Roman text, as old Macs save it", "mac_roman")


def _suspicion(data: bytes, at: int, name: str, codec: str) -> Suspicion:
    """The suspicion, with a few words of the line holding byte ``at`` read both ways."""
    start = data.rfind(b"\n", 0, at) + 1
    end = data.find(b"\n", at)
    line = data[start : end if end != -1 else len(data)].rstrip(b"\r")
    return Suspicion(
        name,
        data.count(b"\n", 0, at) + 1,
        _words_around(line.decode("cp1252", errors="replace")),
        _words_around(line.decode(codec, errors="replace")),
    )


def _words_around(text: str) -> str:
    """Up to 24 characters from a little before the first that is not ASCII."""
    first = next((i for i, char in enumerate(text) if ord(char) >= 0x80), 0)
    start = text.rfind(" ", 0, max(0, first - 6)) + 1
    return text[start : start + 24]
