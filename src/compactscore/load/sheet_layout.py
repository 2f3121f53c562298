"""A sheet's text as CSV records and named columns: separator, records, title rows, header."""

from __future__ import annotations

import csv
import functools
import io
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

from compactscore.cells import unneutralised as restored
from compactscore.load.text import MAX_BYTES

KNOWN = ("indicator", "score", "evidence", "action", "owner", "target", "due", "status")
SIDES = ("sector_score", "public_score")
_OURS = frozenset((*KNOWN, *SIDES))
REQUIRED = ("indicator", "score")
QUOTES = "\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb"
# git's conflict markers exactly: seven characters alone or before a space and a name,
# so that a line of evidence underlined with ========== is not taken for one.
_CONFLICT = re.compile(r"^(?:<{7}|={7}|>{7}|\|{7})(?: .*)?$")
_MARKERS = ("<" * 7, "=" * 7, ">" * 7, "|" * 7)
# How far below the first line a header is looked for when that line is a title.
_TITLE_LINES = 5

# How a problem is reported: line, message, fix.
Report = Callable[[int | None, str, str], None]
Records = list[tuple[int, list[str]]]


@functools.lru_cache(maxsize=1024)  # a collection's sheets share a handful of header names
def column_key(name: str) -> str:
    """A header name as matched: case, surrounding spaces and quotes ignored, inner spaces as ``_``.

    Quotes around a name are dropped because word processors and some spreadsheets
    turn plain quotes into curly ones, which the CSV reader then keeps as text. A
    note in brackets after one of our names, as templates write ``Score (0-3)``, is
    dropped too; the group's own columns keep theirs, so two stay two.
    """
    key = re.sub(r"[\s\-]+", "_", name.strip().strip(QUOTES).strip().lower())
    if key not in _OURS and key.endswith(")") and "(" in key:
        bare = key[: key.rindex("(")].rstrip("_")
        if bare in _OURS:
            return bare
    return key


# Headers people write for our columns, read as ours when the sheet has no column of that
# name and only one of these: matched on the name's words (case and punctuation ignored).
ALIASES: dict[str, str] = {
    "no": "indicator",
    "number": "indicator",
    "#": "indicator",
    "indicator no": "indicator",
    "indicator number": "indicator",
    "indicator id": "indicator",
    "agreed score": "score",
    "score agreed": "score",
    "agreed": "score",
    "final score": "score",
    "evidence notes": "evidence",
    "evidence and notes": "evidence",
    "evidence comments": "evidence",
    "supporting evidence": "evidence",
    "actions": "action",
    "action plan": "action",
    "agreed action": "action",
    "next steps": "action",
    "owners": "owner",
    "action owner": "owner",
    "action lead": "owner",
    "target score": "target",
    "targets": "target",
    "sector": "sector_score",
    "sector view": "sector_score",
    "vcs score": "sector_score",
    "public bodies": "public_score",
    "public bodies score": "public_score",
    "public sector score": "public_score",
    "public view": "public_score",
}
# Names of the group's own columns that hold one of our words but are plainly not ours.
_NOT_OURS = frozenset(
    ("indicator title", "indicator name", "indicator statement", "score label", "label")
)
_WORDS = ("indicator", "score", "evidence", "action", "owner", "target")


def loose_name(name: str) -> str:
    """A header's words: ``Evidence / notes`` is ``evidence notes``, ``No.`` is ``no``."""
    return " ".join(re.findall(r"[a-z0-9#]+", name.strip().strip(QUOTES).lower()))


@dataclass(frozen=True)
class Doubt:
    """A column kept as the group's own that looks like one of ours: said in a warning."""

    position: int  # 1-based
    name: str
    resembles: str  # our column's key
    taken_by: str  # the column read as ours instead, or empty

    def message(self) -> tuple[str, str]:
        """The warning's message and fix."""
        if self.taken_by:
            return (
                f"the column {self.name!r} looks like the {self.resembles!r} column, but "
                f"{self.taken_by!r} is read as that, so {self.name!r} is kept as your own "
                "column and not read.",
                f"If {self.name!r} holds the {self.resembles.replace('_', ' ')}, delete or "
                "rename the other column; otherwise rename this one.",
            )
        return (
            f"the column {self.name!r} looks like the {self.resembles!r} column, but is "
            "kept as your own column and not read as it.",
            f"If it holds the {self.resembles.replace('_', ' ')}, name it {self.resembles!r}.",
        )


