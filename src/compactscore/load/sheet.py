"""Reading a score sheet (CSV) and checking it against its definition version."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from itertools import compress, count
from operator import ne
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from compactscore.errors import DataError, Problem, Severity, errors_in
from compactscore.load.kinds import MAX_WORKBOOK_BYTES, is_workbook
from compactscore.load.sheet_cells import (
    NOT_APPLICABLE,
    carried_warning,
    due_problem,
    due_value,
    indicator_of,
    indicator_problem,
    point_problem,
    spreadsheet_point,
    status_problem,
    status_value,
    total_cell,
    whole_point,
)
from compactscore.load.sheet_layout import (
    Layout,
    clean_layout,
    conflict_marked,
    header_columns,
    line_record,
    line_records,
    read_records,
    sniff_delimiter,
    title_above,
    unneutralised,
)
from compactscore.load.source import WORKING_TREE, FileSource
from compactscore.load.text import MAX_BYTES, check_size, decode
from compactscore.models import (
    CARRIED_MARK,
    ActionStatus,
    Definition,
    Indicator,
    Row,
    Scale,
    ScoreState,
    Sheet,
)
from compactscore.periods import Period, period_in_name, period_of_file
from compactscore.schema import KNOWN, PLAN, REQUIRED, SIDES, Column, column_key

if TYPE_CHECKING:
    from compactscore.load.workbook import Worksheet

__all__ = [
    "KNOWN",
    "NOT_APPLICABLE",
    "REQUIRED",
    "SIDES",
    "column_key",
    "load_sheet",
    "load_sheet_warned",
    "read_sheet",
    "sheet_problems",
    "unneutralised",
]

_POINT_COLUMNS = (Column.TARGET, *SIDES)
_WORDS = (Column.EVIDENCE, Column.ACTION, Column.OWNER)
_CARRIED_START = CARRIED_MARK.partition("{")[0]


def load_sheet(
    path: Path,
    definition: Definition,
    shown: str | None = None,
    text: str | bytes | None = None,
    source: FileSource | None = None,
) -> Sheet:
    """A checked sheet, or a DataError listing every problem found in it."""
    return load_sheet_warned(path, definition, shown, text, source)[0]


def load_sheet_warned(
    path: Path,
    definition: Definition,
    shown: str | None = None,
    text: str | bytes | None = None,
    source: FileSource | None = None,
) -> tuple[Sheet, list[Problem]]:
    """A checked sheet with its warnings, or a DataError listing every error found in it."""
    sheet, problems = read_sheet(path, definition, shown, text, source)
    if sheet is None or errors_in(problems):
        raise DataError(errors_in(problems))
    return sheet, problems


class RowsRead:
    """The rows of the version read last, for reading many versions of one sheet in turn.

    A row whose cells, line and header are as in the version read before, read
    against the same period, is that same row: it is not checked again. Rows
    with a problem are always read afresh (their problems name the version
    read), and only the last version's rows are kept, however many are read.
    """

    def __init__(self) -> None:
        # By header: each line's number, its record, and the row read from it.
        self.known: dict[tuple[object, ...], dict[int, tuple[list[str], Indicator, Row]]] = {}
        # The lines of the version read last as CSV records (each line one record), by
        # separator: a line as it was is not parsed again.
        self.lines: tuple[str, dict[str, list[str]]] = (",", {})
        # A first line that alone decides the separator, and the separator it gives.
        self.first_line: tuple[str, str] | None = None
        # The indicators in force last read (definition, version), by number and by id.
        self.indexes: tuple[object, str, dict[str, Indicator], dict[str, Indicator]] | None = None
        # The version read last, when it was read line by line without a problem.
        self.last: _Clean | None = None


class _Clean(NamedTuple):
    """A version read line by line without a problem: the next may differ in a few rows' lines."""

    lines: list[str]
    sheet: Sheet
    layout: Layout
    definition: Definition
    at: dict[str, int]  # where each of our columns is
    kept: dict[int, tuple[list[str], Indicator, Row]]  # RowsRead.known's, for this header
    places: dict[int, int]  # the place in the sheet's rows of each line's row, by line


