"""``compactscore score``: one period's scores, totals and change from the period before."""

from __future__ import annotations

from compactscore import options as opt


def score(
    file: opt.SheetArgument = None,
    output: opt.FormatOption = opt.OutputFormat.TABLE,
    indicators: opt.IndicatorsOption = None,
    rev: opt.RevOption = None,
) -> int:
    """One period's scores, theme totals and total.

    Each indicator's score and evidence, the theme sub-totals, the total and percent.

    Example: compactscore score scores/2024-25.csv --format json
    """
    options = opt.output_options(output, indicators, rev)
    from compactscore.analysis.score import score_sheet
    from compactscore.commands.common import emit, out_console
    from compactscore.load.sources import open_sheet, previous_of
    from compactscore.render.scorecard import scorecard_view

    sources, file, sheet = open_sheet(file, options.indicators, options.rev)
    previous = previous_of(sources, file, sheet)
    card = score_sheet(sheet, sources.definition, previous, area=sources.area)
    emit(out_console(), card, scorecard_view(card), options)
    return 0
