"""What changed between two sheets, indicator by indicator, following replacements."""

from __future__ import annotations

from compactscore.models import Definition, Indicator, Row, ScoreState, Sheet, carried_mark
from compactscore.results import HistoryEntry, ScoreChange, SheetDiff, WordChange, names_of
from compactscore.schema import BESIDE


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
    """Indicators whose score changed (and, with ``fields``, whose other columns changed).

    Between two periods, words 'compactscore new' carried from the earlier one
    ("From 2013-14: ...") are the same words, not a change.
    """
    lineage = definition.lineages()
    earlier = {lineage[row.indicator]: row for row in before.rows} if before else {}
    since = before.period_label if before and before.period != after.period else None
    rows: dict[str, Row] = {}
    for each in after.rows:
        rows.setdefault(each.indicator, each)  # the first row for each, as row_for finds it
    found = []
    for indicator in definition.in_force(after.version):
        row: Row | None = rows.get(indicator.id)
        old = earlier.get(lineage[indicator.id])
        if old is row and since is None:
            continue  # the very row read before (a row is frozen): nothing of it changed
        old_score, new_score = score_text(old), score_text(row)
        words = [
            WordChange(column=name, before=_field(old, name), after=_field(row, name))
            for name in (BESIDE if fields else ())
            if _field(old, name) != _carried_back(_field(row, name), since)
        ]
        if old_score == new_score and not words:
            continue
        replaced = _replaced(old, indicator.id, definition)
        found.append(
            ScoreChange(
                **names_of(indicator),
                before=old_score,
                after=new_score,
                change=_difference(old, row),
                fields=[word.column for word in words],
                words=words,
                replaced_id=replaced.id if replaced else "",
                replaced_title=replaced.title if replaced else "",
            )
        )
    return found


def diff_of(
    before: Sheet,
    after: Sheet,
    definition: Definition,
    before_name: str,
    after_name: str,
    scores_only: bool = False,
) -> SheetDiff:
    """Two sheets compared: their totals and every indicator whose score or words changed."""
    # Scoring is imported here, for diff alone: history compares without it.
    from compactscore.analysis.score import score_sheet

    changes = changes_between(before, after, definition, fields=not scores_only)
    old, new = score_sheet(before, definition), score_sheet(after, definition)
    return SheetDiff(
        before=before_name,
        after=after_name,
        before_total=old.totals.total,
        before_max=old.totals.max,
        after_total=new.totals.total,
        after_max=new.totals.max,
        changes=changes,
        unchanged=len(new.indicators) - len(changes),
        scores_only=scores_only,
    )


def _replaced(old: Row | None, now: str, definition: Definition) -> Indicator | None:
    """The earlier indicator whose line this one continues, when the two differ."""
    if old is None or old.indicator == now:
        return None
    return next((i for i in definition.indicators if i.id == old.indicator), None)


def history_entries(
    change: ScoreChange, commit: str, date: str, author: str, message: str
) -> list[HistoryEntry]:
    """One entry per cell an indicator's change touched: its score first, then its words."""
    return [
        HistoryEntry(
            commit=commit,
            date=date,
            author=author,
            message=message,
            score_change=change,
            column=column,
        )
        for column, _, _ in change.cells()
    ]


def _carried_back(text: str, since: str | None) -> str:
    """Words as written in the period they were carried from, without the mark, or as they are."""
    if since is not None and text.startswith(carried_mark(since)):
        return text[len(carried_mark(since)) :]
    return text


def _field(row: Row | None, name: str) -> str:
    # A row not there yet reads as an empty one: its status is open, as an empty cell's is.
    value = getattr(row if row is not None else _EMPTY, name)
    return "" if value is None else str(value)


_EMPTY = Row(line=0, indicator="")


def _difference(before: Row | None, after: Row | None) -> int | None:
    if before is None or after is None or before.score is None or after.score is None:
        return None
    return after.score - before.score
