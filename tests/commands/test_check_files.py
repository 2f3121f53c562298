"""check finds every sheet below a folder, none hidden, and points out a scores folder it cannot use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from compactscore.load.check import sheets_below as _sheets_below

Run = Callable[..., Result]


def test_sheets_below_a_folder_sorted_without_hidden_ones(tmp_path: Path) -> None:
    for name in ["a/1.csv", "a/.git/x.csv", "b/c/2.csv", "b/.3.csv", ".h/5.csv", "top.csv"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("indicator,score\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("", encoding="utf-8")
    (tmp_path / "linked").symlink_to(tmp_path / "b", target_is_directory=True)
    (tmp_path / "link.csv").symlink_to(tmp_path / "top.csv")
    found = [
        (path.relative_to(tmp_path).as_posix(), parent, is_link)
        for path, parent, is_link in _sheets_below(tmp_path)
    ]
    # A linked folder is not walked into, as rglob did not walk into one; a linked
    # sheet is found, and said to be a link so that check reads it once.
    assert found == [
        ("a/1.csv", tmp_path / "a", False),
        ("b/c/2.csv", tmp_path / "b" / "c", False),
        ("link.csv", tmp_path, True),
        ("top.csv", tmp_path, False),
    ]


def test_a_hidden_folder_named_on_purpose_is_walked(tmp_path: Path) -> None:
    folder = tmp_path / ".scores"
    folder.mkdir()
    (folder / "2024.csv").write_text("indicator,score\n", encoding="utf-8")
    assert _sheets_below(folder) == [(folder / "2024.csv", folder, False)]


def test_a_config_whose_scores_folder_has_no_sheets_is_warned_of(cli: Run, area: Path) -> None:
    config = area / "compactscore.yaml"
    config.write_text("area: Riverton\n", encoding="utf-8")
    result = cli("check", cwd=area)
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "compactscore.yaml: warning: its scores folder (./) holds no sheet named for a period"
    )


def test_a_file_no_command_reads_in_the_scores_folder_is_pointed_out(cli: Run, area: Path) -> None:
    (area / "scores" / "2014-15.numbers").write_bytes(b"PK\x03\x04 Apple Numbers")
    (area / "scores" / "notes.txt").write_text("our notes\n", encoding="utf-8")
    result = cli("check", cwd=area)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "scores/2014-15.numbers: warning: is named for a period but is neither a CSV file nor "
        "a workbook (.xlsx, .xlsm, .xlsb, .xls, .ods), so no command reads it. Save it from the "
        "spreadsheet as CSV (2014-15.csv) or as a workbook (2014-15.xlsx), then move this one "
        "out of the scores folder.",
        "Checked 7 files: 0 errors, 1 warning.",
    ]
