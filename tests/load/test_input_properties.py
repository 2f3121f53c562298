"""Property tests: any bytes or YAML give a result or a clean error, and exports read back the same."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from compactscore.cli import app
from compactscore.errors import DataError, errors_in
from compactscore.load.definition import bundled_path, load_definition, parse_definition
from compactscore.load.repository import load_repository
from compactscore.load.sheet import KNOWN, SIDES, load_sheet, read_sheet
from compactscore.load.text import decode
from compactscore.schema import ALIASES, loose_name

DEFINITION = load_definition()
IN_FORCE = DEFINITION.in_force(DEFINITION.version_for(None))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Bytes that look like the start of a sheet, so that the reader gets past the header often.
sheet_like = st.lists(
    st.sampled_from(
        [
            b"indicator,score,evidence\n",
            b"indicator;score\r\n",
            b"\xef\xbb\xbf",
            b"\xff\xfe",
            b"1,2,x\n",
            b'3,"2,5",y\r',
            b"n/a",
            b'"',
            b"\x00",
            b"\xe9\x81",
            b"<<<<<<< HEAD\n",
            b"\t",
            b",,,\n",
            b"sep=;\n",
            b'sep="\n',
            # Other encodings read as Windows-1252 only as garbage: Mac Roman quotes and
            # apostrophe, GB18030, Shift-JIS and EUC-KR characters; control characters.
            b"group\xd5s \xd2fair\xd3 \xd0 ",
            "\u793e\u533a\u56e2\u4f53".encode("gb18030"),
            "\u30b3\u30df\u30e5".encode("shift_jis"),
            "\uc9c0\uc5ed".encode("euc_kr"),
            b"\x1b[2J\x1b]0;pwn\x07\r\xc2\x9b",
        ]
    )
    | st.binary(max_size=40),
    max_size=12,
).map(b"".join)


@SETTINGS
@given(data=st.binary(max_size=400) | sheet_like)
def test_any_bytes_give_a_sheet_or_problems(data: bytes) -> None:
    """Whatever a file holds, reading it as a sheet never raises: a sheet, or errors saying why."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "2012-13.csv"
        path.write_bytes(data)
        sheet, problems = read_sheet(path, DEFINITION)
    if sheet is None:
        assert errors_in(problems)
    for problem in problems:
        assert problem.message and problem.file == str(path)


