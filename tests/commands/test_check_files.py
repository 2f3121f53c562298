"""check finds every sheet below a folder, and none that is hidden or inside a hidden folder."""

from __future__ import annotations

from pathlib import Path

from compactscore.commands.check import _sheets_below


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
