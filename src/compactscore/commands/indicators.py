"""``compactscore indicators``: the definition, readable at a meeting."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from compactscore.options import (
    FormatOption,
    IndicatorsOption,
    OutputFormat,
    RevOption,
    output_options,
    period_option,
)


def indicators_command(
    output: FormatOption = OutputFormat.TABLE,
    indicators: IndicatorsOption = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period", metavar="PERIOD", help="Show the indicators in force for this period."
        ),
    ] = None,
    detail: Annotated[
        bool,
        typer.Option(
            "--detail",
            help="Each indicator in full: statement, what each score means, prompts to discuss.",
        ),
    ] = False,
    rev: RevOption = None,
) -> int:
    """The indicators and the scale, in words.

    Their statements and the scale, readable at a meeting.

    With --rev, the definition the repository used at that git revision.

    Example: compactscore indicators --period 2010-11

    Example: compactscore indicators --detail --format markdown > scorecard.md
    """
    options = output_options(output, indicators, rev)
    asked = period_option(period)
    from compactscore.commands.common import emit, out_console, warn_if_before_the_definition
    from compactscore.commands.sources import open_sources
    from compactscore.render.definition import definition_view
    from compactscore.render.detail import detail_view

    definition = open_sources(Path.cwd(), options.indicators, options.rev).definition
    version = definition.version
    if asked is not None:
        version = definition.version_for(asked)
        warn_if_before_the_definition(
            asked,
            definition,
            "the indicators shown are that version's",
            "Check the period, or use a definition that covers it.",
        )
    view = detail_view(definition, version) if detail else definition_view(definition, version)
    emit(out_console(), definition, view, options)
    return 0
