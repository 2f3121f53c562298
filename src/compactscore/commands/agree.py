"""``compactscore agree``: where the two sides' own scores differ, in the order to discuss."""

from __future__ import annotations

from pathlib import Path

from compactscore.analysis.agree import agreement_of
from compactscore.commands.common import definition_for, emit, out_console
from compactscore.commands.score import latest_sheet
from compactscore.load.repository import load_repository
from compactscore.load.sheet import load_sheet
from compactscore.options import OutputFormat
from compactscore.render.agree import agreement_view


def run_agree(file: Path | None, output: OutputFormat, indicators: Path | None) -> int:
    """Compare sector_score and public_score in one sheet (the latest when none is named)."""
    repository = load_repository(file if file is not None else Path.cwd())
    definition = definition_for(indicators, repository)
    if file is None:
        file = latest_sheet(repository)
    sheet = load_sheet(file, definition, shown=str(file))
    area = repository.config.area if repository else ""
    agreement = agreement_of(sheet, definition, area=area)
    emit(out_console(), agreement, agreement_view(agreement), output)
    return 0
