"""Writes that cannot clobber: links, special files, races, backups by link, init all or nothing."""

from __future__ import annotations

import errno
import os
import socket
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from compactscore.errors import WriteError
from compactscore.load import files
from compactscore.load.files import write_file

Run = Callable[..., Result]


def _names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


@pytest.fixture(params=["renameat2", "link"])
def mover(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run each test with the no-replace rename and with the hard-link fallback."""
    if request.param == "link":
        monkeypatch.setattr(files, "_rename_noreplace", lambda source, target: False)
    return str(request.param)


@pytest.mark.parametrize("force", [False, True])
def test_a_dangling_link_is_refused_and_left(tmp_path: Path, force: bool, mover: str) -> None:
    link = tmp_path / "2024.csv"
    link.symlink_to("nowhere.csv")
    with pytest.raises(WriteError) as caught:
        write_file(link, "indicator,score\n", force=force)
    assert str(caught.value) == (
        f"{link}: is a symbolic link (to nowhere.csv, which does not exist), and compactscore "
        "never replaces a link or writes through one, even with --force, as the file it "
        "points to may be anyone's. Name the file itself, or choose another name."
    )
    assert link.is_symlink() and os.readlink(link) == "nowhere.csv"
    assert _names(tmp_path) == ["2024.csv"]


def test_a_link_to_a_file_is_refused_even_with_force(tmp_path: Path, mover: str) -> None:
    theirs = tmp_path / "theirs.txt"
    theirs.write_text("someone else's\n", encoding="utf-8")
    link = tmp_path / "report.html"
    link.symlink_to(theirs)
    with pytest.raises(WriteError, match=r"is a symbolic link \(to .*theirs.txt\), and"):
        write_file(link, "<html>", force=True)
    assert theirs.read_text(encoding="utf-8") == "someone else's\n"
    assert link.is_symlink()
    assert _names(tmp_path) == ["report.html", "theirs.txt"]


def test_a_fifo_is_refused_without_blocking(tmp_path: Path, mover: str, no_hang: None) -> None:
    pipe = tmp_path / "report.md"
    os.mkfifo(pipe)
    with pytest.raises(WriteError) as caught:
        write_file(pipe, "# Report\n", force=True)
    assert str(caught.value) == (
        f"{pipe}: is a named pipe (FIFO), not a regular file, and compactscore writes only "
        "regular files, even with --force. Name an ordinary file, such as one in your "
        "scorecard folder."
    )
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert _names(tmp_path) == ["report.md"]


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(WriteError, match="is a socket, not a regular file"):
            write_file(path, "x\n", force=True)
        assert stat.S_ISSOCK(os.lstat(path).st_mode)


def test_a_device_is_refused_before_anything_is_made(tmp_path: Path) -> None:
    # A device node of its own in a temporary folder: a test never aims at the system's /dev.
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node is not allowed here")
    with pytest.raises(WriteError) as caught:
        write_file(device, "x\n", force=True)
    assert str(caught.value).startswith(f"{device}: is a device, not a regular file")
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert _names(tmp_path) == ["null"]


def test_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out.html").mkdir()
    with pytest.raises(WriteError) as caught:
        write_file(tmp_path / "out.html", "x", force=True)
    assert str(caught.value) == (
        f"{tmp_path / 'out.html'}: is a folder, so no file can be written there. Name a file."
    )


def test_a_file_saved_after_the_check_is_never_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mover: str
) -> None:
    """The check-then-write window: the move itself refuses a file that appeared meanwhile."""
    path = tmp_path / "2024-25.csv"
    real = files.tempfile.mkstemp

    def someone_saves_first(**kwargs: str) -> tuple[int, str]:
        made = real(**kwargs)  # type: ignore[call-overload]
        path.write_text("saved by the spreadsheet just now\n", encoding="utf-8")
        return made  # type: ignore[no-any-return]

    monkeypatch.setattr(files.tempfile, "mkstemp", someone_saves_first)
    with pytest.raises(WriteError) as caught:
        write_file(path, "indicator,score\n")
    assert str(caught.value) == (
        f"{path}: was made by another program while compactscore was writing, and "
        "compactscore never overwrites a file, so it is left as it is. Check that file, then "
        "run the command again (add --force to replace it, the old one kept as a backup)."
    )
    assert path.read_text(encoding="utf-8") == "saved by the spreadsheet just now\n"
    assert _names(tmp_path) == ["2024-25.csv"]


def test_without_hard_links_a_new_file_is_still_made_exclusively(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "_rename_noreplace", lambda source, target: False)

    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(files.os, "link", no_links)
    path = tmp_path / "2024.csv"
    write_file(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n"
    assert _names(tmp_path) == ["2024.csv"]
    assert write_file(path, "newer\n", force=True) == tmp_path / "2024.csv.bak"
    assert (tmp_path / "2024.csv.bak").read_text(encoding="utf-8") == "new\n"
    assert _names(tmp_path) == ["2024.csv", "2024.csv.bak"]


def test_force_keeps_the_old_file_by_hard_link(tmp_path: Path) -> None:
    path = tmp_path / "2024.csv"
    path.write_text("agreed\n", encoding="utf-8")
    inode = path.stat().st_ino
    (tmp_path / "2024.csv.bak").write_text("an older backup\n", encoding="utf-8")
    assert write_file(path, "new\n", force=True) == tmp_path / "2024.csv.bak.2"
    assert (tmp_path / "2024.csv.bak.2").stat().st_ino == inode  # the very same file, not a copy
    assert (tmp_path / "2024.csv.bak").read_text(encoding="utf-8") == "an older backup\n"
    assert path.read_text(encoding="utf-8") == "new\n"


def test_a_failed_backup_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "2024.csv"
    path.write_text("old\n", encoding="utf-8")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "link", full)
    with pytest.raises(WriteError, match="cannot be written: No space left on device"):
        write_file(path, "new\n", force=True)
    assert path.read_text(encoding="utf-8") == "old\n"
    assert _names(tmp_path) == ["2024.csv"]


def test_the_folder_is_synced_after_the_move(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    real = files.os.fsync

    def spy(descriptor: int) -> None:
        synced.append(os.fstat(descriptor).st_mode)
        real(descriptor)

    monkeypatch.setattr(files.os, "fsync", spy)
    write_file(tmp_path / "2024.csv", "x\n")
    assert [stat.S_ISDIR(mode) for mode in synced] == [False, True]


def _fail_third_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up while the third file is being written."""
    real = files.os.fsync
    count = {"files": 0}

    def fsync(descriptor: int) -> None:
        if not stat.S_ISDIR(os.fstat(descriptor).st_mode):
            count["files"] += 1
            if count["files"] == 3:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(descriptor)

    monkeypatch.setattr(files.os, "fsync", fsync)


def test_init_that_fails_halfway_removes_what_it_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Callable[..., Result]
) -> None:
    folder = tmp_path / "riverton"
    folder.mkdir()
    (folder / "minutes.txt").write_text("the group's own file\n", encoding="utf-8")
    with monkeypatch.context() as patch:
        _fail_third_file(patch)
        result = cli("init", str(folder), "--area", "Riverton", "--period", "2024-25")
    assert result.exit_code == 1
    assert result.stderr == (
        f"{folder / 'README.md'}: cannot be written: No space left on device. "
        "Check the disk space and that you may write to the folder.\n"
    )
    assert _names(folder) == ["minutes.txt"]
    again = cli("init", str(folder), "--area", "Riverton", "--period", "2024-25")
    assert again.exit_code == 0, again.output
    assert _names(folder) == ["README.md", "compactscore.yaml", "minutes.txt", "scores"]


