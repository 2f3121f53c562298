"""Reading a score sheet kept as a workbook (.xlsx, .xlsm, .xlsb, .xls, .ods) as CSV-like records.

The worksheet becomes the same records a CSV file gives, each with its row
number, so that one set of rules judges both. ``python_calamine`` is imported
only here, and only when a workbook is read.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from compactscore.errors import DataError, Problem
from compactscore.load.kinds import MAX_WORKBOOK_BYTES
from compactscore.load.sheet_layout import Records, names_required
from compactscore.load.text import check_size, read_bytes
from compactscore.periods import Period
from compactscore.schema import REFERENCE

if TYPE_CHECKING:
    from zipfile import ZipFile

    from python_calamine import CalamineSheet, CalamineWorkbook

# How far down a worksheet its header is looked for, below any title rows.
_HEADER_ROWS = 10
# What a spreadsheet shows in a cell whose formula failed.
ERROR_VALUES = ("#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!")
_ERROR_CELL = re.compile(
    rb'<c r="([A-Z]+)([0-9]+)"[^>]*?t="e"[^>]*>(?:<f[^<]*</f>|<f[^>]*/>)?<v>([^<]*)</v>'
)


def column_letters(position: int) -> str:
    """A column's letters as a spreadsheet names it: 0 is A, 26 is AA."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class Worksheet:
    """The worksheet scores are read from: its name, and its rows from the header down."""

    name: str
    records: Records

    def place(self, row: int | None, position: int | None = None) -> str:
        """Where a problem is: ``sheet 'Scores', cell C7``, or its row, or the sheet alone."""
        if row is None:
            return f"sheet {self.name!r}"
        if position is None:
            return f"sheet {self.name!r}, row {row}"
        return f"sheet {self.name!r}, cell {column_letters(position)}{row}"


def read_worksheet(source: Path | bytes, shown: str, period: Period | None) -> Worksheet:
    """The worksheet holding the scores, as records; a DataError when there is none."""
    import python_calamine

    data = _data(source, shown)
    if data.startswith(_OLE) and not _survives_reading(data):
        raise DataError.at(
            shown,
            None,
            "cannot be read as a workbook: it is damaged (the .xls reader gave up on it).",
            "Open it in Excel or LibreOffice and save it again, as .xlsx if you can; if it will "
            "not open, take it from a backup or from git ('compactscore history').",
        )
    try:
        with _panics_unprinted():
            workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        raise _encrypted(shown) from None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # calamine's own kinds, and a Rust panic on a broken file
        if data.startswith(_OLE) and b"E\x00n\x00c\x00r\x00y\x00p\x00t" in data:
            raise _encrypted(shown) from None
        if _looks_like_text(data):
            stem = shown.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
            raise DataError.at(
                shown,
                None,
                "is a text file (CSV, say) saved with a workbook's name, not a workbook.",
                f"Rename it to {stem}.csv, or open it and save it as a workbook.",
            ) from None
        raise DataError.at(
            shown,
            None,
            f"cannot be read as a workbook ({_reason(error)}).",
            "Open it in Excel or LibreOffice and save it again; if it will not open, "
            "it is damaged: take it from a backup or from git ('compactscore history').",
        ) from None
    with workbook:
        try:
            with _panics_unprinted():
                return _choose(workbook, data, shown, period)
        except (DataError, KeyboardInterrupt, SystemExit):
            raise
        except BaseException as error:  # a sheet broken inside a workbook that opened
            raise DataError.at(
                shown,
                None,
                f"cannot be read as a workbook: a sheet in it is damaged ({_reason(error)}).",
                "Open it in Excel or LibreOffice and save it again; if it will not open, "
                "take it from a backup or from git ('compactscore history').",
            ) from None


_OLE = b"\xd0\xcf\x11\xe0"  # an old Excel (.xls) file, or an encrypted workbook
# Reads every sheet of the workbook on standard input, in a process of its own.
_PROBE = (
    "import io, sys\n"
    "from python_calamine import CalamineWorkbook\n"
    "book = CalamineWorkbook.from_filelike(io.BytesIO(sys.stdin.buffer.read()))\n"
    "for name in book.sheet_names:\n"
    "    book.get_sheet_by_name(name).to_python()\n"
)


