"""Trends worked out by hand: totals, maxima, directions, and definitions that change."""

from __future__ import annotations

from pathlib import Path

from compactscore.analysis.trend import trend_of
from compactscore.load.definition import load_definition, parse_definition
from compactscore.load.sheet import load_sheet
from compactscore.models import Definition, Sheet
from compactscore.results import Direction

SMALL = """
id: small
title: Small scorecard
version: "2"
versions:
  - version: "1"
    applies_from: "2020"
  - version: "2"
    applies_from: "2022"
themes:
  - id: all
    title: All
indicators:
  - id: alpha
    number: 1
    title: Alpha
    statement: Alpha is in place.
    theme: all
    retired: "2"
  - id: beta
    number: 2
    title: Beta
    statement: Beta is in place.
    theme: all
    renumbered: {"2": 1}
  - id: gamma
    number: 3
    title: Gamma
    statement: Gamma is in place.
    theme: all
    introduced: "2"
    renumbered: {"2": 2}
"""


def sheet(name: str, rows: list[tuple[str, str]], definition: Definition) -> Sheet:
    """A sheet read by the real loader from CSV text."""
    lines = ["indicator,score,evidence"]
    for indicator, score in rows:
        reason = "The survey was cancelled." if score == "n/a" else ""
        lines.append(f"{indicator},{score},{reason}")
    return load_sheet(Path(name), definition, text="\n".join(lines) + "\n")


def thriving(name: str, scores: dict[int, str], default: str) -> Sheet:
    definition = load_definition()
    rows = [(str(number), scores.get(number, default)) for number in range(1, 18)]
    return sheet(name, rows, definition)


def test_trend_across_ni7_change_compares_like_with_like() -> None:
    definition = load_definition()
    sheets = [
        thriving("2009-10.csv", {}, "1"),  # 17 x 1 = 17 of 51
        thriving("2010-11.csv", {3: "n/a"}, "2"),  # 16 x 2 = 32 of 48
        thriving("2011-12.csv", {1: "", 3: "3"}, "2"),  # 3 + 15 x 2 = 33 of 51, 16 scored
    ]
    trend = trend_of(sheets, definition, area="Testham")
    totals = [
        (p.period, p.totals.total, p.totals.max, p.totals.percent, p.direction)
        for p in trend.periods
    ]
    assert totals == [
        ("2009-10", 17, 51, 33.3, None),
        ("2010-11", 32, 48, 66.7, Direction.UP),
        ("2011-12", 33, 51, 64.7, Direction.LEVEL),
    ]
    # 2010-11 against 2009-10: 16 indicators scored in both (not 3, n/a in 2010-11),
    # 16 x 1 = 16 points then, 16 x 2 = 32 now: up by 16.
    # 2011-12 against 2010-11: 15 scored in both (not 1, unscored, nor 3, n/a before),
    # 15 x 2 = 30 points in each: level, though the percent of scored rose from 66.7 to 68.8.
    assert trend.periods[2].totals.scored_percent == 68.8
    assert [p.compared_on for p in trend.periods] == [None, "scored in both", "scored in both"]
    travels = [p.travel for p in trend.periods[1:]]
    assert [(t.shared, t.shared_before, t.shared_after, t.change) for t in travels if t] == [
        (16, 16, 32, 16),
        (15, 30, 30, 0),
    ]
    assert trend.periods[1].totals.not_applicable == 1
    third = next(line for line in trend.indicators if line.number == 3)
    assert third.id == "compact-measure"
    assert third.ids == {
        "2009-10": "ni7-compact-indicator",
        "2010-11": "ni7-compact-indicator",
        "2011-12": "compact-measure",
    }
    assert third.scores == {"2009-10": 1, "2010-11": None, "2011-12": 3}
    assert third.states["2010-11"] == "n/a"
    assert third.direction is None  # n/a before: no direction claimed
    first = next(line for line in trend.indicators if line.number == 1)
    assert first.states["2011-12"] == "not scored" and first.direction is None
    second = next(line for line in trend.indicators if line.number == 2)
    assert second.direction is Direction.LEVEL
    assert len(trend.indicators) == 17


def test_complete_periods_compare_on_the_total() -> None:
    definition = load_definition()
    sheets = [thriving("2012.csv", {}, "2"), thriving("2013.csv", {5: "1"}, "2")]
    trend = trend_of(sheets, definition)
    assert [(p.totals.total, p.direction, p.compared_on) for p in trend.periods] == [
        (34, None, None),
        (33, Direction.DOWN, "total"),
    ]
    fifth = next(line for line in trend.indicators if line.number == 5)
    assert fifth.direction is Direction.DOWN


def test_retired_and_introduced_indicators_read_right() -> None:
    definition = parse_definition(SMALL, "small.yaml")
    sheets = [
        sheet("2021.csv", [("alpha", "1"), ("beta", "2")], definition),  # 3 of 6
        sheet("2022.csv", [("beta", "3"), ("gamma", "1")], definition),  # 4 of 6
    ]
    trend = trend_of(sheets, definition)
    # Both fully scored out of 6, but not on the same indicators (alpha retired, gamma
    # new): like for like, only beta is scored in both, 2 then and 3 now, so up by 1.
    assert [(p.totals.total, p.totals.max, p.direction, p.compared_on) for p in trend.periods] == [
        (3, 6, None, None),
        (4, 6, Direction.UP, "scored in both"),
    ]
    travel = trend.periods[1].travel
    assert travel is not None
    assert (travel.shared, travel.shared_before, travel.shared_after) == (1, 2, 3)
    assert (travel.only_before, travel.only_after, travel.total_change) == (1, 1, 1)
    lines = {line.id: line for line in trend.indicators}
    assert lines["alpha"].states == {"2021": "scored", "2022": "retired"}
    assert lines["gamma"].states == {"2021": "not in force", "2022": "scored"}
    assert lines["beta"].number == 1 and lines["beta"].direction is Direction.UP
    # Retired lines go last; the others in the newest numbering.
    assert [line.id for line in trend.indicators] == ["beta", "gamma", "alpha"]


def test_one_period_has_no_direction() -> None:
    trend = trend_of([thriving("2012.csv", {}, "3")], load_definition())
    assert trend.periods[0].direction is None
    assert trend.periods[0].totals.total == 51 and trend.periods[0].totals.percent == 100.0
    assert all(line.direction is None for line in trend.indicators)
