"""--rev on score, trend, gaps and check: the files as they were at a revision, named so."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Invoke = Callable[..., Result]
Sheet = Callable[[dict[int, str], str], str]
Commit = Callable[[Path, dict[str, str], str, str, str], None]


def totals(result: Result) -> list[tuple[str, int, int, str | None]]:
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    return [(p["period"], p["total"], p["max"], p["direction"]) for p in data["periods"]]


def test_trend_now_and_at_earlier_revisions(scored_repo: Path, cli: Invoke) -> None:
    # 2010-11: 16 x 1 = 16 of 48 (NI7 n/a); 2011-12: 34, corrected to 35, of 51 (up on
    # percent: 33.3% to 68.6%); 2012-13: 16 x 2 + 1 = 33 of 51 (down on the total).
    assert totals(cli("trend", "--format", "json", cwd=scored_repo)) == [
        ("2010-11", 16, 48, None),
        ("2011-12", 35, 51, "up"),
        ("2012-13", 33, 51, "down"),
    ]
    assert totals(cli("trend", "--format", "json", "--rev", "HEAD~1", cwd=scored_repo)) == [
        ("2010-11", 16, 48, None),
        ("2011-12", 34, 51, "up"),
        ("2012-13", 33, 51, "down"),
    ]
    assert totals(
        cli("trend", "--format", "json", "--rev", "HEAD~2", cwd=scored_repo / "scores")
    ) == [
        ("2010-11", 16, 48, None),
        ("2011-12", 34, 51, "up"),
    ]


def test_rev_reads_the_committed_file_not_the_working_one(
    scored_repo: Path, cli: Invoke, make_sheet: Sheet
) -> None:
    (scored_repo / "scores" / "2012-13.csv").write_text(make_sheet({}, "0"), encoding="utf-8")
    now = json.loads(cli("score", "--format", "json", cwd=scored_repo).stdout)
    committed = json.loads(
        cli("score", "--format", "json", "--rev", "HEAD", cwd=scored_repo).stdout
    )
    assert (now["total"], committed["total"]) == (0, 33)
    # The previous period comes from the same revision: 2011-12 as corrected, 35.
    assert committed["previous"]["total"] == 35
    earlier = cli(
        "score", "scores/2011-12.csv", "--format", "json", "--rev", "HEAD~1", cwd=scored_repo
    )
    assert json.loads(earlier.stdout)["total"] == 34


def test_gaps_and_check_at_a_revision(scored_repo: Path, cli: Invoke) -> None:
    gaps = json.loads(cli("gaps", "--format", "json", "--rev", "HEAD~2", cwd=scored_repo).stdout)
    assert gaps["period"] == "2011-12" and len(gaps["gaps"]) == 17
    checked = cli("check", "--rev", "HEAD~3", cwd=scored_repo)
    assert checked.exit_code == 0
    assert checked.stdout.strip() == "Checked 2 files: 0 errors, 0 warnings."


def test_a_sheet_broken_in_a_commit_is_named_with_its_revision(
    scored_repo: Path, cli: Invoke, make_commit: Callable[..., None]
) -> None:
    broken = "indicator,score\n1,7\n"
    make_commit(scored_repo, {"scores/2012-13.csv": broken}, "Oops", "Bob Chair", "")
    result = cli("check", "--rev", "HEAD", cwd=scored_repo)
    assert result.exit_code == 1
    assert "HEAD:scores/2012-13.csv:2: " in result.stdout
    assert cli("check", "--rev", "HEAD~1", cwd=scored_repo).exit_code == 0


@pytest.mark.parametrize(
    ("args", "message", "status"),
    [
        (
            ["trend", "--rev", "nope"],
            "the revision 'nope' does not exist in this git repository.",
            2,
        ),
        (["score", "--rev", "HEAD~9"], "the revision 'HEAD~9' does not exist", 2),
        (["history", "scores/2099-00.csv"], "does not exist and never did", 1),
        (
            ["score", "scores/2013-14.csv", "--rev", "HEAD"],
            "HEAD:scores/2013-14.csv: was not in the repository at that revision.",
            1,
        ),
    ],
)
def test_git_refusals_are_plain(
    scored_repo: Path, cli: Invoke, args: list[str], message: str, status: int
) -> None:
    result = cli(*args, cwd=scored_repo)
    assert result.exit_code == status
    assert message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_outside_git(tmp_path: Path, cli: Invoke, make_sheet: Sheet) -> None:
    (tmp_path / "2012.csv").write_text(make_sheet({}, "1"), encoding="utf-8")
    for args in (["history", "2012.csv"], ["score", "2012.csv", "--rev", "HEAD"]):
        result = cli(*args, cwd=tmp_path)
        assert result.exit_code == 1
        assert "is not in a git repository, so there is no history to read." in result.stderr


def test_a_revision_is_named_under_the_headline(scored_repo: Path, cli: Invoke) -> None:
    for command in ("score", "trend", "gaps"):
        result = cli(command, "--rev", "HEAD~1", cwd=scored_repo)
        assert result.exit_code == 0, result.stderr
        assert "Read as the files were at git revision HEAD~1." in result.stdout, command
        assert "git revision" not in cli(command, cwd=scored_repo).stdout, command
    markdown = cli("score", "--rev", "HEAD~1", "-f", "markdown", cwd=scored_repo).stdout
    assert "Read as the files were at git revision HEAD~1." in markdown
    data = json.loads(cli("score", "--rev", "HEAD~1", "-f", "json", cwd=scored_repo).stdout)
    assert data["file"] == "HEAD~1:scores/2012-13.csv"


def test_check_at_a_revision_reads_yaml_as_yaml(
    scored_repo: Path, cli: Invoke, make_commit: Commit
) -> None:
    config = cli("check", "--rev", "HEAD", "compactscore.yaml", cwd=scored_repo)
    assert (config.exit_code, config.stdout) == (0, "Checked 1 file: 0 errors, 0 warnings.\n")
    assert cli("check", "compactscore.yaml", cwd=scored_repo).stdout == config.stdout
    bundled = (Path(__file__).parents[2] / "indicators" / "thriving_sector.yaml").read_text("utf-8")
    broken = bundled.replace("  - id: shared-vision\n", "  - id: Shared Vision\n", 1)
    make_commit(
        scored_repo, {"ours.yaml": bundled}, "Our definition", "Ann Coordinator", "2013-07-01T10:00"
    )
    make_commit(scored_repo, {"ours.yaml": broken}, "Rename an id", "Bob Chair", "2013-07-02T10:00")
    good = cli("check", "--rev", "HEAD~1", "ours.yaml", cwd=scored_repo)
    assert (good.exit_code, good.stdout) == (0, "Checked 2 files: 0 errors, 0 warnings.\n")
    bad = cli("check", "--rev", "HEAD", "ours.yaml", cwd=scored_repo)
    assert bad.exit_code == 1
    assert bad.stdout.startswith("HEAD:ours.yaml:")
    assert "header" not in bad.stdout  # read as a definition, never as a sheet
    assert cli("check", "ours.yaml", cwd=scored_repo).stdout.startswith("ours.yaml:")
