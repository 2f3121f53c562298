"""Periods from file names, and their order in time."""

from __future__ import annotations

import pytest

from compactscore.periods import PeriodKind, parse_period, period_in_name, period_of_file


@pytest.mark.parametrize(
    ("name", "label", "kind"),
    [
        ("2024.csv", "2024", PeriodKind.YEAR),
        ("2024-25.csv", "2024-25", PeriodKind.FINANCIAL),
        ("2024-2025.csv", "2024-25", PeriodKind.FINANCIAL),
        ("2099-00.csv", "2099-00", PeriodKind.FINANCIAL),
        ("scores/2010_11.CSV", "2010-11", PeriodKind.FINANCIAL),
    ],
)
def test_period_from_file_name(name: str, label: str, kind: PeriodKind) -> None:
    period = period_of_file(name)
    assert period is not None
    assert (period.label, period.kind) == (label, kind)


@pytest.mark.parametrize("name", ["scores.csv", "2024-26.csv", "24-25.csv", "2024-25-final.csv"])
def test_names_without_a_period(name: str) -> None:
    assert period_of_file(name) is None


def test_financial_years_sort_after_the_calendar_year_they_start_in() -> None:
    periods = [parse_period(text) for text in ["2011-12", "2011", "2010-11", "2010"]]
    assert sorted(p.label for p in periods if p) == ["2010", "2010-11", "2011", "2011-12"]
    ordered = sorted((p for p in periods if p), key=lambda p: p.sort_key)
    assert [p.label for p in ordered] == ["2010", "2010-11", "2011", "2011-12"]
    first = parse_period("2010-11")
    assert first is not None
    assert first.next().label == "2011-12"


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Compact scorecard 2026-27 FINAL.csv", "2026-27"),
        ("Riverton scores 2024 (agreed).csv", "2024"),
        ("scorecard_2013_14_v2.csv", "2013-14"),
        ("2012-14.csv", None),  # not one year after the other: no guess
        ("2023 and 2024.csv", None),  # two periods: no guess
        ("scores.csv", None),
        ("v1234.csv", None),
    ],
)
def test_the_one_period_in_a_file_name(name: str, label: str | None) -> None:
    found = period_in_name(name)
    assert (found.label if found else None) == label
