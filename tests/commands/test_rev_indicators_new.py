"""indicators and new with --rev: the definition and sheets as committed, the new sheet written here."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Invoke = Callable[..., Result]
Sheet = Callable[[dict[int, str], str], str]
Commit = Callable[[Path, dict[str, str], str, str, str], None]

KINGSBRIDGE = Path(__file__).parents[2] / "examples" / "kingsbridge" / "thriving_sector_v1.yaml"


def rows_of(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def titles(result: Result) -> dict[int, str]:
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    return {indicator["number"]: indicator["title"] for indicator in data["indicators"]}


def definition_repo(tmp_path: Path, git_as: Callable[..., str], make_commit: Commit) -> Path:
    """Bundled definition first; then the group's own copy of version 1; then a title edited."""
    repo = tmp_path / "own"
    repo.mkdir()
    git_as(repo, "init", "-q")
    own = KINGSBRIDGE.read_text(encoding="utf-8")
    make_commit(
        repo,
        {
            "compactscore.yaml": "area: Ownham\ndefinition: thriving-sector\nscores: scores\n",
            "scores/2010.csv": "indicator,score\n1,2\n",
        },
        "Start with the bundled scorecard",
        "Ann Coordinator",
        "2011-05-10T10:00:00+01:00",
    )
    make_commit(
        repo,
        {
            "compactscore.yaml": "area: Ownham\ndefinition: own.yaml\nscores: scores\n",
            "own.yaml": own,
        },
        "Keep version 1: NI7 is still in our survey",
        "Ann Coordinator",
        "2011-06-01T10:00:00+01:00",
    )
    make_commit(
        repo,
        {"own.yaml": own.replace("title: Shared vision\n", "title: A vision we share\n")},
        "Retitle indicator 1",
        "Bob Chair",
        "2012-06-01T10:00:00+01:00",
    )
    return repo


def test_indicators_at_a_revision_show_the_definition_then(
    tmp_path: Path, cli: Invoke, git_as: Callable[..., str], make_commit: Commit
) -> None:
    repo = definition_repo(tmp_path, git_as, make_commit)
    now = titles(cli("indicators", "-f", "json", cwd=repo))
    assert (now[1], now[3]) == ("A vision we share", "NI7 as the Compact indicator")
    then = titles(cli("indicators", "--rev", "HEAD~1", "-f", "json", cwd=repo))
    assert (then[1], then[3]) == ("Shared vision", "NI7 as the Compact indicator")
    # Before the group kept its own copy, the config named the bundled definition.
    bundled = cli("indicators", "--rev", "HEAD~2", "-f", "json", cwd=repo)
    assert titles(bundled)[3] == "Compact as the measure"
    assert json.loads(bundled.stdout)["version"] == "2"


def test_indicators_at_a_revision_ignore_the_working_copy(
    tmp_path: Path, cli: Invoke, git_as: Callable[..., str], make_commit: Commit
) -> None:
    repo = definition_repo(tmp_path, git_as, make_commit)
    (repo / "own.yaml").write_text("not: [a definition\n", encoding="utf-8")
    broken = cli("indicators", cwd=repo)
    assert broken.exit_code == 1 and broken.stderr.startswith("own.yaml:")
    assert (
        titles(cli("indicators", "--rev", "HEAD", "-f", "json", cwd=repo))[1] == "A vision we share"
    )
    # From a folder below the config, as git finds the repository.
    below = cli("indicators", "--rev", "HEAD~1", "-f", "json", cwd=repo / "scores")
    assert titles(below)[1] == "Shared vision"


def test_indicators_at_a_revision_outside_git(tmp_path: Path, cli: Invoke) -> None:
    (tmp_path / "compactscore.yaml").write_text("area: Nowhere\n", encoding="utf-8")
    outside = cli("indicators", "--rev", "HEAD", cwd=tmp_path)
    assert outside.exit_code == 1
    assert "is not in a git repository, so there is no history to read." in outside.stderr
    assert outside.stdout == ""


def test_indicators_revision_that_does_not_exist(scored_repo: Path, cli: Invoke) -> None:
    result = cli("indicators", "--rev", "board-2099", cwd=scored_repo)
    assert result.exit_code == 2
    assert "the revision 'board-2099' does not exist in this git repository." in result.stderr
    assert result.stdout == ""


