"""Any kind of file, in any git state, through any reading command: a result or a clean error.

Never exit status 3 (a crash), never a traceback, never a read that blocks.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import git
from typer.testing import CliRunner

from compactscore.cli import app

RIVERTON = Path(__file__).resolve().parents[2] / "examples" / "riverton"
SHEET = (RIVERTON / "scores" / "2013-14.csv").read_bytes()

KINDS = ["absent", "regular", "garbage", "folder", "link", "dangling", "fifo", "loop", "device"]
GIT_STATES = ["none", "committed", "nothing-committed", "bare-beside", "not-ours"]
COMMANDS = [
    ("score", "{sheet}"),
    ("check", "{sheet}"),
    ("trend",),
    ("score",),
    ("new",),
    ("score", "--rev", "HEAD", "{sheet}"),
    ("history", "{sheet}"),
    ("diff", "HEAD", "HEAD", "{sheet}"),
    ("report", "--format", "json"),
    ("score", "--indicators", "{sheet}"),
]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _make(path: Path, kind: str, content: bytes) -> None:
    if kind == "regular":
        path.write_bytes(content)
    elif kind == "garbage":
        path.write_bytes(os.urandom(64))
    elif kind == "folder":
        path.mkdir()
    elif kind == "link":
        (path.parent / ("real-" + path.name)).write_bytes(content)
        path.symlink_to("real-" + path.name)
    elif kind == "dangling":
        path.symlink_to("gone-" + path.name)
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "loop":
        path.symlink_to(path.name)
    elif kind == "device":
        path.symlink_to("/dev/zero")


def _late(signum: int, frame: object) -> None:
    raise TimeoutError("a read or write that never ends")


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    sheet_kind=st.sampled_from(KINDS),
    config_kind=st.sampled_from(KINDS),
    scores_kind=st.sampled_from(["folder", "link", "dangling", "loop", "absent"]),
    git_state=st.sampled_from(GIT_STATES),
    command=st.sampled_from(COMMANDS),
)
def test_any_file_kind_and_git_state_gives_a_result_or_a_clean_error(
    sheet_kind: str,
    config_kind: str,
    scores_kind: str,
    git_state: str,
    command: tuple[str, ...],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary) / "area"
        root.mkdir()
        scores_name = "scores"
        if scores_kind == "folder":
            (root / "scores").mkdir()
        elif scores_kind == "link":
            (root / "real-scores").mkdir()
            (root / "scores").symlink_to("real-scores")
        else:
            _make(root / "scores", scores_kind, b"")
        config = f"area: Testville\nscores: {scores_name}\n".encode()
        _make(root / "compactscore.yaml", config_kind, config)
        if (root / "scores").is_dir():
            (root / "scores" / "2012-13.csv").write_bytes(SHEET)
        sheet = root / "scores" / "2013-14.csv" if (root / "scores").is_dir() else root / "x.csv"
        _make(sheet, sheet_kind, SHEET)
        if git_state != "none":
            git(root, "init", "-q", check=False)
            if git_state in ("committed", "not-ours"):
                git(root, "add", "-A", check=False)
                git(root, "commit", "-q", "-m", "Scores", check=False)
            if git_state == "not-ours" and hasattr(os, "geteuid") and os.geteuid() == 0:
                # A repository another user owns, which git itself refuses to read.
                for path in [root, *root.rglob("*")]:
                    os.lchown(path, 4242, 4242)
            elif git_state == "bare-beside":
                git(root.parent, "init", "-q", "--bare", str(root / "bare.git"), check=False)
        args = [part.format(sheet=os.path.relpath(sheet, root)) for part in command]
        monkeypatch.chdir(root)
        previous = signal.signal(signal.SIGALRM, _late)
        signal.alarm(20)
        try:
            result = CliRunner().invoke(app, args, env={"NO_COLOR": "1", "COLUMNS": "100"})
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
        output = result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), output
        assert result.exit_code in (0, 1, 2), f"{args}: exit {result.exit_code}\n{output}"
        assert "Traceback" not in output
        assert "bug in compactscore" not in output
