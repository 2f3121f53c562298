"""Reads that end: only regular files are read, and the size limit counts the bytes read."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from compactscore.errors import DataError
from compactscore.load import text
from compactscore.load.text import MAX_BYTES, read_text

RIVERTON = Path(__file__).resolve().parents[2] / "examples" / "riverton"
REFUSED = (
    "not a regular file, so it is not read. Name a file saved from a spreadsheet or an editor."
)


@pytest.fixture
def area(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "riverton"
    shutil.copytree(RIVERTON, folder)
    monkeypatch.chdir(folder)
    return folder


def test_dev_zero_as_indicators_is_refused_at_once(
    area: Path, cli: Callable[..., Result], no_hang: None
) -> None:
    result = cli("score", "--indicators", "/dev/zero", "scores/2013-14.csv")
    assert result.exit_code == 1
    assert result.stderr == f"/dev/zero: is a device, {REFUSED}\n"


def test_a_fifo_as_a_sheet_does_not_block(
    area: Path, cli: Callable[..., Result], no_hang: None
) -> None:
    os.mkfifo(area / "2099-00.csv")
    result = cli("score", "2099-00.csv")
    assert result.exit_code == 1
    assert result.stderr == f"2099-00.csv: is a named pipe (FIFO), {REFUSED}\n"


@pytest.mark.parametrize("command", ["score", "trend", "check", "new", "gaps"])
def test_a_fifo_in_the_scores_folder_is_refused_by_every_command(
    area: Path, cli: Callable[..., Result], no_hang: None, command: str
) -> None:
    os.mkfifo(area / "scores" / "2014-15.csv")
    result = cli(command)
    assert result.exit_code == 1
    assert "2014-15.csv: is a named pipe (FIFO), " + REFUSED in result.output
    assert "Traceback" not in result.output


def test_dev_urandom_linked_in_the_scores_folder_is_refused(
    area: Path, cli: Callable[..., Result], no_hang: None
) -> None:
    (area / "scores" / "2014-15.csv").symlink_to("/dev/urandom")
    result = cli("trend")
    assert result.exit_code == 1
    assert result.stderr == f"scores/2014-15.csv: is a device, {REFUSED}\n"


def test_a_fifo_as_the_config_is_refused(
    area: Path, cli: Callable[..., Result], no_hang: None
) -> None:
    (area / "compactscore.yaml").unlink()
    os.mkfifo(area / "compactscore.yaml")
    result = cli("score")
    assert result.exit_code == 1
    assert result.stderr == f"compactscore.yaml: is a named pipe (FIFO), {REFUSED}\n"


def test_the_limit_counts_bytes_read_not_the_size_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that says it is empty (as /proc files and devices do) is still stopped."""
    path = tmp_path / "2024.csv"
    path.write_bytes(b"indicator,score\n" + b"1,2\n" * 1_000_000)  # 4 MB
    real_fstat, real_read = os.fstat, os.read
    read: list[int] = []

    def says_empty(descriptor: int) -> os.stat_result:
        found = real_fstat(descriptor)
        return os.stat_result((found.st_mode, *found[1:6], 0, *found[7:10]))

    def counted(descriptor: int, size: int) -> bytes:
        chunk = real_read(descriptor, size)
        read.append(len(chunk))
        return chunk

    monkeypatch.setattr(text.os, "fstat", says_empty)
    monkeypatch.setattr(text.os, "read", counted)
    with pytest.raises(DataError) as caught:
        read_text(path, "2024.csv")
    assert sum(read) == MAX_BYTES + 1
    assert str(caught.value) == (
        "2024.csv: is 2.0 MB, too large to be a scorecard file (the limit is 2 MB). "
        "Check that this is the file you meant."
    )


def test_a_file_just_within_the_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "2024.csv"
    data = b"indicator,score\n" + b"x" * (MAX_BYTES - 16)
    path.write_bytes(data)
    assert len(read_text(path, "2024.csv")) == MAX_BYTES


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.symlink_to(p.name), "is a symbolic link that leads round in a loop"),
        (lambda p: p.symlink_to("gone.csv"), "is a symbolic link to a file that does not exist."),
        (lambda p: p.mkdir(), "is a folder, not a file."),
    ],
    ids=["loop", "dangling", "folder"],
)
def test_links_and_folders_as_sheets_are_named(
    area: Path, cli: Callable[..., Result], make: Callable[[Path], None], message: str
) -> None:
    make(area / "2099-00.csv")
    # check reads a folder as the folder of sheets it is, so only a link is checked by it.
    for command in ("score", "trend") if message.startswith("is a folder") else ("score", "check"):
        result = cli(command, "2099-00.csv")
        assert result.exit_code == 1, (command, result.output)
        assert f"2099-00.csv: {message}" in result.output
        assert "Traceback" not in result.output


def test_a_loop_in_a_folder_checked_is_named_not_a_crash(
    area: Path, cli: Callable[..., Result]
) -> None:
    (area / "scores" / "2099-00.csv").symlink_to("2099-00.csv")
    result = cli("check", ".")
    assert result.exit_code == 1
    assert "2099-00.csv: is a symbolic link that leads round in a loop" in result.stdout


# Links to devices are made here at run time, never committed as case folders: a copy of
# the project that follows links (cp -L, shutil.copytree) would read /dev/zero for ever.
@pytest.mark.parametrize(
    ("args", "link", "shown"),
    [
        (("score", "2099-00.csv"), "2099-00.csv", "2099-00.csv"),
        (("check", "2099-00.csv"), "2099-00.csv", "2099-00.csv"),
        (("score",), "compactscore.yaml", "compactscore.yaml"),
        (("score",), "scores/2014-15.csv", "scores/2014-15.csv"),
        (("check",), "scores/2014-15.csv", "scores/2014-15.csv"),
    ],
)
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_links_to_endless_devices_are_refused_at_once(
    area: Path,
    cli: Callable[..., Result],
    no_hang: None,
    args: tuple[str, ...],
    link: str,
    shown: str,
    device: str,
) -> None:
    (area / link).unlink(missing_ok=True)
    (area / link).symlink_to(device)
    result = cli(*args)
    assert result.exit_code == 1
    assert f"{shown}: is a device, {REFUSED}\n" in result.output