def test_init_of_a_new_folder_that_fails_leaves_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Callable[..., Result]
) -> None:
    folder = tmp_path / "areas" / "riverton"
    _fail_third_file(monkeypatch)
    result = cli("init", str(folder), "--area", "Riverton", "--period", "2024-25")
    assert result.exit_code == 1
    assert _names(tmp_path) == []


def test_init_interrupted_removes_what_it_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Callable[..., Result]
) -> None:
    folder = tmp_path / "riverton"
    folder.mkdir()
    real = files.move_into_place
    count = {"moves": 0}

    def interrupted(temporary: str, path: Path) -> None:
        count["moves"] += 1
        if count["moves"] == 2:
            raise KeyboardInterrupt
        real(temporary, path)

    monkeypatch.setattr(files, "move_into_place", interrupted)
    with pytest.raises(KeyboardInterrupt):
        from compactscore.commands.init import init

        init(folder, "Riverton", "2024-25")
    assert _names(folder) == []


def test_init_never_replaces_a_dangling_link(tmp_path: Path, cli: Callable[..., Result]) -> None:
    folder = tmp_path / "riverton"
    folder.mkdir()
    (folder / "compactscore.yaml").symlink_to("../elsewhere.yaml")
    result = cli("init", str(folder), "--area", "Riverton", "--period", "2024-25")
    assert result.exit_code == 1
    assert "compactscore.yaml: already exists, and init never overwrites a file." in result.stderr
    assert _names(folder) == ["compactscore.yaml"]
    assert (folder / "compactscore.yaml").is_symlink()


