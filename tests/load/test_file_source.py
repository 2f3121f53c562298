"""One file source: the working tree and a git revision answer the same calls alike."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from compactscore.errors import CompactscoreError
from compactscore.load.revision import commit_of
from compactscore.load.sheet import load_sheet
from compactscore.load.source import WORKING_TREE, GitRevision
from compactscore.schema import SIDES, WRITTEN, Column

Invoke = Callable[..., Result]
Git = Callable[..., str]


@pytest.fixture
def committed(tmp_path: Path, riverton: Path, git_as: Git) -> Path:
    """Riverton committed as it is, in a git repository of its own."""
    repo = Path(shutil.copytree(riverton, tmp_path / "riverton"))
    git_as(repo, "init", "-q")
    git_as(repo, "add", "-A")
    git_as(repo, "commit", "-q", "-m", "Riverton")
    return repo.resolve()


def test_the_tree_and_a_revision_answer_alike(committed: Path) -> None:
    head = GitRevision(committed, commit_of(committed, "HEAD"), "HEAD")
    scores = committed / "scores"
    sheet = scores / "2012-13.csv"
    for source in (WORKING_TREE, head):
        assert sorted(source.names(scores)) == sorted(path.name for path in scores.iterdir())
        assert source.exists(sheet) and source.is_file(sheet) and not source.is_folder(sheet)
        assert source.is_folder(scores) and not source.is_file(scores)
        assert not source.exists(scores / "1999.csv")
        assert source.read_bytes(sheet, "shown") == sheet.read_bytes()
    assert head.shown(sheet) == "HEAD:scores/2012-13.csv"


def test_many_files_at_a_revision_each_answer_or_say_why_not(committed: Path, git_as: Git) -> None:
    big = committed / "scores" / "2013-14.csv"
    big.write_bytes(big.read_bytes() + b"\n" * 3_000_000)
    git_as(committed, "commit", "-q", "-am", "Three million blank lines")
    head = GitRevision(committed, commit_of(committed, "HEAD"), "HEAD")
    first = committed / "scores" / "2012-13.csv"
    files = [
        (first, "HEAD:scores/2012-13.csv", 2_000_000),
        (big, "HEAD:scores/2013-14.csv", 2_000_000),
        (committed / "scores" / "1999.csv", "HEAD:scores/1999.csv", 2_000_000),
        (first, "HEAD:scores/2012-13.csv", 2_000_000),
    ]
    found = list(head.read_many(files))
    assert found[0] == found[3] == first.read_bytes()
    assert isinstance(found[1], CompactscoreError)
    assert [str(problem) for problem in found[1].problems] == [
        "HEAD:scores/2013-14.csv: is 3.0 MB, too large to be a scorecard file (the limit is "
        "2 MB). Check that this is the file you meant."
    ]
    assert isinstance(found[2], CompactscoreError)
    assert [str(problem) for problem in found[2].problems] == [
        "HEAD:scores/1999.csv: was not in the repository at that revision. Check the file name, "
        "or choose a later revision ('git log --oneline -- FILE')."
    ]


def test_check_at_a_revision_walks_a_folder_as_check_does(
    tmp_path: Path, riverton: Path, git_as: Git, cli: Invoke
) -> None:
    """Two areas in one repository, no config at its top: both are checked, now and then."""
    top = tmp_path / "areas"
    for name in ("north", "south"):
        shutil.copytree(riverton, top / name)
    broken = top / "south" / "scores" / "2012-13.csv"
    lines = broken.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace(",2,", ",x,", 1)
    broken.write_text("".join(lines), encoding="utf-8")
    git_as(top, "init", "-q")
    git_as(top, "add", "-A")
    git_as(top, "commit", "-q", "-m", "Two areas")
    now = cli("check", cwd=top)
    then = cli("check", "--rev", "HEAD", cwd=top)
    assert now.exit_code == then.exit_code == 1
    # Six sheets an area; a config is checked when its own folder is named, as neither is here.
    summary = "Checked 12 files: 1 error, 0 warnings."
    assert now.stdout.splitlines()[-1] == then.stdout.splitlines()[-1] == summary
    assert now.stdout.startswith("south/scores/2012-13.csv:2: score 'x' is not a number.")
    assert then.stdout.startswith("HEAD:south/scores/2012-13.csv:2: score 'x' is not a number.")


def test_a_sheet_records_its_columns(tmp_path: Path, definition: object) -> None:
    path = tmp_path / "2024-25.csv"
    path.write_text(
        "Indicator,Score,Evidence / notes,Lead,Sector score,Due\n1,2,Met twice,Ann,2,\n",
        encoding="utf-8",
    )
    sheet = load_sheet(path, definition)  # type: ignore[arg-type]
    assert sheet.ours == [
        Column.INDICATOR,
        Column.SCORE,
        Column.EVIDENCE,
        Column.SECTOR_SCORE,
        Column.DUE,
    ]
    # What a new sheet does not write itself: the group's own 'Lead', and the plan's 'Due'.
    assert sheet.columns_but({*WRITTEN, *SIDES}) == ["Lead", "Due"]
