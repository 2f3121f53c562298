"""compactscore report with git: the revision it names, and --rev reading committed sheets."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.conftest import git
from typer.testing import CliRunner

from compactscore.cli import app

RIVERTON = Path(__file__).resolve().parents[2] / "examples" / "riverton"
runner = CliRunner()

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def committed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Riverton as a git repository with every sheet committed, as the current folder."""
    folder = tmp_path / "riverton"
    shutil.copytree(RIVERTON, folder)
    git(folder, "init", "-q")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "Scores to 2013-14")
    monkeypatch.chdir(folder)
    return folder


def report_json(*args: str) -> dict[str, object]:
    result = runner.invoke(app, ["report", "--format", "json", *args])
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_the_report_names_the_commit_and_says_when_sheets_changed_since(committed: Path) -> None:
    head = git(committed, "rev-parse", "--short", "HEAD")
    assert report_json()["revision"] == head
    sheet = committed / "scores" / "2013-14.csv"
    sheet.write_text(
        sheet.read_text(encoding="utf-8").replace(
            "\n4,Whole sector involved,,", "\n4,Whole sector involved,2,"
        ),
        encoding="utf-8",
    )
    changed = report_json()
    assert changed["revision"] == f"{head} (with changes not yet committed)"
    markdown = runner.invoke(app, ["report", "--format", "markdown"]).stdout
    assert f"at git revision {head} (with changes not yet committed)." in markdown


def test_rev_reads_the_sheets_as_committed(committed: Path) -> None:
    first = git(committed, "rev-parse", "--short", "HEAD")
    sheet = committed / "scores" / "2013-14.csv"
    text = sheet.read_text(encoding="utf-8")
    sheet.write_text(
        text.replace("\n4,Whole sector involved,,", "\n4,Whole sector involved,3,"),
        encoding="utf-8",
    )
    git(committed, "commit", "-q", "-am", "Indicator 4 agreed at 3")
    assert report_json()["card"]["total"] == 26  # type: ignore[index]
    then = report_json("--rev", first)
    assert then["card"]["total"] == 23  # type: ignore[index]
    assert then["revision"] == first
    assert then["files"][-1] == f"{first}:scores/2013-14.csv"  # type: ignore[index]
    earlier = report_json("--rev", "HEAD~1", "--period", "2010-11")
    assert earlier["card"]["total"] == 31  # type: ignore[index]


def test_a_revision_that_does_not_exist_is_wrong_usage(committed: Path) -> None:
    result = runner.invoke(app, ["report", "--rev", "no-such-branch"])
    assert result.exit_code == 2
    assert "the revision 'no-such-branch' does not exist in this git repository." in result.stderr
    assert not list(committed.glob("report-*"))


def test_a_broken_committed_sheet_is_named_by_commit_and_line(committed: Path) -> None:
    sheet = committed / "scores" / "2012-13.csv"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("\n5,", "\n5x,", 1), "utf-8")
    git(committed, "commit", "-q", "-am", "Broken")
    result = runner.invoke(app, ["report", "--rev", "HEAD"])
    assert result.exit_code == 1
    assert result.stderr.startswith("HEAD:scores/2012-13.csv:6:")


def test_rev_outside_git_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "riverton"
    shutil.copytree(RIVERTON, folder)
    monkeypatch.chdir(folder)
    result = runner.invoke(app, ["report", "--rev", "HEAD"])
    assert result.exit_code == 1
    assert "is not in a git repository" in result.stderr
    assert "Traceback" not in result.stderr
