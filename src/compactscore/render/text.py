"""Views to text: rich tables for terminals, CSV and Markdown for papers."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial
from operator import itemgetter
from typing import TYPE_CHECKING, TypeVar, cast

from rich import box
from rich._wrap import divide_line
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.markup import escape
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from compactscore.controls import PRINTABLE_ASCII, escape_controls, without_ascii
from compactscore.render.csvtext import csv_text
from compactscore.render.view import Column, Grid, View

if TYPE_CHECKING:
    from rich.table import Table

_TEXT_FLOOR = 12  # a column of running text is never narrower than this, unless it fits in less
_BORDERS = 3  # each column's left border and padding either side; the table adds one more
_T = TypeVar("_T")


def to_rich(view: View, console: Console) -> RenderableType:
    """A view as rich renderables for this console: headline, each table, notes.

    Each table is laid out for the console's width. One that cannot fit leaves out
    the columns that repeat what is shown elsewhere, with a note naming them; one
    that still cannot fit is shown one block per row, its fields labelled, so that no
    line is wider than the console and no word is cut.
    """
    width = console.width
    parts: list[RenderableType] = [_from_markup(printable(line)) for line in view.headline]
    for grid in view.grids:
        parts.append(Text(""))
        parts.extend(_fitted(grid, console, width))
    if view.notes:
        parts.append(Text(""))
        parts.extend(_from_markup(printable(note)) for note in view.notes)
    return Group(*parts)


def _from_markup(markup: str) -> Text:
    """``Text.from_markup``, without looking for emoji codes where there can be none."""
    return Text.from_markup(markup, emoji=markup.count(":") >= 2)


class _Rendered:
    """Lines already laid out, printed as they are: a table is laid out only once.

    Given a function rather than lines, it makes them as they are printed, so that
    thousands of blocks are never all held at once.
    """

    def __init__(self, lines: list[list[Segment]] | Callable[[], Iterable[list[Segment]]]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = self.lines() if callable(self.lines) else self.lines
        if isinstance(lines, _Blocks):
            # Without colour a style writes nothing, so each line is its text alone.
            yield from lines.segments() if console.color_system else map(Segment, lines.texts())
            return
        yield from _joined(lines)

    def printed_in_parts(self, console: Console) -> Iterator[RenderableType]:
        """The lines a few thousand at a time, each part printed alone: never all held at once."""
        lines = self.lines() if callable(self.lines) else self.lines
        if not isinstance(lines, _Blocks):
            yield self
            return
        if console.color_system is None:
            yield from map(_Piece, lines.texts())
            return
        part: list[_Block] = []
        count = 0  # lines in the part
        for block in lines.laid_out():
            part.append(block)
            count += len(block[0])
            if count >= _PART:
                yield _Rendered(partial(_Blocks, part, lines.console, lines.width, False))
                part, count = [], 0
        if part:
            yield _Rendered(partial(_Blocks, part, lines.console, lines.width, False))


_PART = 2000  # lines of blocks printed at a time


class _Piece:
    """Lines of text, each ended by a line break, written as they are."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Segment(self.text)


def _fitted(grid: Grid, console: Console, width: int) -> list[RenderableType]:
    """A grid as a table no wider than the console, or as blocks, and a note of what was left out.

    In order: the boxed table; without the columns that repeat what is shown
    elsewhere; the same in the compact style (no borders); without the earliest
    periods of a long history; and last, one block per row.
    """
    shown, hidden = _shown(grid, width)
    attempts = [(shown, hidden, 0)]
    while any(column.optional for column in attempts[-1][0].columns):
        last, left_out, _ = attempts[-1]
        # The rightmost column that repeats what is shown elsewhere goes first.
        drop = max(i for i, column in enumerate(last.columns) if column.optional)
        attempts.append((_but(last, drop), [last.columns[drop].header, *left_out], 0))
    tries = [(*attempt, False) for attempt in attempts] + [(*a, True) for a in attempts]
    last, left_out, _ = attempts[-1]
    periods = [i for i, column in enumerate(last.columns) if column.period]
    for earlier in range(1, len(periods)):
        # A long history keeps its most recent periods; the note counts the others.
        fewer = _without(last, [i for i in range(len(last.columns)) if i not in periods[:earlier]])
        tries += [(fewer, left_out, earlier, False), (fewer, left_out, earlier, True)]
    measures = _Measures(grid)
    for candidate, dropped, fewer_periods, compact in tries:
        if _cannot_fit(candidate, width, compact, measures):
            continue  # column_widths would say None, after measuring every row
        widths = column_widths(candidate, width, compact, measures)
        lines = None if widths is None else _table_lines(candidate, widths, console, width, compact)
        if lines is not None:
            left_out, earlier = dropped, fewer_periods
            break
    else:
        # No table fits: one block per row, every field labelled, nothing left out.
        whole, _ = _shown(grid, 10**6)
        return [_Rendered(partial(_stacked_lines, whole, console, width))]
    labels = [column.header for i, column in enumerate(last.columns) if i in periods[:earlier]]
    parts: list[RenderableType] = [_Rendered(lines)]
    if left_out:
        parts.append(
            Text(
                f"Left out at this width: {', '.join(left_out)}. Widen the "
                "terminal, or use --format markdown or csv, to see every column.",
                style="dim",
            )
        )
    if labels:
        span = labels[0] if len(labels) == 1 else f"{labels[0]} to {labels[-1]}"
        count = "1 earlier period" if len(labels) == 1 else f"{len(labels)} earlier periods"
        parts.append(
            Text(
                f"Left out at this width: {count} ({span}). Choose the periods with --last N "
                "or --since PERIOD, or widen the terminal.",
                style="dim",
            )
        )
    return parts


