"""``compactscore indicators``: the definition, readable at a meeting."""

from __future__ import annotations

from pathlib import Path

from compactscore.commands.common import definition_for, emit, out_console, usage
from compactscore.load.repository import load_repository
from compactscore.options import OutputFormat
from compactscore.periods import parse_period
from compactscore.render.definition import definition_view
from compactscore.render.detail import detail_view


def run_indicators(
    output: OutputFormat, indicators: Path | None, period: str | None, detail: bool = False
) -> int:
    """Print the indicators in force (now, or for a period); in detail for the meeting."""
    definition = definition_for(indicators, load_repository(Path.cwd()))
    version = definition.version
    if period is not None:
        parsed = parse_period(period)
        if parsed is None:
            raise usage(f"{period!r} is not a period.", "Write a year such as 2024 or 2024-25.")
        version = definition.version_for(parsed)
    view = detail_view(definition, version) if detail else definition_view(definition, version)
    emit(out_console(), definition, view, output)
    return 0
