"""trend and gaps through the command line: repositories, subfolders, formats, golden tables."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Invoke = Callable[..., Result]

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "riverton"
GOLDEN = Path(__file__).parent / "golden"


def golden(name: str) -> str:
    """The stored table: tests/render/regenerate_golden.py writes it, a person reviews it."""
    return (GOLDEN / name).read_text(encoding="utf-8")


def test_trend_table_of_the_example_is_the_golden_one(cli: Invoke) -> None:
    result = cli("trend", cwd=EXAMPLE)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == golden("trend_riverton.txt")


def test_gaps_table_of_the_example_is_the_golden_one(cli: Invoke) -> None:
    result = cli("gaps", cwd=EXAMPLE)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == golden("gaps_riverton.txt")


def test_trend_from_a_folder_below_the_config(cli: Invoke) -> None:
    below = cli("trend", "--format", "json", cwd=EXAMPLE / "scores")
    at_top = cli("trend", "--format", "json", cwd=EXAMPLE)
    assert below.exit_code == 0, below.stderr
    periods = json.loads(below.stdout)["periods"]
    assert [(p["period"], p["total"]) for p in periods] == [
        (p["period"], p["total"]) for p in json.loads(at_top.stdout)["periods"]
    ]
    assert periods[0]["file"] == "2008-09.csv"  # named from where the command ran


def test_trend_json_of_the_example(cli: Invoke) -> None:
    result = cli("trend", "--format", "json", cwd=EXAMPLE)
    data = json.loads(result.stdout)
    periods = [
        (p["period"], p["total"], p["max"], p["percent"], p["direction"]) for p in data["periods"]
    ]
    assert periods == [
        ("2008-09", 20, 51, 39.2, None),
        ("2009-10", 27, 51, 52.9, "up"),
        ("2010-11", 31, 48, 64.6, "up"),
        ("2011-12", 25, 51, 49.0, "down"),
        ("2012-13", 30, 51, 58.8, "up"),
        ("2013-14", 23, 51, 45.1, "up"),
    ]
    # 2013-14 has 11 scored: on those 11, 23 points against 21 in 2012-13 (hand-added:
    # 2,2,2,2,1,3,2,1,2,2,2), up by 2, though its total is 7 lower (30 to 23).
    assert data["periods"][-1]["scored_percent"] == 69.7
    assert data["periods"][-1]["compared_on"] == "scored in both"
    travel = data["periods"][-1]["travel"]
    figures = ("shared", "shared_before", "shared_after", "change", "total_change", "only_before")
    assert [travel[key] for key in figures] == [11, 21, 23, 2, -7, 6]
    third = data["indicators"][2]
    assert (third["number"], third["id"]) == (3, "compact-measure")
    assert third["scores"] == {
        "2008-09": 1,
        "2009-10": 2,
        "2010-11": None,
        "2011-12": 1,
        "2012-13": 2,
        "2013-14": 2,
    }
    assert [line["number"] for line in data["indicators"]] == list(range(1, 18))


def test_trend_csv_and_markdown_agree_with_json(cli: Invoke) -> None:
    rows = list(csv.reader(io.StringIO(cli("trend", "--format", "csv", cwd=EXAMPLE).stdout)))
    assert rows[0] == [
        "indicator",
        "id",
        "title",
        "2008-09",
        "2009-10",
        "2010-11",
        "2011-12",
        "2012-13",
        "2013-14",
        "direction",
    ]
    third = ["3", "compact-measure", "Compact as the measure", "1", "2", "n/a", "1", "2", "2"]
    assert rows[3][:9] == third
    totals = next(row for row in rows if row[2] == "total")
    assert totals[3:9] == ["20", "27", "31", "25", "30", "23"]
    markdown = cli("trend", "--format", "markdown", cwd=EXAMPLE).stdout
    assert "| 3 | Compact as the measure | 1 | 2 | n/a | 1 | 2 | 2 | → level |" in markdown
    assert "| 2010-11 | 31 | 48 | 64.6% |" in markdown


def test_gaps_json_and_csv_of_a_named_sheet(cli: Invoke) -> None:
    data = json.loads(cli("gaps", "scores/2011-12.csv", "--format", "json", cwd=EXAMPLE).stdout)
    assert data["period"] == "2011-12" and data["previous_period"] == "2010-11"
    first = data["gaps"][0]
    assert (first["number"], first["score"], first["aim"], first["gap"], first["fell"]) == (
        5,
        1,
        3,
        2,
        True,
    )
    fell = sorted(gap["number"] for gap in data["gaps"] if gap["fell"])
    assert fell == [1, 5, 6, 10, 11, 13, 16]
    rows = list(csv.reader(io.StringIO(cli("gaps", "--format", "csv", cwd=EXAMPLE).stdout)))
    not_scored = [row[0] for row in rows[1:] if row[3] == "not scored"]
    assert not_scored == ["4", "8", "12", "13", "15", "17"]


def test_trend_of_files_named_without_a_repository(tmp_path: Path, cli: Invoke) -> None:
    for name in ("2012.csv", "2013.csv"):
        source = EXAMPLE / "scores" / "2012-13.csv"
        (tmp_path / name).write_bytes(source.read_bytes())
    result = cli("trend", "2013.csv", "2012.csv", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(p["period"], p["total"], p["direction"]) for p in data["periods"]] == [
        ("2012", 30, None),
        ("2013", 30, "level"),
    ]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["trend"], 2, "compactscore: no score file named, and no compactscore.yaml"),
        (["trend", "notes.csv"], 1, "notes.csv: has no period in its name"),
        (["gaps"], 2, "compactscore: no score file named, and no compactscore.yaml"),
    ],
)
def test_trend_and_gaps_outside_a_repository(
    tmp_path: Path, cli: Invoke, args: list[str], code: int, message: str
) -> None:
    (tmp_path / "notes.csv").write_text("indicator,score\n1,2\n", encoding="utf-8")
    result = cli(*args, cwd=tmp_path)
    assert result.exit_code == code
    assert result.stderr.startswith(message)
    assert result.stdout == ""


def test_trend_refuses_two_files_for_one_period(tmp_path: Path, cli: Invoke) -> None:
    text = "indicator,score\n" + "".join(f"{n},1\n" for n in range(1, 18))
    (tmp_path / "2012.csv").write_text(text, encoding="utf-8")
    (tmp_path / "2012_v2.csv").write_text(text, encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "2012.csv").write_text(text, encoding="utf-8")
    result = cli("trend", "2012.csv", "a/2012.csv", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith("a/2012.csv: is a second sheet for 2012, beside 2012.csv,")


def test_trend_headline_of_a_latest_period_with_nothing_scored(tmp_path: Path, cli: Invoke) -> None:
    folder = tmp_path / "riverton"
    shutil.copytree(EXAMPLE, folder)
    (folder / "scores" / "2014-15.csv").write_text(
        "indicator,score\n" + "".join(f"{n},\n" for n in range(1, 18)), encoding="utf-8"
    )
    result = cli("trend", cwd=folder)
    assert result.exit_code == 0, result.stderr
    headline = result.stdout.splitlines()[1]
    assert headline == ("Latest, 2014-15: nothing scored yet, 0 of 17 scored (out of 51).")
    assert "0 out of 51" not in result.stdout
    # The total row of the indicators (the compact style, borderless, fits 100 columns).
    assert (
        "     Total                       20/51    27/51    31/48    25/51    30/51    23/51     -/51"
        in result.stdout
    )


def test_trend_csv_leaves_the_total_of_a_period_with_nothing_scored_empty(
    tmp_path: Path, cli: Invoke
) -> None:
    folder = tmp_path / "riverton"
    shutil.copytree(EXAMPLE, folder)
    (folder / "scores" / "2014-15.csv").write_text(
        "indicator,score\n" + "".join(f"{n},\n" for n in range(1, 18)), encoding="utf-8"
    )
    lines = cli("trend", "--format", "csv", cwd=folder).stdout.splitlines()
    assert lines[-4:-1] == [
        ",,total,20,27,31,25,30,23,,",
        ",,max,51,51,48,51,51,51,51,",
        ",,percent,39.2,52.9,64.6,49.0,58.8,45.1,,",
    ]
