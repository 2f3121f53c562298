"""``compactscore actions``: the action plan, overdue first, on a day fixed by --today."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Run = Callable[..., Result]

HEADER = "indicator,score,action,owner,due,status\n"
EARLIER = HEADER + (
    "1,1,Hold a visioning workshop,Chair,2024-06-30,done\n"
    "2,1,Draft the plan,Policy Officer,2024-25,\n"
    "3,2,Survey the sector,CVS,,Dropped\n"
)
LATEST = HEADER + (
    "1,2,Take the statement to the police,Chair,2025-09-30,\n"  # due after the day: open
    "2,1,Fund the plan,Policy Officer,2025-03-31,open\n"  # overdue by a day
    "4,1,Reach faith groups,Forum,31/01/2025,OPEN\n"  # overdue since January
    "5,2,Write the report,CVS,2024-25,done\n"  # done: not listed
    "6,2,,Nobody,,\n"  # no action: not listed
    "7,1,Train trustees,CVS,,\n"  # open, with no date: never overdue
    "8,0,Agree a commissioning code,Council,2025-26,\n"  # a period: due 31 March 2026
)


@pytest.fixture
def area(tmp_path: Path) -> Path:
    (tmp_path / "compactscore.yaml").write_text("area: Testham\nscores: scores\n", encoding="utf-8")
    (tmp_path / "scores").mkdir()
    (tmp_path / "scores" / "2023-24.csv").write_text(EARLIER, encoding="utf-8")
    (tmp_path / "scores" / "2024-25.csv").write_text(LATEST, encoding="utf-8")
    return tmp_path


def test_open_actions_overdue_first(cli: Run, area: Path) -> None:
    result = cli("actions", "--today", "2025-04-01", "--format", "csv", cwd=area)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "period,indicator,id,title,action,owner,due,due_date,status,overdue\n"
        "2024-25,4,whole-sector-involved,Whole sector involved,Reach faith groups,Forum,2025-01-31,"
        "2025-01-31,open,yes\n"
        '2024-25,2,unified-plan,"Resourced, unified plan",Fund the plan,Policy Officer,'
        "2025-03-31,2025-03-31,open,yes\n"
        "2024-25,1,shared-vision,Shared vision,Take the statement to the police,Chair,"
        "2025-09-30,2025-09-30,open,no\n"
        "2024-25,7,volunteering,Volunteering,Train trustees,CVS,,,open,no\n"
        "2024-25,8,community-engagement,Community engagement,"
        "Agree a commissioning code,Council,2025-26,2026-03-31,open,no\n"
    )


def test_the_day_decides_what_is_overdue(cli: Run, area: Path) -> None:
    result = cli("actions", "--today", "2025-03-31", "--format", "json", cwd=area)
    plan = json.loads(result.stdout)
    assert (plan["open"], plan["overdue"], plan["today"]) == (5, 1, "2025-03-31")
    assert [(item["number"], item["overdue"]) for item in plan["actions"]] == [
        (4, True),
        (1, False),
        (2, False),  # due today is not yet overdue
        (7, False),
        (8, False),
    ]


def test_the_table_flags_overdue_actions(cli: Run, area: Path) -> None:
    result = cli("actions", "--today", "2025-04-01", cwd=area)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Testham 2024-25: 5 open actions, 2 overdue on 2025-04-01"
    assert "│ 2025-01-31 │ overdue │" in result.stdout
    assert "│ 2025-26    │ open    │" in result.stdout
    assert "Write the report" not in result.stdout


def test_every_period_and_what_became_of_them(cli: Run, area: Path) -> None:
    result = cli("actions", "--all", "--today", "2025-04-01", "--format", "markdown", cwd=area)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        "Testham 2023-24 to 2024-25: 9 actions  \n"
        "2 done, 1 dropped, 6 open (3 overdue on 2025-04-01).\n"
    )
    assert (
        "| 2023-24 | 1 | Shared vision | Hold a visioning workshop | Chair | 2024-06-30 | done |"
        in (result.stdout)
    )
    assert (
        "| 2023-24 | 2 | Resourced, unified plan | Draft the plan | Policy Officer | 2024-25 | overdue |"
        in (result.stdout)
    )
    assert "| 2023-24 | 3 | Compact as the measure | Survey the sector | CVS |  | dropped |" in (
        result.stdout
    )


def test_no_open_actions(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "2024.csv").write_text(HEADER + "1,2,Done it,Chair,,done\n", encoding="utf-8")
    result = cli("actions", "2024.csv", "--today", "2025-01-01", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.stdout == (
        "2024: 0 open actions, 0 overdue on 2025-01-01\n\nNo open actions in 2024.\n"
    )


def test_a_wrong_day_is_wrong_usage(cli: Run, area: Path) -> None:
    result = cli("actions", "--today", "31/03/2025", cwd=area)
    assert result.exit_code == 2
    assert result.stderr == (
        "compactscore: --today '31/03/2025' is not a date. Write it as year-month-day, "
        "such as 2025-04-01.\n"
    )


def test_new_keeps_the_due_and_status_columns_as_ours(cli: Run, area: Path) -> None:
    result = cli("new", cwd=area)
    assert result.exit_code == 0, result.stderr
    assert "Your own columns" not in result.stdout
    header = (area / "scores" / "2025-26.csv").read_text(encoding="utf-8-sig").split("\n")[0]
    assert header == "indicator,title,score,evidence,action,owner,target,due,status"


@pytest.mark.parametrize(
    ("day", "overdue"),
    [("2025-03-31", [4]), ("2025-04-01", [4, 2]), ("2026-04-01", [4, 2, 1, 8])],
)
def test_the_report_counts_overdue_on_the_day_given(
    cli: Run, area: Path, day: str, overdue: list[int]
) -> None:
    """A board paper made again for the minutes says what was overdue on the meeting's day."""
    result = cli("report", "--today", day, "--format", "json", cwd=area)
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["today"] == day
    still_open = [action for action in report["actions"] if action["status"] == "open"]
    assert [action["number"] for action in still_open if action["overdue"]] == overdue


def test_a_report_day_that_is_not_a_date_is_wrong_usage(cli: Run, area: Path) -> None:
    result = cli("report", "--today", "2025-13-01", "--format", "json", cwd=area)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "compactscore: --today '2025-13-01' is not a date. Write it as year-month-day, such as "
        "2025-04-01.\n"
    )
