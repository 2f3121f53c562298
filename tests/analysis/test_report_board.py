"""The board report model, worked out by hand from the Riverton sheets."""

from __future__ import annotations

from pathlib import Path

from compactscore.analysis.board import board_report_of
from compactscore.load.repository import load_repository
from compactscore.load.sheet import load_sheet

RIVERTON = Path(__file__).resolve().parents[2] / "examples" / "riverton"


def test_the_latest_period_against_the_one_before() -> None:
    repository = load_repository(RIVERTON)
    assert repository is not None
    sheets = [load_sheet(path, repository.definition) for _, path in repository.sheet_paths()]
    report = board_report_of(sheets, repository.definition, "Riverton", "abc1234")
    assert (
        report.period,
        report.card.totals.total,
        report.card.totals.max,
        report.card.totals.scored,
    ) == (
        "2013-14",
        23,
        51,
        11,
    )
    assert report.previous is not None
    assert (report.previous.period, report.previous.totals.total) == ("2012-13", 30)
    assert [p.totals.total for p in report.trend.periods] == [20, 27, 31, 25, 30, 23]
    assert [gap.number for gap in report.gaps.gaps] == [1, 2, 3, 5, 6, 9, 10, 11, 14, 16]
    assert report.sides_scored
    assert [d.number for d in report.disagreements][:4] == [12, 13, 15, 17]
    assert report.version == "2"
    assert report.revision == "abc1234"


def test_the_first_period_has_no_previous_and_a_trend_of_one() -> None:
    repository = load_repository(RIVERTON)
    assert repository is not None
    first = load_sheet(repository.sheet_paths()[0][1], repository.definition)
    report = board_report_of([first], repository.definition)
    assert report.previous is None
    assert report.card.previous is None
    assert [p.period for p in report.trend.periods] == ["2008-09"]
    assert not report.sides_scored
    assert report.disagreements == []
