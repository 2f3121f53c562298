"""Reading a user's file as text, whatever a spreadsheet saved it as."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from compactscore.errors import DataError

MAX_BYTES = 2_000_000  # far above any real sheet or definition, far below harm

# What the first bytes of a file say it really is, when it is not text.
_SIGNATURES = {
    b"PK\x03\x04": (
        "is a spreadsheet workbook (.xlsx or .ods) saved with a .csv name, not a CSV file.",
        "Open it in Excel or LibreOffice and use File > Save As with the type "
        "'CSV UTF-8 (Comma delimited)' or 'Text CSV'.",
    ),
    b"\xd0\xcf\x11\xe0": (
        "is an old Excel workbook (.xls) saved with a .csv name, not a CSV file.",
        "Open it in Excel or LibreOffice and use File > Save As with the type "
        "'CSV UTF-8 (Comma delimited)' or 'Text CSV'.",
    ),
    b"%PDF": (
        "is a PDF document, not a CSV file.",
        "Score sheets are CSV files: save the scores from a spreadsheet as CSV.",
    ),
}


def check_size(size: int, shown: str, limit: int = MAX_BYTES) -> None:
    """Refuse a file (or text from git) too large to be a scorecard file."""
    if size > limit:
        raise DataError.at(
            shown,
            None,
            f"is {size / 1_000_000:.1f} MB, too large to be a scorecard file "
            f"(the limit is {limit // 1_000_000} MB).",
            "Check that this is the file you meant.",
        )


def read_text(path: Path, shown: str, limit: int = MAX_BYTES) -> str:
    """The file's text, decoded as UTF-8 (BOM or not), UTF-16 or Windows-1252."""
    try:
        check_size(path.stat().st_size, shown, limit)
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError.at(
            shown, None, "does not exist.", "Check the name and the folder."
        ) from None
    except IsADirectoryError:
        raise DataError.at(shown, None, "is a folder, not a file.", "Name a file.") from None
    except PermissionError:
        raise DataError.at(
            shown, None, "cannot be read: permission denied.", "Check the file's permissions."
        ) from None
    except OSError as error:
        raise DataError.at(shown, None, f"cannot be read: {error.strerror}.") from None
    return decode(data, shown)


def decode(data: bytes, shown: str) -> str:
    """Bytes to text the way a spreadsheet user would expect, or a clear error."""
    for signature, (message, fix) in _SIGNATURES.items():
        if data.startswith(signature):
            if signature != b"%PDF":
                # compactscore reads workbooks: a name that says so is all it takes.
                ending = ".xls" if signature.startswith(b"\xd0") else ".xlsx"
                if b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet" in data[:100]:
                    ending = ".ods"
                stem = shown.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
                kind = "an OpenDocument spreadsheet" if ending == ".ods" else "an Excel workbook"
                message = f"is {kind} ({ending}) saved with a .csv name, not a CSV file."
                fix = f"Rename it to {stem}{ending}: compactscore reads workbooks as they are."
            raise DataError.at(shown, None, message, fix)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _strip_boms(data.decode("utf-16"), shown)
        except UnicodeDecodeError:
            raise DataError.at(
                shown, None, "starts like UTF-16 text but is not.", "Save it again as CSV UTF-8."
            ) from None
    unmarked = _utf16_without_bom(data)
    if unmarked is not None:
        return _strip_boms(unmarked, shown)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise DataError.at(
            shown,
            line,
            "is not a text file (it holds binary data).",
            "Save the sheet from your spreadsheet as 'CSV UTF-8'.",
        )
    try:
        return _strip_boms(data.decode("utf-8-sig"), shown)
    except UnicodeDecodeError as error:
        _refuse_mixed(data, error.start, shown)
    try:
        return _strip_boms(data.decode("cp1252"), shown)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DataError.at(
            shown,
            line,
            "is neither UTF-8 nor Windows-1252 text.",
            "Save the sheet from your spreadsheet as 'CSV UTF-8'.",
        ) from None


# A character as UTF-8 writes it: a lead byte and its continuation bytes. Windows-1252
# text holds such pairs only as mojibake ("Ã©" for "é").
_UTF8_CHARACTER = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _refuse_mixed(data: bytes, bad: int, shown: str) -> None:
    """Refuse a file that is partly UTF-8 and partly Windows-1252: either reading garbles it."""
    utf8 = _UTF8_CHARACTER.search(data)
    if utf8 is None:
        return
    line = data[:bad].count(b"\n") + 1
    other = data[: utf8.start()].count(b"\n") + 1
    raise DataError.at(
        shown,
        line,
        f"mixes two encodings: this line is Windows-1252 text, but line {other} is UTF-8, "
        "so some characters would read wrongly.",
        "Open the sheet in a spreadsheet and save it again as 'CSV UTF-8'.",
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark, told by its zero bytes; else None.

    Text that is mostly Latin letters has a zero in (nearly) every other byte in
    UTF-16, and none in the bytes between, which binary formats and 8-bit text do not.
    """
    sample = data[:4000]
    if len(sample) < 8 or len(sample) % 2 or b"\x00" not in sample:
        return None
    for encoding, zeros, letters in (
        ("utf-16-le", sample[1::2], sample[::2]),
        ("utf-16-be", sample[::2], sample[1::2]),
    ):
        if zeros.count(0) >= 0.9 * len(zeros) and letters.count(0) == 0:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _strip_boms(text: str, shown: str) -> str:
    if "\x00" in text:
        # A NUL character is never part of a sheet a person wrote, even in UTF-16.
        raise DataError.at(
            shown,
            text[: text.index("\x00")].count("\n") + 1,
            "holds a NUL character, so it is not a text file as saved.",
            "Save the sheet from your spreadsheet as 'CSV UTF-8'.",
        )
    # A byte-order mark left in the middle of a file (two files pasted together)
    # carries no meaning; a reader would not see it, so neither do we.
    return text.replace("\ufeff", "")
