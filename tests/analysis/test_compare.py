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
        (
            a.area,
            a.rank,
            a.totals.total,
            a.totals.max,
            a.totals.percent,
            a.shared.total,
            a.shared.max,
            a.shared.percent,
        )
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
    # Riverton's 11 scored indicators hold 23 of their 33 points, 69.7%: like with like, it
    # ranks above Eastmoor's 60.8%, where as 23/51 it would have looked like 45.1%.
    assert result.ranked_by == "percent of scored"
    assert [
        (a.area, a.rank, a.totals.total, a.totals.percent, a.shared.scored, a.shared.scored_percent)
        for a in result.areas
    ] == [
        ("Riverton", 1, 23, 45.1, 11, 69.7),
        ("Eastmoor", 2, 31, 60.8, 17, 60.8),
    ]
    spreads = {spread.number: spread for spread in result.indicators}
    assert (spreads[1].lowest, spreads[1].median, spreads[1].highest) == (2, 2.5, 3)
    # Riverton has not scored 4: the spread is Eastmoor's alone.
    assert spreads[4].scores == {"Riverton": None, "Eastmoor": 2}
    assert (spreads[4].median, spreads[4].leaders) == (2.0, ["Eastmoor"])
    riverton = next(a for a in result.areas if a.area == "Riverton")
    # Against its 2012-13: 23 points on the 11 scored in both years, against 21 then.
    assert riverton.compared_on == "scored in both"
    assert riverton.travel is not None
    assert (riverton.travel.shared, riverton.travel.shared_before) == (11, 21)
    assert (riverton.direction, riverton.change) == (Direction.UP, 2)


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
    assert [(a.area, a.rank, a.shared.total, a.shared.max) for a in result.areas] == [
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


def test_partly_scored_areas_are_ranked_like_with_like(tmp_path: Path) -> None:
    definition = load_definition()
    # Full: 17 x 1 = 17/51 = 33.3%. Part: 1-3 scored 3, the rest empty: 9 of the 9 points
    # scored = 100% (17.6% of the maximum, as if the 14 empty were 0). Mixed: six 2s, one
    # n/a, ten empty: 12 of 18 = 66.7% (12/48 = 25% of its maximum).
    sheets = {
        "Full": _sheet(tmp_path, "full", ["1"] * 17),
        "Part": _sheet(tmp_path, "part", ["3"] * 3 + [""] * 14),
        "Mixed": _sheet(tmp_path, "mixed", ["2"] * 6 + ["n/a"] + [""] * 10),
    }
    result = compare_areas([AreaSheets(n, definition, s) for n, s in sheets.items()])
    assert result.ranked_by == "percent of scored"
    assert result.ranked_on == (
        "Some areas have not scored all 17 indicators the areas share, so each area is ranked like "
        "with like on the percent of the points of those it has scored."
    )
    table = [
        (
            a.area,
            a.rank,
            a.shared.total,
            a.shared.max,
            a.shared.percent,
            a.shared.scored,
            a.shared.not_applicable,
            a.shared.scored_max,
            a.shared.scored_percent,
        )
        for a in result.areas
    ]
    assert table == [
        ("Part", 1, 9, 51, 17.6, 3, 0, 9, 100.0),
        ("Mixed", 2, 12, 48, 25.0, 6, 1, 18, 66.7),
        ("Full", 3, 17, 51, 33.3, 17, 0, 51, 33.3),
    ]


def test_fully_scored_areas_keep_the_percent_of_the_maximum(tmp_path: Path) -> None:
    definition = load_definition()
    # A: 17 x 2 = 34/51; B: sixteen 3s and one n/a = 48/48: n/a is not "not scored".
    sheets = {
        "A": _sheet(tmp_path, "a", ["2"] * 17),
        "B": _sheet(tmp_path, "b", ["3"] * 16 + ["n/a"]),
    }
    result = compare_areas([AreaSheets(n, definition, s) for n, s in sheets.items()])
    assert result.ranked_by == "percent of maximum"
    assert result.ranked_on == (
        "Ranked on the percent of the maximum of the 17 indicators every area has."
    )
    assert [(a.area, a.rank, a.shared.percent, a.shared.scored_percent) for a in result.areas] == [
        ("B", 1, 100.0, 100.0),
        ("A", 2, 66.7, 66.7),
    ]


def test_an_area_with_nothing_scored_is_not_ranked(tmp_path: Path) -> None:
    definition = load_definition()
    # Empty has no score at all: not ranked, not last. Full alone is ranked, and as every
    # ranked area is fully scored the measure stays the percent of the maximum.
    sheets = {
        "Empty": _sheet(tmp_path, "empty", [""] * 17),
        "Full": _sheet(tmp_path, "full", ["1"] * 17),
    }
    result = compare_areas([AreaSheets(n, definition, s) for n, s in sheets.items()])
    assert result.ranked_by == "percent of maximum"
    assert [(a.area, a.rank, a.shared.scored, a.shared.scored_percent) for a in result.areas] == [
        ("Full", 1, 17, 33.3),
        ("Empty", None, 0, None),
    ]


def test_an_area_with_every_shared_indicator_n_a_is_not_ranked(tmp_path: Path) -> None:
    definition = load_definition()
    sheets = {
        "Spare": _sheet(tmp_path, "spare", ["n/a"] * 17),
        "Full": _sheet(tmp_path, "full", ["0"] * 17),
    }
    result = compare_areas([AreaSheets(n, definition, s) for n, s in sheets.items()])
    assert [(a.area, a.rank, a.shared.not_applicable) for a in result.areas] == [
        ("Full", 1, 0),
        ("Spare", None, 17),
    ]


def test_no_area_scored_anything(tmp_path: Path) -> None:
    definition = load_definition()
    sheets = {
        "A": _sheet(tmp_path, "a", [""] * 17),
        "B": _sheet(tmp_path, "b", [""] * 16 + ["n/a"]),
    }
    result = compare_areas([AreaSheets(n, definition, s) for n, s in sheets.items()])
    assert result.ranked_by == "nothing scored"
    assert result.ranked_on == (
        "Not ranked: no area has scored any of the 17 indicators every area has."
    )
    assert [(a.area, a.rank) for a in result.areas] == [("A", None), ("B", None)]
