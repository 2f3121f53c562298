"""Views to text: rich tables for terminals, CSV and Markdown for papers."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.markup import escape
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from compactscore.cells import neutralised
from compactscore.controls import escape_controls
from compactscore.render.csvtext import csv_text
from compactscore.render.view import Column, Grid, View

_WRAP_AT = 40  # a column of ordinary text wraps beyond this width


def to_rich(view: View, console: Console) -> RenderableType:
    """A view as rich renderables for this console: headline, each table, notes.

    Each table is laid out for the console's width. One that cannot fit drops its
    optional columns, with a note naming them; one that still cannot fit is shown
    whole, wider than the console, since a cropped table would lose cells unseen.
    """
    width = console.width
    parts: list[RenderableType] = [Text.from_markup(printable(line)) for line in view.headline]
    for grid in view.grids:
        parts.append(Text(""))
        parts.extend(_fitted(grid, console, width))
    if view.notes:
        parts.append(Text(""))
        parts.extend(Text.from_markup(printable(note)) for note in view.notes)
    return Group(*parts)


class _Rendered:
    """Lines already rendered, printed as they are: a table is laid out only once."""

    def __init__(self, lines: list[list[Segment]]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines:
            yield from line
            yield Segment.line()


def _fitted(grid: Grid, console: Console, width: int) -> list[RenderableType]:
    """A grid's table as wide as the console allows, and a note of any columns left out."""
    shown = _shown(grid, width)
    left_out: list[str] = []
    room, tightened, before = width, 0, 0
    # A terminal shows a folded word whole on the next line; a file or a pipe, as pasted
    # into a paper, gets words unbroken ("2012-13", not "2012-1" over "3"), wider if need be.
    whole_words = not console.is_terminal
    while True:
        options = console.options.update_width(width)
        table = _rich_table(shown, room, whole_words)
        lines = list(Segment.split_lines(console.render(table, options)))
        needed = max((Segment.get_line_length(line) for line in lines), default=0)
        if needed <= width:
            break
        optional = [i for i, column in enumerate(shown.columns) if column.optional]
        if optional:
            # The rightmost optional column goes first; the note below names each one.
            left_out.insert(0, shown.columns[optional[-1]].header)
            shown = _without(shown, [i for i in range(len(shown.columns)) if i != optional[-1]])
            room, tightened, before = width, 0, 0
        elif tightened < 3 and needed != before and room - (needed - width) >= width // 2:
            # The shortened columns were given room the others could not spare: give less,
            # for as long as that makes the table narrower.
            room, tightened, before = room - (needed - width), tightened + 1, needed
        else:
            break  # printed whole, wider than the terminal, rather than words broken or lost
    parts: list[RenderableType] = [_Rendered(lines)]
    if left_out:
        parts.append(
            Text(
                f"Left out at this width: {', '.join(left_out)}. Widen the terminal, or use "
                "--format markdown or csv, to see every column.",
                style="dim",
            )
        )
    return parts


def _shared_widths(grid: Grid, width: int) -> list[int | None]:
    """Widths for the columns that share what the others leave (shortened or filling)."""
    natural = [
        max(
            [
                _longest_line(column.header),
                *(_longest_line(row[i]) for row in grid.rows if i < len(row)),
            ]
        )
        for i, column in enumerate(grid.columns)
    ]
    fixed = sum(
        min(natural[i], _WRAP_AT)
        for i, column in enumerate(grid.columns)
        if not (column.shorten or column.fill)
    )
    room = max(0, width - fixed - 3 * len(grid.columns) - 1)
    widths: list[int | None] = [None] * len(grid.columns)
    open_columns = [i for i, c in enumerate(grid.columns) if c.shorten or c.fill]
    # Share the room by weight; a column that needs less than its share gives the rest back.
    while open_columns:
        weights = sum(grid.columns[i].weight for i in open_columns)
        share = {i: room * grid.columns[i].weight // weights for i in open_columns}
        satisfied = [i for i in open_columns if natural[i] <= share[i]]
        if not satisfied:
            for i in open_columns:
                widths[i] = max(grid.columns[i].min_width or 8, share[i])
            break
        for i in satisfied:
            widths[i] = natural[i]
            room -= natural[i]
            open_columns.remove(i)
    return widths


def _longest_line(cell: str) -> int:
    return max(len(line) for line in printable(cell).split("\n"))


def _shown(grid: Grid, width: int) -> Grid:
    """The grid without the columns a terminal this narrow leaves out."""
    keep = [
        i
        for i, column in enumerate(grid.columns)
        if not column.hide_below or width >= column.hide_below
    ]
    return grid if len(keep) == len(grid.columns) else _without(grid, keep)


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


def _rich_table(grid: Grid, width: int, whole_words: bool = False) -> Table:
    """The grid as a rich table whose shortened and filling columns share this width."""
    shares = _shared_widths(grid, width)
    table = Table(
        title=escape(printable(grid.title)) if grid.title else None,
        title_justify="left",
        title_style="bold",
        caption=escape(printable(grid.caption)) if grid.caption else None,
        show_footer=grid.footer is not None,
        expand=False,
    )
    for position, column in enumerate(grid.columns):
        footer = escape(printable(grid.footer[position])) if grid.footer else ""
        table.add_column(
            escape(printable(column.header)),
            footer=footer,
            justify=column.justify,
            no_wrap=column.shorten,
            overflow="ellipsis" if column.shorten else "fold",
            min_width=shares[position]
            if column.fill
            else (_unbroken(grid, position, column) if whole_words else column.min_width),
            max_width=shares[position] if column.shorten else None,
        )
    for position, row in enumerate(grid.rows):
        style = grid.styles[position] if position < len(grid.styles) else ""
        table.add_row(*(Text(printable(cell)) for cell in row), style=style or None)
    return table


def _unbroken(grid: Grid, position: int, column: Column) -> int | None:
    """The width below which a column would break its words: shortened ones end in … instead."""
    if column.shorten:
        return column.min_width
    cells = [column.header, *(row[position] for row in grid.rows if position < len(row))]
    if grid.footer:
        cells.append(grid.footer[position])
    longest = max((len(word) for cell in cells for word in cell.split()), default=0)
    return max(column.min_width or 0, min(longest, _WRAP_AT))


def print_view(console: Console, view: View) -> None:
    """Print a view as rich tables, sized to the console and never cropped."""
    console.print(to_rich(view, console), crop=False)


def to_csv(grid: Grid) -> str:
    """A grid as CSV, with cells that a spreadsheet would run as formulas neutralised."""
    return csv_text([[column.header for column in grid.columns], *grid.rows])


def safe_cell(cell: str) -> str:
    """A cell that cannot become a formula: risky line starts behind a quote mark.

    Plain numbers, negative ones included, are left as they are so they stay numbers.
    """
    return neutralised(cell)


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
