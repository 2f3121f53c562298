"""Reading a user's file as text, whatever a spreadsheet saved it as."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from pathlib import Path

from compactscore.errors import CompactscoreError, DataError

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
    return decode(read_bytes(path, shown, limit), shown)


def read_bytes(path: Path, shown: str, limit: int = MAX_BYTES) -> bytes:
    """A regular file's bytes, at most ``limit`` of them, or a DataError saying why not.

    The file is opened without waiting (a FIFO would block for ever) and refused
    unless it is a regular file: a device such as /dev/zero reports a size of 0 and
    never ends. The limit is kept on the bytes actually read, never on the size the
    file reports, so a file that grows while it is read still stops at the limit.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise _unreadable(path, shown, error) from None
    try:
        found = os.fstat(descriptor)
        mode = found.st_mode
        if stat.S_ISDIR(mode):
            raise DataError.at(shown, None, "is a folder, not a file.", "Name a file.")
        if not stat.S_ISREG(mode):
            raise DataError.at(
                shown,
                None,
                f"is {kind_of(mode)}, not a regular file, so it is not read.",
                "Name a file saved from a spreadsheet or an editor.",
            )
        reported = found.st_size
        check_size(reported, shown, limit)  # plainly too large: refused without reading
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise _unreadable(path, shown, error) from None
    finally:
        os.close(descriptor)
    # The size said in the message is the larger one: what was read stops one past the limit.
    check_size(max(size, reported), shown, limit)
    return b"".join(chunks)


def kind_of(mode: int) -> str:
    """A file that is not a regular one, in words: a FIFO, a socket, a device."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _unreadable(path: Path, shown: str, error: OSError) -> CompactscoreError:
    """A file that cannot be opened or read, said in plain words."""
    code = error.errno
    if code == errno.ENOENT:
        gone = os.path.islink(path)
        return DataError.at(
            shown,
            None,
            "is a symbolic link to a file that does not exist." if gone else "does not exist.",
            "Check the name and the folder.",
        )
    if code == errno.ELOOP:
        return DataError.at(
            shown,
            None,
            "is a symbolic link that leads round in a loop, so it names no file.",
            "Remove the link, or point it at the file itself.",
        )
    if code == errno.EISDIR:
        return DataError.at(shown, None, "is a folder, not a file.", "Name a file.")
    if code == errno.ENOTDIR:
        return DataError.at(
            shown,
            None,
            "does not exist: part of its path is a file, not a folder.",
            "Check the name and the folder.",
        )
    if code in (errno.EACCES, errno.EPERM):
        return DataError.at(
            shown, None, "cannot be read: permission denied.", "Check the file's permissions."
        )
    return DataError.at(shown, None, f"cannot be read: {error.strerror}.")


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
        _refuse_other_encodings(data, shown)
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


def _refuse_other_encodings(data: bytes, shown: str) -> None:
    """Refuse bytes that would read as Windows-1252 only as garbage (Mac Roman, GB18030)."""
    from compactscore.load.encodings import suspected_encoding

    suspicion = suspected_encoding(data)
    if suspicion is None:
        return
    raise DataError.at(
        shown,
        suspicion.line,
        f"is neither UTF-8 nor Windows-1252: it looks like {suspicion.encoding} "
        f"({suspicion.meant!r} would be read as {suspicion.garbled!r}).",
        "Save it again as UTF-8: in Excel, File > Save As > 'CSV UTF-8 (Comma delimited)'; "
        "in LibreOffice, File > Save As > 'Text CSV' with Character set 'Unicode (UTF-8)'.",
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
