"""``compactscore save``: the record kept in git by a group that knows no git."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

Run = Callable[..., Result]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git with no settings but its own: no name, no email, no system config."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(folder / ".gitconfig"))
    for part in ("AUTHOR", "COMMITTER"):
        for what in ("NAME", "EMAIL", "DATE"):
            monkeypatch.delenv(f"GIT_{part}_{what}", raising=False)
    return folder


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)
    return done.stdout


def _named(home: Path) -> None:
    _git(home, "config", "--global", "user.name", "Ann Lee")
    _git(home, "config", "--global", "user.email", "ann@example.org")


def _scorecard(cli: Run, tmp_path: Path) -> Path:
    result = cli("init", str(tmp_path / "club"), "--area", "Club", "--period", "2024-25")
    assert result.exit_code == 0, result.stderr
    return tmp_path / "club"


def _set_row(sheet: Path, number: int, cells: str) -> None:
    """Replace indicator NUMBER's row after its title: score,evidence,action,owner,target."""
    lines = sheet.read_text(encoding="utf-8-sig").splitlines()
    for at, line in enumerate(lines):
        if line.startswith(f"{number},"):
            title = line[len(f"{number},") :].rsplit(",", 5)[0]
            lines[at] = f"{number},{title},{cells}"
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_record_built_by_save_alone(cli: Run, tmp_path: Path, home: Path) -> None:
    _named(home)
    club = _scorecard(cli, tmp_path)

    first = cli("save", "--init", "-m", "Start the scorecard", cwd=club)
    assert first.exit_code == 0, first.stderr
    assert first.stdout.startswith(
        "Started a git repository for the scorecard (git init).\nSaved 2 files in commit "
    )
    assert first.stdout.endswith(": compactscore.yaml (new), scores/2024-25.csv (new).\n")

    _set_row(club / "scores" / "2024-25.csv", 1, "2,Vision agreed in May,,,")
    second = cli("save", "-m", "Scores agreed at the March meeting", cwd=club)
    assert second.exit_code == 0, second.stderr
    commit = _git(club, "rev-parse", "--short", "HEAD").strip()
    assert second.stdout == f"Saved 1 file in commit {commit}: scores/2024-25.csv (changed).\n"

    _set_row(club / "scores" / "2024-25.csv", 1, "2,Vision agreed in May and signed,,,")
    assert cli("save", "-m", "Evidence corrected", cwd=club).exit_code == 0

    log = _git(club, "log", "--format=%s|%an", "--name-status")
    assert log.split("\n") == [
        "Evidence corrected|Ann Lee",
        "",
        "M\tscores/2024-25.csv",
        "Scores agreed at the March meeting|Ann Lee",
        "",
        "M\tscores/2024-25.csv",
        "Start the scorecard|Ann Lee",
        "",
        "A\tcompactscore.yaml",
        "A\tscores/2024-25.csv",
        "",
    ]
    # The README init wrote is the group's to commit or not: save never takes it.
    assert _git(club, "status", "--porcelain") == "?? README.md\n"

    history = json.loads(cli("history", "scores/2024-25.csv", "-f", "json", cwd=club).stdout)
    assert history["commits"] == 3 and history["uncommitted"] is False
    assert [
        (e["message"], e["author"], e["number"], e["column"], e["before"], e["after"])
        for e in history["entries"]
    ] == [
        ("Scores agreed at the March meeting", "Ann Lee", 1, "score", "", "2"),
        (
            "Scores agreed at the March meeting",
            "Ann Lee",
            1,
            "evidence",
            "",
            "Vision agreed in May",
        ),
        (
            "Evidence corrected",
            "Ann Lee",
            1,
            "evidence",
            "Vision agreed in May",
            "Vision agreed in May and signed",
        ),
    ]
    scores = json.loads(
        cli("history", "scores/2024-25.csv", "--scores-only", "-f", "json", cwd=club).stdout
    )
    assert [(e["message"], e["before"], e["after"]) for e in scores["entries"]] == [
        ("Scores agreed at the March meeting", "", "2")
    ]


def test_nothing_to_save(cli: Run, tmp_path: Path, home: Path) -> None:
    _named(home)
    club = _scorecard(cli, tmp_path)
    assert cli("save", "--init", "-m", "Start", cwd=club).exit_code == 0
    result = cli("save", "-m", "Again", cwd=club)
    assert result.exit_code == 0
    assert result.stdout == "Nothing to save: the scorecard's files are as last saved.\n"
    assert _git(club, "rev-list", "--count", "HEAD") == "1\n"


