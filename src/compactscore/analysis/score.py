"""Scoring one period: totals, theme sub-totals, change from the period before."""

from __future__ import annotations

from compactscore.models import Definition, Indicator, Row, ScoreState, Sheet
from compactscore.results import Comparison, Direction, IndicatorScore, Scorecard, ThemeScore


def percent_of(total: int, maximum: int) -> float:
    """A total as a percentage of its maximum, to one decimal place (0 when nothing counts)."""
    return round(100 * total / maximum, 1) if maximum else 0.0


def direction_of(before: float, after: float) -> Direction:
    """Up, down or level, from one value to the next."""
    if after > before:
        return Direction.UP
    if after < before:
        return Direction.DOWN
    return Direction.LEVEL


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
        _theme_score(theme.id, theme.title, [i for i in indicators if i.theme == theme.id])
        for theme in definition.themes
    ]
    card = _totals(indicators)
    scorecard = Scorecard(
        area=area,
        period=sheet.period_label,
        file=sheet.path,
        definition=definition.title,
        version=sheet.version,
        scale={point: scale.label(point) for point in scale.points},
        themes=[theme for theme in themes if theme.count],
        indicators=indicators,
        **card,
    )
    if previous is not None:
        scorecard.previous = compare_totals(score_sheet(previous, definition), scorecard)
    return scorecard


def compare_totals(before: Scorecard, after: Scorecard) -> Comparison:
    """The direction of travel of the aggregate, like with like.

    When both periods are fully scored out of the same maximum the totals are
    compared; otherwise the percentages of what was scored, and it says so.
    """
    complete = (
        before.max == after.max
        and before.scored + before.not_applicable == before.count
        and after.scored + after.not_applicable == after.count
    )
    direction: Direction | None
    if not before.scored or not after.scored:
        # Nothing scored is not a score of 0: there is no direction to tell yet.
        direction, on = None, "nothing scored"
    elif complete:
        direction, on = direction_of(before.total, after.total), "total"
    else:
        direction = direction_of(before.scored_percent or 0.0, after.scored_percent or 0.0)
        on = "percent of scored"
    return Comparison(
        period=before.period,
        total=before.total,
        max=before.max,
        percent=before.percent,
        scored_percent=before.scored_percent,
        change=after.total - before.total if direction is not None else None,
        direction=direction,
        compared_on=on,
    )


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
        number=indicator.number,
        id=indicator.id,
        title=indicator.title,
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


def _totals(indicators: list[IndicatorScore]) -> dict[str, object]:
    counted = [i for i in indicators if i.state is not ScoreState.NOT_APPLICABLE]
    scored = [i for i in indicators if i.state is ScoreState.SCORED]
    total = sum(i.score or 0 for i in scored)
    maximum = sum(i.max for i in counted)
    scored_max = sum(i.max for i in scored)
    return {
        "total": total,
        "max": maximum,
        "percent": percent_of(total, maximum),
        "scored": len(scored),
        "count": len(indicators),
        "not_applicable": len(indicators) - len(counted),
        "scored_max": scored_max,
        "scored_percent": percent_of(total, scored_max) if scored else None,
    }


def _theme_score(theme_id: str, title: str, indicators: list[IndicatorScore]) -> ThemeScore:
    counted = [i for i in indicators if i.state is not ScoreState.NOT_APPLICABLE]
    scored = [i for i in indicators if i.state is ScoreState.SCORED]
    return ThemeScore(
        id=theme_id,
        title=title,
        total=sum(i.score or 0 for i in scored),
        max=sum(i.max for i in counted),
        scored=len(scored),
        count=len(indicators),
    )
