"""Definitions that change: retired, introduced and renumbered indicators, read at revisions."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Invoke = Callable[..., Result]

VERSION_1 = """
id: small
title: Small scorecard
version: "1"
versions:
  - version: "1"
    applies_from: "2020"
themes:
  - {id: all, title: All}
indicators:
  - {id: alpha, number: 1, title: Alpha, statement: Alpha is in place., theme: all}
  - {id: beta, number: 2, title: Beta, statement: Beta is in place., theme: all}
"""
VERSION_2 = """
id: small
title: Small scorecard
version: "2"
versions:
  - version: "1"
    applies_from: "2020"
  - version: "2"
    applies_from: "2022"
themes:
  - {id: all, title: All}
indicators:
  - {id: alpha, number: 1, title: Alpha, statement: Alpha is in place., theme: all,
     retired: "2"}
  - {id: beta, number: 2, title: Beta, statement: Beta is in place., theme: all,
     renumbered: {"2": 1}}
  - {id: gamma, number: 3, title: Gamma, statement: Gamma is in place., theme: all,
     introduced: "2", renumbered: {"2": 2}}
"""
CONFIG = "area: Smallville\ndefinition: small.yaml\nscores: scores\n"


def test_trend_reads_right_across_a_retirement_and_at_the_revision_before(
    tmp_path: Path,
    cli: Invoke,
    git_as: Callable[..., str],
    make_commit: Callable[..., None],
) -> None:
    git_as(tmp_path, "init", "-q")
    first = {
        "compactscore.yaml": CONFIG,
        "small.yaml": VERSION_1,
        "scores/2020.csv": "indicator,score\nalpha,0\nbeta,1\n",
        "scores/2021.csv": "indicator,score\nalpha,1\nbeta,2\n",
    }
    make_commit(tmp_path, first, "Version 1 scores", "Ann Coordinator", "2021-12-01T10:00:00Z")
    second = {"small.yaml": VERSION_2, "scores/2022.csv": "indicator,score\nbeta,3\ngamma,1\n"}
    make_commit(tmp_path, second, "Version 2: alpha retired", "Bob Chair", "2022-12-01T10:00:00Z")

    now = json.loads(cli("trend", "--format", "json", cwd=tmp_path).stdout)
    assert [(p["period"], p["total"], p["max"], p["direction"]) for p in now["periods"]] == [
        ("2020", 1, 6, None),
        ("2021", 3, 6, "up"),
        ("2022", 4, 6, "up"),
    ]
    assert [(i["number"], i["id"]) for i in now["indicators"]] == [
        (1, "beta"),
        (2, "gamma"),
        (1, "alpha"),
    ]
    assert now["indicators"][2]["states"]["2022"] == "retired"
    assert now["indicators"][1]["states"]["2020"] == "not in force"
    table = cli("trend", cwd=tmp_path).stdout
    assert "Alpha (alpha) was retired after 2021." in table
    assert "· the indicator was not yet in force in that period." in table

    before = json.loads(cli("trend", "--format", "json", "--rev", "HEAD~1", cwd=tmp_path).stdout)
    assert [i["id"] for i in before["indicators"]] == ["alpha", "beta"]
    assert [p["total"] for p in before["periods"]] == [1, 3]


def test_a_sheet_scoring_a_retired_indicator_names_the_line(tmp_path: Path, cli: Invoke) -> None:
    (tmp_path / "compactscore.yaml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "small.yaml").write_text(VERSION_2, encoding="utf-8")
    (tmp_path / "scores").mkdir()
    (tmp_path / "scores" / "2022.csv").write_text(
        "indicator,score\nalpha,1\nbeta,3\ngamma,1\n", encoding="utf-8"
    )
    result = cli("trend", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith("scores/2022.csv:2: ")
    assert result.stdout == ""


def test_mixed_calendar_and_financial_years_say_how_to_fix(tmp_path: Path, cli: Invoke) -> None:
    (tmp_path / "compactscore.yaml").write_text("scores: .\n", encoding="utf-8")
    (tmp_path / "2021.csv").write_text("indicator,score\n1,1\n", encoding="utf-8")
    (tmp_path / "2022-23.csv").write_text("indicator,score\n1,1\n", encoding="utf-8")
    result = cli("trend", cwd=tmp_path)
    assert result.exit_code == 1
    assert "2021.csv: calendar years (2024.csv) and financial years (2024-25.csv) are mixed" in (
        result.stderr
    )
    assert "rename this file, for example to 2021-22.csv." in result.stderr
