"""The board report: one period's scorecard with its trend, gaps and disagreements."""

from __future__ import annotations

from datetime import date

from compactscore.analysis.actions import period_plan
from compactscore.analysis.agree import disagreements_of
from compactscore.analysis.gaps import gaps_of
from compactscore.analysis.score import score_sheet
from compactscore.analysis.trend import trend_of
from compactscore.models import Definition, Sheet
from compactscore.results import BoardReport


def board_report_of(
    sheets: list[Sheet],
    definition: Definition,
    area: str = "",
    revision: str | None = None,
    today: date | None = None,
) -> BoardReport:
    """The report on the last of sheets sorted oldest first; the earlier ones give the trend."""
    today = today or date.today()
    sheet = sheets[-1]
    before = sheets[-2] if len(sheets) > 1 else None
    card = score_sheet(sheet, definition, before, area=area)
    previous = score_sheet(before, definition, area=area) if before is not None else None
    return BoardReport(
        area=area,
        period=card.period,
        definition=definition.title,
        version=card.version,
        card=card,
        previous=previous,
        trend=trend_of(sheets, definition, area=area),
        gaps=gaps_of(card),
        sides_scored=any(
            row.sector_score is not None and row.public_score is not None for row in sheet.rows
        ),
        disagreements=disagreements_of(sheet, definition),
        files=[item.path for item in sheets],
        revision=revision,
        plan=period_plan(sheet, definition, today, area=area),
    )
