"""Lines of segments as a console writes them, piped or in colour: the bytes a user gets."""

from __future__ import annotations

import io

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment


class Lines:
    """Lines of segments, each written as it is and ended by a line break."""

    def __init__(self, lines: list[list[Segment]]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines:
            yield from line
            yield Segment.line()


def written(lines: list[list[Segment]], colour: bool, width: int) -> str:
    """What a console this wide writes for the lines, in colour or without."""
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=colour, color_system="truecolor")
    console.print(Lines(lines), crop=False)
    return out.getvalue()
