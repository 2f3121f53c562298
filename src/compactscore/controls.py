"""Control characters from files are shown, never obeyed: one convention everywhere.

A cell, a header or a file name can hold bytes a terminal obeys: ESC starts
sequences that clear the screen, retitle the window or plant a link; a lone
carriage return rewrites the start of the line; bidirectional overrides show
text in an order other than the one it has. Wherever such text is shown, each of
these characters is written as its Python escape instead: ``\\x1b``, ``\\r``,
``\\x07``, ``\\x9b``, ``\\u202e``. Tabs stay as they are; line breaks stay in
tables and exports, and are shown as ``\\n`` inside a one-line message.

Backslashes already in the text are left alone, so a cell that holds the four
characters ``\\x1b`` looks the same as one that holds ESC: both are harmless, and
a doubled backslash in every Windows path of every message would cost more.
"""

from __future__ import annotations

import re

# C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional
# embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_CONTROLS = re.compile(f"[{_CONTROL}]")
_CONTROLS_AND_BREAKS = re.compile(f"[{_CONTROL}\n]")
_NAMED = {"\r": "\\r", "\n": "\\n"}


def escape_controls(text: str, *, one_line: bool = False) -> str:
    """Text with each control character written as its escape (``\\x1b``, ``\\r``).

    ``one_line`` escapes line breaks too (``\\n``), for a message that must stay on
    its own line. Text without control characters comes back unchanged: text Python
    calls printable at once, since every character escaped here is one Python calls
    unprintable (a test checks), and nearly every cell is such text.
    """
    if text.isprintable():
        return text
    pattern = _CONTROLS_AND_BREAKS if one_line else _CONTROLS
    return pattern.sub(_escape, text)


def has_controls(text: str) -> bool:
    """Whether the text holds a control character that would be escaped when shown.

    Long text (a part of a long output, say) is searched only in what is left of its
    UTF-8 once printable ASCII, tabs and line breaks are taken out, none of them a
    control: far less than the whole, and taken out in one pass.
    """
    if len(text) > _LONG:
        text = without_ascii(text, _PLAIN)
    return _CONTROLS.search(text) is not None


_LONG = 256  # characters: shorter text is searched as it is
PRINTABLE_ASCII = bytes(range(0x20, 0x7F))
_PLAIN = PRINTABLE_ASCII + b"\t\n"  # bytes of characters that are never controls


def without_ascii(text: str, characters: bytes) -> str:
    """The text without these ASCII characters (given as bytes), the others in order.

    Found by dropping their bytes from the text's UTF-8, where every character but
    ASCII is written in bytes 0x80 and up: one pass, quicker than a search.
    """
    utf8 = text.encode("utf-8", "surrogatepass")
    return utf8.translate(None, characters).decode("utf-8", "surrogatepass")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
