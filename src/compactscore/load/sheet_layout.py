"""A sheet's text as CSV records and named columns: separator, records, title rows, header."""

from __future__ import annotations

import csv
import functools
import io
import operator
import re
from collections.abc import Callable
from typing import NamedTuple

from compactscore.cells import unneutralised as restored
from compactscore.load.text import MAX_BYTES
from compactscore.schema import (
    KNOWN,
    NUMBER_NAMES,
    QUOTES,
    REQUIRED,
    SIDES,
    Column,
    column_key,
    resolved_keys,
)

# git's conflict markers exactly: seven characters alone or before a space and a name,
# so that a line of evidence underlined with ========== is not taken for one.
_CONFLICT = re.compile(r"^(?:<{7}|={7}|>{7}|\|{7})(?: .*)?$")
_MARKERS = ("<" * 7, "=" * 7, ">" * 7, "|" * 7)
# How far below the first line a header is looked for when that line is a title.
_TITLE_LINES = 5

# How a problem is reported: line, message, fix.
Report = Callable[[int | None, str, str], None]
Records = list[tuple[int, list[str]]]


def with_aliases(header: list[str]) -> list[str]:
    """A header with 'No.' as the indicator column when no column is named indicator.

    A template's "No., Indicator, Score" puts the titles under "Indicator": that
    column is then read as the title, unless there is a title column already.
    """
    keys = [column_key(column_name(cell)) for cell in header]
    if not NUMBER_NAMES.intersection(keys):
        return header
    if Column.INDICATOR in keys:
        if Column.TITLE in keys or keys.count(Column.INDICATOR) > 1:
            return header
        header = [
            Column.TITLE if key == Column.INDICATOR else cell
            for cell, key in zip(header, keys, strict=True)
        ]
    number = next(at for at, key in enumerate(keys) if key in NUMBER_NAMES)
    return [*header[:number], Column.INDICATOR, *header[number + 1 :]]


def unneutralised(cell: str) -> str:
    """A cell as written before a CSV export put a quote mark in front of a formula character."""
    return restored(cell)


def conflict_marked(text: str, error: Report) -> bool:
    """Whether a git merge-conflict marker was left in the text: one error, on its line."""
    # Only a sheet that holds a marker somewhere is walked line by line: most have none.
    # A marker's character is looked for first: far quicker to rule out than seven of it.
    suspect = any(marker[0] in text and marker in text for marker in _MARKERS)
    quoted = False  # inside a quoted cell that runs over several lines
    for number, line in enumerate(text.split("\n") if suspect else [], start=1):
        if not quoted and _CONFLICT.match(line.rstrip()):
            error(
                number,
                f"a git merge-conflict marker ({line[:7]}) was left in the sheet.",
                "Keep the lines the group agreed, and delete the marker lines.",
            )
            return True
        quoted ^= line.count('"') % 2 == 1
    return False


def read_records(text: str, error: Report) -> tuple[str, Records]:
    """The separator, and each CSV record with the line it starts on; blank lines skipped."""
    delimiter, hinted = sniff_delimiter(text)
    # The whole file is already within read_text's size limit, so no cell can be
    # larger than it: long evidence is read, not refused by csv's own 128 KB limit.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    records = []
    start = 1
    try:
        for record in reader:
            if hinted:  # the 'sep=;' line Excel reads as "the separator is ;": not data
                hinted = False
            elif (record and record[0].strip()) or "".join(record).strip():
                # Nearly every record names its indicator first: the join is for the rest.
                records.append((start, record))
            start = reader.line_num + 1
    except csv.Error as problem:
        # Where the quote was opened, not where the reader gave up: that is the line to fix.
        stopped = reader.line_num
        if "end of data" in str(problem):
            error(
                quote_opened(text, start, stopped),
                'a cell on this line opens a quote (") that is never closed.',
                "Add the closing quote, or remove the opening one.",
            )
        elif "expected after" in str(problem) and (
            (opened := quote_opened(text, start, stopped - 1)) < stopped
        ):
            error(
                opened,
                f'a cell on this line opens a quote (") that is not closed on it, so every '
                f"line after it up to line {stopped} is read as part of that cell.",
                "Add the closing quote at the end of the cell, or remove the opening one.",
            )
        elif "expected after" in str(problem):
            error(
                reader.line_num,
                "a quoted cell has text after its closing quote.",
                'Inside a quoted cell, write a quote as two quotes ("").',
            )
        else:
            error(
                reader.line_num,
                f"this line cannot be read as CSV ({problem}).",
                "Open the sheet in a spreadsheet and save it again as 'CSV UTF-8'.",
            )
    return delimiter, records


