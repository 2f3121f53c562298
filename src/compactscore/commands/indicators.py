"""``compactscore indicators``: the definition, readable at a meeting."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from compactscore import options as opt


def indicators_command(
    output: opt.FormatOption = opt.OutputFormat.TABLE,
    indicators: opt.IndicatorsOption = None,
    period: Annotated[
        str | None,
        opt.period_option("Show the indicators in force for this period."),
    ] = None,
    detail: Annotated[
        bool,
        typer.Option(
            "--detail",
            help="Each indicator in full: statement, what each score means, prompts to discuss.",
        ),
    ] = False,
    rev: opt.RevOption = None,
) -> int:
    """The indicators and the scale, in words.

    Their statements and the scale, readable at a meeting.

    With --rev, the definition the repository used at that git revision.

    Example: compactscore indicators --period 2010-11

    Example: compactscore indicators --detail --format markdown > scorecard.md
    """
    options = opt.output_options(output, indicators, rev)
    asked = opt.parsed_period(period)
    from compactscore.commands.common import emit, out_console, warn_if_before_the_definition
    from compactscore.load.sources import open_sources
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
