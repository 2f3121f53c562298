"""Properties of new sheets: any words carried come back marked, own columns kept empty."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from compactscore.load.definition import load_definition
from compactscore.load.sheet import KNOWN, SIDES, column_key, load_sheet
from compactscore.load.text import decode
from compactscore.models import Row
from compactscore.render.sheetfile import COLUMNS, sheet_text
from compactscore.schema import ALIASES, NUMBER_NAMES, loose_name

# A byte-order mark is left out: a sheet read from a file drops every stray one (two
# files pasted together), so words holding one could not come back as written.
WORDS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff"),
    min_size=1,
    max_size=60,
).filter(lambda text: text.strip() == text and text)


def as_saved(text: str) -> str:
    """The text as written to a file and read back: UTF-8 bytes, decoded as any sheet is."""
    return decode(text.encode("utf-8"), "2013-14.csv")


@settings(max_examples=60, deadline=None)
@given(evidence=WORDS, action=WORDS)
def test_carried_words_read_back_marked_and_scores_empty(evidence: str, action: str) -> None:
    definition = load_definition()
    in_force = definition.in_force(definition.version_for(None))
    carried = {
        in_force[0].id: Row(line=2, indicator=in_force[0].id, evidence=evidence, action=action)
    }
    text = sheet_text(in_force, carried, "2012-13")
    sheet = load_sheet(Path("2013-14.csv"), definition, text=as_saved(text))
    row = sheet.rows[0]
    assert row.evidence.startswith("From 2012-13: ") or row.evidence == evidence
    assert row.evidence.endswith(evidence) and row.action.endswith(action)
    assert all(r.score is None for r in sheet.rows)
    assert len(sheet.rows) == 17


_QUOTES = "\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb"
_OURS = {*KNOWN, *SIDES, "title"}
# As for WORDS, no byte-order mark.
NAMES = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufeff"
    ),
    min_size=1,
    max_size=20,
).filter(
    lambda name: (
        name.strip() == name
        and name[0] not in _QUOTES
        and name[-1] not in _QUOTES
        and column_key(name) not in {"", *_OURS}
        # A header people write for one of ours ('VCS score', 'No.') is read as ours.
        and loose_name(name) not in ALIASES
        and column_key(name) not in NUMBER_NAMES
    )
)


@settings(max_examples=60, deadline=None)
@given(own=st.lists(NAMES, max_size=4, unique_by=column_key), sides=st.booleans())
def test_the_users_own_columns_read_back_in_order_and_empty(own: list[str], sides: bool) -> None:
    definition = load_definition()
    in_force = definition.in_force(definition.version_for(None))
    text = sheet_text(in_force, {}, None, sides, own)
    sheet = load_sheet(Path("2013-14.csv"), definition, text=as_saved(text))
    standard = COLUMNS + (["sector_score", "public_score"] if sides else [])
    assert sheet.columns == standard + own
    assert len(sheet.rows) == 17
    assert all(
        row.extra == {"title": row.extra["title"], **dict.fromkeys(own, "")} for row in sheet.rows
    )
