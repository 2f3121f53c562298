"""``compactscore agree``: where the two sides' own scores differ, in the order to discuss."""

from __future__ import annotations

from compactscore import options as opt


def agree(
    file: opt.SheetArgument = None,
    output: opt.FormatOption = opt.OutputFormat.TABLE,
    indicators: opt.IndicatorsOption = None,
    rev: opt.RevOption = None,
) -> int:
    """Where the two sides' own scores differ.

    Where sector_score and public_score differ: what to discuss first at the meeting.

    Example: compactscore agree scores/2024-25.csv
    """
    options = opt.output_options(output, indicators, rev)
    from compactscore.analysis.agree import agreement_of
    from compactscore.commands.common import emit, out_console
    from compactscore.load.sources import open_sheet
    from compactscore.render.agree import agreement_view

    sources, _, sheet = open_sheet(file, options.indicators, options.rev)
    agreement = agreement_of(sheet, sources.definition, area=sources.area)
    emit(out_console(), agreement, agreement_view(agreement), options)
    return 0
