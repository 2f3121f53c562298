"""``compactscore compare`` through the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compactscore.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
THREE = [str(EXAMPLES / name) for name in ("riverton", "eastmoor", "kingsbridge")]


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    return CliRunner()


def test_table_of_three_areas(runner: CliRunner) -> None:
    result = runner.invoke(app, ["compare", *THREE])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("2012-13: 3 areas compared (Kingsbridge, Riverton, Eastmoor)")
    assert "Kingsbridge on version 1; Riverton" in out
    assert "│    1 │ Kingsbridge │ 32 / 51 │   62.7% │ 17 of 17 │ 30 / 48 (62.5%) │ ↑ up +3" in out
    assert (
        "│    3 │ Eastmoor    │ 26 / 51 │     51% │ 17 of 17 │ 25 / 48 (52.1%) │ ↓ down -1" in out
    )
    assert (
        "│  12 │ Compact-proofed d… │           2 │        1 │        0 │   0 │      1 │    2 │"
        in (out)
    )
    assert (
        "Not in every area's set, so left out of the ranks and the spread: 3 Compact as the "
        "measure (compact-measure, replaces ni7-compact-indicator): Riverton, Eastmoor, version 2; "
        "3 NI7 as the Compact indicator (ni7-compact-indicator): Kingsbridge, version 1."
    ) in " ".join(out.split())


def test_json_and_csv_agree(runner: CliRunner) -> None:
    data = json.loads(runner.invoke(app, ["compare", *THREE, "--format", "json"]).stdout)
    assert [(a["area"], a["rank"], a["total"]) for a in data["areas"]] == [
        ("Kingsbridge", 1, 32),
        ("Riverton", 2, 30),
        ("Eastmoor", 3, 26),
    ]
    assert data["shared"] == 16
    lines = runner.invoke(app, ["compare", *THREE, "--format", "csv"]).stdout.splitlines()
    header = lines[0].split(",")
    assert header[:4] == ["area", "rank", "period", "version"]
    assert "compact-measure" not in header
    assert len(header) == 14 + 16
    assert lines[1].split(",")[:12] == [
        "Kingsbridge", "1", "2012-13", "1", "32", "51", "62.7", "17", "30", "48", "62.5", "up",
    ]  # fmt: skip


def test_markdown(runner: CliRunner) -> None:
    out = runner.invoke(app, ["compare", *THREE, "--format", "markdown"]).stdout
    assert "| 2 | Riverton | 30 / 51 | 58.8% | 17 of 17 | 28 / 48 (58.3%) |" in out


def test_period_option(runner: CliRunner) -> None:
    result = runner.invoke(app, ["compare", *THREE[:2], "--period", "2011-12", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["period"] == "2011-12"
    # Riverton 25/51 in 2011-12, Eastmoor 27/51: both on version 2.
    assert [(a["area"], a["total"]) for a in data["areas"]] == [("Eastmoor", 27), ("Riverton", 25)]
    assert not data["mixed_versions"]


def test_period_an_area_lacks_is_a_data_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["compare", *THREE, "--period", "2013-14"])
    assert result.exit_code == 1
    assert "Kingsbridge has no sheet for 2013-14 (it has 2009-10 to 2012-13)." in result.stderr
    assert result.stdout == ""


def test_no_common_period(runner: CliRunner, tmp_path: Path) -> None:
    early = tmp_path / "early"
    shutil.copytree(EXAMPLES / "riverton", early)
    for sheet in (early / "scores").glob("201[0-9]-*.csv"):
        sheet.unlink()
    (early / "compactscore.yaml").write_text("area: Early\nscores: scores\n", encoding="utf-8")
    result = runner.invoke(app, ["compare", str(early), str(EXAMPLES / "eastmoor")])
    assert result.exit_code == 1
    assert (
        "the areas have no period in common: Early has 2008-09 to 2009-10; "
        "Eastmoor has 2010-11 to 2013-14." in " ".join(result.stderr.split())
    )


def test_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(app, ["compare", THREE[0]]).exit_code == 2
    a_file = tmp_path / "2012-13.csv"
    a_file.write_text("indicator,score\n", encoding="utf-8")
    not_folder = runner.invoke(app, ["compare", THREE[0], str(a_file)])
    assert not_folder.exit_code == 2
    assert f"{a_file} is not a folder." in not_folder.stderr
    bad = runner.invoke(app, ["compare", *THREE, "--period", "last year"])
    assert bad.exit_code == 2
    assert "'last year' is not a period." in bad.stderr


def test_a_folder_that_is_not_there_is_named_like_any_missing_file(
    runner: CliRunner, tmp_path: Path
) -> None:
    missing = runner.invoke(app, ["compare", THREE[0], str(tmp_path / "nowhere")])
    assert missing.exit_code == 1
    assert missing.stderr == (
        f"{tmp_path / 'nowhere'}: does not exist. Check the name and the folder.\n"
    )


def test_folder_without_config(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["compare", THREE[0], str(tmp_path)])
    assert result.exit_code == 1
    assert f"{tmp_path}: has no compactscore.yaml" in result.stderr


def test_same_area_twice_is_told_apart(runner: CliRunner, tmp_path: Path) -> None:
    copy = tmp_path / "riverton"
    shutil.copytree(EXAMPLES / "riverton", copy)
    result = runner.invoke(app, ["compare", THREE[0], str(copy), "-f", "json"])
    names = [a["area"] for a in json.loads(result.stdout)["areas"]]
    assert names == [f"Riverton ({THREE[0]})", f"Riverton ({copy})"]
    assert [a["rank"] for a in json.loads(result.stdout)["areas"]] == [1, 1]


def test_the_same_area_named_twice_is_refused(runner: CliRunner) -> None:
    result = runner.invoke(app, ["compare", THREE[0], f"{THREE[0]}/scores"])
    assert result.exit_code == 2
    assert "are the same area" in result.stderr