def line_records(
    lines: list[str], known: dict[str, list[str]], delimiter: str
) -> tuple[Records, dict[str, list[str]]] | None:
    """Each of the text's lines as one record, as ``read_records`` reads it; None if it cannot say.

    For many versions of one sheet: a line known from the version before is the
    record it was there; only the other lines are parsed, each alone. That is the
    reading of the whole text only while every record is one line, so a line that
    does not read alone as one whole record (a quoted cell running on over lines, a
    quote left open, anything the reader complains of) gives None: the version is
    then read whole, as always. Returned with the records: this version's lines.
    """
    records = []
    seen: dict[str, list[str]] = {}
    for number, line in enumerate(lines, start=1):
        record = known.get(line)
        if record is None:
            record = line_record(line, delimiter)
            if record is None:
                return None
        seen[line] = record
        if (record and record[0].strip()) or "".join(record).strip():
            records.append((number, record))
    return records, seen


def line_record(line: str, delimiter: str) -> list[str] | None:
    """One line read alone as one whole CSV record; None if it is not one (``line_records``)."""
    if '"' not in line and "\0" not in line:
        return line.split(delimiter) if line else []
    csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))
    try:
        found = list(csv.reader([line], delimiter=delimiter, strict=True))
    except csv.Error:
        return None
    return found[0] if len(found) == 1 else None


def quote_opened(text: str, first: int, last: int) -> int:
    """The line where the quote still open after line ``last`` was opened; else ``last + 1``.

    ``first`` is the record's first line. A record that runs on over several lines is
    one quoted cell left open: the fix is where its quote began, not where reading stopped.
    """
    quoted, opened = False, first
    lines = text.split("\n", last)[first - 1 : last]
    for number, line in enumerate(lines, start=first):
        at = line.find('"')
        while at >= 0:
            if quoted and line.startswith('""', at):
                at += 1  # a quote written inside a quoted cell, as two
            else:
                quoted = not quoted
                opened = number if quoted else opened
            at = line.find('"', at + 1)
        if not quoted:
            opened = number + 1
    return opened


def title_above(records: Records, error: Report) -> bool:
    """Whether the first line is a title typed above the header (Excel's A1): one error."""
    (first_line, first), *rest = records
    if names_required(first):
        return False
    for line, record in rest[:_TITLE_LINES]:
        if names_required(record):
            title = " ".join(cell.strip() for cell in first if cell.strip())
            title = title if len(title) <= 60 else title[:57] + "..."
            above = "line 1" if line == 2 else f"lines 1 to {line - 1}"
            error(
                first_line,
                f"{title!r} looks like a title above the header, which is on line {line}.",
                f"Delete {above}, so that the header is the first line of the sheet.",
            )
            return True
    return False


def header_columns(
    line: int, header: list[str], body: Records, error: Report, warn: Report | None = None
) -> list[tuple[str, str]] | None:
    """(original name, key) per column, or None when the header is unusable."""
    header = with_aliases(header)
    columns: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    ok = True
    names = [column_name(raw) for raw in header]
    keys, doubts = resolved_keys(tuple(names))
    for position, original in enumerate(names, start=1):
        key = keys[position - 1]
        if not key:
            if any(len(record) >= position and record[position - 1].strip() for _, record in body):
                error(
                    line,
                    f"column {position} has values but no name in the header.",
                    "Give the column a name in the first row, or delete it.",
                )
                ok = False
            columns.append(("", ""))
            continue
        if key in seen:
            error(
                line,
                f"the column {original!r} appears twice in the header "
                f"(columns {seen[key]} and {position}).",
                "Rename or delete one of them.",
            )
            ok = False
        seen[key] = position
        columns.append((original, key))
    for required in REQUIRED:
        if required not in seen:
            present = ", ".join(name for name, _ in columns if name) or "nothing"
            error(
                line,
                f"the header has no {required!r} column (it has: {present}).",
                f"Name a column {required!r} in the first row.",
            )
            ok = False
    if ok and warn is not None:  # a header that is no header at all is enough to say
        for doubt in doubts:
            warn(line, *doubt.message())
    return columns if ok else None


