"""``compactscore init`` through the command line: the repository it makes, and where it refuses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Run = Callable[..., Result]


def test_init_into_a_file_is_a_clear_error(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("mine\n", encoding="utf-8")
    result = cli("init", "afile", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith("afile: cannot be made into a scorecard repository:")
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "mine\n"


def test_init_refuses_an_empty_area_name(cli: Run, tmp_path: Path) -> None:
    result = cli("init", "new-area", "--area", " ", cwd=tmp_path)
    assert result.exit_code == 2
    assert not (tmp_path / "new-area").exists()


def test_init_makes_a_repository_that_works(tmp_path: Path, cli: Run) -> None:
    result = cli(
        "init", "st-marys", "--area", "St Mary's: East", "--period", "2024-25", cwd=tmp_path
    )
    assert result.exit_code == 0, result.stderr
    folder = tmp_path / "st-marys"
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == [
        "README.md",
        "compactscore.yaml",
        "scores",
        "scores/2024-25.csv",
    ]
    assert "# St Mary's: East Compact Scorecard" in (folder / "README.md").read_text()
    score = cli("score", "--format", "json", cwd=folder)
    assert score.exit_code == 0, score.stderr
    assert '"area": "St Mary\'s: East"' in score.stdout
    assert '"period": "2024-25"' in score.stdout
    assert cli("check", cwd=folder).exit_code == 0


@pytest.mark.parametrize("there", ["compactscore.yaml", "scores/2024.csv"])
def test_init_refuses_when_a_scorecard_is_there_and_writes_nothing(
    tmp_path: Path, cli: Run, there: str
) -> None:
    (tmp_path / "README.md").write_text("Our own notes.\n", encoding="utf-8")
    (tmp_path / there).parent.mkdir(exist_ok=True)
    (tmp_path / there).write_text("ours\n", encoding="utf-8")
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    result = cli("init", "--period", "2024", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr == (
        f"{there}: already exists, and init never overwrites a file. "
        "Run init in a new folder, or move the file away first.\n"
    )
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == before
    assert (tmp_path / there).read_text(encoding="utf-8") == "ours\n"
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "Our own notes.\n"


def test_init_leaves_the_folders_own_readme_alone(tmp_path: Path, cli: Run) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "README.md").write_text("Our own notes.\n", encoding="utf-8")
    result = cli("init", "--area", "Testham", "--period", "2024-25", cwd=shared)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Made a scorecard repository for Testham in .:\n"
        "  compactscore.yaml\n"
        "  scores/2024-25.csv\n"
        "  README-scorecard.md\n"
        "README.md was already there, so it is left as it was; the scorecard's notes for "
        "the group are in README-scorecard.md.\n"
        "Next: fill in the scores in scores/2024-25.csv and run 'compactscore score', then "
        'keep the record with: compactscore save --init -m "Scores agreed at the meeting"\n'
    )
    assert (shared / "README.md").read_text(encoding="utf-8") == "Our own notes.\n"
    notes = (shared / "README-scorecard.md").read_text(encoding="utf-8")
    assert notes.startswith("# Testham Compact Scorecard\n")
    assert cli("check", cwd=shared).exit_code == 0


@pytest.mark.parametrize("name", ["readme.txt", "README", "Readme.rst"])
def test_any_readme_of_the_folder_counts_as_its_own(tmp_path: Path, cli: Run, name: str) -> None:
    (tmp_path / name).write_text("Ours.\n", encoding="utf-8")
    result = cli("init", "--period", "2024", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert f"{name} was already there, so it is left as it was;" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [name, "README-scorecard.md", "compactscore.yaml", "scores"]
    )


def test_init_writes_no_notes_when_both_readmes_are_there(tmp_path: Path, cli: Run) -> None:
    for name in ("README.md", "README-scorecard.md"):
        (tmp_path / name).write_text(f"{name} of ours\n", encoding="utf-8")
    result = cli("init", "--period", "2024", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert (
        "README.md and README-scorecard.md were already there, so they are left as they were "
        "and no notes for the group were written.\n"
    ) in result.stdout
    for name in ("README.md", "README-scorecard.md"):
        assert (tmp_path / name).read_text(encoding="utf-8") == f"{name} of ours\n"
    assert "  README" not in result.stdout


def test_init_in_a_git_folder_says_to_commit(
    tmp_path: Path, cli: Run, git_as: Callable[..., str]
) -> None:
    git_as(tmp_path, "init", "-q")
    (tmp_path / "README.md").write_text("Our shared folder.\n", encoding="utf-8")
    result = cli("init", "--period", "2024-25", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith(
        "Next: fill in the scores in scores/2024-25.csv and run 'compactscore score', then "
        'keep the record with: compactscore save -m "Scores agreed at the meeting"\n'
    )


def test_init_writes_readme_md_when_only_our_notes_name_is_taken(tmp_path: Path, cli: Run) -> None:
    (tmp_path / "README-scorecard.md").write_text("Kept.\n", encoding="utf-8")
    result = cli("init", "--period", "2024", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert (
        "README-scorecard.md was already there, so it is left as it was; the scorecard's "
        "notes for the group are in README.md.\n"
    ) in result.stdout
    assert (tmp_path / "README-scorecard.md").read_text(encoding="utf-8") == "Kept.\n"
    assert (tmp_path / "README.md").read_text(encoding="utf-8").startswith("# ")
