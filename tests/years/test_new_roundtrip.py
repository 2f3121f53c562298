"""Properties of new sheets: any words carried come back marked, and every command has help."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from compactscore.cli import app
from compactscore.load.definition import load_definition
from compactscore.load.sheet import load_sheet
from compactscore.models import Row
from compactscore.render.sheetfile import sheet_text

WORDS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60
).filter(lambda text: text.strip() == text and text)


@settings(max_examples=60, deadline=None)
@given(evidence=WORDS, action=WORDS)
def test_carried_words_read_back_marked_and_scores_empty(evidence: str, action: str) -> None:
    definition = load_definition()
    in_force = definition.in_force(definition.version_for(None))
    carried = {
        in_force[0].id: Row(line=2, indicator=in_force[0].id, evidence=evidence, action=action)
    }
    text = sheet_text(in_force, carried, "2012-13")
    sheet = load_sheet(Path("2013-14.csv"), definition, text=text)
    row = sheet.rows[0]
    assert row.evidence.startswith("From 2012-13: ") or row.evidence == evidence
    assert row.evidence.endswith(evidence) and row.action.endswith(action)
    assert all(r.score is None for r in sheet.rows)
    assert len(sheet.rows) == 17


@pytest.mark.parametrize("command", ["trend", "gaps", "diff", "new", "init", "history"])
def test_every_command_has_an_example(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: compactscore " + command in result.stdout