def names_required(record: list[str]) -> bool:
    """Whether a record names every required column: it is the header."""
    keys = {column_key(column_name(cell)) for cell in record}
    if Column.INDICATOR not in keys and NUMBER_NAMES.intersection(keys):
        keys.add(Column.INDICATOR)
    return all(required in keys for required in REQUIRED)


def column_name(raw: str) -> str:
    """A header cell as the column's name: spaces, quotes and any CSV-export quote mark gone."""
    return unneutralised(raw.strip().strip(QUOTES).strip())


class Layout(NamedTuple):
    """Which cells of a row are ours (by key) and which the user's own (by name).

    A named tuple: quicker to make than a frozen dataclass, at every start.
    """

    columns: list[tuple[str, str]]  # (name as written, key) for each column
    ours: list[tuple[int, str]]
    theirs: list[tuple[int, str]]
    our_cells: Callable[[list[str]], tuple[str, ...]]
    our_keys: list[str]

    @classmethod
    def of(cls, columns: list[tuple[str, str]]) -> Layout:
        """The layout of a header already checked to have the required columns."""
        named = [
            (position, key, original) for position, (original, key) in enumerate(columns) if key
        ]
        ours = [(position, key) for position, key, _ in named if key in KNOWN or key in SIDES]
        theirs = [
            (position, original)
            for position, key, original in named
            if key not in KNOWN and key not in SIDES
        ]
        # Every sheet has at least the indicator and score columns, so a tuple comes back.
        our_cells = operator.itemgetter(*(at for at, _ in ours))
        return cls(columns, ours, theirs, our_cells, [key for _, key in ours])


@functools.lru_cache(maxsize=256)
def clean_layout(header: tuple[str, ...]) -> Layout | None:
    """The layout of a header with nothing to say about it; None sends it the long way.

    Clean means every column named, none twice, and the required ones there: then
    the layout depends on the header alone, and can be kept for the next sheet.
    """
    names = tuple(map(column_name, with_aliases(list(header))))
    keys, doubts = resolved_keys(names)
    if doubts or not all(keys) or len(set(keys)) < len(keys) or not set(REQUIRED) <= set(keys):
        return None  # a column that looks like ours but is not read as it is worth a word
    return Layout.of(list(zip(names, keys, strict=True)))


def sniff_delimiter(text: str) -> tuple[str, bool]:
    """The separator, and whether a first line such as ``sep=;`` (Excel's hint) named it.

    Without a hint, the separator the header uses most: comma, semicolon or tab,
    outside quotes. A first line with none, such as a title typed above the header,
    leaves it to the lines after it.
    """
    header = _first_line(text)
    hint = re.fullmatch(r"sep=([,;\t|])\s*", header, flags=re.IGNORECASE)
    if hint and text.split("\n", 1)[0] == header:
        return hint.group(1), True
    counts = _separator_counts(header)
    if not any(counts.values()):
        # Only the few lines where a header under a title could be: never the whole text.
        for line in text.split("\n", _TITLE_LINES + 2)[: _TITLE_LINES + 2]:
            for separator, count in _separator_counts(line).items():
                counts[separator] += count
    best = max(counts, key=lambda key: counts[key])
    return (best if counts[best] else ","), False


def _separator_counts(line: str) -> dict[str, int]:
    """How often a line uses each separator outside quotes."""
    if '"' not in line:
        return {separator: line.count(separator) for separator in (",", ";", "\t")}
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return counts


def _first_line(text: str) -> str:
    """The first line that is not blank, found without splitting the whole text."""
    start = 0
    while True:
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        if line.strip() or end < 0:
            return line if line.strip() else ""
        start = end + 1
