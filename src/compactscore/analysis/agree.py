"""Agreement: where the two sides' own scores differ, largest difference first."""

from __future__ import annotations

from compactscore.models import Definition, Sheet
from compactscore.results import Disagreement


def disagreements_of(sheet: Sheet, definition: Definition) -> list[Disagreement]:
    """Indicators whose sector and public scores differ, in the order to discuss them."""
    found = []
    for indicator in definition.in_force(sheet.version):
        row = sheet.row_for(indicator.id)
        if row is None or row.sector_score is None or row.public_score is None:
            continue
        low, high = sorted((row.sector_score, row.public_score))
        if low == high:
            continue
        found.append(
            Disagreement(
                number=indicator.number,
                id=indicator.id,
                title=indicator.title,
                sector_score=row.sector_score,
                public_score=row.public_score,
                difference=high - low,
                score=row.score,
                outside_views=row.score is not None and not low <= row.score <= high,
                prompts=indicator.prompts,
            )
        )
    return sorted(found, key=lambda item: (-item.difference, item.number))
