"""history asks git only what it must: HEAD's sheet is not read again when it is the blob
just read for the newest commit, and whether the clone is shallow comes with its top folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from compactscore.load.source import GitRevision

Invoke = Callable[..., Result]


def _reads_of_head(asked: list[list[str]]) -> list[list[str]]:
    return [args for args in asked if args[0] == "cat-file"]


@pytest.mark.parametrize("change", [False, True])
def test_head_s_sheet_is_the_newest_commit_s_blob_and_is_not_read_again(
    scored_repo: Path,
    cli: Invoke,
    make_sheet: Callable[[dict[int, str], str], str],
    monkeypatch: pytest.MonkeyPatch,
    git_calls: list[list[str]],
    change: bool,
) -> None:
    sheet = scored_repo / "scores" / "2011-12.csv"
    if change:
        sheet.write_text(make_sheet({4: "1"}, "2"), encoding="utf-8")
    asked = git_calls
    result = cli("history", "scores/2011-12.csv", "--scores-only", cwd=scored_repo)
    assert result.exit_code == 0, result.stderr
    assert ("not committed" in result.stdout) is change
    # The log is started first: git lists the commits while the definition is read.
    assert [args[0] for args in asked] == ["rev-parse", "log", "ls-files", "ls-tree"]
    assert asked[0] == ["rev-parse", "--show-toplevel", "--is-shallow-repository"]
    assert not _reads_of_head(asked)

    # Told nothing of HEAD's blob, history reads it, and prints the very same.
    asked.clear()
    monkeypatch.setattr(GitRevision, "blob_id", lambda self, path: None)
    again = cli("history", "scores/2011-12.csv", "--scores-only", cwd=scored_repo)
    assert (again.exit_code, again.stdout, again.stderr) == (0, result.stdout, result.stderr)
    head = GitRevision(scored_repo, "HEAD", "HEAD")
    assert [args[:2] for args in _reads_of_head(asked)] == [
        ["cat-file", "-s"],
        ["cat-file", "blob"],
    ]
    assert head.exists(sheet)


def test_head_s_blob_is_named_when_its_folder_is_listed(
    scored_repo: Path, git_as: Callable[..., str]
) -> None:
    head = GitRevision(scored_repo.resolve(), "HEAD", "HEAD")
    sheet = scored_repo.resolve() / "scores" / "2011-12.csv"
    assert head.blob_id(sheet) is None  # the folder is not listed yet
    assert head.exists(sheet)
    assert (
        head.blob_id(sheet) == git_as(scored_repo, "rev-parse", "HEAD:scores/2011-12.csv").strip()
    )
    assert head.blob_id(scored_repo.resolve() / "scores" / "1999-00.csv") is None
