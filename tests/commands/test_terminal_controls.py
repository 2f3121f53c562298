"""Escape sequences in a sheet are shown, never obeyed, by every command and message."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import Result

from compactscore.controls import escape_controls
from compactscore.errors import Problem

Run = Callable[..., Result]

CLEAR = "\x1b[2J"
TITLE = "\x1b]0;pwn\x07"
LINK = "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\"
HOSTILE = f"clear{CLEAR} title{TITLE} link{LINK} lone\rCR c1\x9b bidi\u202eevil\u202c end"
# Anything a terminal would obey: C0 but tab and line feed, DEL, C1, bidi overrides.
OBEYED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_each_kind_of_control_character_is_written_as_its_escape() -> None:
    assert escape_controls(HOSTILE) == (
        "clear\\x1b[2J title\\x1b]0;pwn\\x07 link\\x1b]8;;http://evil.example\\x1b\\click"
        "\\x1b]8;;\\x1b\\ lone\\rCR c1\\x9b bidi\\u202eevil\\u202c end"
    )
    assert escape_controls("tab\tand\nline") == "tab\tand\nline"
    assert escape_controls("a\nb", one_line=True) == "a\\nb"
    assert escape_controls("\x00\x7f\u2066\u2069") == "\\x00\\x7f\\u2066\\u2069"


def test_a_message_quoting_a_file_cannot_start_a_line_of_its_own() -> None:
    problem = Problem("x.csv", 2, "header 'a\nx.csv:1: all fine\x1b[2J' is unknown.", "Fix it.")
    assert str(problem) == "x.csv:2: header 'a\\nx.csv:1: all fine\\x1b[2J' is unknown. Fix it."


@pytest.fixture
def area(tmp_path: Path, riverton: Path) -> Path:
    """Riverton with a 2014-15 sheet whose words, header and owners carry escape sequences."""
    area = Path(shutil.copytree(riverton, tmp_path / "riverton"))
    scores = area / "scores"
    rows = list(csv.reader(io.StringIO((scores / "2013-14.csv").read_text(encoding="utf-8-sig"))))
    rows[0] += [f"notes{TITLE}"]
    for row in rows[1:]:
        row += [f"note{CLEAR}"]
    rows[1][3] = f"evidence {HOSTILE}"
    rows[1][4] = f"action {HOSTILE}"
    rows[1][5] = f"owner {LINK}"
    rows[1][6] = "3"
    rows[1][2] = "1"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)  # CRLF: the lone CR is quoted
    (scores / "2014-15.csv").write_text(out.getvalue(), encoding="utf-8", newline="")
    return area


COMMANDS = [
    ("score",),
    ("score", "-f", "markdown"),
    ("gaps",),
    ("gaps", "-f", "markdown"),
    ("trend",),
    ("agree",),
    ("diff", "scores/2013-14.csv", "scores/2014-15.csv"),
    ("report", "-f", "table"),
    ("report", "-f", "markdown", "-o", "-"),
    ("check",),
    ("new", "2015-16"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_command_lets_a_control_character_through(cli: Run, area: Path, args: tuple) -> None:
    result = cli(*args, cwd=area)
    assert result.exit_code == 0, result.output
    assert not OBEYED.search(result.stdout), repr(OBEYED.findall(result.stdout))
    assert not OBEYED.search(result.stderr), repr(OBEYED.findall(result.stderr))


def test_the_table_shows_the_escapes_readably(cli: Run, area: Path) -> None:
    shown = cli("score", "--format", "markdown", cwd=area).stdout + cli("gaps", cwd=area).stdout
    assert "x1b[2J" in shown and "x07" in shown and "u202eevil" in shown


@pytest.mark.parametrize("output", ["csv", "json", "markdown"])
def test_a_machine_format_on_a_terminal_is_escaped(
    cli: Run, area: Path, output: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("compactscore.render.console.is_terminal", lambda stream: True)
    shown = cli("score", "-f", output, cwd=area).stdout
    assert not OBEYED.search(shown)
    # JSON writes ESC and BEL as JSON escapes itself; C1 and bidi characters are escaped here.
    assert {
        "csv": "\\x1b]0;pwn\\x07",
        "json": "\\u001b]0;pwn\\u0007",
        "markdown": "\\\\x1b\\]0;pwn\\\\x07",
    }[output] in shown
    assert "c1\\x9b bidi\\u202eevil" in shown.replace("\\\\", "\\")


def test_a_machine_format_to_a_pipe_keeps_the_exact_text(cli: Run, area: Path) -> None:
    exported = cli("score", "-f", "csv", cwd=area).stdout
    first = next(csv.DictReader(io.StringIO(exported)))
    # The lone CR was read as a line break within the cell, as a spreadsheet shows it.
    assert first["evidence"] == "evidence " + HOSTILE.replace("\r", "\n")
    assert first["owner"] == f"owner {LINK}"
    data = json.loads(cli("score", "-f", "json", cwd=area).stdout)
    assert data["indicators"][0]["evidence"] == "evidence " + HOSTILE.replace("\r", "\n")


def test_a_message_quoting_a_header_or_a_cell_is_escaped(
    cli: Run, write: Callable[..., Path]
) -> None:
    sheet = write("2030.csv", f"indicator,score\n1,2{TITLE}\nshared{LINK},1\n".encode())
    header = write("2031.csv", f"indic{CLEAR}ator,score\n1,2\n")
    cell, name = "score '2\\x1b]0;pwn\\x07' is not a number", "(it has: indic\\x1b[2Jator, score)"
    for command, path, quoted in [
        ("score", sheet, cell),
        ("check", sheet, cell),
        ("score", header, name),
        ("check", header, name),
    ]:
        result = cli(command, str(path))
        assert result.exit_code == 1
        text = result.stdout + result.stderr
        assert not OBEYED.search(text), repr(text)
        assert quoted in text


def test_a_real_terminal_gets_escapes_and_a_real_pipe_the_bytes(area: Path) -> None:
    """End to end through a pseudo-terminal, as a user's shell would run it."""
    pty = pytest.importorskip("pty")
    command = [sys.executable, "-m", "compactscore", "score", "-f", "csv"]
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    piped = subprocess.run(command, cwd=area, env=env, capture_output=True, check=True).stdout
    assert b"\x1b]0;pwn\x07" in piped
    main, child = pty.openpty()
    try:
        process = subprocess.run(
            command, cwd=area, env=env, stdout=child, stderr=child, check=True, timeout=60
        )
        assert process.returncode == 0
        os.close(child)
        child = -1
        shown = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(main)
        if child != -1:
            os.close(child)
    text = shown.decode("utf-8").replace("\r\n", "\n")
    assert "\\x1b]0;pwn\\x07" in text
    assert not OBEYED.search(text)


