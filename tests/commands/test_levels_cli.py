"""Level descriptors: an indicator's own words for each score, wherever the scale's labels show."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import EXAMPLES
from typer.testing import Result

Run = Callable[..., Result]
KINGSBRIDGE = EXAMPLES / "kingsbridge"


def test_detail_shows_an_indicators_own_levels(cli: Run) -> None:
    result = cli("indicators", "--detail", cwd=KINGSBRIDGE)
    assert result.exit_code == 0, result.stderr
    assert "│    Scores │ 0 NI7 is not measured or not reported" in result.stdout
    assert "│           │ 3 NI7 results lead to agreed actions in the plan" in result.stdout
    # An indicator without levels keeps the scale's labels: 14 of the 17.
    assert result.stdout.count("│           │ 3 Fully in place") == 14


def test_detail_csv_gives_each_levels_meaning(cli: Run) -> None:
    result = cli("indicators", "--detail", "-f", "csv", cwd=KINGSBRIDGE)
    rows = {row[0]: row for row in csv.reader(io.StringIO(result.stdout))}
    assert rows["indicator"][-4:] == ["0 means", "1 means", "2 means", "3 means"]
    assert rows["13"][-4:] == [
        "Annual funding only, paid in arrears",
        "Some 3-year funding or payment in advance",
        "Most funding 3-year, in advance, at full cost",
        "All of it, with co-designed commissioning",
    ]
    assert rows["14"][-4:] == ["Not in place", "Early progress", "Good progress", "Fully in place"]


def test_gaps_and_score_give_the_level_as_the_label(cli: Run) -> None:
    gaps = json.loads(cli("gaps", "-f", "json", cwd=KINGSBRIDGE).stdout)
    labels = {gap["number"]: gap["label"] for gap in gaps["gaps"]}
    assert labels[11] == "Measured, but no initiatives follow"
    assert labels[13] == "Some 3-year funding or payment in advance"
    assert labels[3] == "NI7 is reported to the LSP and discussed"
    assert labels[1] == "Good progress"


def test_agree_shows_each_sides_level(cli: Run, tmp_path: Path) -> None:
    definition = (KINGSBRIDGE / "thriving_sector_v1.yaml").read_text(encoding="utf-8")
    (tmp_path / "defn.yaml").write_text(definition, encoding="utf-8")
    (tmp_path / "2012-13.csv").write_text(
        "indicator,score,sector_score,public_score\n11,,1,3\n", encoding="utf-8"
    )
    result = cli("agree", "2012-13.csv", "--indicators", "defn.yaml", "-f", "json", cwd=tmp_path)
    item = json.loads(result.stdout)["disagreements"][0]
    assert (item["sector_label"], item["public_label"]) == (
        "Measured, but no initiatives follow",
        "Measured yearly, improving, with joint initiatives",
    )
