"""What changed between two sheets, indicator by indicator, following replacements."""

from __future__ import annotations

from compactscore.analysis.score import score_sheet
from compactscore.changes import ScoreChange, SheetDiff
from compactscore.models import Definition, Indicator, Row, ScoreState, Sheet

FIELDS = ("evidence", "action", "owner", "target")


def score_text(row: Row | None) -> str:
    """A score as a cell shows it: the number, ``n/a``, or empty when not scored."""
    if row is None:
        return ""
    if row.state is ScoreState.NOT_APPLICABLE:
        return "n/a"
    return "" if row.score is None else str(row.score)


def changes_between(
    before: Sheet | None, after: Sheet, definition: Definition, fields: bool = True
) -> list[ScoreChange]:
    """Indicators whose score changed (and, with ``fields``, whose other columns changed)."""
    earlier = {definition.lineage(row.indicator): row for row in before.rows} if before else {}
    found = []
    for indicator in definition.in_force(after.version):
        row = after.row_for(indicator.id)
        old = earlier.get(definition.lineage(indicator.id))
        old_score, new_score = score_text(old), score_text(row)
        changed = [name for name in FIELDS if fields and _field(old, name) != _field(row, name)]
        if old_score == new_score and not changed:
            continue
        replaced = _replaced(old, indicator.id, definition)
        found.append(
            ScoreChange(
                number=indicator.number,
                id=indicator.id,
                title=indicator.title,
                before=old_score,
                after=new_score,
                change=_difference(old, row),
                fields=changed,
                replaced_id=replaced.id if replaced else "",
                replaced_title=replaced.title if replaced else "",
            )
        )
    return found


def diff_of(
    before: Sheet, after: Sheet, definition: Definition, before_name: str, after_name: str
) -> SheetDiff:
    """Two sheets compared: their totals and every indicator that changed."""
    same_period = before.period == after.period
    changes = changes_between(before, after, definition, fields=same_period)
    old, new = score_sheet(before, definition), score_sheet(after, definition)
    return SheetDiff(
        before=before_name,
        after=after_name,
        before_total=old.total,
        before_max=old.max,
        after_total=new.total,
        after_max=new.max,
        changes=changes,
        unchanged=len(new.indicators) - len(changes),
    )


def _replaced(old: Row | None, now: str, definition: Definition) -> Indicator | None:
    """The earlier indicator whose line this one continues, when the two differ."""
    if old is None or old.indicator == now:
        return None
    return next((i for i in definition.indicators if i.id == old.indicator), None)


def _field(row: Row | None, name: str) -> str:
    value = getattr(row, name) if row is not None else None
    return "" if value is None else str(value)


def _difference(before: Row | None, after: Row | None) -> int | None:
    if before is None or after is None or before.score is None or after.score is None:
        return None
    return after.score - before.score
