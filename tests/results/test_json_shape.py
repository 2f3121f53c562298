"""The JSON every command writes keeps its keys and their order, though results now hold
their totals, travel and changes as models of their own (PRODUCT.md fixes the shape)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import Result

from compactscore.results import HistoryEntry, ScoreChange, Totals, WordChange

Run = Callable[..., Result]
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def json_of(cli: Run, *args: str, cwd: Path) -> Any:
    result = cli(*args, "--format", "json", cwd=cwd)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_score_writes_its_totals_beside_its_own_fields(cli: Run) -> None:
    card = json_of(cli, "score", cwd=EXAMPLES / "riverton")
    assert list(card) == [
        "area", "period", "file", "definition", "version",
        "total", "max", "percent", "scored", "count", "not_applicable",
        "scored_max", "scored_percent", "scale", "themes", "indicators", "previous",
    ]  # fmt: skip
    assert list(card["themes"][0]) == [
        "id", "title", "total", "max", "scored", "count", "not_applicable"
    ]  # fmt: skip
    # The earlier period's figures follow the direction of travel's.
    assert list(card["previous"])[-4:] == ["total", "max", "percent", "scored_percent"]
    # 2012-13: 30 of 51, 17 scored (README); 2013-14: 23 of 51 on 11 scored.
    assert (card["total"], card["max"], card["scored"]) == (23, 51, 11)
    assert (card["previous"]["total"], card["previous"]["max"]) == (30, 51)


def test_trend_writes_n_a_after_the_direction_as_it_always_has(cli: Run) -> None:
    periods = json_of(cli, "trend", cwd=EXAMPLES / "riverton")["periods"]
    assert list(periods[1]) == [
        "period", "file", "version", "total", "max", "percent", "scored", "count",
        "scored_max", "scored_percent", "direction", "compared_on", "not_applicable",
        "travel",
    ]  # fmt: skip
    assert (periods[0]["direction"], periods[0]["compared_on"], periods[0]["travel"]) == (
        None,
        None,
        None,
    )
    # 2010-11 has one indicator n/a: 31 out of 48.
    assert [(p["period"], p["total"], p["max"], p["not_applicable"]) for p in periods[2:3]] == [
        ("2010-11", 31, 48, 1)
    ]


def test_compare_writes_each_areas_totals_then_its_shared_ones(cli: Run) -> None:
    areas = json_of(cli, "compare", "riverton", "eastmoor", "kingsbridge", cwd=EXAMPLES)
    assert list(areas["areas"][0]) == [
        "area", "file", "period", "definition", "version",
        "total", "max", "percent", "scored", "count", "not_applicable",
        "shared_total", "shared_max", "shared_percent", "shared_scored",
        "shared_not_applicable", "shared_scored_max", "shared_scored_percent",
        "rank", "direction", "previous_period", "change", "compared_on", "travel",
    ]  # fmt: skip
    assert areas["ranked_by"] in ("percent of maximum", "percent of scored")


def test_the_report_writes_the_day_and_the_actions_last(cli: Run) -> None:
    report = json_of(cli, "report", cwd=EXAMPLES / "riverton")
    assert list(report)[-3:] == ["warnings", "today", "actions"]


def test_a_history_entry_names_its_cell_of_the_change_it_holds() -> None:
    change = ScoreChange(
        number=3,
        id="measure",
        title="Compact as the measure",
        before="1",
        after="3",
        change=2,
        fields=["evidence"],
        words=[WordChange(column="evidence", before="old", after="new")],
    )
    made = {"commit": "abc1234", "date": "2024-05-01", "author": "A", "message": "m"}
    score = HistoryEntry(**made, score_change=change)
    words = HistoryEntry(**made, score_change=change, column="evidence")
    assert json.loads(score.model_dump_json()) == {
        **made,
        "number": 3,
        "id": "measure",
        "title": "Compact as the measure",
        "column": "score",
        "before": "1",
        "after": "3",
        "change": 2,
    }
    assert list(json.loads(words.model_dump_json()))[-4:] == ["column", "before", "after", "change"]
    assert (words.before, words.after, words.change) == ("old", "new", None)


def test_partly_scored_is_some_scored_and_not_all_that_apply() -> None:
    def totals(scored: int, count: int, not_applicable: int) -> Totals:
        return Totals(
            total=0,
            max=3 * (count - not_applicable),
            percent=0.0,
            scored=scored,
            count=count,
            not_applicable=not_applicable,
            scored_max=3 * scored,
            scored_percent=None,
        )

    assert totals(11, 17, 0).partly_scored
    assert not totals(16, 17, 1).partly_scored  # every one that applies is scored
    assert not totals(0, 17, 0).partly_scored  # nothing scored is not partly scored
    assert not totals(17, 17, 0).partly_scored
