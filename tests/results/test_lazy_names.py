"""Every result model is named by compactscore.results, and only the subjects asked for load."""

from __future__ import annotations

import subprocess
import sys

import pytest

import compactscore.results as results


@pytest.mark.parametrize("name", results.__all__)
def test_every_name_is_the_object_of_its_module(name: str) -> None:
    value = getattr(results, name)

    assert value.__module__.startswith("compactscore.results.")
    assert getattr(sys.modules[value.__module__], name) is value


def test_a_name_it_does_not_have_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'Scorecards'"):
        results.Scorecards  # noqa: B018


def test_asking_for_one_subject_loads_only_that_subject() -> None:
    code = (
        "import sys\n"
        "from compactscore.results import Scorecard\n"
        "print(sorted(m for m in sys.modules if m.startswith('compactscore.results.')))\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout

    assert shown == "['compactscore.results.base', 'compactscore.results.card']\n"