@settings(max_examples=40, deadline=None)
@given(data=sheet_like)
def test_any_bytes_through_check_exit_cleanly(data: bytes) -> None:
    """The command line answers any file with exit 0 or 1 and never a traceback."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "2012-13.csv"
        path.write_bytes(data)
        result = CliRunner().invoke(app, ["check", str(path)], catch_exceptions=False)
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.output


@SETTINGS
@given(data=st.binary(max_size=200))
def test_decode_gives_text_or_a_data_error(data: bytes) -> None:
    """Decoding never fails with anything but a DataError."""
    try:
        decode(data, "x.csv")
    except DataError as error:
        assert error.problems


def _bundled_data() -> dict[str, Any]:
    loaded = yaml.safe_load(bundled_path().read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


scalars = st.none() | st.booleans() | st.integers(-5, 40) | st.text(max_size=12)
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner)
)


@st.composite
def mutated_definitions(draw: st.DrawFn) -> str:
    """The bundled definition with a few values deleted or replaced, as YAML text."""
    data = _bundled_data()
    for _ in range(draw(st.integers(1, 4))):
        target: Any = data
        path = []
        while isinstance(target, dict | list) and target and draw(st.booleans()):
            key = draw(
                st.sampled_from(sorted(target) if isinstance(target, dict) else range(len(target)))
            )
            path.append((target, key))
            target = target[key]
        if not path:
            continue
        parent, key = path[-1]
        if isinstance(parent, dict) and draw(st.booleans()):
            del parent[key]
        else:
            parent[key] = draw(values)
    return yaml.safe_dump(data, allow_unicode=True)


# Pieces of YAML that have broken parsers: anchors, tags, nesting, repeated keys, tabs.
yaml_like = st.lists(
    st.sampled_from(
        [
            "id: x\n",
            "  - ",
            "[",
            "]",
            "{",
            "}",
            "&a ",
            "*a",
            "!!python/name:os.system ",
            "a: 1\n",
            "a: 2\n",
            "\t",
            ": ",
            "- ",
            "\n  ",
            "'",
            '"',
            "#",
            "---\n",
            "...\n",
            "? ",
            "|\n",
            "2011",
        ]
    )
    | st.text(max_size=8),
    max_size=30,
).map("".join)


@SETTINGS
@given(text=st.text(max_size=300) | mutated_definitions() | yaml_like)
def test_any_yaml_gives_a_definition_or_a_data_error(text: str) -> None:
    """Any text as a definition: a Definition, or a DataError with a message per problem."""
    try:
        parse_definition(text, "def.yaml")
    except DataError as error:
        assert error.problems
        assert all(problem.message for problem in error.problems)


# Text as people write it in evidence: anything printable, accents, quotes, line breaks,
# and the characters a spreadsheet would take as the start of a formula.
cell_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff")
    | st.sampled_from(["=", "+", "-", "@", "\n", '"', "'", ",", ";", "\t"]),
    max_size=30,
)
# The user's own column names: none that the sheet or its CSV export reads as its own.
RESERVED = {"", *KNOWN, *SIDES, "id", "title", "theme", "label", "change"}
column_names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ABC", min_size=1, max_size=10).filter(
    lambda name: (
        name.strip().lower().replace(" ", "_") not in RESERVED
        # A header people write for one of ours ('Sector', 'Public view') is read as ours.
        and loose_name(name) not in ALIASES
    )
)


@st.composite
def sheets(draw: st.DrawFn) -> str:
    """A valid sheet as CSV text: every indicator, random scores, evidence and own columns."""
    extras = draw(
        st.lists(column_names, max_size=3, unique_by=lambda n: n.strip().lower().replace(" ", "_"))
    )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["indicator", "score", "evidence", "action", "owner", "target", *extras])
    for indicator in IN_FORCE:
        score = draw(st.sampled_from(["", "0", "1", "2", "3", "n/a"]))
        evidence = draw(cell_text)
        if score == "n/a" and not evidence.strip():
            evidence = "Does not apply here"
        target = draw(st.sampled_from(["", "1", "3"])) if score != "n/a" else ""
        writer.writerow(
            [
                indicator.number,
                score,
                evidence,
                draw(cell_text),
                draw(cell_text),
                target,
                *(draw(cell_text) for _ in extras),
            ]
        )
    return out.getvalue()


@settings(max_examples=60, deadline=None)
@given(text=sheets())
def test_a_csv_export_reads_back_the_same(text: str) -> None:
    """score --format csv, read back as a sheet, gives the same scores, evidence and columns."""
    with tempfile.TemporaryDirectory() as folder:
        original = Path(folder) / "2012-13.csv"
        original.write_text(text, encoding="utf-8")
        first = load_sheet(original, DEFINITION)
        result = CliRunner().invoke(app, ["score", "--format", "csv", str(original)])
        assert result.exit_code == 0, result.output
        exported = Path(folder) / "export" / "2012-13.csv"
        exported.parent.mkdir()
        exported.write_text(result.stdout, encoding="utf-8")
        again = load_sheet(exported, DEFINITION)
    assert len(again.rows) == len(first.rows) == len(IN_FORCE)
    for before in first.rows:
        after = again.row_for(before.indicator)
        assert after is not None
        assert (after.score, after.state) == (before.score, before.state)
        assert (after.evidence, after.action) == (before.evidence, before.action)
        assert (after.owner, after.target) == (before.owner, before.target)
        for name, value in before.extra.items():
            assert after.extra[name] == value


@SETTINGS
@given(text=st.text(max_size=200) | yaml_like)
def test_any_yaml_as_a_config_gives_a_repository_or_a_data_error(text: str) -> None:
    """Any compactscore.yaml: a repository, or a DataError; never another exception."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "compactscore.yaml").write_text(text, encoding="utf-8")
        try:
            load_repository(Path(folder))
        except DataError as error:
            assert error.problems


# Words carried by new: anything a spreadsheet cell can hold, formula starts, quote marks
# that neutralise them, control characters a terminal would obey, line breaks.
carried_words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufeff\x00\r")
    | st.sampled_from(["=", "+", "-", "@", "'", "\n", "\x1b", "\x07", "\x9b", "\u202e", ","]),
    max_size=25,
).filter(lambda text: text == text.strip())


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.tuples(carried_words, carried_words, carried_words), min_size=3, max_size=3)
)
def test_words_new_carries_read_back_the_same(words: list[tuple[str, str, str]]) -> None:
    """A sheet written by new, read back: evidence, action and owner each the same, marked."""
    from compactscore.models import Row
    from compactscore.render.sheetfile import carried_text, sheet_text

    carried = {
        indicator.id: Row(line=2, indicator=indicator.id, evidence=e, action=a, owner=o)
        for indicator, (e, a, o) in zip(IN_FORCE, words, strict=False)
    }
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "2014-15.csv"
        path.write_text(sheet_text(IN_FORCE, carried, "2013-14"), encoding="utf-8", newline="")
        sheet = load_sheet(path, DEFINITION)
    for indicator, (evidence, action, owner) in zip(IN_FORCE, words, strict=False):
        row = sheet.row_for(indicator.id)
        assert row is not None
        assert row.owner == carried_text(owner, "2013-14")
        assert row.evidence == carried_text(evidence, "2013-14")
        assert row.action == carried_text(action, "2013-14")