def read_sheet(
    path: Path,
    definition: Definition,
    shown: str | None = None,
    text: str | bytes | None = None,
    source: FileSource | None = None,
    *,
    rows_read: RowsRead | None = None,
) -> tuple[Sheet | None, list[Problem]]:
    """Read a sheet (from its source when no text is given); return it (None if unreadable)
    with every problem found."""
    return _read(path, definition, shown, text, build=True, source=source, rows_read=rows_read)


def sheet_problems(
    path: Path,
    definition: Definition,
    shown: str | None = None,
    text: str | bytes | None = None,
    source: FileSource | None = None,
) -> list[Problem]:
    """Every problem in a sheet, found without building its rows: what check needs."""
    return _read(path, definition, shown, text, build=False, source=source)[1]


def _read(
    path: Path,
    definition: Definition,
    shown: str | None,
    text: str | bytes | None,
    build: bool,
    source: FileSource | None = None,
    rows_read: RowsRead | None = None,
) -> tuple[Sheet | None, list[Problem]]:
    """Read a sheet from its source, or from the text (or a workbook's bytes) given."""
    shown = shown or str(path)
    period = period_of_file(path.name)
    worksheet = None
    csv_text = ""
    try:
        if text is None:
            text = (source or WORKING_TREE).read_bytes(path, shown, limit_of(path))
        if is_workbook(path.name) and not isinstance(text, str):
            from compactscore.load.workbook import read_worksheet

            worksheet = read_worksheet(text, shown, period)
        elif isinstance(text, bytes):
            check_size(len(text), shown)
            csv_text = decode(text, shown)
        else:
            # No character takes more than 4 bytes: a text that short is within the limit.
            if len(text) * 4 > MAX_BYTES:
                check_size(len(text.encode("utf-8", "replace")), shown)
            csv_text = text
    except DataError as error:
        return None, error.problems
    in_name = period_in_name(path.name) if period is None else None
    reader = _SheetReader(shown, definition, period or in_name, build=build)
    reader.rows_read = rows_read
    sheet = reader.read_worksheet(worksheet) if worksheet is not None else reader.read(csv_text)
    if period is None and reader.complete:
        ending = path.suffix.lower() if worksheet is not None else ".csv"
        if in_name is not None:
            reader.warn(
                None,
                f"the file name {path.name!r} is not a period alone: the sheet is read as "
                f"{in_name} (version {reader.version} of the definition), but the repository's "
                "trend, gaps and report look only for files named for their period.",
                f"Name it {in_name}{ending} to include it in them.",
            )
        else:
            reader.warn(
                None,
                f"the file name {path.name!r} is not a period, so the sheet is read against "
                f"the latest version ({reader.version}) of the definition and left out of "
                "trends.",
                f"Name the file for its period, such as 2024{ending} or 2024-25{ending}.",
            )
    return sheet, reader.problems


def limit_of(path: Path) -> int:
    """The most bytes a sheet may have: a workbook is zipped, so more than a CSV file."""
    return MAX_WORKBOOK_BYTES if is_workbook(path.name) else MAX_BYTES


