"""What changed between two sheets, indicator by indicator, following replacements."""

from __future__ import annotations

from operator import attrgetter

from compactscore.models import Definition, Indicator, Row, ScoreState, Sheet, carried_mark
from compactscore.results import HistoryEntry, ScoreChange, SheetDiff, names_of
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
    return Comparer(definition, fields).changes(before, after)


class Comparer:
    """Compares sheets of one definition, pair after pair, as ``changes_between`` does.

    What each definition version needs (its indicators, each with its id and its line)
    is worked out once: a history compares a thousand versions of a sheet.
    """

    def __init__(self, definition: Definition, fields: bool = True) -> None:
        self.definition, self.fields = definition, fields
        self.lineage = definition.lineages()
        self._in_force: dict[str, list[tuple[Indicator, str, str]]] = {}

    def changes(self, before: Sheet | None, after: Sheet) -> list[ScoreChange]:
        """Indicators whose score changed (and, with ``fields``, whose other columns changed)."""
        lineage = self.lineage
        earlier = {lineage[row.indicator]: row for row in before.rows} if before else {}
        # Periods read from file names are one object per name: most often the very same.
        since = (
            before.period_label
            if before and before.period is not after.period and before.period != after.period
            else None
        )
        mark = carried_mark(since) if since is not None else None
        # The first row for each indicator, as row_for finds it.
        rows: dict[str, Row] = {row.indicator: row for row in reversed(after.rows)}
        found = []
        for indicator, indicator_id, line in self._indicators(after.version):
            row: Row | None = rows.get(indicator_id)
            old = earlier.get(line)
            if old is row and since is None:
                continue  # the very row read before (a row is frozen): nothing of it changed
            old_score, new_score = score_text(old), score_text(row)
            words = _words(old, row, mark) if self.fields else []
            if old_score == new_score and not words:
                continue
            replaced = _replaced(old, indicator_id, self.definition)
            # Validated as one: the words are made as part of the change.
            found.append(
                ScoreChange.model_validate(
                    {
                        **names_of(indicator),
                        "before": old_score,
                        "after": new_score,
                        "change": _difference(old, row),
                        "fields": [column for column, _, _ in words],
                        "words": [
                            {"column": column, "before": was, "after": now}
                            for column, was, now in words
                        ],
                        "replaced_id": replaced.id if replaced else "",
                        "replaced_title": replaced.title if replaced else "",
                    }
                )
            )
        return found

    def _indicators(self, version: str) -> list[tuple[Indicator, str, str]]:
        """The indicators in force in a version, in order, each with its id and its line."""
        known = self._in_force.get(version)
        if known is None:
            known = [
                (indicator, indicator.id, self.lineage[indicator.id])
                for indicator in self.definition.in_force(version)
            ]
            self._in_force[version] = known
        return known


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


# The cells beside the score, by the names the changes give them.
_BESIDE = tuple(column.value for column in BESIDE)
_beside = attrgetter(*_BESIDE)
_EMPTY = Row(line=0, indicator="")


def _words(old: Row | None, row: Row | None, mark: str | None) -> list[tuple[str, str, str]]:
    """Each cell beside the score that changed: its column, and its text before and after.

    Words after that start with ``mark`` ("From 2013-14: ") are compared without it.
    """
    # A row not there yet reads as an empty one: its status is open, as an empty cell's is.
    was = _beside(_EMPTY if old is None else old)
    now = _beside(_EMPTY if row is None else row)
    if was == now and mark is None:
        return []  # the same values: the same texts
    words = []
    for column, value, new in zip(_BESIDE, was, now, strict=True):
        if value == new and mark is None:
            continue
        before = "" if value is None else str(value)
        after = "" if new is None else str(new)
        if before != (after[len(mark) :] if mark and after.startswith(mark) else after):
            words.append((column, before, after))
    return words


def _difference(before: Row | None, after: Row | None) -> int | None:
    if before is None or after is None or before.score is None or after.score is None:
        return None
    return after.score - before.score
