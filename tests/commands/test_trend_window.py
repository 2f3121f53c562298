"""trend --last N and --since PERIOD, and the latest periods that fit a narrow terminal."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

RIVERTON = Path(__file__).resolve().parents[2] / "examples" / "riverton"
Run = Callable[..., Result]


def test_last_two_periods_keep_the_direction_against_the_one_before(cli: Run) -> None:
    result = cli("trend", "--last", "2", "--format", "json", cwd=RIVERTON)
    assert result.exit_code == 0, result.stderr
    periods = json.loads(result.stdout)["periods"]
    # 2011-12 was 25/51, so 2012-13's 30/51 is up: read, not shown.
    assert [(p["period"], p["total"], p["direction"]) for p in periods] == [
        ("2012-13", 30, "up"),
        ("2013-14", 23, "up"),
    ]


def test_since_a_period_shows_it_and_those_after(cli: Run) -> None:
    result = cli("trend", "--since", "2011-12", "--format", "csv", cwd=RIVERTON)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "indicator,id,title,2011-12,2012-13,2013-14,direction"
    assert lines[-1] == ",,direction,down,up,up,"


def test_last_and_since_together_take_the_later_start(cli: Run) -> None:
    result = cli("trend", "--since", "2009-10", "--last", "1", "--format", "json", cwd=RIVERTON)
    assert [p["period"] for p in json.loads(result.stdout)["periods"]] == ["2013-14"]


def test_since_after_the_latest_is_wrong_usage(cli: Run) -> None:
    result = cli("trend", "--since", "2030-31", cwd=RIVERTON)
    assert result.exit_code == 2
    assert result.stderr == (
        "compactscore: --since 2030-31: there is no period from 2030-31 on; the latest is "
        "2013-14. Give an earlier period.\n"
    )


def test_since_not_a_period_is_wrong_usage(cli: Run) -> None:
    result = cli("trend", "--since", "last-year", cwd=RIVERTON)
    assert result.exit_code == 2
    assert result.stderr == (
        "compactscore: --since last-year: not a period. Give a period such as 2010-11 or 2010.\n"
    )
