"""The gap list: indicators short of the top score or their target, largest gap first."""

from __future__ import annotations

from compactscore.models import ScoreState
from compactscore.results import Gap, GapList, Scorecard, names_of


def gaps_of(card: Scorecard) -> GapList:
    """The gaps in a scored period; those that fell since the previous period flagged."""
    gaps = []
    for indicator in card.indicators:
        if indicator.score is None:
            continue
        aim = indicator.target if indicator.target is not None else indicator.max
        if indicator.score >= aim:
            continue
        before = indicator.previous_score
        gaps.append(
            Gap(
                **names_of(indicator),
                score=indicator.score,
                label=indicator.label,
                aim=aim,
                aim_is_target=indicator.target is not None,
                gap=aim - indicator.score,
                previous_score=before,
                fell=before is not None and indicator.score < before,
                action=indicator.action,
                owner=indicator.owner,
            )
        )
    gaps.sort(key=lambda gap: (-gap.gap, not gap.fell, gap.number))
    return GapList(
        area=card.area,
        period=card.period,
        file=card.file,
        gaps=gaps,
        not_scored=[i for i in card.indicators if i.state is ScoreState.NOT_SCORED],
        previous_period=card.previous.period if card.previous else None,
        travel=card.previous,
        fell=[i.number for i in card.indicators if i.change is not None and i.change < 0],
    )
