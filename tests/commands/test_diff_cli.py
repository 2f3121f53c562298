"""``compactscore diff`` between periods and between revisions of a sheet in git."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Invoke = Callable[..., Result]


def test_diff_between_periods_and_between_revisions(scored_repo: Path, cli: Invoke) -> None:
    periods = json.loads(
        cli("diff", "2011-12", "2012-13", "--format", "json", cwd=scored_repo).stdout
    )
    assert (periods["before_total"], periods["after_total"]) == (35, 33)
    assert [(c["number"], c["before"], c["after"], c["change"]) for c in periods["changes"]] == [
        (4, "3", "2", -1),
        (5, "2", "1", -1),
    ]
    revisions = cli(
        "diff", "HEAD~1", "HEAD", "scores/2011-12.csv", "--format", "json", cwd=scored_repo
    )
    data = json.loads(revisions.stdout)
    assert (data["before"], data["after"]) == (
        "HEAD~1:scores/2011-12.csv",
        "HEAD:scores/2011-12.csv",
    )
    assert [(c["number"], c["change"]) for c in data["changes"]] == [(4, 1)]
    across = json.loads(
        cli("diff", "2010-11", "2011-12", "--format", "json", cwd=scored_repo).stdout
    )
    third = next(c for c in across["changes"] if c["number"] == 3)
    assert (third["id"], third["before"], third["after"]) == ("compact-measure", "n/a", "2")


def test_diff_wrong_usage(scored_repo: Path, cli: Invoke) -> None:
    result = cli("diff", "2011-12", "2019-20", cwd=scored_repo)
    assert result.exit_code == 2
    assert "the repository has no sheet for 2019-20." in result.stderr
    result = cli("diff", "HEAD~1", "HEAD", cwd=scored_repo)
    assert result.exit_code == 2
    assert "'HEAD~1' is neither a score file nor a period." in result.stderr
