"""Comparing areas: totals, ranks (ties shared), medians, and mixed definition versions."""

from __future__ import annotations

from pathlib import Path

from compactscore.analysis.compare import AreaSheets, common_periods, compare_areas
from compactscore.load.definition import load_definition
from compactscore.load.repository import load_repository
from compactscore.load.sheet import load_sheet
from compactscore.periods import parse_period
from compactscore.results import Direction

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _area(name: str, period: str) -> AreaSheets:
    repository = load_repository(EXAMPLES / name)
    assert repository is not None
    paths = [path for _, path in repository.sheet_paths()]
    at = [path.stem for path in paths].index(period)
    load = lambda path: load_sheet(path, repository.definition)  # noqa: E731
    previous = load(paths[at - 1]) if at else None
    return AreaSheets(repository.config.area, repository.definition, load(paths[at]), previous)


def _sheet(tmp_path: Path, name: str, scores: list[str]):  # type: ignore[no-untyped-def]
    path = tmp_path / name / "2012-13.csv"
    path.parent.mkdir()
    rows = "".join(
        f"{n},{s},{'no data' if s == 'n/a' else ''}\n" for n, s in enumerate(scores, start=1)
    )
    path.write_text("indicator,score,evidence\n" + rows, encoding="utf-8")
    return load_sheet(path, load_definition())


def test_three_examples_in_2012_13_worked_by_hand() -> None:
    # Riverton 30/51, Eastmoor 26/51, Kingsbridge 32/51. Kingsbridge is on version 1,
    # so the ranks use the 16 shared indicators (all but 3, worth 2, 2 and 1):
    # Kingsbridge 30/48 = 62.5%, Riverton 28/48 = 58.3%, Eastmoor 25/48 = 52.1%.
    areas = [_area(name, "2012-13") for name in ("riverton", "eastmoor", "kingsbridge")]
    result = compare_areas(areas)
    assert result.period == "2012-13"
    assert result.mixed_versions
    assert result.shared == 16
    table = [
        (a.area, a.rank, a.total, a.max, a.percent, a.shared_total, a.shared_max, a.shared_percent)
        for a in result.areas
    ]
    assert table == [
        ("Kingsbridge", 1, 32, 51, 62.7, 30, 48, 62.5),
        ("Riverton", 2, 30, 51, 58.8, 28, 48, 58.3),
        ("Eastmoor", 3, 26, 51, 51.0, 25, 48, 52.1),
    ]
    directions = [(a.area, a.direction, a.change, a.previous_period) for a in result.areas]
    assert directions == [
        ("Kingsbridge", Direction.UP, 3, "2011-12"),
        ("Riverton", Direction.UP, 5, "2011-12"),
        ("Eastmoor", Direction.DOWN, -1, "2011-12"),
    ]


def test_spread_of_each_shared_indicator() -> None:
    areas = [_area(name, "2012-13") for name in ("riverton", "eastmoor", "kingsbridge")]
    spreads = {spread.number: spread for spread in compare_areas(areas).indicators}
    assert 3 not in spreads
    # 12: Riverton 1, Eastmoor 0, Kingsbridge 2.
    twelve = spreads[12]
    assert twelve.scores == {"Riverton": 1, "Eastmoor": 0, "Kingsbridge": 2}
    assert (twelve.lowest, twelve.median, twelve.highest) == (0, 1.0, 2)
    assert twelve.leaders == ["Kingsbridge"]
    # 5: 2, 1, 2: two areas lead; 13: all 1.
    assert spreads[5].leaders == ["Riverton", "Kingsbridge"]
    assert (spreads[13].lowest, spreads[13].median, spreads[13].highest) == (1, 1.0, 1)
    assert spreads[13].leaders == ["Riverton", "Eastmoor", "Kingsbridge"]


def test_indicators_not_shared_are_named() -> None:
    areas = [_area(name, "2012-13") for name in ("riverton", "eastmoor", "kingsbridge")]
    unshared = compare_areas(areas).unshared
    assert [(u.id, u.areas, u.versions, u.replaces) for u in unshared] == [
        ("compact-measure", ["Riverton", "Eastmoor"], ["2"], "ni7-compact-indicator"),
        ("ni7-compact-indicator", ["Kingsbridge"], ["1"], None),
    ]


def test_same_version_compares_all_17_and_medians_of_two() -> None:
    # 2013-14: Riverton 23/51 with 6 unscored, Eastmoor 31/51 fully scored.
    result = compare_areas([_area("riverton", "2013-14"), _area("eastmoor", "2013-14")])
    assert not result.mixed_versions
    assert result.shared == 17
    assert result.unshared == []
    assert [(a.area, a.rank, a.total, a.percent) for a in result.areas] == [
        ("Eastmoor", 1, 31, 60.8),
        ("Riverton", 2, 23, 45.1),
    ]
    spreads = {spread.number: spread for spread in result.indicators}
    assert (spreads[1].lowest, spreads[1].median, spreads[1].highest) == (2, 2.5, 3)
    # Riverton has not scored 4: the spread is Eastmoor's alone.
    assert spreads[4].scores == {"Riverton": None, "Eastmoor": 2}
    assert (spreads[4].median, spreads[4].leaders) == (2.0, ["Eastmoor"])
    riverton = next(a for a in result.areas if a.area == "Riverton")
    assert riverton.compared_on == "percent of scored"


def test_equal_percent_shares_a_rank_and_the_next_is_skipped(tmp_path: Path) -> None:
    definition = load_definition()
    # A: 34/51 = 2/3; B: 16 scored 2, one n/a: 32/48 = 2/3; C: 17 x 1 = 17/51; D: 17 x 3.
    sheets = {
        "A": _sheet(tmp_path, "a", ["2"] * 17),
        "B": _sheet(tmp_path, "b", ["2"] * 16 + ["n/a"]),
        "C": _sheet(tmp_path, "c", ["1"] * 17),
        "D": _sheet(tmp_path, "d", ["3"] * 17),
    }
    result = compare_areas([AreaSheets(n, definition, s) for n, s in sheets.items()])
    assert [(a.area, a.rank, a.shared_total, a.shared_max) for a in result.areas] == [
        ("D", 1, 51, 51),
        ("A", 2, 34, 51),
        ("B", 2, 32, 48),
        ("C", 4, 17, 51),
    ]
    assert all(a.direction is None for a in result.areas)


def test_common_periods() -> None:
    years = [parse_period(text) for text in ("2010-11", "2011-12", "2012-13", "2013-14")]
    assert all(years)
    a, b, c, d = years
    assert common_periods([[a, b, c], [b, c, d], [c, b]]) == [b, c]  # type: ignore[list-item]
    assert common_periods([[a], [d]]) == []  # type: ignore[list-item]
