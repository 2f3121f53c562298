"""The consoles every command prints through: nothing a file holds reaches a terminal raw.

Tables and messages are rendered by rich. Every string printed is escaped before
rich reads it (rich would silently drop a bell or a carriage return), and a
render hook passes every segment of text through ``escape_controls`` before it
is written, so a control character that any code path forgot to escape is still
shown, not obeyed. Rich's own
colour codes are added after the hook and are untouched. Machine formats (CSV,
JSON, Markdown) are written with ``write_raw``: exact bytes to a file or a pipe,
escaped on a terminal.
"""

from __future__ import annotations

from typing import IO, Any

from rich.console import (
    Console,
    ConsoleOptions,
    ConsoleRenderable,
    RenderableType,
    RenderHook,
    RenderResult,
)
from rich.segment import Segment
from rich.text import Text

from compactscore.controls import escape_controls, has_controls


def make_console(
    *, stderr: bool = False, soft_wrap: bool = False, width: int | None = None
) -> Console:
    """A console whose text output can never carry a control character from a file."""
    console = _EscapingConsole(stderr=stderr, highlight=False, soft_wrap=soft_wrap, width=width)
    console.push_render_hook(_EscapeControls())
    return console


def write_raw(console: Console, text: str) -> None:
    """Write text as it is to a file or a pipe, with control characters escaped on a terminal."""
    if is_terminal(console.file):
        text = escape_controls(text)
    console.file.write(text)
    console.file.flush()


def is_terminal(stream: IO[str]) -> bool:
    """Whether the stream is a terminal (not what FORCE_COLOR makes rich believe)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


class _EscapingConsole(Console):
    """Strings printed are escaped before rich reads them, since rich drops a bell or a CR."""

    def render_str(self, text: str, **kwargs: Any) -> Text:
        return super().render_str(escape_controls(text), **kwargs)


class _EscapeControls(RenderHook):
    """Wraps everything printed so that its text segments come out escaped."""

    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Escaped(renderable) for renderable in renderables]


class _Escaped:
    """A renderable whose text is shown with its control characters escaped."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.renderable, options):
            text, style, control = segment
            if control is None and has_controls(text):
                yield Segment(escape_controls(text), style)
            else:
                yield segment
