"""Every command's table at 60, 80 and 100 columns and piped: within the width, nothing cut.

Each table is checked on the examples and on an 18-period repository: no line wider
than the width, no ellipsis, and every word of the evidence, actions, owners,
prompts and messages that the command's JSON holds is in its table too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from compactscore.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WIDTHS = [60, 80, 100, None]  # None: piped, no COLUMNS, laid out for 80
BORDERS = "│┃"

# Each command, the folder it runs in, and the JSON fields whose words the table must hold.
EXAMPLE_COMMANDS: list[tuple[str, list[str], list[str]]] = [
    ("riverton", ["score"], ["indicators.evidence", "indicators.title"]),
    ("kingsbridge", ["score"], ["indicators.evidence", "indicators.title"]),
    ("eastmoor", ["score"], ["indicators.evidence", "indicators.title"]),
    ("riverton", ["gaps"], ["gaps.action", "gaps.owner", "gaps.title", "not_scored.evidence"]),
    ("kingsbridge", ["gaps"], ["gaps.action", "gaps.owner", "gaps.title"]),
    ("eastmoor", ["gaps"], ["gaps.action", "gaps.owner", "gaps.title"]),
    ("riverton", ["agree"], ["disagreements.prompts", "disagreements.title"]),
    ("riverton", ["trend"], ["indicators.title"]),
    ("eastmoor", ["trend"], ["indicators.title"]),
    ("kingsbridge", ["indicators"], ["indicators.statement", "indicators.title"]),
    ("kingsbridge", ["indicators", "--detail"], ["indicators.statement", "indicators.prompts"]),
    ("riverton", ["diff", "2012-13", "2013-14"], ["changes.title"]),
    ("kingsbridge", ["diff", "2011-12", "2012-13"], ["changes.title"]),
    ("riverton", ["report", "-f", "table"], []),
    ("riverton", ["check"], []),
    ("riverton", ["actions", "--today", "2014-06-01"], ["actions.action", "actions.owner"]),
    ("riverton", ["actions", "--all"], ["actions.action", "actions.owner", "actions.title"]),
    (".", ["compare", "riverton", "eastmoor", "kingsbridge"], ["indicators.title", "areas.area"]),
]
LONG_COMMANDS: list[tuple[list[str], list[str]]] = [
    (["score"], ["indicators.evidence", "indicators.title"]),
    (["gaps"], ["gaps.action", "gaps.owner", "gaps.title"]),
    (["agree"], ["disagreements.prompts", "disagreements.title"]),
    (["trend"], ["indicators.title"]),
    (["diff", "2024-25", "2025-26"], ["changes.title"]),
    (["history", "scores/2025-26.csv"], ["entries.message", "entries.title", "entries.author"]),
    (["report", "-f", "table"], []),
    (["check"], []),
    (["actions", "--all"], ["actions.action", "actions.owner", "actions.title"]),
]


def _run(folder: Path, args: list[str], width: int | None, monkeypatch: Any) -> Result:
    monkeypatch.chdir(folder)
    env = {"COLUMNS": None if width is None else str(width), "NO_COLOR": "1"}
    return CliRunner().invoke(app, args, env=env)


def _texts(data: Any, path: list[str]) -> Iterator[str]:
    """The strings at a dotted path of the JSON, through every list on the way."""
    if isinstance(data, list):
        for item in data:
            yield from _texts(item, path)
    elif not path:
        if isinstance(data, str):
            yield data
    elif isinstance(data, dict) and path[0] in data:
        yield from _texts(data[path[0]], path[1:])


def _check(result: Result, width: int | None, data: Any, fields: list[str]) -> None:
    assert result.exit_code in (0, 1), result.output
    lines = result.stdout.splitlines()
    limit = width or 80
    too_wide = [line for line in lines if len(line) > limit]
    assert not too_wide, f"{len(too_wide)} lines over {limit}: {too_wide[:3]}"
    assert "…" not in result.stdout
    shown = set(re.sub(f"[{BORDERS}]", " ", result.stdout).split())
    run_together = "".join(result.stdout.split())
    words = {
        word for field in fields for text in _texts(data, field.split(".")) for word in text.split()
    }
    missing = [
        word
        for word in sorted(words)
        if word not in shown and not (len(word) > limit - 10 and word in run_together)
    ]
    assert fields == [] or words, f"no words found at {fields}"
    assert not missing, f"words of the JSON missing from the table: {missing[:10]}"


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w or 'piped'}")
@pytest.mark.parametrize(
    ("folder", "args", "fields"), EXAMPLE_COMMANDS, ids=lambda x: x if isinstance(x, str) else None
)
def test_examples_fit_every_width(
    folder: str, args: list[str], fields: list[str], width: int | None, monkeypatch: Any
) -> None:
    where = EXAMPLES / folder
    data = json.loads(_run(where, [*args, "-f", "json"], 100, monkeypatch).stdout) if fields else {}
    _check(_run(where, args, width, monkeypatch), width, data, fields)


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w or 'piped'}")
@pytest.mark.parametrize(("args", "fields"), LONG_COMMANDS, ids=lambda x: "-".join(x) or None)
def test_a_long_history_fits_every_width(
    long_history: Path, args: list[str], fields: list[str], width: int | None, monkeypatch: Any
) -> None:
    data = (
        json.loads(_run(long_history, [*args, "-f", "json"], 100, monkeypatch).stdout)
        if fields
        else {}
    )
    _check(_run(long_history, args, width, monkeypatch), width, data, fields)