def test_an_error_saves_nothing(cli: Run, tmp_path: Path, home: Path) -> None:
    _named(home)
    club = _scorecard(cli, tmp_path)
    assert cli("save", "--init", "-m", "Start", cwd=club).exit_code == 0
    _set_row(club / "scores" / "2024-25.csv", 2, "7,,,,")
    (club / "compactscore.yaml").write_text("area: Club\nscores: scores\n", encoding="utf-8")

    result = cli("save", "-m", "Scores", cwd=club)

    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "scores/2024-25.csv:3: score 7 is outside the scale 0 to 3. Use 0, 1, 2 or 3.\n"
        "compactscore: nothing was saved: 1 error to fix first. Fix them, then run save "
        "again ('compactscore check' lists them).\n"
    )
    assert _git(club, "rev-list", "--count", "HEAD") == "1\n"
    assert _git(club, "diff", "--cached", "--name-only") == ""


def _workbook(path: Path) -> None:
    """Next period's sheet kept as a workbook: the header and one indicator, not scored yet."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Scores"
    sheet.append(["indicator", "score"])
    sheet.append([1, None])
    book.save(path)


def test_only_the_scorecards_files_are_committed(cli: Run, tmp_path: Path, home: Path) -> None:
    _named(home)
    club = _scorecard(cli, tmp_path)
    assert cli("save", "--init", "-m", "Start", cwd=club).exit_code == 0
    (club / "notes.txt").write_text("private\n", encoding="utf-8")
    _git(club, "add", "notes.txt")
    (club / "report-2024-25.html").write_text("<p>report</p>\n", encoding="utf-8")
    (club / "scores" / "2024-25.csv.bak").write_text("old\n", encoding="utf-8")
    _workbook(club / "scores" / "2025-26.xlsx")
    _set_row(club / "scores" / "2024-25.csv", 3, "1,,,,")

    result = cli("save", "-m", "Scores", cwd=club / "scores")

    assert result.exit_code == 0, result.stderr
    # Named as typed from where save was run: the scores folder.
    assert result.stdout.endswith(": 2024-25.csv (changed), 2025-26.xlsx (new).\n")
    assert _git(club, "show", "--name-only", "--format=", "HEAD") == (
        "scores/2024-25.csv\nscores/2025-26.xlsx\n"
    )
    # What the user staged for other reasons is still staged, and still not committed.
    assert _git(club, "diff", "--cached", "--name-only") == "notes.txt\n"


def test_a_sheet_kept_as_a_macro_workbook_is_saved_as_every_workbook_is(
    cli: Run, tmp_path: Path, home: Path
) -> None:
    # .xlsm and .xlsb are read as sheets everywhere; save commits them as it does .xlsx.
    _named(home)
    club = _scorecard(cli, tmp_path)
    assert cli("save", "--init", "-m", "Start", cwd=club).exit_code == 0
    _workbook(club / "scores" / "2025-26.xlsm")

    result = cli("save", "-m", "Scores", cwd=club)

    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith(": scores/2025-26.xlsm (new).\n")
    assert _git(club, "show", "--name-only", "--format=", "HEAD") == "scores/2025-26.xlsm\n"


def test_a_folder_not_under_git_is_offered_the_command(
    cli: Run, tmp_path: Path, home: Path
) -> None:
    _named(home)
    club = _scorecard(cli, tmp_path)
    result = cli("save", "-m", "Scores agreed", cwd=club)
    assert result.exit_code == 1
    assert result.stderr == (
        ".: is not under git yet, so there is no record to save the scores in. Start one "
        "and save in one step: compactscore save --init -m 'Scores agreed'\n"
    )
    assert not (club / ".git").exists()


def test_no_name_or_email_says_how_to_set_them(cli: Run, tmp_path: Path, home: Path) -> None:
    club = _scorecard(cli, tmp_path)
    result = cli("save", "--init", "-m", "Start", cwd=club)
    assert result.exit_code == 1
    assert result.stderr == (
        "git does not know who you are, so it cannot record who saved the scores. Tell it "
        "once, then run save again:\n"
        '  git config --global user.name "Your Name"\n'
        "  git config --global user.email you@example.org\n"
    )
    assert not (club / ".git").exists()


def test_an_empty_message_is_wrong_usage(cli: Run, tmp_path: Path, home: Path) -> None:
    club = _scorecard(cli, tmp_path)
    result = cli("save", "-m", " ", cwd=club)
    assert result.exit_code == 2
    assert "the message is empty" in result.stderr


def test_sheets_beside_the_config(cli: Run, tmp_path: Path, home: Path) -> None:
    _named(home)
    (tmp_path / "compactscore.yaml").write_text("area: Flat\nscores: .\n", encoding="utf-8")
    (tmp_path / "2024.csv").write_text("indicator,score\n1,2\n", encoding="utf-8")
    (tmp_path / "report-2024.html").write_text("<p>report</p>\n", encoding="utf-8")
    result = cli("save", "--init", "-m", "Flat", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith(": compactscore.yaml (new), 2024.csv (new).\n")
    assert _git(tmp_path, "ls-files") == "2024.csv\ncompactscore.yaml\n"