def _survives_reading(data: bytes) -> bool:
    """Whether calamine reads an .xls file without ending the process.

    On some damaged .xls files calamine asks for more memory than exists, and
    Rust then ends the whole process, which no exception handler sees. Old .xls
    files are rare and small, so each is first read by a process of its own.
    """
    import subprocess
    import sys

    try:
        done = subprocess.run(
            [sys.executable, "-I", "-c", _PROBE],
            input=data,
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode >= 0 and done.returncode != 134


@contextmanager
def _panics_unprinted() -> Iterator[None]:
    """Keep what Rust prints when calamine panics on a broken file off the user's screen.

    The panic still comes back as an exception, which is worded as a damaged file.
    """
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        os.dup2(_nowhere(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


@lru_cache(maxsize=1)
def _nowhere() -> int:
    """The null device, opened once for every workbook read."""
    return os.open(os.devnull, os.O_WRONLY)


def _data(source: Path | bytes, shown: str) -> bytes:
    if isinstance(source, bytes):
        check_size(len(source), shown, MAX_WORKBOOK_BYTES)
        return source
    # Regular files only, the limit kept on the bytes read: a FIFO or /dev/zero named
    # 2024.xlsx is refused, never waited on or read for ever.
    return read_bytes(source, shown, MAX_WORKBOOK_BYTES)


def _encrypted(shown: str) -> DataError:
    return DataError(
        [
            Problem(
                shown,
                None,
                "is protected with a password, so its cells cannot be read.",
                "Open it with its password and save it without one (Excel: File > Info > "
                "Protect Workbook; LibreOffice: File > Save As, 'Save with password' cleared). "
                "Protecting a sheet from edits is fine; a password to open it is not.",
            )
        ]
    )


def _looks_like_text(data: bytes) -> bool:
    """Whether a file's start is text (UTF-8, any BOM, or 8-bit), not a binary format."""
    start = data[:2000]
    if not start.strip() or start.startswith((b"PK", b"\xd0\xcf\x11\xe0")):
        return False
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    return b"\x00" not in start and all(byte >= 9 for byte in start)


def _reason(error: BaseException) -> str:
    text = str(error).strip().rstrip(".") or type(error).__name__
    return text if len(text) <= 80 else text[:77] + "..."


def _choose(
    workbook: CalamineWorkbook, data: bytes, shown: str, period: Period | None
) -> Worksheet:
    """The worksheet named for the period or 'Scores', else the first with a scores header."""
    import python_calamine

    names = [
        meta.name
        for meta in workbook.sheets_metadata
        if meta.typ == python_calamine.SheetTypeEnum.WorkSheet
    ]
    wanted = {"scores", *([period.label] if period else [])}
    named = [name for name in names if name.strip().casefold() in wanted]
    for name in named or names:
        rows = _rows(workbook.get_sheet_by_name(name))
        header = _header_at(rows)
        if header is None and not named:
            continue  # instructions, notes, a chart's data: not the scores
        if header is None:
            if not rows:
                raise DataError.at(
                    shown,
                    None,
                    f"its sheet {name!r} is empty.",
                    "Put the scores in it, with a header row naming the columns, such as: "
                    "indicator, score, evidence.",
                )
            raise DataError(
                [
                    Problem(
                        shown,
                        rows[0][0],
                        f"no header row naming 'indicator' and 'score' in its first "
                        f"{_HEADER_ROWS} rows.",
                        "Name the columns in one row above the scores: indicator, score, evidence.",
                        place=f"sheet {name!r}",
                    )
                ]
            )
        sheet = Worksheet(name, _without_reference(rows[header:]))
        _put_back_errors(sheet, data)
        return sheet
    if not any(_rows(workbook.get_sheet_by_name(name)) for name in names):
        raise DataError.at(
            shown,
            None,
            "is an empty workbook: none of its sheets holds anything.",
            "Put the scores on a sheet named 'Scores', with a header row such as: "
            "indicator, score, evidence; 'compactscore new PERIOD --xlsx' writes one.",
        )
    listed = ", ".join(repr(name) for name in names)
    raise DataError.at(
        shown,
        None,
        f"has no sheet of scores: none of its sheets ({listed}) has a header row naming "
        "'indicator' and 'score'.",
        "Name the sheet of scores 'Scores', with a header row such as: indicator, score, evidence.",
    )


def _without_reference(records: Records) -> Records:
    """Records with the columns shown only for reference emptied: they are never read back.

    The scoring workbook shows the statement and last period's scores beside each
    row under names ending "(for reference)".
    """
    (_, header), *body = records
    shown = [at for at, cell in enumerate(header) if cell.strip().endswith(REFERENCE)]
    if not shown:
        return records
    for cells in (header, *(cells for _, cells in body)):
        for at in shown:
            if at < len(cells):
                cells[at] = ""
    return records


def _header_at(rows: Records) -> int | None:
    """The index of the header among a worksheet's first rows, or None."""
    for index, (_, cells) in enumerate(rows[:_HEADER_ROWS]):
        if _is_header(tuple(cells)):
            return index
    return None


@lru_cache(maxsize=256)
def _is_header(cells: tuple[str, ...]) -> bool:
    # A collection's workbooks mostly share one header: it is recognised once.
    return names_required(list(cells))


def _rows(sheet: CalamineSheet) -> Records:
    """Every row that holds something, numbered as the spreadsheet numbers it."""
    rows: Records = []
    for number, values in enumerate(sheet.to_python(skip_empty_area=False), start=1):
        cells = [
            value
            if type(value) is str
            else (_WHOLE_NUMBERS.get(value) if type(value) is float else None) or _text(value)
            for value in values
        ]
        while cells and not cells[-1].strip():
            cells.pop()
        if cells:
            rows.append((number, cells))
    return rows


# The numbers nearly every cell holds, as text: the indicators' numbers and the points.
_WHOLE_NUMBERS = {float(number): str(number) for number in range(-10, 100)}


def _text(value: object) -> str:
    """A cell as the text a CSV export would hold: 2.0 as 2, a date as 2024-03-31."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    import datetime

    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.datetime):
        return (
            value.isoformat(sep=" ")
            if value.time() != datetime.time()
            else value.date().isoformat()
        )
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _put_back_errors(worksheet: Worksheet, data: bytes) -> None:
    """Put back the error values (#N/A, #REF!) of cells whose formula failed.

    calamine gives an error cell as empty; an .xlsx or .ods file says which cells
    hold errors, so their value is put back, to be named rather than passed over
    as a score not given yet.
    """
    errors = _error_cells(data, worksheet.name)
    if not errors:
        return
    records = dict(worksheet.records)
    for (row, position), value in errors.items():
        cells = records.get(row)
        if cells is None:
            continue
        while len(cells) <= position:
            cells.append("")
        if not cells[position].strip():
            cells[position] = value


def _error_cells(data: bytes, name: str) -> dict[tuple[int, int], str]:
    """The error cells of a worksheet in an .xlsx, .ods or .xls file, with their values."""
    if data.startswith(_OLE):
        return _xls_errors(data, name)
    if not data.startswith(b"PK"):
        return {}
    if b"xl/worksheets/" in data and not _has_error_cell(data):
        return {}  # nearly every workbook: no error cell in any worksheet
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if "content.xml" in names:
                return _ods_errors(archive.read("content.xml"), name)
            part = _xlsx_part(archive, set(names), name)
            if part is None:
                return {}
            xml = archive.read(part)
    except (zipfile.BadZipFile, KeyError, OSError):
        return {}
    found = {}
    for match in _ERROR_CELL.finditer(xml):
        letters, row, value = match.groups()
        position = 0
        for letter in letters.decode():
            position = position * 26 + ord(letter) - 64
        found[(int(row), position - 1)] = value.decode("utf-8", "replace")
    return found


def _xls_errors(data: bytes, name: str) -> dict[tuple[int, int], str]:
    """The error cells of one worksheet in an old Excel (.xls) file.

    calamine gives them as empty and the file's records are binary, so xlrd, the
    reader of .xls files, reads the worksheet again; only .xls files, which are
    rare and small, pay for it.
    """
    import xlrd  # type: ignore[import-untyped]

    try:
        book = xlrd.open_workbook(
            file_contents=data, on_demand=True, logfile=io.StringIO(), verbosity=0
        )
    except Exception:  # xlrd's own kinds and any surprise: calamine has read the file
        return {}
    try:
        sheet = book.sheet_by_name(name)
        return {
            (row + 1, position): xlrd.error_text_from_code.get(
                sheet.cell_value(row, position), "#N/A"
            )
            for row in range(sheet.nrows)
            for position in range(sheet.ncols)
            if sheet.cell_type(row, position) == xlrd.XL_CELL_ERROR
        }
    except Exception:
        return {}
    finally:
        book.release_resources()


def _has_error_cell(data: bytes) -> bool:
    """Whether any worksheet of an .xlsx file holds an error cell, read from its local entries.

    Reading the zip's own entries in place is much quicker than opening it with
    zipfile, which reads its whole directory first; anything unexpected says yes,
    and the careful way decides.
    """
    import struct
    import zlib

    found = 0
    while (found := data.find(b"xl/worksheets/", found + 1)) >= 0:
        start = found - 30
        if start < 0 or data[start : start + 4] != b"PK\x03\x04":
            continue  # the name as the zip's directory or another part mentions it
        try:
            flags, method, size, name_size, extra_size = (
                *struct.unpack_from("<HH", data, start + 6),
                *struct.unpack_from("<I", data, start + 18),
                *struct.unpack_from("<HH", data, start + 26),
            )
        except struct.error:
            return True
        begin = start + 30 + name_size + extra_size
        name = data[start + 30 : start + 30 + name_size]
        if not (name.startswith(b"xl/worksheets/") and name.endswith(b".xml")):
            continue
        body = data[begin : begin + size] if size and not flags & 8 else data[begin:]
        try:
            xml = zlib.decompressobj(-15).decompress(body) if method == 8 else body
        except zlib.error:
            return True
        if method not in (0, 8) or b't="e"' in xml:
            return True
    return False


def _xlsx_part(archive: ZipFile, names: set[str], name: str) -> str | None:
    """The part of an .xlsx file that holds a worksheet, found through the workbook's links."""
    from xml.etree import ElementTree

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    link = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return None
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    wanted = next(
        (sheet.get(link) for sheet in book.iter(f"{main}sheet") if sheet.get("name") == name),
        None,
    )
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for rel in rels:
        if rel.get("Id") == wanted:
            target = rel.get("Target", "").lstrip("/")
            return target if target.startswith("xl/") else f"xl/{target}"
    return None


def _ods_errors(xml: bytes, name: str) -> dict[tuple[int, int], str]:
    """The error cells of one table in an .ods file's content."""
    if b'value-type="error"' not in xml:
        return {}
    from xml.etree import ElementTree

    table_ns = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    calc_ns = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
    found = {}
    for table in ElementTree.fromstring(xml).iter(f"{{{table_ns}}}table"):
        if table.get(f"{{{table_ns}}}name") != name:
            continue
        row = 0
        for row_element in table.iter(f"{{{table_ns}}}table-row"):
            repeat_rows = int(row_element.get(f"{{{table_ns}}}number-rows-repeated", "1"))
            position = 0
            for cell in row_element:
                repeat = int(cell.get(f"{{{table_ns}}}number-columns-repeated", "1"))
                if cell.get(f"{{{calc_ns}}}value-type") == "error":
                    text = "".join(cell.itertext()) or "#N/A"
                    for offset in range(min(repeat, 1000)):
                        found[(row + 1, position + offset)] = text
                position += repeat
            row += repeat_rows
    return found
