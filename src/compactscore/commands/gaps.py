"""``compactscore gaps``: the indicators short of the top score or their target."""

from __future__ import annotations

from compactscore import options as opt


def gaps(
    file: opt.SheetArgument = None,
    output: opt.ExportFormatOption = opt.OutputFormat.TABLE,
    indicators: opt.IndicatorsOption = None,
    rev: opt.RevOption = None,
    to: opt.OutputFileOption = None,
    force: opt.ForceOption = False,
) -> int:
    """The gap list, for planning action.

    The indicators below the top score or their target, largest gap first; those that fell since the previous period are flagged.

    Example: compactscore gaps scores/2024-25.csv
    """
    options = opt.output_options(output, indicators, rev, to, force)
    from compactscore.analysis.gaps import gaps_of
    from compactscore.analysis.score import score_sheet
    from compactscore.commands.common import emit, out_console
    from compactscore.load.sources import open_sheet, previous_of
    from compactscore.render.gaps import gaps_view

    sources, file, sheet = open_sheet(file, options.indicators, options.rev)
    previous = previous_of(sources, file, sheet)
    card = score_sheet(sheet, sources.definition, previous, area=sources.area)
    found = gaps_of(card)
    emit(out_console(), found, gaps_view(found), options)
    return 0
