"""score shows the change from the previous period: from the repository, or a plain folder."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Invoke = Callable[..., Result]
Sheet = Callable[[dict[int, str], str], str]


def test_score_in_a_repository_compares_with_the_period_before(
    scored_repo: Path, cli: Invoke
) -> None:
    result = cli("score", "--format", "json", cwd=scored_repo / "scores")
    data = json.loads(result.stdout)
    assert (data["period"], data["total"]) == ("2012-13", 33)
    assert data["previous"]["period"] == "2011-12"
    assert (data["previous"]["total"], data["previous"]["direction"]) == (35, "down")
    changes = {i["number"]: i["change"] for i in data["indicators"] if i["change"]}
    assert changes == {4: -1, 5: -1}


def test_score_in_a_plain_folder_uses_the_earlier_file_of_the_same_kind(
    tmp_path: Path, cli: Invoke, make_sheet: Sheet
) -> None:
    (tmp_path / "2011.csv").write_text(make_sheet({}, "1"), encoding="utf-8")
    (tmp_path / "2010-11.csv").write_text(make_sheet({}, "3"), encoding="utf-8")
    (tmp_path / "2012.csv").write_text(make_sheet({1: "3"}, "1"), encoding="utf-8")
    data = json.loads(cli("score", "2012.csv", "--format", "json", cwd=tmp_path).stdout)
    assert data["previous"]["period"] == "2011"
    assert (data["total"], data["previous"]["total"], data["previous"]["change"]) == (19, 17, 2)
    first = data["indicators"][0]
    assert (first["previous_score"], first["change"]) == (1, 2)


def test_score_warns_when_the_previous_sheet_is_broken(
    tmp_path: Path, cli: Invoke, make_sheet: Sheet
) -> None:
    (tmp_path / "2011.csv").write_text("indicator,score\n1,9\n", encoding="utf-8")
    (tmp_path / "2012.csv").write_text(make_sheet({}, "1"), encoding="utf-8")
    result = cli("score", "2012.csv", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["previous"] is None
    assert "2011.csv: warning: has problems, so no change from it is shown." in result.stderr