def test_report_force_onto_a_fifo_is_refused(
    tmp_path: Path, riverton: Path, cli: Callable[..., Result], no_hang: None
) -> None:
    pipe = tmp_path / "board.md"
    os.mkfifo(pipe)
    result = cli("report", "-o", str(pipe), "--force", cwd=riverton)
    assert result.exit_code == 1
    assert "is a named pipe (FIFO), not a regular file" in result.stderr
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


def test_new_refuses_a_dangling_link_at_the_sheet(
    tmp_path: Path, riverton: Path, cli: Callable[..., Result]
) -> None:
    import shutil

    copy = tmp_path / "riverton"
    shutil.copytree(riverton, copy)
    scores = copy / "scores"
    latest = sorted(path.name for path in scores.glob("*.csv"))[-1]
    (scores / "2099-00.csv").symlink_to("/nonexistent/place.csv")
    result = cli("new", "2099-00", cwd=copy)
    assert result.exit_code == 1, result.output
    assert "is a symbolic link (to /nonexistent/place.csv, which does not exist)" in (result.stderr)
    assert (scores / "2099-00.csv").is_symlink()
    assert latest in _names(scores)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_on_linux_the_move_is_renameat2_and_refuses_an_existing_file(tmp_path: Path) -> None:
    source, target = tmp_path / "new", tmp_path / "there"
    source.write_text("new\n", encoding="utf-8")
    target.write_text("theirs\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        files._rename_noreplace(str(source), target)
    assert target.read_text(encoding="utf-8") == "theirs\n"
    target.unlink()
    assert files._rename_noreplace(str(source), target) is True
    assert target.read_text(encoding="utf-8") == "new\n" and not source.exists()


def test_written_files_are_as_readable_as_the_files_they_replace(
    cli: Run, area: Path, tmp_path: Path
) -> None:
    old = os.umask(0o022)
    try:
        report = tmp_path / "paper.html"
        report.write_text("old paper\n", encoding="utf-8")
        report.chmod(0o664)
        assert cli("report", "-o", str(report), "--force", cwd=area).exit_code == 0
        assert stat.S_IMODE(report.stat().st_mode) == 0o664
        assert cli("new", "2014-15", cwd=area).exit_code == 0
        fresh = area / "scores" / "2014-15.csv"
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
    finally:
        os.umask(old)


def test_a_report_never_replaces_a_score_sheet(cli: Run, area: Path) -> None:
    sheet = area / "scores" / "2012-13.csv"
    before = sheet.read_bytes()
    result = cli("report", "--period", "2011-12", "-o", "scores/2012-13.csv", "--force", cwd=area)
    assert result.exit_code == 2
    assert "is one of the score sheets, and a report never replaces a sheet" in result.stderr
    assert sheet.read_bytes() == before
