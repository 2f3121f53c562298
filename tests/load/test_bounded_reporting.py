"""Error reporting grows with the input, and every command prints at most 50 problems a file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import Result

from compactscore.errors import DataError, Problem, shown_problems
from compactscore.load.yamlfile import parse_yaml, validate
from compactscore.models import Definition

Run = Callable[..., Result]

DEFINITION = """\
id: mini
title: Mini scorecard
version: "1"
themes:
  - {id: all, title: Everything}
indicators:
  - {id: first, number: 1, title: First, statement: The first statement., theme: all}
"""


class _CountedPairs(list[Any]):
    """A mapping's pairs that count how often they are walked through."""

    walks = 0

    def __iter__(self) -> Iterator[Any]:
        type(self).walks += 1
        return super().__iter__()


def test_the_lines_of_many_unknown_keys_are_found_in_one_walk() -> None:
    """Each unknown key's line used to be found by walking every key: 40,000 keys took 48 s."""
    keys = 300
    text = DEFINITION + "".join(f"unknown_{i}: {i}\n" for i in range(keys))
    data, node = parse_yaml(text, "many.yaml")
    assert isinstance(node, yaml.MappingNode)
    node.value = _CountedPairs(node.value)
    _CountedPairs.walks = 0
    with pytest.raises(DataError) as raised:
        validate(Definition, data, node, "many.yaml", "indicator definition")
    problems = raised.value.problems
    assert len(problems) == keys
    assert (problems[0].line, problems[-1].line) == (8, 8 + keys - 1)
    assert _CountedPairs.walks == 1


def test_fifty_problems_a_file_then_a_count() -> None:
    problems = [Problem("a.csv", line, "wrong.") for line in range(1, 53)]
    problems += [Problem("b.csv", 1, "wrong.")]
    shown = shown_problems(problems)
    assert [hidden for _, hidden in shown] == [0] * 50 + [2, 0]
    assert shown[-1][0].file == "b.csv"


@pytest.mark.parametrize("command", ["score", "gaps", "trend", "agree", "check", "diff"])
def test_every_command_caps_the_problems_it_prints(
    cli: Run, write: Callable[..., Path], command: str
) -> None:
    sheet = write("2012-13.csv", "indicator,score\n" + "99,1\n" * 70)
    other = write("2011-12.csv", "indicator,score\n1,1\n")
    result = cli(command, str(other), str(sheet)) if command == "diff" else cli(command, str(sheet))
    assert result.exit_code == 1
    lines = (result.stdout + result.stderr).splitlines()
    wrong = [line for line in lines if "there is no indicator 99" in line]
    assert len(wrong) == 50
    assert f"{sheet}: 20 more problems not shown; fix the first ones and check again." in lines


def test_a_definition_with_thousands_of_problems_is_capped_for_score(
    cli: Run, write: Callable[..., Path]
) -> None:
    definition = write("many.yaml", DEFINITION + "".join(f"k{i}: {i}\n" for i in range(120)))
    sheet = write("2012-13.csv", "indicator,score\n1,1\n")
    result = cli("score", "--indicators", str(definition), str(sheet))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 51
    assert (
        lines[-1]
        == f"{definition}: 70 more problems not shown; fix the first ones and check again."
    )
