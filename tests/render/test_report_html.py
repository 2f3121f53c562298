"""The report page escapes whatever a sheet holds (a property test over any text)."""

from __future__ import annotations

from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape

from compactscore.analysis.board import board_report_of
from compactscore.load.repository import load_repository
from compactscore.load.sheet import load_sheet
from compactscore.models import Definition, Sheet
from compactscore.render.html import board_html

RIVERTON = Path(__file__).resolve().parents[2] / "examples" / "riverton"


@cache
def riverton() -> tuple[tuple[Sheet, ...], Definition]:
    repository = load_repository(RIVERTON)
    assert repository is not None
    paths = [path for _, path in repository.sheet_paths()]
    return tuple(load_sheet(path, repository.definition) for path in paths), repository.definition


class Tags(HTMLParser):
    """Counts the elements of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1


def tags_of(page: str) -> dict[str, int]:
    parser = Tags()
    parser.feed(page)
    return parser.tags


@settings(max_examples=25, deadline=None)
@given(evidence=st.text(), action=st.text(), owner=st.text())
def test_any_text_in_a_sheet_stays_text(evidence: str, action: str, owner: str) -> None:
    sheets, definition = riverton()
    latest = sheets[-1]
    rows = [
        row.model_copy(update={"evidence": evidence, "action": action, "owner": owner})
        for row in latest.rows
    ]
    hostile = latest.model_copy(update={"rows": rows})
    # The same page with harmless words where the text is: an empty action means no action,
    # and so no row in the action plan, whatever the text.
    harmless = latest.model_copy(
        update={
            "rows": [
                row.model_copy(update={"action": "x" if action.strip() else ""})
                for row in latest.rows
            ]
        }
    )
    plain = board_html(board_report_of([*sheets[:-1], harmless], definition, "Riverton"))
    page = board_html(board_report_of([*sheets[:-1], hostile], definition, "Riverton"))
    assert tags_of(page) == tags_of(plain)
    if evidence.strip():
        assert str(escape(evidence.strip())) in page or str(escape(evidence)) in page
