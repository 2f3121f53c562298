"""Piped or written to a file, output is laid out for 80 columns, whatever the terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

RIVERTON = Path(__file__).resolve().parents[2] / "examples" / "riverton"


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_pipe_gets_80_columns_though_stdin_and_stderr_are_a_wide_terminal() -> None:
    leader, follower = pty.openpty()
    # The terminal the other streams are on is 150 columns wide.
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 150, 0, 0))
    env = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    try:
        done = subprocess.run(
            [sys.executable, "-c", "from compactscore.cli import main; main()", "trend"],
            cwd=RIVERTON,
            env={**env, "NO_COLOR": "1"},
            stdin=follower,
            stderr=follower,
            stdout=subprocess.PIPE,
            check=True,
            timeout=60,
        )
    finally:
        os.close(follower)
        os.close(leader)
    lines = done.stdout.decode("utf-8").splitlines()
    assert max(len(line) for line in lines) == 80
