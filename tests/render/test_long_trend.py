"""A trend of 18 periods in a narrow terminal: the latest periods that fit, the others counted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Run = Callable[..., Result]


def test_a_long_history_at_80_columns_shows_the_latest_periods_and_counts_the_rest(
    long_history: Path, cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("trend", cwd=long_history)
    assert result.exit_code == 0, result.stderr
    header = result.stdout.split("Indicators by period")[1].splitlines()[1]
    assert header.split()[2:] == ["2021-22", "2022-23", "2023-24", "2024-25", "2025-26", "Latest"]
    assert (
        "Left out at this width: 13 earlier periods (2008-09 to 2020-21). Choose the \n"
        "periods with --last N or --since PERIOD, or widen the terminal." in result.stdout
    )
    # The totals keep every period.
    totals = result.stdout.split("Totals and direction of travel")[1]
    assert all(f"20{year:02d}-{year + 1:02d}" in totals for year in range(8, 26))
