"""The report's charts: the right points, gaps left open, nothing that runs."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

from compactscore.analysis.board import board_report_of
from compactscore.load.repository import load_repository
from compactscore.load.sheet import load_sheet
from compactscore.render.board import radar_caption, trend_caption
from compactscore.render.charts import _broken_path, radar_svg, trend_svg
from compactscore.results import BoardReport, PeriodTotal

RIVERTON = Path(__file__).resolve().parents[2] / "examples" / "riverton"


def riverton(upto: int | None = None) -> BoardReport:
    repository = load_repository(RIVERTON)
    assert repository is not None
    paths = [path for _, path in repository.sheet_paths()][:upto]
    sheets = [load_sheet(path, repository.definition) for path in paths]
    return board_report_of(sheets, repository.definition, "Riverton")


def dots(svg: str) -> list[int]:
    """How many points each series draws."""
    root = ElementTree.fromstring(svg)
    counts = []
    for group in root.iter("{http://www.w3.org/2000/svg}g"):
        classes = group.get("class", "").split()
        if "series" in classes and any("dots" in child.get("class", "") for child in group):
            counts.append(sum(1 for child in group if "dots" in child.get("class", "")))
    return counts


def test_the_star_chart_leaves_unscored_indicators_out() -> None:
    report = riverton()
    svg = radar_svg(report.card, report.previous)
    # 2012-13 has all 17 scored; 2013-14 only 11, so six points are left out, not put at 0.
    assert dots(svg) == [17, 11]
    assert "2013-14 (only 11 of 17 scored)" in svg
    assert "<script" not in svg


def test_the_star_chart_of_a_full_period_draws_every_point() -> None:
    report = riverton(upto=5)
    assert dots(radar_svg(report.card, report.previous)) == [17, 17]


def test_the_line_chart_has_a_point_a_period_labelled_with_the_percent() -> None:
    report = riverton()
    svg = trend_svg(report.trend.periods)
    assert dots(svg) == [6]
    assert "31 of 48 (64.6%)" in svg
    assert "2013-14 (part)" in svg
    assert "<script" not in svg


def test_a_broken_path_joins_only_neighbours_that_both_have_scores() -> None:
    square = "M0 0 L10 0 10 10 0 10 Z"
    assert _broken_path(square, [False, False, False, False]) == (
        "M0 0 L10 0 M10 0 L10 10 M10 10 L0 10 M0 10 L0 0"
    )
    assert _broken_path(square, [False, True, False, False]) == "M10 10 L0 10 M0 10 L0 0"


def test_captions_say_what_the_charts_show() -> None:
    report = riverton()
    assert "2013-14 (solid blue line) against 2012-13 (dashed orange line)" in radar_caption(report)
    assert "6 indicators (4, 8, 12, 13, 15, 17) have no score yet" in radar_caption(report)
    assert "A line breaks where there is no score, rather than drop to 0." in radar_caption(report)
    after_na = riverton(upto=4)
    assert "2010-11 has no score for indicator 3 (not applicable or not scored)." in radar_caption(
        after_na
    )
    with_na = riverton(upto=3)
    assert "In 2010-11, indicator 3 does not apply (n/a)." in radar_caption(with_na)
    first = riverton(upto=1)
    assert "did not change" not in radar_caption(first)
    assert re.search(r"Marked \(part\): 2013-14, only partly scored", trend_caption(report))


def test_pygal_leaves_no_import_hook_behind() -> None:
    import sys

    assert not [hook for hook in sys.meta_path if type(hook).__name__ == "PluginImportFixer"]


def test_each_point_has_a_tooltip_in_words() -> None:
    report = riverton()
    radar = radar_svg(report.card, report.previous)
    assert "<title>2013-14, indicator 7: 3</title>" in radar
    assert "<title>2012-13, indicator 6: 1</title>" in radar
    assert "<title>2013-14, indicator 4:" not in radar  # not scored: no point at all
    assert "1.570796327" not in radar  # pygal's axis angles are not shown as tooltips
    trend = trend_svg(report.trend.periods)
    assert "<title>Total, 2010-11: 31 of 48 (64.6%)</title>" in trend


def test_a_period_with_nothing_scored_is_left_out_of_the_line_chart() -> None:
    report = riverton()
    last = report.trend.periods[-1]
    empty = last.totals.model_copy(
        update={
            "total": 0,
            "scored": 0,
            "scored_max": 0,
            "percent": 0.0,
            "scored_percent": None,
        }
    )
    # No travel: no direction, nothing compared on.
    latest = last.model_copy(update={"period": "2014-15", "totals": empty, "travel": None})
    periods = [*report.trend.periods, latest]
    svg = trend_svg(periods)
    assert dots(svg) == [6]  # seven periods on the axis, six points: no point at 0
    assert "2014-15" in svg
    assert "0 of 51 (0%)" not in svg
    assert "2014-15 (part)" not in svg
    report.trend.periods = periods
    caption = trend_caption(report)
    assert "2014-15 has nothing scored yet, so it is not plotted." in caption
    assert "Marked (part): 2013-14, only partly scored" in caption


def test_the_line_chart_caption_of_a_single_period() -> None:
    report = riverton(upto=1)
    assert [period.period for period in report.trend.periods] == ["2008-09"]
    assert trend_caption(report).startswith(
        "The total in 2008-09, in points (solid blue line), each point labelled with the "
        "maximum and the percent."
    )


def thirty_periods() -> list[PeriodTotal]:
    """Riverton's first period repeated over 30 years, the totals 20 to 49."""
    first = riverton(upto=1).trend.periods[0]
    return [
        first.model_copy(
            update={
                "period": f"{year}-{(year + 1) % 100:02d}",
                "totals": first.totals.model_copy(
                    update={"total": 20 + i, "percent": round((20 + i) * 100 / 51, 1)}
                ),
            }
        )
        for i, year in enumerate(range(1996, 2026))
    ]


def test_a_line_chart_of_30_periods_labels_its_ends_and_a_dozen_periods() -> None:
    svg = trend_svg(thirty_periods())
    root = ElementTree.fromstring(svg)
    texts = list(root.iter("{http://www.w3.org/2000/svg}text"))
    values = [t.text for t in texts if "value" in t.get("class", "").split()]
    # Only the first and the latest figures printed: 30 of them would print over each other.
    assert values == ["20 of 51 (39.2%)", "49 of 51 (96.1%)"]
    axis = [t for t in texts if "major" in t.get("class", "").split() and "-" in (t.text or "")]
    assert [t.text for t in axis] == [
        f"{year}-{(year + 1) % 100:02d}" for year in range(1998, 2026, 3)
    ]
    assert all(t.get("transform", "").startswith("rotate(320 ") for t in axis)  # slanted
    assert dots(svg) == [30]  # every point still drawn, each with its tooltip
    assert svg.count("<title>Total, ") == 30 or svg.count(":title>Total, ") == 30


def test_the_caption_of_a_long_line_chart_says_which_points_are_labelled() -> None:
    report = riverton()
    report.trend.periods = thirty_periods()
    assert trend_caption(report).startswith(
        "The total in each period from 1996-97 to 2025-26, in points (solid blue line), the "
        "first and the latest points labelled with the maximum and the percent (point at any "
        "other for its figures)."
    )