def _but(grid: Grid, drop: int) -> Grid:
    return _without(grid, [i for i in range(len(grid.columns)) if i != drop])


class _Measures:
    """Each column's natural width, least width and words, worked out once for every try.

    The tables tried for one grid are that grid with columns left out: their
    columns are the grid's own, so a column's measures are the same in each.
    """

    def __init__(self, grid: Grid) -> None:
        # A column object twice in one grid would be measured once: then nothing is kept.
        self.keep = len({id(column) for column in grid.columns}) == len(grid.columns)
        self.found: dict[tuple[str, int], object] = {}

    def get(self, what: str, grid: Grid, position: int, work: Callable[[], _T]) -> _T:
        if not self.keep:
            return work()
        key = (what, id(grid.columns[position]))
        if key not in self.found:
            self.found[key] = work()
        return cast(_T, self.found[key])


def column_widths(
    grid: Grid, width: int, compact: bool = False, measures: _Measures | None = None
) -> list[int] | None:
    """Each column's width for a table no wider than ``width``, or None if none fits.

    Every column is at least as wide as its longest word, so no word is broken; a
    column of running text is at least ``min_width`` wide (or all of its text). The
    room left goes, a few characters at a time, where it saves the most lines; what
    saves none is shared by the text columns by weight, then by the others.
    """
    count = len(grid.columns)
    room = _room(count, width, compact)
    known = measures or _Measures(grid)
    cells: list[list[str]] = []
    natural: list[int] = []
    widths: list[int] = []
    for i, column in enumerate(grid.columns):
        # Column by column, stopping as soon as the narrowest widths are too wide.
        cells.append(known.get("cells", grid, i, partial(_cells, grid, i)))
        natural.append(known.get("natural", grid, i, partial(_natural, cells[i])))
        widths.append(known.get("least", grid, i, partial(_least, column, cells[i], natural[i])))
        if sum(widths) > room:
            return None
    if sum(natural) <= room:
        return natural
    words = [known.get("words", grid, i, partial(_words_of, cells[i])) for i in range(count)]
    _shorten_rows(grid, widths, natural, room, words)
    text = [i for i, column in enumerate(grid.columns) if _is_text(column)]
    _share(grid, text, widths, natural, room)
    _share(grid, [i for i in range(count) if i not in text], widths, natural, room)
    return widths


def _room(count: int, width: int, compact: bool) -> int:
    """The width left for the columns' text once borders and padding are drawn."""
    # Boxed, each column has a border and a space either side; compact, two spaces between.
    return width - (2 * (count - 1) if compact else _BORDERS * count + 1)


_SAMPLE = 50  # rows measured first: in a long table, enough to show that no layout fits


def _cannot_fit(grid: Grid, width: int, compact: bool, measures: _Measures) -> bool:
    """Whether ``column_widths`` would find no table fits, known from the first rows alone.

    No column is narrower than what the header, the first rows and the footer need
    (their longest word, the floor for running text): when those least widths are
    already too wide together, so are those of every row. When they are not, this
    says nothing, and the rows are all measured.
    """
    if len(grid.rows) <= _SAMPLE:
        return False
    room = _room(len(grid.columns), width, compact)
    first = Grid(grid.title, grid.columns, grid.rows[:_SAMPLE], footer=grid.footer)
    total = 0
    for i, column in enumerate(grid.columns):
        total += measures.get("bound", grid, i, partial(_bound, first, i, column))
        if total > room:
            return True
    return False


def _bound(grid: Grid, position: int, column: Column) -> int:
    cells = _cells(grid, position)
    return _least(column, cells, _natural(cells))


def _shorten_rows(
    grid: Grid,
    widths: list[int],
    natural: list[int],
    room: int,
    cells: list[list[list[list[int]]]],
) -> None:
    """Widen, step by step, the column whose widening saves the most lines per character.

    A row is as tall as its tallest cell, so lines saved in one column alone may not
    shorten the table: those count too, but less; and a short cell (a score's words,
    a target) kept on one line counts as much as a line off the table.
    """
    short = [not _is_text(column) for column in grid.columns]
    count = len(widths)
    # Each cell's widest line unwrapped, its longest word, and where each word ends.
    shapes = [[_shape(cell) for cell in column] for column in cells]
    counted: dict[tuple[int, int], tuple[list[int], int]] = {}

    def lines(position: int, at: int) -> tuple[list[int], int]:
        """Each cell's line count at this width, and the column's share of the cost."""
        if (position, at) not in counted:
            found = [
                len(cell)  # every line of words fits: one line each
                if widest <= at
                else _count_between_words(ends, at)
                if longest <= at
                else _line_count(cell, at)
                for cell, (widest, longest, ends) in zip(
                    cells[position], shapes[position], strict=True
                )
            ]
            own = sum(found) + (1000 * sum(n > 1 for n in found) if short[position] else 0)
            counted[position, at] = (found, own)
        return counted[position, at]

    while sum(widths) < room:
        current = [lines(i, widths[i]) for i in range(count)]
        # The table's cost: 1000 a line of its height, 1000 a short cell broken over
        # lines, and 1 a line of any cell. Widening one column changes only its own
        # share (its lines, its broken short cells) and the rows it is tallest in.
        height = (
            sum(map(max, *(found for found, _ in current))) if count > 1 else sum(current[0][0])
        )
        best: tuple[float, int, int] | None = None
        for i in range(count):
            steps = min(room - sum(widths), natural[i] - widths[i])
            if steps < 1:
                continue
            rest: list[int] | None = None  # each row's height without this column
            before = 1000 * height + current[i][1]
            for step in range(1, steps + 1):
                found, own = lines(i, widths[i] + step)
                if found == current[i][0]:
                    continue  # not a line saved in this column: nothing saved
                if rest is None:
                    others = [counts for j, (counts, _) in enumerate(current) if j != i]
                    rest = list(map(max, *others)) if len(others) > 1 else (others or [[]])[0]
                tallest = sum(map(max, rest, found)) if rest else sum(found)
                saved = before - (1000 * tallest + own)
                if saved > 0:
                    if best is None or saved / step > best[0]:
                        best = (saved / step, i, step)
                    break
        if best is None:
            return
        widths[best[1]] += best[2]


