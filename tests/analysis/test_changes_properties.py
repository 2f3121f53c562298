"""What changed between two sheets, for any rows: what comparing cell by cell, in full, finds.

``changes_between`` skips what it can (a row read before, cells of equal values, the
indicators of a version worked out once); a comparer used for many versions in turn
finds what a fresh comparison finds.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from compactscore.analysis.changes import Comparer, changes_between, score_text
from compactscore.load.definition import load_definition
from compactscore.models import ActionStatus, Definition, Row, ScoreState, Sheet, carried_mark
from compactscore.periods import Period, PeriodKind, parse_period
from compactscore.results import ScoreChange, WordChange

DEFINITION = load_definition()
IDS = [indicator.id for indicator in DEFINITION.indicators]
WORDS = ["", "Vision agreed", "From 2023-24: Vision agreed", "From 2024-25: Vision agreed"]
BESIDE = ["evidence", "action", "owner", "target", "due", "status"]


@st.composite
def rows(draw: st.DrawFn, line: int) -> Row:
    return Row(
        line=line,
        indicator=draw(st.sampled_from(IDS)),
        score=draw(st.none() | st.integers(min_value=0, max_value=3)),
        state=draw(st.sampled_from(ScoreState)),
        evidence=draw(st.sampled_from(WORDS)),
        action=draw(st.sampled_from(WORDS)),
        owner=draw(st.sampled_from(["", "Chair", "From 2023-24: Chair"])),
        due=draw(st.sampled_from(["", "2025-03-31"])),
        status=draw(st.sampled_from(ActionStatus)),
        target=draw(st.none() | st.integers(min_value=0, max_value=3)),
    )


# A period read from a file's name is one object per name; one made afresh is equal to it.
PERIODS = [
    parse_period("2023-24"),
    parse_period("2024-25"),
    Period(kind=PeriodKind.FINANCIAL, start=2024),
    None,
]


@st.composite
def sheets(draw: st.DrawFn, before: Sheet | None = None) -> Sheet:
    """A sheet; after another, some of its rows are the very rows of that one."""
    made = draw(st.lists(rows(line=2), max_size=8))
    if before is not None:
        kept = draw(st.lists(st.booleans(), min_size=len(before.rows), max_size=len(before.rows)))
        made += [row for row, keep in zip(before.rows, kept, strict=True) if keep]
        made = draw(st.permutations(made))
    period = draw(st.sampled_from(PERIODS))
    return Sheet(
        path=f"scores/{period}.csv" if period else "scores/x.csv",
        period=period,
        version=draw(st.sampled_from(DEFINITION.version_names)),
        columns=["indicator", "score", *BESIDE],
        rows=made,
    )


def in_full(
    before: Sheet | None, after: Sheet, definition: Definition, fields: bool
) -> list[ScoreChange]:
    """Every indicator in force, every cell beside its score turned to text and compared."""
    lineage = definition.lineages()
    earlier = {lineage[row.indicator]: row for row in before.rows} if before else {}
    since = before.period_label if before and before.period != after.period else None
    empty = Row(line=0, indicator="")

    def text(row: Row | None, name: str) -> str:
        value = getattr(row if row is not None else empty, name)
        return "" if value is None else str(value)

    def carried_back(text: str) -> str:
        if since is not None and text.startswith(carried_mark(since)):
            return text[len(carried_mark(since)) :]
        return text

    found = []
    for indicator in definition.in_force(after.version):
        row = next((row for row in after.rows if row.indicator == indicator.id), None)
        old = earlier.get(lineage[indicator.id])
        words = [
            WordChange(column=name, before=text(old, name), after=text(row, name))
            for name in (BESIDE if fields else [])
            if text(old, name) != carried_back(text(row, name))
        ]
        if score_text(old) == score_text(row) and not words:
            continue
        replaced = next(
            (i for i in definition.indicators if old and i.id == old.indicator != indicator.id),
            None,
        )
        found.append(
            ScoreChange(
                number=indicator.number,
                id=indicator.id,
                title=indicator.title,
                before=score_text(old),
                after=score_text(row),
                change=None
                if old is None or row is None or old.score is None or row.score is None
                else row.score - old.score,
                fields=[word.column for word in words],
                words=words,
                replaced_id=replaced.id if replaced else "",
                replaced_title=replaced.title if replaced else "",
            )
        )
    return found


@st.composite
def versions(draw: st.DrawFn) -> list[Sheet]:
    """A few versions of a sheet, each keeping some rows of the one before."""
    made = [draw(sheets())]
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        made.append(draw(sheets(before=made[-1])))
    return made


@given(versions(), st.booleans())
def test_changes_are_those_found_cell_by_cell(made: list[Sheet], fields: bool) -> None:
    compare = Comparer(DEFINITION, fields=fields)
    for before, after in zip([None, *made], made, strict=False):
        expected = in_full(before, after, DEFINITION, fields)
        assert changes_between(before, after, DEFINITION, fields=fields) == expected
        assert compare.changes(before, after) == expected
        assert [c.model_dump_json() for c in compare.changes(before, after)] == [
            c.model_dump_json() for c in expected
        ]