def test_a_bell_in_a_printed_message_is_shown_not_dropped(
    cli: Run, area: Path, tmp_path: Path
) -> None:
    """Rich drops a bell or a CR from a plain string; ours shows them, as the tables do."""
    config = area / "compactscore.yaml"
    config.write_text(
        'area: "River\\e]0;pwn\\aton"\ndefinition: thriving-sector\nscores: scores\n',
        encoding="utf-8",
    )
    result = cli("report", "-o", str(tmp_path / "paper.html"), cwd=area)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Wrote {tmp_path / 'paper.html'}: River\\x1b]0;pwn\\x07ton ")


def test_compare_and_indicators_let_no_control_character_through(
    cli: Run, area: Path, tmp_path: Path
) -> None:
    other = Path(shutil.copytree(area, tmp_path / "eastmoor"))
    (other / "compactscore.yaml").write_text(
        'area: "East\\e[2Jmoor\\r"\ndefinition: hostile.yaml\nscores: scores\n', encoding="utf-8"
    )
    bundled = Path(__file__).parents[2] / "indicators" / "thriving_sector.yaml"
    text = bundled.read_text(encoding="utf-8").replace(
        "title: Shared vision\n", 'title: "Shared\\e]0;pwn\\a vision"\n', 1
    )
    (other / "hostile.yaml").write_text(text, encoding="utf-8")
    for args, folder in [
        (("compare", str(area), str(other)), tmp_path),
        (("indicators",), other),
        (("score",), other),
    ]:
        result = cli(*args, cwd=folder)
        assert result.exit_code == 0, result.output
        assert not OBEYED.search(result.stdout + result.stderr), args
        assert "x1b" in result.stdout, args


def test_markup_in_a_cell_cannot_become_html_or_break_a_markdown_table(
    cli: Run, area: Path, tmp_path: Path
) -> None:
    sheet = area / "scores" / "2014-15.csv"
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8"))))
    rows[1][3] = "<script>alert(1)</script> | <img src=x onerror=alert(2)>"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    sheet.write_text(out.getvalue(), encoding="utf-8", newline="")
    paper = tmp_path / "paper.html"
    assert cli("report", "-o", str(paper), cwd=area).exit_code == 0
    html = paper.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    markdown = cli("score", "-f", "markdown", cwd=area).stdout
    assert "\\<script\\>alert(1)\\</script\\> \\| \\<img src=x onerror=alert(2)\\>" in markdown


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.characters(max_codepoint=0x2100) | st.sampled_from(["\u202e", "\u2066"]))
)
def test_no_text_keeps_a_control_character_once_escaped(text: str) -> None:
    assert not OBEYED.search(escape_controls(text))
    assert not OBEYED.search(escape_controls(text, one_line=True))
    assert "\n" not in escape_controls(text, one_line=True)


def test_control_characters_in_a_cell_are_shown_not_obeyed(
    cli: Run, write: Callable[..., Path]
) -> None:
    sheet = write("2030.csv", "indicator,score,evidence\n1,2,\x1b[31mRED\x1b]0;pwned\x07 ok\n")
    for output in ("table", "markdown"):
        shown = cli("score", str(sheet), "-f", output).stdout
        assert "\x1b" not in shown and "\x07" not in shown
        # Shown escaped, readable: a backslash escape for each control character.
        # (Markdown puts its own backslash before '[' and ']'.)
        assert "x1b" in shown and "RED" in shown and "pwned" in shown and "x07 ok" in shown
    exported = json.loads(cli("score", str(sheet), "-f", "json").stdout)
    assert exported["indicators"][0]["evidence"] == "\x1b[31mRED\x1b]0;pwned\x07 ok"


# Text of every kind around controls: printable ASCII, tabs, line breaks, wide and
# combining characters, lone surrogates (from bytes that were not UTF-8), C1 and bidi.
_ANY_CHARACTER = st.one_of(
    st.sampled_from(
        "a ~\t\n\r\x00\x1b\x7f\x80\x9b\x9f\xa0é→漢\u0301\u202a\u202e\u2066\u2069\ud800"
    ),
    st.characters(),
)


@settings(max_examples=300)
@given(st.text(_ANY_CHARACTER, max_size=40), st.integers(0, 400), st.booleans())
def test_long_text_has_controls_as_the_pattern_finds_them(
    text: str, padding: int, at_end: bool
) -> None:
    from compactscore.controls import _CONTROLS, has_controls

    # Padded past the length from which only what is not printable ASCII is searched.
    padded = text + "x" * padding if at_end else "x\n" * padding + text
    assert has_controls(padded) == (_CONTROLS.search(padded) is not None)