def _words_of(cells: list[str]) -> list[list[list[int]]]:
    """The widths of the words of each line of each cell of a column, header and footer too."""
    return [
        [
            list(map(len, line.split()))  # one cell a character: the common case
            if _one_cell_each(line)
            else [text_width(word) for word in line.split()]
            for line in cell.split("\n")
        ]
        for cell in cells
    ]


def _shape(cell: list[list[int]]) -> tuple[int, int, list[list[int]]]:
    """A cell's widest line of words unwrapped, its longest word, and where each word ends.

    The ends of a line's words count a space after each: the words from the i-th to
    before the j-th take ``ends[j] - ends[i] - 1`` cells.
    """
    widest = longest = 0
    ends: list[list[int]] = []
    for words in cell:
        line = [0]
        for length in words:
            line.append(line[-1] + length + 1)
        ends.append(line)
        widest = max(widest, line[-1] - 1)
        longest = max(longest, max(words, default=0))
    return widest, longest, ends


def _count_between_words(ends: list[list[int]], width: int) -> int:
    """How many lines a cell takes wrapped between words at this width, no word wider than it.

    What ``_line_count`` counts, found a line at a time: each line takes the most
    words whose ends fit.
    """
    count = 0
    for line in ends:
        last = len(line) - 1
        start = 0
        count += 1
        while True:
            start = bisect_right(line, line[start] + width + 1) - 1
            if start >= last:
                break
            count += 1
    return count


