"""Agreement: where the two sides' own scores differ, largest difference first."""

from __future__ import annotations

from compactscore.models import Definition, Indicator, Row, ScoreState, Sheet
from compactscore.results import Agreement, Disagreement, names_of
from compactscore.schema import SIDES, resolved_keys


def agreement_of(sheet: Sheet, definition: Definition, area: str = "") -> Agreement:
    """The two sides' scores compared: a summary, the order to discuss, agreed scores outside."""
    compared: list[Disagreement] = []
    missing: list[int] = []
    for indicator in definition.in_force(sheet.version):
        row = sheet.row_for(indicator.id)
        if row is None or row.sector_score is None or row.public_score is None:
            if row is None or row.state is not ScoreState.NOT_APPLICABLE:
                missing.append(indicator.number)
            continue
        compared.append(_views(indicator, row, definition))
    differ = sorted(
        (item for item in compared if item.difference),
        key=lambda item: (-item.difference, item.number),
    )
    outside = [item for item in compared if item.outside_views]
    present = set(resolved_keys(tuple(sheet.columns))[0])
    return Agreement(
        area=area,
        period=sheet.period_label,
        file=sheet.path,
        has_views=all(column in present for column in SIDES),
        compared=len(compared),
        matching=len(compared) - len(differ),
        differ_by_one=sum(1 for item in differ if item.difference == 1),
        differ_by_two_or_more=sum(1 for item in differ if item.difference >= 2),
        missing_views=missing if compared else [],
        disagreements=differ,
        outside_views=outside,
        to_discuss=differ + [item for item in outside if not item.difference],
    )


def disagreements_of(sheet: Sheet, definition: Definition) -> list[Disagreement]:
    """Indicators to discuss, in order: the sides' scores differ, or the agreed one is outside."""
    return agreement_of(sheet, definition).to_discuss


def _views(indicator: Indicator, row: Row, definition: Definition) -> Disagreement:
    assert row.sector_score is not None and row.public_score is not None
    low, high = sorted((row.sector_score, row.public_score))
    scale = definition.scale
    return Disagreement(
        **names_of(indicator),
        sector_score=row.sector_score,
        public_score=row.public_score,
        difference=high - low,
        score=row.score,
        # Both sides gave a score and the group agreed n/a: that is outside both views too.
        outside_views=(
            row.state is ScoreState.NOT_APPLICABLE
            or (row.score is not None and not low <= row.score <= high)
        ),
        state=row.state,
        prompts=indicator.prompts,
        sector_label=indicator.meaning(row.sector_score, scale),
        public_label=indicator.meaning(row.public_score, scale),
        score_label=indicator.meaning(row.score, scale),
    )
