"""YAML read by libyaml gives the same data, lines and messages as the Python reader."""

from __future__ import annotations

import pytest

from compactscore.errors import DataError
from compactscore.load import yamlfile
from compactscore.load.definition import bundled_path
from compactscore.load.yamlfile import line_of, parse_yaml


def _without_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlfile, "_FAST_LOADER", None)


def test_the_bundled_definition_reads_the_same_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    text = bundled_path().read_text(encoding="utf-8")
    fast, fast_node = parse_yaml(text, "d.yaml")
    _without_libyaml(monkeypatch)
    slow, slow_node = parse_yaml(text, "d.yaml")
    assert fast == slow
    for loc in [("indicators", 2, "statement"), ("versions", 1, "applies_from"), ("scale",)]:
        assert line_of(fast_node, loc) == line_of(slow_node, loc)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "id: x\ntitle: &a T\nother: *a\n",
            "d.yaml:2: uses a YAML anchor or alias (& or *), which is not allowed here. "
            "Write the value out in full where it is needed.",
        ),
        (
            "id: x\n  title: bad\n",
            "d.yaml:2: is not valid YAML: mapping values are not allowed here. Check the "
            "indentation and that each 'key: value' is on its own line.",
        ),
    ],
)
def test_problems_are_worded_as_the_python_reader_words_them(text: str, message: str) -> None:
    with pytest.raises(DataError) as caught:
        parse_yaml(text, "d.yaml")
    assert [str(problem) for problem in caught.value.problems] == [message]


def test_ampersands_and_stars_inside_text_are_only_text() -> None:
    data, _ = parse_yaml("title: 'Compact & partners * stars'\n", "d.yaml")
    assert data == {"title": "Compact & partners * stars"}
