"""Scoring one period: totals, theme sub-totals, change from the period before."""

from __future__ import annotations

from compactscore.analysis.direction import travel_between
from compactscore.models import Definition, Indicator, Row, ScoreState, Sheet
from compactscore.results import Comparison, IndicatorScore, Scorecard, ThemeScore, Totals, names_of


def percent_of(total: int, maximum: int) -> float:
    """A total as a percentage of its maximum, to one decimal place (0 when nothing counts).

    Rounded as a spreadsheet rounds: half away from zero, on the exact fraction (27 of
    48 is 56.25%, shown as 56.3%), in whole tenths so that no float rounding creeps in.
    """
    if not maximum:
        return 0.0
    tenths, rest = divmod(abs(1000 * total), abs(maximum))
    if 2 * rest >= abs(maximum):
        tenths += 1
    negative = (total < 0) != (maximum < 0)
    return (-tenths if negative else tenths) / 10


def score_sheet(
    sheet: Sheet, definition: Definition, previous: Sheet | None = None, area: str = ""
) -> Scorecard:
    """Score one sheet; with the previous period's sheet, each change and the direction."""
    scale = definition.scale
    earlier = _scores_by_lineage(previous, definition) if previous else {}
    indicators = []
    for indicator in definition.in_force(sheet.version):
        row = sheet.row_for(indicator.id) or Row(line=0, indicator=indicator.id)
        before = earlier.get(definition.lineage(indicator.id))
        indicators.append(_indicator_score(indicator, row, definition, before))
    themes = [
        ThemeScore(
            id=theme.id,
            title=theme.title,
            totals=totals_of([i for i in indicators if i.theme == theme.id]),
        )
        for theme in definition.themes
    ]
    scorecard = Scorecard(
        area=area,
        period=sheet.period_label,
        file=sheet.path,
        definition=definition.title,
        version=sheet.version,
        scale={point: scale.label(point) for point in scale.points},
        totals=totals_of(indicators),
        themes=[theme for theme in themes if theme.totals.count],
        indicators=indicators,
    )
    if previous is not None:
        before_card = score_sheet(previous, definition)
        scorecard.previous = comparison_of(before_card, scorecard, definition)
    return scorecard


def comparison_of(before: Scorecard, after: Scorecard, definition: Definition) -> Comparison:
    """The direction of travel from ``before`` to ``after``, with the earlier period's figures."""
    travel = travel_between(before, after, definition.lineage)
    return Comparison(**travel.model_dump(), earlier=before.totals)


def scores_of(sheet: Sheet) -> dict[str, int | None]:
    """Each indicator id's score in a sheet (None when not scored or n/a)."""
    return {row.indicator: row.score for row in sheet.rows}


def _scores_by_lineage(sheet: Sheet, definition: Definition) -> dict[str, int | None]:
    return {definition.lineage(key): value for key, value in scores_of(sheet).items()}


def _indicator_score(
    indicator: Indicator, row: Row, definition: Definition, before: int | None
) -> IndicatorScore:
    scale = definition.scale
    score = row.score
    return IndicatorScore(
        **names_of(indicator),
        theme=indicator.theme,
        theme_title=definition.theme_title(indicator.theme),
        score=row.score,
        max=scale.max,
        label=indicator.meaning(row.score, scale),
        state=row.state,
        evidence=row.evidence,
        action=row.action,
        owner=row.owner,
        target=row.target,
        target_met=(score >= row.target) if score is not None and row.target is not None else None,
        previous_score=before,
        change=(score - before) if score is not None and before is not None else None,
        extra=row.extra,
    )


def totals_of(indicators: list[IndicatorScore]) -> Totals:
    """The totals of a set of indicators: n/a ones left out of the maximum, unscored ones of both.

    The one place a total is counted: a period's, a theme's, the indicators areas share.
    """
    counted = [i for i in indicators if i.state is not ScoreState.NOT_APPLICABLE]
    scored = [i for i in indicators if i.state is ScoreState.SCORED]
    total = sum(i.score or 0 for i in scored)
    maximum = sum(i.max for i in counted)
    scored_max = sum(i.max for i in scored)
    return Totals(
        total=total,
        max=maximum,
        percent=percent_of(total, maximum),
        scored=len(scored),
        count=len(indicators),
        not_applicable=len(indicators) - len(counted),
        scored_max=scored_max,
        scored_percent=percent_of(total, scored_max) if scored else None,
    )