def _line_count(cell: list[list[int]], width: int) -> int:
    """How many lines a cell takes wrapped between words at this width."""
    count = 0
    for words in cell:
        count += 1
        used = -1
        for length in words:
            if used >= 0 and used + 1 + length <= width:
                used += 1 + length
            elif used < 0:
                used = length
            else:
                count += 1
                used = length
            if length > width:  # a word longer than the width takes more lines of its own
                count += -(-length // width) - 1
                used = length % width or width
    return count


def _share(
    grid: Grid, columns: list[int], widths: list[int], natural: list[int], room: int
) -> None:
    """Grow these columns toward their natural width, sharing the room by weight."""
    growing = [i for i in columns if widths[i] < natural[i]]
    while growing and sum(widths) < room:
        spare = room - sum(widths)
        weights = sum(grid.columns[i].weight for i in growing)
        for i in growing:
            share = max(1, spare * grid.columns[i].weight // weights)
            widths[i] += min(share, natural[i] - widths[i], room - sum(widths))
        growing = [i for i in growing if widths[i] < natural[i]]


def _is_text(column: Column) -> bool:
    return column.shorten or column.fill


def _cells(grid: Grid, position: int) -> list[str]:
    """A column's cells as printed (headers and footer too), control characters escaped."""
    cells = [grid.columns[position].header]
    cells += [row[position] for row in grid.rows if position < len(row)]
    if grid.footer:
        cells.append(grid.footer[position])
    return [printable(cell) for cell in cells]


def _natural(cells: list[str]) -> int:
    return max(
        len(cell)
        if cell.isascii() and cell.isprintable()  # one line of plain text: the common case
        else max(text_width(line) for line in cell.split("\n"))
        for cell in cells
    )


def _least(column: Column, cells: list[str], natural: int) -> int:
    """The narrowest a column may be: its longest word, and a floor for running text."""
    if column.whole:
        return natural
    longest = max(map(_longest_word, cells), default=1)
    floor = column.min_width or (_TEXT_FLOOR if _is_text(column) else 0)
    return max(longest, min(natural, floor), 1)


def _longest_word(cell: str) -> int:
    if cell.isascii() and cell.isprintable():
        return max(map(len, cell.split()), default=0)
    return max(map(text_width, cell.split()), default=0)


def wrap_words(text: str, width: int) -> list[str]:
    """Text as lines no wider than ``width``, broken only between words.

    Line breaks in the text are kept, and a line that starts with a bullet goes on
    under its first word. A word longer than the width is the one thing
    broken, over as many lines as it needs: nothing is ever cut off.
    """
    return _wrap_words(text, width, _one_cell_each(text))


def _wrap_words(text: str, width: int, plain: bool, printable: bool | None = None) -> list[str]:
    """``wrap_words``, told whether the text is one line, a cell a character (the common case).

    And whether it is printable, when that is known already.
    """
    width = max(width, 1)
    if plain and len(text) <= width:
        return [" ".join(text.split())]
    if plain and not text.startswith("• "):
        if printable is None:
            printable = text.isprintable()
        if not (printable and "  " not in text and text[0] != " " != text[-1]):
            text = " ".join(text.split())  # printable, only a space is white space
        return _wrap_plain(text, width)
    return _wrap_slowly(text, width, len if plain else text_width)


def _wrap_slowly(text: str, width: int, measure: Callable[[str], int]) -> list[str]:
    """``wrap_words``, word by word."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if paragraph.startswith("• ") and max(map(cell_len, words)) <= width - 2:
            # A bulleted line's own lines start under its first word, not under the bullet.
            first, *rest = wrap_words(paragraph[2:], width - 2)
            lines += [f"• {first}", *(f"  {line}" for line in rest)]
            continue
        line, used = "", 0  # the line so far, and its width
        for word in words:
            size = measure(word)
            while size > width:
                if line:
                    lines.append(line)
                    line = ""
                head = _head(word, width)
                lines.append(head)
                word = word[len(head) :]
                size = text_width(word)
            if not line:
                line, used = word, size
            elif used + 1 + size <= width:
                line, used = f"{line} {word}", used + 1 + size
            else:
                lines.append(line)
                line, used = word, size
        lines.append(line)
    return lines


def _wrap_plain(text: str, width: int) -> list[str]:
    """One line of words, single-spaced, each character one cell, wrapped as ``wrap_words`` does.

    Each line is the longest run of whole words that fits, found by looking back
    for the last space within the width; from a word longer than the width on,
    the rest is wrapped word by word.
    """
    lines = _lines_of(width).findall(text)
    if lines and "" not in lines:
        return lines  # some text, and no word too long
    lines = []
    start, end = 0, len(text)  # the rest of the text, not yet wrapped
    while end - start > width:
        cut = text.rfind(" ", start, start + width + 1)
        if cut <= start:  # a word longer than the width: broken, as wrap_words breaks it
            return lines + _wrap_slowly(text[start:], width, len)
        lines.append(text[start:cut])
        start = cut + 1
    lines.append(text[start:])
    return lines


@lru_cache(maxsize=64)
def _lines_of(width: int) -> re.Pattern[str]:
    """Each longest run of at most ``width`` characters before a space or the end.

    Where there is none, at a word longer than the width, the word is passed over
    and found as an empty line: each match starts where the one before ended.
    """
    return re.compile(f"(.{{1,{width}}})(?: |$)|[^ ]+ ?")


def text_width(text: str) -> int:
    """How many cells text takes on a terminal: rich's measure, quicker for plain text."""
    return len(text) if _one_cell_each(text) else cell_len(text)


_ONE_CELL: set[str] = set()  # characters but printable ASCII found to take one cell each


def _one_cell_each(text: str) -> bool:
    """Whether every character of the text takes one cell (no line break, no control)."""
    if text.isascii():
        return text.isprintable()
    return _all_one_cell(_but_printable_ascii(text))


def _but_printable_ascii(text: str) -> str:
    """The characters of the text but printable ASCII, in order."""
    return without_ascii(text, PRINTABLE_ASCII)


def _all_one_cell(others: str) -> bool:
    """Whether each of these characters (none printable ASCII) takes one cell."""
    return _ONE_CELL.issuperset(others) or _each_one_cell(frozenset(others))


@lru_cache(maxsize=4096)
def _each_one_cell(others: frozenset[str]) -> bool:
    # rich measures text without joiners character by character, each as cell_len does.
    if "\u200d" in others or "\ufe0f" in others:
        return False
    if not all(cell_len(char) == 1 for char in others):
        return False
    if len(_ONE_CELL) < 4096:
        _ONE_CELL.update(others)
    return True


def hanging(text: str, width: int, indent: int = 2) -> str:
    """Text wrapped between words, every line after the first indented: one item, however long."""
    first, *rest = text.split("\n")
    head = wrap_words(first, width)[0]
    words = first.split()
    taken = len(head.split())
    if words and head != " ".join(words[:taken]):  # the start of a word too long for a line
        words[0] = words[0][len(head) :]
        taken = 0
    remainder = " ".join(words[taken:])  # the rest of the first line, wrapped narrower
    lines = [head]
    for paragraph in ([remainder] if remainder else []) + rest:
        lines += [" " * indent + line for line in wrap_words(paragraph, width - indent)]
    return "\n".join(lines)


def _head(word: str, width: int) -> str:
    """The longest start of a word that fits the width (at least one character)."""
    end = 1
    while end < len(word) and cell_len(word[: end + 1]) <= width:
        end += 1
    return word[:end]


def _table_lines(
    grid: Grid, widths: list[int], console: Console, width: int, compact: bool
) -> list[list[Segment]] | None:
    """The grid as a table with these column widths, or None if it came out too wide."""
    lines = _drawn_table(grid, widths, console, width, compact)
    if lines is not None:
        return lines  # drawn only when it fits
    lines = _rich_table_lines(grid, widths, console, width, compact)  # what is not drawn here
    needed = max((Segment.get_line_length(line) for line in lines), default=0)
    return lines if needed <= width else None


def _rich_table_lines(
    grid: Grid, widths: list[int], console: Console, width: int, compact: bool
) -> list[list[Segment]]:
    """The grid laid out by rich's table: what ``_drawn_table`` draws, line for line."""
    table = _rich_table(grid, widths, compact)
    options = console.options.update_width(width)
    return list(Segment.split_lines(console.render(table, options)))


def _drawn_table(
    grid: Grid, widths: list[int], console: Console, width: int, compact: bool
) -> list[list[Segment]] | None:
    """The lines rich's table (``_rich_table``) would draw, segment for segment, drawn here.

    Every column's width is known and every cell already wrapped, so all that is
    left is the box, the padding, each line justified and the styles: rich's own
    rules for them are followed (its default theme's header, footer, title and
    caption styles; a row's style on its cells and padding; headers at the
    bottom of their row, other cells at the top). None when a cell holds text
    that rich would lay out otherwise (a line wider than its column, one it
    would break again), or when the table would be wider than ``width``.
    """
    count = len(grid.columns)
    if not count or len(widths) != count or min(widths) < 1:
        return None  # rich gives an empty column a width of its own
    # The padding either side of each cell: boxed, a space each side; compact,
    # a space after every column but the last, and no border but a space.
    if compact:
        pads = [(0, 1)] * (count - 1) + [(0, 0)]
        extra = count - 1
    else:
        pads = [(1, 1)] * count
        extra = count + 1
    spans = [w + left + right for w, (left, right) in zip(widths, pads, strict=True)]
    table_width = sum(spans) + extra
    if table_width > width:
        return None
    justify: list[str] = [column.justify for column in grid.columns]
    get_style = console.get_style
    null = Style.null()
    styled = partial(_styled_cells, widths=widths, pads=pads, spans=spans, justify=justify)

    header = styled(
        [column.header for column in grid.columns],
        get_style("table.header") + get_style(""),
        bottom=True,
    )
    if header is None:
        return None
    rows: list[tuple[list[list[list[Segment]]], Style]] = [(header, null)]
    named: dict[str, Style] = {}
    for position, row in enumerate(grid.rows):
        name = grid.styles[position] if position < len(grid.styles) else ""
        if name not in named:
            named[name] = get_style(name) if name else null
        row_style = named[name]
        cells = styled(row, get_style("") + row_style)
        if cells is None:
            return None
        rows.append((cells, row_style))
    if grid.footer is not None:
        footer = styled(grid.footer, get_style("table.footer") + get_style(""))
        if footer is None:
            return None
        rows.append((footer, null))

    options = console.options.update_width(width)
    shape = (box.SIMPLE_HEAD if compact else box.HEAVY_HEAD).substitute(
        options, safe=console.safe_box
    )
    border = get_style("none") + get_style("")
    edge = not compact
    lines: list[list[Segment]] = []
    notes: list[list[Segment]] = []  # the title's and caption's lines
    annotation = options.update(width=table_width, highlight=False, height=None)
    if grid.title:
        title = console.render_str(
            escape(printable(grid.title)), style="bold", highlight=False, emoji=_emoji(grid.title)
        )
        notes += Segment.split_lines(console.render(title, annotation.update(justify="left")))
        lines += notes
    if edge:
        lines.append([Segment(shape.get_top(spans), border)])
    sides = [
        (shape.head_left, shape.head_right, shape.head_vertical),
        (shape.mid_left, shape.mid_right, shape.mid_vertical),
        (shape.foot_left, shape.foot_right, shape.foot_vertical),
    ]
    last_row = len(rows) - 1
    for index, (cells, row_style) in enumerate(rows):
        if index == last_row and grid.footer is not None:
            lines.append([Segment(shape.get_row(spans, "foot", edge=edge), border)])
        left, right, between = sides[0 if index == 0 else (2 if index == last_row else 1)]
        divider = (
            Segment(between, border)
            if between.strip()
            else Segment(between, row_style.background_style + border)
        )
        for line_no in range(len(cells[0])):
            line: list[Segment] = [Segment(left, border)] if edge else []
            for column, cell in enumerate(cells):
                if column:
                    line.append(divider)
                line += cell[line_no]
            if edge:
                line.append(Segment(right, border))
            lines.append(line)
        if index == 0:
            lines.append([Segment(shape.get_row(spans, "head", edge=edge), border)])
    if edge:
        lines.append([Segment(shape.get_bottom(spans), border)])
    if grid.caption:
        caption = console.render_str(
            escape(printable(grid.caption)),
            style="table.caption",
            highlight=False,
            emoji=_emoji(grid.caption),
        )
        below = list(
            Segment.split_lines(console.render(caption, annotation.update(justify="center")))
        )
        lines += below
        notes += below
    if any(Segment.get_line_length(line) > table_width for line in notes):
        return None  # a title rich could not fold into the table's width
    return lines


def _emoji(text: str) -> bool | None:
    """False for text that cannot hold an emoji code (``:smile:``), else None (the console's own).

    Rich would find none in it anyway, and not looking spares loading its table of
    emoji codes (about 2 ms).
    """
    return False if text.count(":") < 2 else None


def _styled_cells(
    row: list[str],
    style: Style,
    *,
    widths: list[int],
    pads: list[tuple[int, int]],
    spans: list[int],
    justify: list[str],
    bottom: bool = False,
) -> list[list[list[Segment]]] | None:
    """A row's cells as lines of segments, as rich's table draws them, all of one height.

    A cell's padding takes the row's style (rich pads each cell with a style of
    its own, then styles the whole cell), its text a segment of its own; a cell
    shorter than the row gets lines of spaces in the row's style, below its text
    (above it, in the header).
    """
    texts: list[list[str]] = []
    for position, cell in enumerate(row):
        lines = _justified(cell, widths[position], justify[position])
        if lines is None:
            return None
        texts.append(lines)
    height = max(map(len, texts))
    pad_style = style if style else Style.null()
    text_style = style if style else None
    cells: list[list[list[Segment]]] = []
    for position, lines in enumerate(texts):
        left, right = pads[position]
        before = [Segment(" " * left, pad_style)] if left else []
        after = [Segment(" " * right, pad_style)] if right else []
        drawn = [[*before, Segment(text, text_style), *after] for text in lines]
        if len(drawn) < height:
            blank = [[Segment(" " * spans[position], style)]] * (height - len(drawn))
            drawn = blank + drawn if bottom else drawn + blank
        cells.append(drawn)
    return cells


def _justified(cell: str, width: int, justify: str) -> list[str] | None:
    """A cell's lines, wrapped and justified to the column's width as rich's text would be.

    None when rich would lay a line out otherwise: wider than the column, broken
    again by rich's own wrapping, or measured differently once padded.
    """
    lines = wrap_words(printable(cell), width)
    justified: list[str] = []
    for line in lines:
        plain = line.isascii() and line.isprintable()
        if plain:
            used = len(line)
            if used > width:
                return None
        else:
            used = cell_len(line)
            if (
                "\t" in line
                or used > width
                or divide_line(line, width)
                or (len(line) > width and line[-1:].isspace())
            ):
                return None
        if justify == "left":
            text = line + " " * (width - used)
        else:
            stripped = line.rstrip()
            if len(stripped) != len(line):
                used = len(stripped) if plain else cell_len(stripped)
            space = width - used
            if justify == "center":
                text = " " * (space // 2) + stripped + " " * (space - space // 2)
            else:
                text = " " * space + stripped
        if not plain and cell_len(text) != width:
            return None
        justified.append(text)
    return justified


def _shown(grid: Grid, width: int) -> tuple[Grid, list[str]]:
    """The grid without the columns a terminal this narrow leaves out, and their headings."""
    keep = [
        i
        for i, column in enumerate(grid.columns)
        if not column.hide_below or width >= column.hide_below
    ]
    if len(keep) == len(grid.columns):
        return grid, []
    hidden = [column.header for i, column in enumerate(grid.columns) if i not in keep]
    return _without(grid, keep), hidden


def _without(grid: Grid, keep: list[int]) -> Grid:
    """The grid with only the columns at these positions."""
    return Grid(
        title=grid.title,
        columns=[grid.columns[i] for i in keep],
        rows=[[row[i] for i in keep] for row in grid.rows],
        styles=grid.styles,
        footer=[grid.footer[i] for i in keep] if grid.footer else None,
        caption=grid.caption,
    )


def _rich_table(grid: Grid, widths: list[int], compact: bool = False) -> Table:
    """The grid as a rich table with these column widths, its cells wrapped between words.

    The compact style has no borders, only a rule under the headings, to give the
    columns the room the borders would take. Tables are drawn by ``_drawn_table``:
    this is for what it does not cover.
    """
    from rich.table import Table

    table = Table(
        box=box.SIMPLE_HEAD if compact else box.HEAVY_HEAD,
        show_edge=not compact,
        pad_edge=not compact,
        collapse_padding=compact,
        title=escape(printable(grid.title)) if grid.title else None,
        title_justify="left",
        title_style="bold",
        caption=escape(printable(grid.caption)) if grid.caption else None,
        show_footer=grid.footer is not None,
        expand=False,
    )
    for position, column in enumerate(grid.columns):
        footer = _wrapped(grid.footer[position], widths[position]) if grid.footer else ""
        table.add_column(
            _wrapped(column.header, widths[position]),
            footer=footer,
            justify=column.justify,
            overflow="fold",
            width=widths[position],
        )
    for position, row in enumerate(grid.rows):
        row_style = grid.styles[position] if position < len(grid.styles) else ""
        table.add_row(
            *(_wrapped(cell, widths[i]) for i, cell in enumerate(row)), style=row_style or None
        )
    return table


def _wrapped(cell: str, width: int) -> Text:
    return Text("\n".join(wrap_words(printable(cell), width)))


def _stacked_lines(grid: Grid, console: Console, width: int) -> _Blocks:
    """The grid as one block per row: its key fields as a heading, the others labelled.

    Like ``kubectl describe``: every field of every row, text wrapped between words,
    no line wider than the console.
    """
    return _Blocks(_stacked_text(grid, width), console, width)


# A block's lines; how many of them, first, are in the first style; the first style
# and the style of the rest; and whether each line is known to fit: no wider than
# the width, each character one cell (so no tab, no control), so that it need not
# be measured.
_Block = tuple[list[str], int, str, str, bool]


def _stacked_text(grid: Grid, width: int) -> Iterator[_Block]:
    """The lines of the blocks, made one row at a time: the title, each row, the caption.

    Each block is laid out here, so that rich need not wrap it again. Text each of
    whose characters takes one cell is wrapped to fit, so its lines are known to
    fit; any other line is measured as it is printed.
    """
    keys = _key_columns(grid)
    fields = [i for i in range(len(grid.columns)) if i not in keys]
    headers = [grid.columns[i].header for i in fields]
    label_width = max((cell_len(header) + 1 for header in headers), default=0)
    # Values line up after the longest label, unless that leaves them too little room.
    indent = 2 + label_width + 1 if width - (2 + label_width + 1) >= 24 else 4
    if grid.title:
        title, fits = _wrapped_lines(grid.title, width)
        yield title, len(title), "bold", "", fits
    # Each field: its column, its label, its first line's start (the label, padded
    # to the longest), and the lines of values shown as they are, by value: the
    # same few values recur in row after row.
    starts: list[tuple[int, str, str, dict[str, str]]] = [
        (i, header, f"  {f'{header}:':<{label_width}} ", {})
        for i, header in zip(fields, headers, strict=True)
    ]
    # Each start is as wide as the indent when each character of the labels takes one cell.
    labels_fit = all(map(_one_cell_each, headers))
    # A value that fits beside its label as it is (with values lined up): one line.
    room = width - indent if indent != 4 else -1
    rows = [*grid.rows, grid.footer] if grid.footer else grid.rows
    styles = grid.styles[: len(grid.rows)]
    styles = [*styles, *[""] * (len(rows) - len(styles))]  # a style for each row, footer too
    named_by = _picker(keys)
    bold = {style: f"bold {style}".strip() for style in {"", *styles}}  # each heading's style
    headings: dict[str, tuple[list[str], bool]] = {}  # the lines of the headings, by key fields
    for row, style in zip(rows, styles, strict=True):
        named = " ".join(named_by(row))
        heading = headings.get(named)
        if heading is None:
            if len(headings) >= _REMEMBERED:
                headings.clear()
            heading = headings[named] = _heading(named, width)
        named_lines, fits = heading
        lines = [*named_lines]  # a row with no heading of its own goes on with the block above
        fits = fits and labels_fit
        for i, header, start, shown in starts:
            cell = row[i]
            if not cell or cell.isspace():
                continue
            line = shown.get(cell)
            if line is None and _one_line(cell, room):
                if len(shown) >= _REMEMBERED:
                    shown.clear()
                line = shown[cell] = start + cell
            if line is not None:
                lines.append(line)
            elif not _add_value(lines, cell, header, start, width, indent):
                fits = False
        if lines:
            yield lines, len(named_lines), bold[style], style, fits
    if grid.caption:
        caption, fits = _wrapped_lines(grid.caption, width, [""])
        yield caption, len(caption), "dim", "", fits


def _picker(columns: list[int]) -> Callable[[list[str]], Iterable[str]]:
    """The cells of these columns of a row."""
    if len(columns) == 1:
        column = columns[0]
        return lambda row: (row[column],)
    return itemgetter(*columns) if columns else lambda row: ()


def _heading(named: str, width: int) -> tuple[list[str], bool]:
    """A blank line and the words of the key fields, single-spaced, and whether they fit.

    A blank line is written alike in any style. Without words, no lines at all.
    """
    words = " ".join(named.split())  # the same as each field's words, joined
    if not words:
        return [], True
    if _one_line(words, width):
        return ["", words], True
    return _wrapped_lines(words, width, [""])


def _add_value(
    lines: list[str], cell: str, header: str, start: str, width: int, indent: int
) -> bool:
    """Add a field's lines, its value wrapped under its label, and say whether they are known to fit.

    With too little room for values lined up (an indent of 4), the label is a line
    of its own above the value.
    """
    # Printable, the cell is shown as it is (printable() gives it back unchanged);
    # its characters but printable ASCII tell both that and whether each takes a cell.
    if cell.isascii():
        as_it_is = plain = cell.isprintable()
    else:
        others = _but_printable_ascii(cell)
        as_it_is = others.isprintable()
        plain = as_it_is and _all_one_cell(others)
    text = cell
    if not as_it_is:
        text = printable(cell)
        plain = _one_cell_each(text)
    value = _wrap_words(text, width - indent, plain, as_it_is or None)
    pad = " " * indent
    if indent == 4:
        label = printable(f"{header}:")
        lines += [f"  {line}".rstrip() for line in wrap_words(label, width - 2)]
        lines += [(pad + line).rstrip() for line in value]
        return plain and width - 4 >= 1
    lines.append((start + value[0]).rstrip())
    lines += [(pad + line).rstrip() for line in value[1:]]
    return plain


_REMEMBERED = 512  # values of a field remembered at most (a memo, not every value)


def _one_line(cell: str, room: int) -> bool:
    """Whether the cell is shown as it is, on one line of ``room`` cells: as wrap_words gives it.

    Printable text holds no white space but spaces (a test checks), so without two
    in a row or one at either end it is single-spaced already.
    """
    return (
        len(cell) <= room
        and cell.isprintable()
        and "  " not in cell
        and cell[0] != " " != cell[-1]
        and (cell.isascii() or _one_cell_each(cell))
    )


def _wrapped_lines(
    text: str, width: int, before: list[str] | None = None
) -> tuple[list[str], bool]:
    """Text wrapped to the width, after the lines given, and whether its lines are known to fit."""
    text = printable(text)
    plain = _one_cell_each(text)
    lines = _wrap_words(text, width, plain)
    return ([*before, *lines] if before else lines), plain and width >= 1


class _Blocks:
    """Lines of blocks, each line in its style, made as rich would render them as one text.

    ``segments()`` gives rich's segments, ``texts()`` each line's text alone, which
    is all a console without colour writes of it; iterated, they are rich's segments
    a line. A line that fits the width and holds no tab, rich would neither wrap nor
    change, so it is made straight into a segment, as rich would make it; any other
    is rendered by rich (thousands of blocks would take seconds that way). Like
    rich's ``rstrip()``, the text ends at its last word: blank lines at its end are
    left out.
    """

    def __init__(
        self, blocks: Iterable[_Block], console: Console, width: int, ends: bool = True
    ) -> None:
        self.blocks = blocks
        self.console = console
        self.width = width
        self.ends = ends  # False: a part of the blocks, already laid out

    def laid_out(self) -> Iterator[_Block]:
        """Each block, without the blank lines at the end (as rich's ``rstrip``)."""
        if not self.ends:
            yield from self.blocks
            return
        last: _Block | None = None  # held until it is known whether it ends the text
        blank: list[_Block] = []  # blocks of blank lines since, left out if nothing follows
        for block in self.blocks:
            final = block[0][-1]  # a block whose last line holds a word is not blank
            if not final or final.isspace():
                text = "".join(block[0])
                if not text or text.isspace():
                    blank.append(block)
                    continue
            if last is not None:
                yield last
            if blank:
                yield from blank
                blank = []
            last = block
        if last is not None:
            yield _ended(last)

    def __iter__(self) -> Iterator[list[Segment]]:
        styles = self._styles()
        for lines, first, first_name, rest_name, fits in self.laid_out():
            for line, name in _named(lines, first, first_name, rest_name):
                yield from self._segments_of(line, name, styles(name), fits)

    def segments(self) -> Iterator[Segment]:
        """The lines as rich's segments, each ended by a line break (``_joined``)."""
        return _joined(self._lines())

    def _lines(self) -> Iterator[str | list[Segment]]:
        """Each line: its text alone when it is unstyled and known to fit, else its segments."""
        styles = self._styles()
        for lines, first, first_name, rest_name, fits in self.laid_out():
            for run, name in ((lines[:first], first_name), (lines[first:], rest_name)):
                style = styles(name)
                if fits and not style:
                    yield from run
                    continue
                for line in run:
                    yield from self._segments_of(line, name, style, fits)

    def _styles(self) -> Callable[[str], Style]:
        """The style of each name, looked up once."""
        null = Style.null()
        styles: dict[str, Style] = {"": null}

        def style(name: str) -> Style:
            found = styles.get(name)
            if found is None:
                found = styles[name] = self.console.get_style(name, default=null)
            return found

        return style

    def _segments_of(self, line: str, name: str, style: Style, fits: bool) -> list[list[Segment]]:
        """A line's segments, as rich would render it: one, unless it is too wide or holds a tab."""
        if not line:
            return [[]]
        if not fits and ("\t" in line or text_width(line) > self.width):
            return self._by_rich(line, name)
        return [[Segment(line, style)]]

    def texts(self) -> Iterator[str]:
        """The lines' text as written without colour, a few thousand lines to a piece."""
        width = self.width
        part: list[str] = []
        for lines, first, first_name, rest_name, fits in self.laid_out():
            if fits:
                part += lines
            else:
                for line, name in _named(lines, first, first_name, rest_name):
                    if not line or (len(line) <= width and line.isascii() and line.isprintable()):
                        part.append(line)  # nearly every line: plain, and no wider than the console
                    elif "\t" not in line and text_width(line) <= width:
                        part.append(line)
                    else:
                        for segments in self._by_rich(line, name):
                            part.append("".join(s.text for s in segments if s.control is None))
            if len(part) >= _PART:
                part.append("")
                yield "\n".join(part)
                part = []
        if part:
            part.append("")
            yield "\n".join(part)

    def _by_rich(self, line: str, name: str) -> list[list[Segment]]:
        text = Text()
        text.append(line, style=name or None)
        options = self.console.options.update_width(self.width).update(no_wrap=True)
        return list(Segment.split_lines(self.console.render(text, options)))


def _joined(lines: Iterable[str | list[Segment]]) -> Iterator[Segment]:
    """Lines as segments, each ended by a line break; a line given as text is unstyled.

    Unstyled lines in a row go out as one segment: the same text, written alike,
    without passing thousands of segments one by one through rich.
    """
    plain: list[str] = []  # the unstyled lines since the last styled one
    for line in lines:
        if isinstance(line, str):
            plain.append(line)
            continue
        if all(not segment.style and segment.control is None for segment in line):
            plain.append("".join(segment.text for segment in line))
            continue
        if plain:
            plain.append("")
            yield Segment("\n".join(plain))
            plain = []
        yield from line
        yield Segment.line()
    if plain:
        plain.append("")
        yield Segment("\n".join(plain))


def _named(
    lines: list[str], first: int, first_name: str, rest_name: str
) -> Iterator[tuple[str, str]]:
    """Each line of a block with the name of its style."""
    for at, line in enumerate(lines):
        yield line, first_name if at < first else rest_name


def _ended(block: _Block) -> _Block:
    """The last block of the text: without its blank lines at the end, nor spaces after its last word."""
    lines, first, first_name, name, fits = block
    end = len(lines)
    while not lines[end - 1].strip():
        end -= 1
    return [*lines[: end - 1], lines[end - 1].rstrip()], first, first_name, name, fits


def _key_columns(grid: Grid) -> list[int]:
    """The columns that name a row: those marked as keys, else the first (and the next after No.)."""
    keys = [i for i, column in enumerate(grid.columns) if column.key]
    if keys:
        return keys
    if grid.columns and grid.columns[0].header == "No." and len(grid.columns) > 2:
        return [0, 1]
    return [0]


def print_view(console: Console, view: View) -> None:
    """Print a view as rich tables, sized to the console and never cropped."""
    group = to_rich(view, console)
    held: list[RenderableType] = []
    for part in group.renderables if isinstance(group, Group) else [group]:
        if isinstance(part, _Rendered) and callable(part.lines):
            # Blocks made as they are printed go out in parts, never all held at once.
            if held:
                console.print(Group(*held), crop=False)
                held = []
            for piece in part.printed_in_parts(console):
                console.print(piece, crop=False)
        else:
            held.append(part)
    if held:
        console.print(Group(*held), crop=False)


def to_csv(grid: Grid) -> str:
    """A grid as CSV, with cells that a spreadsheet would run as formulas neutralised."""
    return csv_text([[column.header for column in grid.columns], *grid.rows])


def to_markdown(view: View) -> str:
    """A view as Markdown: headline paragraphs and pipe tables, ready to paste."""
    lines = [_plain(line) for line in view.headline]
    lines = [
        line + "  " if position < len(lines) - 1 else line for position, line in enumerate(lines)
    ]
    for grid in view.grids:
        lines.append("")
        if grid.title:
            lines += [f"### {_md(grid.title)}", ""]
        lines.append("| " + " | ".join(_md(column.header) for column in grid.columns) + " |")
        lines.append("|" + "|".join(_rule(column.justify) for column in grid.columns) + "|")
        rows = grid.rows + ([grid.footer] if grid.footer else [])
        for row in rows:
            lines.append("| " + " | ".join(_md(cell) for cell in row) + " |")
        if grid.caption:
            lines += ["", f"*{_md(grid.caption)}*"]
    for note in view.notes:
        # A blank line between notes, so Markdown keeps them as separate paragraphs.
        lines += ["", _plain(note)]
    return "\n".join(lines) + "\n"


def _rule(justify: str) -> str:
    return {"right": "---:", "center": ":---:"}.get(justify, "---")


def _plain(markup: str) -> str:
    return _md(Text.from_markup(markup).plain)


def markdown_text(text: str) -> str:
    """Plain text made safe to put anywhere in Markdown."""
    return _md(text)


def printable(text: str) -> str:
    """Text with control characters (escape codes, bells) shown escaped (``\\x1b``), never obeyed.

    A cell of a sheet could otherwise recolour or retitle the terminal it is read in.
    """
    return escape_controls(text)


def _md(text: str) -> str:
    """Text safe in a Markdown table cell: pipes, markup characters and line breaks escaped."""
    text = printable(text.replace("\r", ""))
    escaped = "".join("\\" + char if char in "\\|*_`[]<>#" else char for char in text)
    return escaped.replace("\n", "<br>")
