"""The benchmark's synthetic repositories are real scorecards that every command accepts."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from compactscore.cli import app

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


generate = _module("generate")


def test_generate_writes_areas_by_years_with_a_config_each(tmp_path: Path) -> None:
    folders = generate.generate(tmp_path, areas=3, years=4)
    assert [folder.name for folder in folders] == ["area-0001", "area-0002", "area-0003"]
    for folder in folders:
        assert (folder / "compactscore.yaml").read_text(encoding="utf-8").startswith("area: Area ")
        names = sorted(path.name for path in (folder / "scores").glob("*.csv"))
        assert names == ["2008-09.csv", "2009-10.csv", "2010-11.csv", "2011-12.csv"]


def test_generated_sheets_have_every_indicator_and_realistic_evidence(tmp_path: Path) -> None:
    (folder,) = generate.generate(tmp_path, areas=1, years=1)
    lines = (folder / "scores" / "2008-09.csv").read_text(encoding="utf-8").splitlines()
    assert (
        lines[0] == "indicator,title,score,evidence,action,owner,target,sector_score,public_score"
    )
    assert len(lines) == 1 + 17
    assert all(len(line) > 150 for line in lines[1:])


def test_the_same_seed_gives_the_same_files(tmp_path: Path) -> None:
    generate.generate(tmp_path / "a", areas=1, years=2)
    generate.generate(tmp_path / "b", areas=1, years=2)
    for name in ("2008-09.csv", "2009-10.csv"):
        first = (tmp_path / "a" / "area-0001" / "scores" / name).read_bytes()
        assert first == (tmp_path / "b" / "area-0001" / "scores" / name).read_bytes()


def test_check_accepts_a_generated_collection(tmp_path: Path) -> None:
    generate.generate(tmp_path, areas=2, years=3)
    result = CliRunner().invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "Checked 6 files: 0 errors, 0 warnings." in result.stdout


def test_the_national_trend_driver_holds_every_area(tmp_path: Path) -> None:
    generate.generate(tmp_path, areas=2, years=3)
    kept = _module("national_trend").national_trends(tmp_path)
    assert [count for count, _ in kept] == [3, 3]
    assert [trend.area for _, trend in kept] == ["Area 1", "Area 2"]
    assert [period.period for period in kept[0][1].periods] == ["2008-09", "2009-10", "2010-11"]


def test_the_history_repository_changes_one_row_of_one_sheet_in_each_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = generate.generate_history(tmp_path / "area", commits=6)
    assert sheet == tmp_path / "area" / "scores" / "2024-25.csv"
    log = subprocess.run(
        ["git", "log", "--format=%s", "--numstat", "--", "scores/2024-25.csv"],
        cwd=tmp_path / "area",
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # Newest first: five corrections of one line each, then the sheet's 18 lines added.
    counts = [line.split("\t")[:2] for line in log.splitlines() if "\t" in line]
    assert counts == [["1", "1"]] * 5 + [["18", "0"]]
    monkeypatch.chdir(tmp_path / "area")
    result = CliRunner().invoke(app, ["history", "--format", "json", "scores/2024-25.csv"])
    assert result.exit_code == 0, result.stdout + result.stderr
    data = json.loads(result.stdout)
    assert data["commits"] == 6
    # The first commit sets all 17 scores; each later one moves one score a point.
    scores = [e for e in data["entries"] if e["column"] == "score"]
    moved = [e for e in scores if not e["message"].startswith("Correction 1:")]
    assert len(moved) == 5
    assert all(abs(e["change"]) == 1 for e in moved if e["change"] is not None)