@functools.lru_cache(maxsize=256)
def resolved_keys(names: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[Doubt, ...]]:
    """Each column's key, a header we know read as ours where that is unambiguous.

    The one place header aliases are decided: ``Evidence / notes`` is ``evidence``
    unless the sheet has an ``evidence`` column too or another alias of it; then it
    is the group's own, and so is any column that only looks like one of ours, each
    named in a ``Doubt``.
    """
    keys = [column_key(name) for name in names]
    exact = {key: at for at, key in enumerate(keys) if key in _OURS}
    wanted: dict[str, list[int]] = {}
    for at, name in enumerate(names):
        if keys[at] and keys[at] not in _OURS:
            alias = ALIASES.get(loose_name(name))
            if alias is not None:
                wanted.setdefault(alias, []).append(at)
    doubts: list[Doubt] = []
    for alias, places in wanted.items():
        if alias not in exact and len(places) == 1:
            keys[places[0]] = alias
            continue
        for at in places:
            taken = names[exact[alias]] if alias in exact else ""
            others = [names[other] for other in places if other != at]
            doubts.append(Doubt(at + 1, names[at], alias, taken or " and ".join(others)))
    aliased = {at for places in wanted.values() for at in places}
    for at, name in enumerate(names):
        words = loose_name(name)
        if keys[at] in _OURS or at in aliased or not keys[at] or words in _NOT_OURS:
            continue
        like = next((word for word in _WORDS if re.search(rf"\b{word}s?\b", words)), None)
        if like is not None:
            doubts.append(Doubt(at + 1, name, like, ""))
    return tuple(keys), tuple(sorted(doubts, key=lambda doubt: doubt.position))


# What a spreadsheet template heads the indicator numbers with.
_NUMBER_NAMES = frozenset({"no.", "no"})


def with_aliases(header: list[str]) -> list[str]:
    """A header with 'No.' as the indicator column when no column is named indicator.

    A template's "No., Indicator, Score" puts the titles under "Indicator": that
    column is then read as the title, unless there is a title column already.
    """
    keys = [column_key(column_name(cell)) for cell in header]
    if not _NUMBER_NAMES.intersection(keys):
        return header
    if "indicator" in keys:
        if "title" in keys or keys.count("indicator") > 1:
            return header
        header = [
            "title" if key == "indicator" else cell for cell, key in zip(header, keys, strict=True)
        ]
    number = next(at for at, key in enumerate(keys) if key in _NUMBER_NAMES)
    return [*header[:number], "indicator", *header[number + 1 :]]


def unneutralised(cell: str) -> str:
    """A cell as written before a CSV export put a quote mark in front of a formula character."""
    return restored(cell)


def conflict_marked(text: str, error: Report) -> bool:
    """Whether a git merge-conflict marker was left in the text: one error, on its line."""
    # Only a sheet that holds a marker somewhere is walked line by line: most have none.
    suspect = any(map(text.__contains__, _MARKERS))
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
    keys = set(resolved_keys(tuple(column_name(cell) for cell in record))[0])
    keys = {column_key(column_name(cell)) for cell in record}
    if "indicator" not in keys and _NUMBER_NAMES.intersection(keys):
        keys.add("indicator")
    return all(required in keys for required in REQUIRED)


def column_name(raw: str) -> str:
    """A header cell as the column's name: spaces, quotes and any CSV-export quote mark gone."""
    return unneutralised(raw.strip().strip(QUOTES).strip())


@dataclass(frozen=True)
class Layout:
    """Which cells of a row are ours (by key) and which the user's own (by name)."""

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