def edited_repo(scored_repo: Path, make_sheet: Sheet, make_commit: Commit) -> Path:
    """scored_repo with 2012-13's evidence for indicator 1 edited after it was agreed."""
    edited = make_sheet({5: "1"}, "2").replace("Evidence 1.", "Edited after the meeting.")
    make_commit(
        scored_repo,
        {"scores/2012-13.csv": edited},
        "Edit 2012-13 after the meeting",
        "Dan Editor",
        "2013-07-01T10:00:00+01:00",
    )
    working = edited.replace("Edited after the meeting.", "Not committed yet.")
    (scored_repo / "scores" / "2012-13.csv").write_text(working, encoding="utf-8")
    return scored_repo


def test_new_at_a_revision_carries_the_sheet_as_committed_then(
    scored_repo: Path, cli: Invoke, make_sheet: Sheet, make_commit: Commit
) -> None:
    repo = edited_repo(scored_repo, make_sheet, make_commit)
    result = cli("new", "2013-14", "--rev", "HEAD~1", cwd=repo)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Wrote scores/2013-14.csv: 17 indicators, scores empty.")
    # Written into today's working folder, from the sheet as it was agreed.
    rows = rows_of(repo / "scores" / "2013-14.csv")
    assert rows[0]["evidence"] == "From 2012-13: Evidence 1."
    assert rows[1]["evidence"] == "From 2012-13: Evidence 2."
    assert cli("check", cwd=repo).exit_code == 0
    # Without --rev, today's working copy is carried.
    again = cli("new", "2013-14", "--force", cwd=repo)
    assert again.exit_code == 0, again.stderr
    assert rows_of(repo / "scores" / "2013-14.csv")[0]["evidence"] == (
        "From 2012-13: Not committed yet."
    )


def test_new_at_a_revision_names_the_period_after_the_latest_then_and_never_overwrites(
    scored_repo: Path, cli: Invoke
) -> None:
    before = (scored_repo / "scores" / "2012-13.csv").read_text(encoding="utf-8")
    # At HEAD~2 the latest sheet was 2011-12, so the next is 2012-13, which is here today.
    refused = cli("new", "--rev", "HEAD~2", cwd=scored_repo)
    assert refused.exit_code == 1
    assert refused.stderr.startswith(
        "scores/2012-13.csv: already exists, and compactscore never overwrites a file."
    )
    assert (scored_repo / "scores" / "2012-13.csv").read_text(encoding="utf-8") == before
    forced = cli("new", "--rev", "HEAD~2", "--force", cwd=scored_repo)
    assert forced.exit_code == 0, forced.stderr
    assert "Evidence, open actions and owners from 2011-12 are carried" in forced.stdout
    assert (scored_repo / "scores" / "2012-13.csv.bak").read_text(encoding="utf-8") == before


def test_new_at_a_revision_writes_over_a_sheet_named_another_way_only_with_force(
    scored_repo: Path, cli: Invoke
) -> None:
    # Today's folder has the period under another name: that one is the sheet --force replaces.
    (scored_repo / "scores" / "2013-2014.csv").write_text(
        "indicator,score\n1,3\n", encoding="utf-8"
    )
    refused = cli("new", "2013-14", "--rev", "HEAD", cwd=scored_repo)
    assert refused.exit_code == 1
    assert refused.stderr.startswith("scores/2013-2014.csv: already exists")
    assert not (scored_repo / "scores" / "2013-14.csv").exists()


def test_new_wrong_revision_and_outside_git(
    scored_repo: Path, tmp_path: Path, cli: Invoke, make_sheet: Sheet
) -> None:
    result = cli("new", "2013-14", "--rev", "board-2099", cwd=scored_repo)
    assert result.exit_code == 2
    assert "the revision 'board-2099' does not exist in this git repository." in result.stderr
    assert not (scored_repo / "scores" / "2013-14.csv").exists()
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "2012.csv").write_text(make_sheet({}, "1"), encoding="utf-8")
    outside = cli("new", "2013", "--rev", "HEAD", cwd=plain)
    assert outside.exit_code == 1
    assert "is not in a git repository, so there is no history to read." in outside.stderr
    assert sorted(path.name for path in plain.iterdir()) == ["2012.csv"]


def test_new_help_says_what_rev_means() -> None:
    from typer.testing import CliRunner

    from compactscore.cli import app

    text = " ".join(CliRunner().invoke(app, ["new", "--help"]).stdout.split())
    assert "--rev" in text
    assert "still written into the scores folder as it is now" in text
