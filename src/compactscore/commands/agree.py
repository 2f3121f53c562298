"""``compactscore agree``: where the two sides' own scores differ, in the order to discuss."""

from __future__ import annotations

from pathlib import Path

from compactscore.analysis.agree import agreement_of
from compactscore.commands.common import emit, out_console
from compactscore.load.sources import open_sheet
from compactscore.options import OutputFormat
from compactscore.render.agree import agreement_view


def run_agree(
    file: Path | None, output: OutputFormat, indicators: Path | None, rev: str | None = None
) -> int:
    """Compare sector_score and public_score in one sheet (the latest when none is named)."""
    sources, _, sheet = open_sheet(file, indicators, rev)
    agreement = agreement_of(sheet, sources.definition, area=sources.area)
    emit(out_console(), agreement, agreement_view(agreement), output, rev)
    return 0