class _SheetReader:
    """Walks one sheet's records, collecting problems rather than stopping at the first."""

    def __init__(
        self, shown: str, definition: Definition, period: Period | None, build: bool = True
    ) -> None:
        self.shown = shown
        self.build = build  # False: only find the problems, make no rows
        self.definition = definition
        self.period = period
        self.version = definition.version_for(period)
        self.in_force = definition.in_force(self.version)
        self.scale = definition.scale
        # The cells nearly every row holds, read without a regular expression.
        self.plain_points = {str(point): point for point in self.scale.points}
        self.problems: list[Problem] = []
        self.errors = 0
        self.complete = False  # the header and rows were read, whatever their problems
        self.delimiter = ","
        # A workbook's worksheet: problems name its cells, and lines are its rows.
        self.worksheet: Worksheet | None = None
        self.line_word = "line"
        self.positions: dict[str, int] = {}  # our column keys and where they are
        self.rows_read: RowsRead | None = None
        self.layout: Layout | None = None  # the header's, once it is read

    def error(
        self, line: int | None, message: str, fix: str = "", column: str | None = None
    ) -> None:
        self.problems.append(
            Problem(self.shown, line, message, fix, place=self._place(line, column))
        )
        self.errors += 1

    def warn(
        self, line: int | None, message: str, fix: str = "", column: str | None = None
    ) -> None:
        self.problems.append(
            Problem(
                self.shown, line, message, fix, Severity.WARNING, place=self._place(line, column)
            )
        )

    def _place(self, line: int | None, column: str | None) -> str:
        if self.worksheet is None:
            return ""
        return self.worksheet.place(line, self.positions.get(column) if column else None)

    def read_worksheet(self, worksheet: Worksheet) -> Sheet | None:
        """Read a workbook's worksheet, its rows already records from the header down."""
        self.worksheet = worksheet
        self.line_word = "row"
        return self._read_records(worksheet.records)

    def read(self, text: str) -> Sheet | None:
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = text.split("\n") if self.rows_read is not None and self.build else None
        if lines is not None:
            sheet = self._rows_changed(lines)
            if sheet is not None:
                return sheet
        if conflict_marked(text, self.error):
            return None
        by_line = None if lines is None else self._line_records(text, lines)
        if by_line is None:
            self.delimiter, records = read_records(text, self.error)
        sheet = self._read_records(records if by_line is None else by_line)
        if self.rows_read is not None:
            self.rows_read.last = None
            kept = self.rows_read.known.get(self._header_key(self.layout)) if self.layout else None
            if lines and by_line and sheet and self.layout and kept and not self.problems:
                self.rows_read.last = _Clean(
                    lines,
                    sheet,
                    self.layout,
                    self.definition,
                    {key: position for position, key in self.layout.ours},
                    kept,
                    # With no problem, every row is kept, in the order of the sheet's rows.
                    {number: place for place, number in enumerate(kept)},
                )
        return sheet

    def _rows_changed(self, lines: list[str]) -> Sheet | None:
        """The sheet, when it is the version read before but for some rows' lines; else None.

        Many versions of one sheet each change a row or two. When the version before
        was read line by line without a problem and this one has the same header and
        as many lines, only the lines that differ are read: each must still be a plain
        row (the quick lane of ``_rows``) for the indicator its line had, so that
        the other rows, the same lines, are the same rows with no problem. Anything
        else (a line added, a problem, a doubt) gives None: the version is read whole.
        """
        held = self.rows_read
        last = None if held is None else held.last
        # The header alone chose the separator, and the rows were read for this period.
        if (
            held is None
            or last is None
            or len(lines) != len(last.lines)
            or held.first_line != (lines[0], last.sheet.delimiter)
            or last.definition is not self.definition
            or (last.sheet.version, last.sheet.period) != (self.version, self.period)
        ):
            return None
        layout, at, kept = last.layout, last.at, last.kept
        delimiter = last.sheet.delimiter
        passes = self._plain_lane(at, len(layout.columns), self._indexes()[0], {})
        read: list[tuple[int, list[str], Indicator]] = []
        # The numbers of the lines that differ, found without a loop of ours over every line.
        for number in compress(count(1), map(ne, lines, last.lines)):
            seen = kept.get(number)
            record = line_record(lines[number - 1], delimiter)
            if seen is None or record is None or passes(number, record) is not seen[1]:
                return None
            read.append((number, record, seen[1]))
        rows = list(last.sheet.rows)
        if read:
            known = held.lines[1]
            for number, record, indicator in read:
                row = self._plain_row(number, indicator, record, at, layout.theirs)
                rows[last.places[number]] = row
                kept[number] = (record, indicator, row)
                gone = last.lines[number - 1]
                if gone not in lines:
                    known.pop(gone, None)
                known[lines[number - 1]] = record
        sheet = last.sheet.model_copy(update={"path": self.shown, "rows": rows})
        held.last = last._replace(lines=lines, sheet=sheet)
        self.delimiter, self.complete = delimiter, True
        return sheet

    def _line_records(self, text: str, lines: list[str]) -> list[tuple[int, list[str]]] | None:
        """The records of a version whose every record is one line, its known lines not
        parsed again; None when it must be read whole. Only while versions are remembered."""
        assert self.rows_read is not None
        first = lines[0]
        remembered = self.rows_read.first_line
        if remembered is not None and remembered[0] == first:
            delimiter, hinted = remembered[1], False
        else:
            delimiter, hinted = sniff_delimiter(text)
            if hinted:
                return None
            if first.strip() and '"' not in first and delimiter in first:
                # The header, with no quotes: its separators alone chose this one.
                self.rows_read.first_line = (first, delimiter)
        before, known = self.rows_read.lines
        found = line_records(lines, known if before == delimiter else {}, delimiter)
        if found is None:
            return None
        records, read = found
        self.rows_read.lines = (delimiter, read)
        self.delimiter = delimiter
        return records

    def _read_records(self, records: list[tuple[int, list[str]]]) -> Sheet | None:
        if not records:
            if not self.problems:
                # Blank lines, or only empty cells such as ,,, or "": nothing to read.
                self.error(
                    None,
                    "is empty: it has no header row.",
                    "The first line must name the columns, such as: indicator,score,evidence",
                )
            return None
        (header_line, header), *body = records
        # A collection's sheets mostly share one header: its layout is worked out once.
        layout = clean_layout(tuple(header))
        if layout is None:
            if title_above(records, self.error):
                return None
            columns = header_columns(header_line, header, body, self.error, self.warn)
            if columns is None:
                return None
            layout = Layout.of(columns)
        self.layout = layout
        if self.worksheet is not None:
            self.positions = {key: position for position, key in layout.ours}
        if not body:
            if not self.errors:  # rows that could not be read are already named
                self.error(
                    header_line,
                    "the sheet has a header but no rows.",
                    f"Add a row for each indicator (1 to {len(self.in_force)}); "
                    "'compactscore new' writes a sheet with every indicator listed.",
                )
            return None
        rows = self._rows(layout, body)
        self.complete = True
        if not self.build:
            return None
        named = [(original, key) for original, key in layout.columns if original]
        return Sheet(
            path=self.shown,
            period=self.period,
            version=self.version,
            columns=[original for original, _ in named],
            keys=[key for _, key in named],
            rows=rows,
            delimiter=self.delimiter,
        )

    def _rows(self, layout: Layout, body: list[tuple[int, list[str]]]) -> list[Row]:
        by_number, by_id = self._indexes()
        first_line: dict[str, int] = {}
        rows: list[Row] = []
        columns, ours, theirs = layout.columns, layout.ours, layout.theirs
        our_cells, our_keys = layout.our_cells, layout.our_keys
        at = {key: position for position, key in ours}
        plain_lane = self._plain_lane(at, len(columns), by_number, first_line)
        known = self._rows_known(layout)
        kept: dict[int, tuple[list[str], Indicator, Row]] = {}  # this version's, for the next
        for line, record in body:
            # Rows remembered (history): the same line, with the same cells, is the same row.
            # A line not parsed again is the very record read before: no cell is compared.
            seen = None if known is None else known.get(line)
            if (
                seen is not None
                and (seen[0] is record or seen[0] == record)
                and seen[1].id not in first_line
            ):
                first_line[seen[1].id] = line
                rows.append(seen[2])
                kept[line] = seen
                continue
            plain = plain_lane(line, record)
            if plain is not None:
                if self.build:
                    rows.append(self._plain_row(line, plain, record, at, theirs))
                    if known is not None:
                        kept[line] = (record, plain, rows[-1])
                continue
            if len(record) > len(columns) and any(cell.strip() for cell in record[len(columns) :]):
                self.error(
                    line,
                    f"this row has {len(record)} cells but the header names {len(columns)} columns.",
                    "Remove the extra cells or name their column; a cell that holds a comma "
                    "must be in quotes.",
                )
                continue
            if len(record) < len(columns):
                # A short row: only the cells it has (spreadsheets drop empty trailing cells).
                cells = {key: record[at].strip() for at, key in ours if at < len(record)}
                extra = {name: record[at] for at, name in theirs if at < len(record)}
            else:
                cells = dict(zip(our_keys, map(str.strip, our_cells(record)), strict=True))
                extra = {name: record[at] for at, name in theirs}
            cells = {key: unneutralised(value) for key, value in cells.items()}
            extra = {name: unneutralised(value) for name, value in extra.items()}
            total = total_cell(cells.get(Column.INDICATOR, ""), record, by_number)
            if total:
                self.error(
                    line,
                    f"{total!r} is a total row, not an indicator: "
                    "compactscore adds up the total itself.",
                    "Delete this row; 'compactscore score' shows the total and each theme's "
                    "sub-total.",
                )
                continue
            cell = cells.get(Column.INDICATOR, "")
            indicator = indicator_of(cell, by_number, by_id)
            if indicator is None:
                self.error(
                    line,
                    *indicator_problem(cell, self.definition, self.version, self.period),
                    Column.INDICATOR,
                )
                continue
            if indicator.id in first_line:
                self.error(
                    line,
                    f"indicator {indicator.number} ({indicator.id}) is already on "
                    f"{self.line_word} {first_line[indicator.id]}.",
                    "Keep one row per indicator and delete the other.",
                    Column.INDICATOR,
                )
                continue
            first_line[indicator.id] = line
            problems = len(self.problems)
            row = self._row(line, indicator, cells, extra)
            if row is not None:
                rows.append(row)
                if known is not None and len(self.problems) == problems:
                    kept[line] = (record, indicator, row)
        if known is not None and self.rows_read is not None:
            self.rows_read.known = {self._header_key(layout): kept}
        missing = [indicator for indicator in self.in_force if indicator.id not in first_line]
        # On a sheet with errors the missing rows are mostly the broken ones: fix those first.
        if missing and len(missing) < len(self.in_force) and not errors_in(self.problems):
            numbers = ", ".join(str(indicator.number) for indicator in missing)
            self.warn(
                None,
                f"no row for indicator{'s' if len(missing) > 1 else ''} {numbers}: "
                "counted as not scored.",
                "Add a row for each, with the score left empty if it is not agreed yet.",
            )
        return rows

    def _indexes(self) -> tuple[dict[str, Indicator], dict[str, Indicator]]:
        """The indicators in force by number and by id, made once for many versions."""
        held = None if self.rows_read is None else self.rows_read.indexes
        if held is not None and held[0] is self.definition and held[1] == self.version:
            return held[2], held[3]
        by_number = {str(indicator.number): indicator for indicator in self.in_force}
        by_id = {indicator.id: indicator for indicator in self.in_force}
        if self.rows_read is not None:
            # The definition itself is held: the same object, never another at its address.
            self.rows_read.indexes = (self.definition, self.version, by_number, by_id)
        return by_number, by_id

    def _rows_known(self, layout: Layout) -> dict[int, tuple[list[str], Indicator, Row]] | None:
        """The rows read before under this header, for this period, if rows are remembered."""
        if self.rows_read is None or not self.build or self.worksheet is not None:
            return None
        return self.rows_read.known.get(self._header_key(layout), {})

    def _header_key(self, layout: Layout) -> tuple[object, ...]:
        return (tuple(layout.columns), self.period, self.version, id(self.definition))

    def _plain_lane(
        self,
        at: dict[str, int],
        width: int,
        by_number: dict[str, Indicator],
        first_line: dict[str, int],
    ) -> Callable[[int, list[str]], Indicator | None]:
        """A quick test passing the rows that plainly have no problem: nearly every row.

        A row passes (its indicator is given back) when it is full width, names an
        indicator by a number not seen before, every point cell is empty or a plain
        point, and it has no due date or status; anything else (n/a, any doubt, a
        date) goes the long way, which words its problems.
        """
        indicator_at, score_at = at[Column.INDICATOR], at[Column.SCORE]
        sides_at = [at[column] for column in _POINT_COLUMNS if column in at]
        evidence_at = at.get(Column.EVIDENCE)
        # A due date or a status is checked the long way, which words its problems.
        action_at = [at[column] for column in PLAN if column in at]
        blank_or_plain = {"", *self.plain_points}

        def passes(line: int, record: list[str]) -> Indicator | None:
            if len(record) != width:
                return None
            indicator = by_number.get(record[indicator_at].strip())
            if (
                indicator is None
                or indicator.id in first_line
                or record[score_at].strip() not in blank_or_plain
            ):
                return None
            for position in sides_at:
                if record[position].strip() not in blank_or_plain:
                    return None
            for position in action_at:
                if record[position].strip():
                    return None
            if (
                evidence_at is not None
                and record[evidence_at].lstrip().startswith(_CARRIED_START)
                and record[score_at].strip()
            ):
                return None  # scored on last period's evidence, perhaps: the long way words it
            first_line[indicator.id] = line
            return indicator

        return passes

    def _plain_row(
        self,
        line: int,
        indicator: Indicator,
        record: list[str],
        at: dict[str, int],
        theirs: list[tuple[int, str]],
    ) -> Row:
        """The row of a record the plain lane passed: its points are plain, its plan empty."""
        point = self.plain_points.get
        score = point(record[at[Column.SCORE]].strip())
        words: dict[str, str] = {
            column: unneutralised(record[at[column]].strip()) for column in _WORDS if column in at
        }
        sides: dict[str, int | None] = {
            column: point(record[at[column]].strip()) for column in _POINT_COLUMNS if column in at
        }
        return self._make_row(
            line,
            indicator,
            score,
            ScoreState.SCORED if score is not None else ScoreState.NOT_SCORED,
            words,
            "",
            ActionStatus.OPEN,
            sides,
            {name: unneutralised(record[position]) for position, name in theirs},
        )

    def _row(
        self, line: int, indicator: Indicator, cells: dict[str, str], extra: dict[str, str]
    ) -> Row | None:
        before = self.errors
        text = cells.get(Column.SCORE, "")
        score = self.plain_points.get(text)
        state = ScoreState.SCORED if score is not None else ScoreState.NOT_SCORED
        if score is None and text.lower() in NOT_APPLICABLE:
            state = ScoreState.NOT_APPLICABLE
            if not cells.get(Column.EVIDENCE):
                self.error(
                    line,
                    f"indicator {indicator.number} is marked n/a with no reason.",
                    "Say in the evidence column why it does not apply here.",
                    Column.EVIDENCE,
                )
        elif score is None and text:
            score = self._points(line, Column.SCORE, text, self.scale, allow_na=True)
            state = ScoreState.SCORED
        sides: dict[str, int] = {}
        for column in _POINT_COLUMNS:
            value = cells.get(column)
            if value:
                plain = self.plain_points.get(value)
                if plain is None and column in SIDES and value.lower() in NOT_APPLICABLE:
                    # One side thinks the indicator does not apply here: it gives no score,
                    # as if the cell were empty, and agree lists it as a view missing.
                    continue
                sides[column] = (
                    self._points(line, column, value, self.scale) if plain is None else plain
                )
        due = due_value(cells[Column.DUE]) if cells.get(Column.DUE) else ""
        if due is None:
            self.error(line, *due_problem(cells[Column.DUE]))
        status = status_value(cells.get(Column.STATUS, ""))
        if status is None:
            self.error(line, *status_problem(cells[Column.STATUS]))
        if self.errors > before or due is None or status is None:
            return None
        if state is ScoreState.NOT_APPLICABLE and Column.TARGET in sides:
            # A target for an indicator that does not apply cannot be met or missed.
            self.warn(
                line,
                f"indicator {indicator.number} is n/a but has a target of {sides['target']}, "
                "which is not checked.",
                "Clear the target, or score the indicator if it applies after all.",
                Column.TARGET,
            )
        if state is not ScoreState.NOT_SCORED:
            carried = carried_warning(indicator, state, cells.get(Column.EVIDENCE, ""), self.period)
            if carried is not None:
                self.warn(line, *carried, Column.EVIDENCE)
        if not self.build:
            return None
        return self._make_row(line, indicator, score, state, cells, due, status, sides, extra)

    @staticmethod
    def _make_row(
        line: int,
        indicator: Indicator,
        score: int | None,
        state: ScoreState,
        words: dict[str, str],
        due: str,
        status: ActionStatus,
        sides: Mapping[str, int | None],
        extra: dict[str, str],
    ) -> Row:
        return Row(
            line=line,
            indicator=indicator.id,
            score=score,
            state=state,
            evidence=words.get(Column.EVIDENCE, ""),
            action=words.get(Column.ACTION, ""),
            owner=words.get(Column.OWNER, ""),
            due=due,
            status=status,
            target=sides.get(Column.TARGET),
            sector_score=sides.get(Column.SECTOR_SCORE),
            public_score=sides.get(Column.PUBLIC_SCORE),
            extra=extra,
        )

    def _points(
        self, line: int, column: str, text: str, scale: Scale, allow_na: bool = False
    ) -> int:
        """A whole number on the scale, or an error recorded (and 0 returned)."""
        point = whole_point(text, scale)
        if point is None:
            point = spreadsheet_point(text, scale)
        if point is None:
            self.error(line, *point_problem(column, text, scale, allow_na), column)
            return 0
        return point
