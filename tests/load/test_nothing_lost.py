"""Writes never lose a file: refusal, backups, interrupted writes, folders that cannot be written."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest

from compactscore.errors import WriteError
from compactscore.load import files
from compactscore.load.files import write_file


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def test_a_new_file_is_written(tmp_path: Path) -> None:
    path = tmp_path / "2024.csv"
    assert write_file(path, "indicator,score\n") is None
    assert path.read_text(encoding="utf-8") == "indicator,score\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2024.csv"]


def test_an_existing_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "2024.csv"
    path.write_text("what the group agreed\n", encoding="utf-8")
    with pytest.raises(WriteError) as caught:
        write_file(path, "something else\n")
    assert str(caught.value) == (
        f"{path}: already exists, and compactscore never overwrites a file. Choose another "
        "name, or add --force to replace it (the old one is kept as a backup)."
    )
    assert path.read_text(encoding="utf-8") == "what the group agreed\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2024.csv"]


def test_force_keeps_every_earlier_file_as_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "2024.csv"
    path.write_text("first\n", encoding="utf-8")
    assert write_file(path, "second\n", force=True) == tmp_path / "2024.csv.bak"
    assert write_file(path, "third\n", force=True) == tmp_path / "2024.csv.bak.2"
    assert path.read_text(encoding="utf-8") == "third\n"
    assert (tmp_path / "2024.csv.bak").read_text(encoding="utf-8") == "first\n"
    assert (tmp_path / "2024.csv.bak.2").read_text(encoding="utf-8") == "second\n"
    assert _leftovers(tmp_path) == []


def test_a_failed_rename_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "2024.csv"
    path.write_text("old\n", encoding="utf-8")

    def full_disk(source: str, target: Path) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "replace", full_disk)
    with pytest.raises(WriteError) as caught:
        write_file(path, "new\n", force=True)
    assert str(caught.value) == (
        f"{path}: cannot be written: No space left on device. "
        "Check the disk space and that you may write to the folder."
    )
    assert path.read_text(encoding="utf-8") == "old\n"
    assert _leftovers(tmp_path) == []


def test_a_write_interrupted_midway_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "2024.csv"
    path.write_text("old\n", encoding="utf-8")

    def interrupted(descriptor: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_file(path, "new text, half written\n", force=True)
    assert path.read_text(encoding="utf-8") == "old\n"
    assert _leftovers(tmp_path) == []


def test_a_folder_that_cannot_be_written_is_said_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(**kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(files.tempfile, "mkstemp", refused)
    path = tmp_path / "2024.csv"
    with pytest.raises(WriteError) as caught:
        write_file(path, "new\n")
    assert str(caught.value) == (
        f"{path}: cannot be written: Permission denied. "
        "Check that the folder exists and that you may write to it."
    )
    assert not path.exists()


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="permission bits do not stop root; the simulated test above covers this path",
)
def test_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(WriteError, match="cannot be written: Permission denied"):
            write_file(folder / "2024.csv", "new\n")
    finally:
        folder.chmod(0o700)


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "2024.csv"
    with pytest.raises(WriteError) as caught:
        write_file(path, "new\n")
    assert str(caught.value) == (
        f"{path}: cannot be written: the folder {path.parent} does not exist. "
        "Create the folder first, or choose another place."
    )


def test_the_temporary_file_is_beside_the_target(tmp_path: Path) -> None:
    """The rename is atomic only within one file system, so the temporary is made in the folder."""
    seen: list[str] = []
    real = tempfile.mkstemp

    def spy(**kwargs: str) -> tuple[int, str]:
        seen.append(kwargs["dir"])
        return real(**kwargs)  # type: ignore[call-overload,no-any-return]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(files.tempfile, "mkstemp", spy)
        write_file(tmp_path / "2024.csv", "x\n")
    assert [Path(folder) for folder in seen] == [tmp_path]
