"""``compare --rev``: several areas' scorecards as they were at a git revision."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Invoke = Callable[..., Result]
Sheet = Callable[[dict[int, str], str], str]
Commit = Callable[[Path, dict[str, str], str, str, str], None]


def _config(area: str) -> str:
    return f"area: {area}\ndefinition: thriving-sector\nscores: scores\n"


@pytest.fixture
def region(
    tmp_path: Path, make_sheet: Sheet, make_commit: Commit, git_as: Callable[..., str]
) -> Path:
    """One repository of two areas: North 2012-13 agreed at 34/51, then corrected to 35/51.

    South scored 2012-13 at 17/51 (every indicator 1). East joined after the first commit.
    """
    repo = tmp_path / "region"
    repo.mkdir()
    git_as(repo, "init", "-q")
    make_commit(
        repo,
        {
            "north/compactscore.yaml": _config("North"),
            "north/scores/2012-13.csv": make_sheet({}, "2"),
            "south/compactscore.yaml": _config("South"),
            "south/scores/2012-13.csv": make_sheet({}, "1"),
        },
        "North and South agreed 2012-13",
        "Ann Coordinator",
        "2013-05-20T09:15:00+01:00",
    )
    make_commit(
        repo,
        {
            "north/scores/2012-13.csv": make_sheet({4: "3"}, "2"),
            "east/compactscore.yaml": _config("East"),
            "east/scores/2012-13.csv": make_sheet({}, "3"),
        },
        "Correct North's indicator 4; East joins",
        "Bob Chair",
        "2013-06-01T14:00:00+01:00",
    )
    return repo


def _totals(result_stdout: str) -> list[tuple[str, int]]:
    return [(area["area"], area["total"]) for area in json.loads(result_stdout)["areas"]]


def test_compare_now_and_at_the_earlier_revision(region: Path, cli: Invoke) -> None:
    now = cli("compare", "north", "south", "-f", "json", cwd=region)
    assert now.exit_code == 0, now.stderr
    assert _totals(now.stdout) == [("North", 35), ("South", 17)]
    before = cli("compare", "north", "south", "--rev", "HEAD~1", "-f", "json", cwd=region)
    assert before.exit_code == 0, before.stderr
    assert _totals(before.stdout) == [("North", 34), ("South", 17)]


def test_the_committed_files_not_the_working_ones(region: Path, cli: Invoke) -> None:
    (region / "south" / "scores" / "2012-13.csv").write_text("broken\n", encoding="utf-8")
    result = cli("compare", "north", "south", "--rev", "HEAD", "-f", "json", cwd=region)
    assert result.exit_code == 0, result.stderr
    assert _totals(result.stdout) == [("North", 35), ("South", 17)]


def test_an_area_not_yet_in_the_repository_at_the_revision(region: Path, cli: Invoke) -> None:
    result = cli("compare", "north", "east", "--rev", "HEAD~1", cwd=region)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "east: has no compactscore.yaml at HEAD~1, in it or in any folder above it, "
        "so it is not an area's scorecard."
    )


def test_a_revision_that_does_not_exist_is_wrong_usage(region: Path, cli: Invoke) -> None:
    result = cli("compare", "north", "south", "--rev", "no-such-tag", cwd=region)
    assert result.exit_code == 2
    assert "the revision 'no-such-tag' does not exist in this git repository." in result.stderr
