"""``compactscore indicators``: the definition, readable at a meeting."""

from __future__ import annotations

from pathlib import Path

from compactscore.commands.common import (
    emit,
    out_console,
    usage,
    warn_if_before_the_definition,
)
from compactscore.load.sources import open_sources
from compactscore.options import OutputFormat
from compactscore.periods import parse_period
from compactscore.render.definition import definition_view
from compactscore.render.detail import detail_view


def run_indicators(
    output: OutputFormat,
    indicators: Path | None,
    period: str | None,
    detail: bool = False,
    rev: str | None = None,
) -> int:
    """Print the indicators in force (now, or for a period); in detail for the meeting.

    With a revision, the definition is the one the repository used at that commit.
    """
    definition = open_sources(Path.cwd(), indicators, rev).definition
    version = definition.version
    if period is not None:
        parsed = parse_period(period)
        if parsed is None:
            raise usage(f"{period!r} is not a period.", "Write a year such as 2024 or 2024-25.")
        version = definition.version_for(parsed)
        warn_if_before_the_definition(
            parsed,
            definition,
            "the indicators shown are that version's",
            "Check the period, or use a definition that covers it.",
        )
    view = detail_view(definition, version) if detail else definition_view(definition, version)
    emit(out_console(), definition, view, output, rev)
    return 0
