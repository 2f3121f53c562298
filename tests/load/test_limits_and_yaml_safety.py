"""Files that could do harm are refused at once: huge files, alias bombs, object tags."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compactscore.cli import app
from compactscore.errors import DataError
from compactscore.load.definition import bundled_path, load_definition, parse_definition
from compactscore.load.sheet import load_sheet, read_sheet
from compactscore.load.text import read_text

BILLION_LAUGHS = "\n".join(
    [
        "id: lol",
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        *(
            f"{name}: &{name} [{', '.join([f'*{before}'] * 9)}]"
            for before, name in zip("abcdefgh", "bcdefghi", strict=True)
        ),
        "title: *i",
    ]
)


@pytest.fixture
def composed(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every YAML document composed into nodes: a refusal "at once" comes before any is."""
    from compactscore.load import yamlfile

    built: list[object] = []
    check_keys = yamlfile._check_keys

    def recording(node: object, shown: str) -> None:
        built.append(node)
        check_keys(node, shown)  # type: ignore[arg-type]

    monkeypatch.setattr(yamlfile, "_check_keys", recording)
    return built


def test_a_billion_laughs_definition_is_refused_at_once(composed: list[object]) -> None:
    with pytest.raises(DataError) as caught:
        parse_definition(BILLION_LAUGHS, "lol.yaml")
    assert composed == []
    assert str(caught.value) == (
        "lol.yaml:2: uses a YAML anchor or alias (& or *), which is not allowed here. "
        "Write the value out in full where it is needed."
    )


def test_a_python_tag_is_not_run() -> None:
    with pytest.raises(DataError, match=r"lol.yaml:1: uses a YAML tag"):
        parse_definition("id: !!python/object/apply:os.system ['touch pwned']\n", "lol.yaml")
    assert not Path("pwned").exists()


@pytest.mark.parametrize("name", ["2024.csv", "big.yaml"])
def test_a_50_mb_file_is_refused_without_reading_it(
    tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / name
    with path.open("wb") as stream:  # sparse: 50 MB long, nothing written
        stream.truncate(50_000_000)
    read: list[int] = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: read.append(n) or real_read(fd, n))
    with pytest.raises(DataError) as caught:
        read_text(path, name)
    assert read == []
    assert str(caught.value) == (
        f"{name}: is 50.0 MB, too large to be a scorecard file (the limit is 2 MB). "
        "Check that this is the file you meant."
    )


def test_check_refuses_a_huge_sheet_and_definition(tmp_path: Path) -> None:
    for name in ("2024.csv", "big.yaml"):
        with (tmp_path / name).open("wb") as stream:
            stream.truncate(50_000_000)
    result = CliRunner().invoke(
        app, ["check", str(tmp_path / "2024.csv"), str(tmp_path / "big.yaml")]
    )
    assert result.exit_code == 1
    assert "2024.csv: is 50.0 MB, too large" in result.stdout
    assert "big.yaml: is 50.0 MB, too large" in result.stdout


def test_a_huge_definition_given_to_score_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as stream:
        stream.truncate(50_000_000)
    with pytest.raises(DataError, match="too large to be a scorecard file"):
        load_definition(big)


def test_long_evidence_within_the_size_limit_is_read(tmp_path: Path) -> None:
    """csv refuses cells over 128 KB by default; evidence that long is still the group's."""
    evidence = "The minutes say so. " * 10_000  # 200,000 characters in one cell
    path = tmp_path / "2012-13.csv"
    path.write_text(f'indicator,score,evidence\n1,2,"{evidence}"\n', encoding="utf-8")
    sheet = load_sheet(path, load_definition())
    assert sheet.rows[0].evidence == evidence.strip()


def test_deeply_nested_yaml_is_refused_at_once_not_a_crash(composed: list[object]) -> None:
    """50,000 nested brackets exhausted the parser's stack (exit 3, after 16 s): now refused."""
    with pytest.raises(DataError) as caught:
        parse_definition("id: x\nthemes: " + "[" * 50_000 + "]" * 50_000 + "\n", "deep.yaml")
    assert composed == []
    assert str(caught.value) == (
        "deep.yaml:2: nests values more than 20 levels deep, which no scorecard file needs. "
        "Check the brackets and the indentation."
    )


def test_the_bundled_definition_is_within_the_nesting_limit() -> None:
    path = bundled_path()
    assert parse_definition(path.read_text(encoding="utf-8"), str(path)).indicators


def test_text_given_by_the_caller_is_bounded_too(tmp_path: Path) -> None:
    """A sheet read from git arrives as text, not a file: the same size limit applies."""
    text = "indicator,score\n" + "1,2\n" * 600_000
    sheet, problems = read_sheet(tmp_path / "2012.csv", load_definition(), text=text)
    assert sheet is None
    assert [str(problem) for problem in problems] == [
        f"{tmp_path / '2012.csv'}: is 2.4 MB, too large to be a scorecard file "
        "(the limit is 2 MB). Check that this is the file you meant."
    ]
