"""``compactscore compare`` through the command line."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Run = Callable[..., Result]

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
THREE = [str(EXAMPLES / name) for name in ("riverton", "eastmoor", "kingsbridge")]


def test_table_of_three_areas(cli: Run) -> None:
    result = cli("compare", *THREE)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("2012-13: 3 areas compared (Kingsbridge, Riverton, Eastmoor)")
    assert "Kingsbridge on version 1; Riverton" in out
    assert "│    1 │ Kingsbridge │ 32 / 51 │   62.7% │ 17 of 17 │ 30 / 48 (62.5%) │ ↑ up +3" in out
    assert (
        "│    3 │ Eastmoor    │ 26 / 51 │   51.0% │ 17 of 17 │ 25 / 48 (52.1%) │ ↓ down -1" in out
    )
    assert (
        "│  12 │ Compact-proofed    │           2 │        1 │        0 │   0 │      1 │    2 │"
        " Kingsbridge │\n"
        "│     │ decisions          │             │          │          │     │        │      │"
        "             │\n" in out
    )
    assert (
        "Not in every area's set, so left out of the ranks and the spread: 3 Compact as the "
        "measure (compact-measure, replaces ni7-compact-indicator): Riverton, Eastmoor, version 2; "
        "3 NI7 as the Compact indicator (ni7-compact-indicator): Kingsbridge, version 1."
    ) in " ".join(out.split())


def test_json_and_csv_agree(cli: Run) -> None:
    data = json.loads(cli("compare", *THREE, "--format", "json").stdout)
    assert [(a["area"], a["rank"], a["total"]) for a in data["areas"]] == [
        ("Kingsbridge", 1, 32),
        ("Riverton", 2, 30),
        ("Eastmoor", 3, 26),
    ]
    assert data["shared"] == 16
    lines = cli("compare", *THREE, "--format", "csv").stdout.splitlines()
    header = lines[0].split(",")
    assert header[:4] == ["area", "rank", "period", "version"]
    assert "compact-measure" not in header
    assert len(header) == 18 + 16
    assert lines[1].split(",")[:12] == [
        "Kingsbridge", "1", "2012-13", "1", "32", "51", "62.7", "17", "30", "48", "62.5", "up",
    ]  # fmt: skip


def test_markdown(cli: Run) -> None:
    out = cli("compare", *THREE, "--format", "markdown").stdout
    assert "| 2 | Riverton | 30 / 51 | 58.8% | 17 of 17 | 28 / 48 (58.3%) |" in out


def test_period_option(cli: Run) -> None:
    result = cli("compare", *THREE[:2], "--period", "2011-12", "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["period"] == "2011-12"
    # Riverton 25/51 in 2011-12, Eastmoor 27/51: both on version 2.
    assert [(a["area"], a["total"]) for a in data["areas"]] == [("Eastmoor", 27), ("Riverton", 25)]
    assert not data["mixed_versions"]


def test_period_an_area_lacks_is_a_data_error(cli: Run) -> None:
    result = cli("compare", *THREE, "--period", "2013-14")
    assert result.exit_code == 1
    assert "Kingsbridge has no sheet for 2013-14 (it has 2009-10 to 2012-13)." in result.stderr
    assert result.stdout == ""


def test_no_common_period(cli: Run, tmp_path: Path) -> None:
    early = tmp_path / "early"
    shutil.copytree(EXAMPLES / "riverton", early)
    for sheet in (early / "scores").glob("201[0-9]-*.csv"):
        sheet.unlink()
    (early / "compactscore.yaml").write_text("area: Early\nscores: scores\n", encoding="utf-8")
    result = cli("compare", str(early), str(EXAMPLES / "eastmoor"))
    assert result.exit_code == 1
    assert (
        "the areas have no period in common: Early has 2008-09 to 2009-10; "
        "Eastmoor has 2010-11 to 2013-14." in " ".join(result.stderr.split())
    )


def test_usage_errors(cli: Run, tmp_path: Path) -> None:
    assert cli("compare", THREE[0]).exit_code == 2
    a_file = tmp_path / "2012-13.csv"
    a_file.write_text("indicator,score\n", encoding="utf-8")
    not_folder = cli("compare", THREE[0], str(a_file))
    assert not_folder.exit_code == 2
    assert f"{a_file} is not a folder." in not_folder.stderr
    bad = cli("compare", *THREE, "--period", "last year")
    assert bad.exit_code == 2
    assert "'last year' is not a period." in bad.stderr


def test_a_folder_that_is_not_there_is_named_like_any_missing_file(
    cli: Run, tmp_path: Path
) -> None:
    missing = cli("compare", THREE[0], str(tmp_path / "nowhere"))
    assert missing.exit_code == 1
    assert missing.stderr == (
        f"{tmp_path / 'nowhere'}: does not exist. Check the name and the folder.\n"
    )


def test_folder_without_config(cli: Run, tmp_path: Path) -> None:
    result = cli("compare", THREE[0], str(tmp_path))
    assert result.exit_code == 1
    assert f"{tmp_path}: has no compactscore.yaml" in result.stderr


def test_same_area_twice_is_told_apart(cli: Run, tmp_path: Path) -> None:
    copy = tmp_path / "riverton"
    shutil.copytree(EXAMPLES / "riverton", copy)
    result = cli("compare", THREE[0], str(copy), "-f", "json")
    names = [a["area"] for a in json.loads(result.stdout)["areas"]]
    assert names == [f"Riverton ({THREE[0]})", f"Riverton ({copy})"]
    assert [a["rank"] for a in json.loads(result.stdout)["areas"]] == [1, 1]


def test_the_same_area_named_twice_is_refused(cli: Run) -> None:
    result = cli("compare", THREE[0], f"{THREE[0]}/scores")
    assert result.exit_code == 2
    assert "are the same area" in result.stderr


def _make_area(tmp_path: Path, name: str, scores: list[str]) -> str:
    """A small area repository: config and a 2012-13 sheet with these scores, 1 to 17."""
    root = tmp_path / name.lower()
    (root / "scores").mkdir(parents=True)
    (root / "compactscore.yaml").write_text(
        f"area: {name}\ndefinition: thriving-sector\nscores: scores\n", encoding="utf-8"
    )
    rows = "".join(
        f"{n},{s},{'does not apply here' if s == 'n/a' else ''}\n"
        for n, s in enumerate(scores, start=1)
    )
    (root / "scores" / "2012-13.csv").write_text("indicator,score,evidence\n" + rows, "utf-8")
    return str(root)


def _headline(out: str) -> str:
    """The headline after its first line (the areas compared), wrapped lines joined."""
    return " ".join(out.split("\n\n")[0].split("\n", 1)[1].split())


FULL = ["1"] * 17  # 17/51 = 33.3%
PART = ["3"] * 3 + [""] * 14  # 9 of the 9 points scored = 100%; 9/51 = 17.6%


def test_a_partly_scored_area_is_ranked_on_what_it_scored(cli: Run, tmp_path: Path) -> None:
    full, part = _make_area(tmp_path, "Full", FULL), _make_area(tmp_path, "Part", PART)
    result = cli("compare", full, part)
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert (
        "2012-13: 2 areas compared (Part, Full) "
        "Some areas have not scored all 17 indicators the areas share, so each area is ranked like "
        "with like on the percent of the points of those it has scored. "
        "Part (3 of 17 scored) has not scored them all, so its rank rests on fewer scores. Areas "
    ) in out
    assert "Same percent" not in out
    assert "│ 1 │ Part │ 9 / 51 │ 17.6% │ 3 of 17 │ 9 / 9 (100.0%) │" in out
    assert "│ 2 │ Full │ 17 / 51 │ 33.3% │ 17 of 17 │ 17 / 51 (33.3%) │" in out
    assert (
        "Of scored: the total of the indicators every area has, out of the points of those "
        "the area has scored."
    ) in out


def test_several_partly_scored_areas_are_named_with_their_n_a(cli: Run, tmp_path: Path) -> None:
    # Mixed: six 2s, one n/a, ten empty: 12 of 18 = 66.7%.
    mixed = _make_area(tmp_path, "Mixed", ["2"] * 6 + ["n/a"] + [""] * 10)
    folders = [_make_area(tmp_path, "Full", FULL), _make_area(tmp_path, "Part", PART), mixed]
    result = cli("compare", *folders)
    assert result.exit_code == 0, result.stderr
    assert _headline(result.stdout) == (
        "Some areas have not scored all 17 indicators the areas share, so each area is ranked like "
        "with like on the percent of the points of those it has scored. "
        "Part (3 of 17 scored) and Mixed (6 of 16 scored, 1 n/a) have not scored them all, so "
        "their ranks rest on fewer scores."
    )


def test_json_of_a_partly_scored_comparison(cli: Run, tmp_path: Path) -> None:
    full, part = _make_area(tmp_path, "Full", FULL), _make_area(tmp_path, "Part", PART)
    data = json.loads(cli("compare", full, part, "-f", "json").stdout)
    assert data["ranked_by"] == "percent of scored"
    assert data["ranked_on"].startswith("Some areas have not scored all 17 indicators")
    assert list(data) == [
        "period", "ranked_on", "ranked_by", "shared", "mixed_versions", "areas", "indicators",
        "unshared",
    ]  # fmt: skip
    kept = [
        "area", "file", "period", "definition", "version", "total", "max", "percent", "scored",
        "count", "shared_total", "shared_max", "shared_percent", "rank", "direction",
        "previous_period", "change", "compared_on",
    ]  # fmt: skip
    added = ["shared_scored", "shared_not_applicable", "shared_scored_max", "shared_scored_percent"]
    # The direction of travel's figures (like for like) and the count of n/a, added since.
    assert sorted(data["areas"][0]) == sorted([*kept, *added, "not_applicable", "travel"])
    rows = [[a[key] for key in ("area", "rank", "shared_percent", *added)] for a in data["areas"]]
    assert rows == [
        ["Part", 1, 17.6, 3, 0, 9, 100.0],
        ["Full", 2, 33.3, 17, 0, 51, 33.3],
    ]


def test_csv_of_a_partly_scored_comparison(cli: Run, tmp_path: Path) -> None:
    full, part = _make_area(tmp_path, "Full", FULL), _make_area(tmp_path, "Part", PART)
    lines = cli("compare", full, part, "-f", "csv").stdout.splitlines()
    assert lines[0].split(",")[:18] == [
        "area", "rank", "period", "version", "total", "max", "percent", "scored",
        "shared_total", "shared_max", "shared_percent", "direction", "change", "previous_period",
        "shared_scored", "shared_not_applicable", "shared_scored_max", "shared_scored_percent",
    ]  # fmt: skip
    assert lines[1].split(",")[:18] == [
        "Part", "1", "2012-13", "2", "9", "51", "17.6", "3", "9", "51", "17.6", "", "", "",
        "3", "0", "9", "100.0",
    ]  # fmt: skip


def test_markdown_says_the_same(cli: Run, tmp_path: Path) -> None:
    full, part = _make_area(tmp_path, "Full", FULL), _make_area(tmp_path, "Part", PART)
    out = cli("compare", full, part, "-f", "markdown").stdout
    assert (
        "Part (3 of 17 scored) has not scored them all, so its rank rests on fewer scores." in out
    )
    assert "| 1 | Part | 9 / 51 | 17.6% | 3 of 17 | 9 / 9 (100.0%) |" in out


def test_an_area_with_nothing_scored_is_not_ranked(cli: Run, tmp_path: Path) -> None:
    empty = _make_area(tmp_path, "Empty", [""] * 17)
    full = _make_area(tmp_path, "Full", FULL)
    result = cli("compare", empty, full)
    assert result.exit_code == 0, result.stderr
    assert _headline(result.stdout) == (
        "Ranked on the percent of the maximum of the 17 indicators every area has. "
        "Empty has scored none of the 17, so it is not ranked."
    )
    out = " ".join(result.stdout.split())
    assert "│ 1 │ Full │ 17 / 51 │ 33.3% │ 17 of 17 │" in out
    assert "│ not ranked │ Empty │ not scored │ - │ 0 of 17 │" in out
    data = json.loads(cli("compare", empty, full, "-f", "json").stdout)
    assert [(a["area"], a["rank"], a["shared_scored_percent"]) for a in data["areas"]] == [
        ("Full", 1, 33.3),
        ("Empty", None, None),
    ]
    assert data["ranked_by"] == "percent of maximum"


def test_no_area_scored_anything(cli: Run, tmp_path: Path) -> None:
    folders = [_make_area(tmp_path, name, [""] * 17) for name in ("Empty", "Blank")]
    result = cli("compare", *folders)
    assert result.exit_code == 0, result.stderr
    assert _headline(result.stdout) == (
        "Not ranked: no area has scored any of the 17 indicators every area has."
    )
    assert "│ not ranked │ Empty │" in " ".join(result.stdout.split())


def test_the_tie_note_comes_only_with_a_tie(cli: Run, tmp_path: Path) -> None:
    # A and B both 34/51; C 17/51; D 51/51: ranks 1 D, 2 A, 2 B, 4 C.
    a, b = _make_area(tmp_path, "A", ["2"] * 17), _make_area(tmp_path, "B", ["2"] * 17)
    c, d = _make_area(tmp_path, "C", FULL), _make_area(tmp_path, "D", ["3"] * 17)
    tied = cli("compare", a, b, c, d)
    assert _headline(tied.stdout) == (
        "Ranked on the percent of the maximum of the 17 indicators every area has. "
        "Same percent, same rank: A and B share rank 2 (the next is ranked 4)."
    )
    untied = cli("compare", a, c, d)
    assert _headline(untied.stdout) == (
        "Ranked on the percent of the maximum of the 17 indicators every area has."
    )
    assert "share" not in untied.stdout
    # Two ties, the last with no one after it.
    e = _make_area(tmp_path, "E", FULL)
    two = cli("compare", a, b, c, e)
    assert _headline(two.stdout).endswith(
        "has. Same percent, same rank: A and B share rank 1 (the next is ranked 3); C and E share "
        "rank 3."
    )


def test_areas_with_no_indicator_in_common_are_not_ranked(cli: Run, tmp_path: Path) -> None:
    # Another scorecard of the same shape whose indicator ids all differ from the bundled set.
    bundled = (EXAMPLES.parent / "indicators" / "thriving_sector.yaml").read_text("utf-8")
    head, body = bundled.split("\nindicators:\n", 1)
    body = body.replace("  - id: ", "  - id: x-").replace("replaces: ", "replaces: x-")
    other = Path(_make_area(tmp_path, "Other", FULL))
    (other / "card.yaml").write_text(head + "\nindicators:\n" + body, encoding="utf-8")
    (other / "compactscore.yaml").write_text(
        "area: Other\ndefinition: card.yaml\nscores: scores\n", encoding="utf-8"
    )
    result = cli("compare", _make_area(tmp_path, "Full", FULL), str(other))
    assert result.exit_code == 0, result.stderr
    assert _headline(result.stdout).endswith("Not ranked: the areas have no indicator in common.")
    data = json.loads(cli("compare", str(tmp_path / "full"), str(other), "-f", "json").stdout)
    assert (data["ranked_by"], data["shared"]) == ("nothing shared", 0)
    assert [a["rank"] for a in data["areas"]] == [None, None]


def _blanked(tmp_path: Path, area: str, period: str) -> list[str]:
    """The three examples copied, with every score of one area's sheet for period emptied."""
    folders = []
    for name in ("riverton", "eastmoor", "kingsbridge"):
        shutil.copytree(EXAMPLES / name, tmp_path / name)
        folders.append(str(tmp_path / name))
    sheet = tmp_path / area / "scores" / f"{period}.csv"
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8"))))
    at = rows[0].index("score")
    for row in rows[1:]:
        row[at] = ""
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    sheet.write_text(text.getvalue(), encoding="utf-8")
    return folders


def test_an_area_with_nothing_scored_shows_no_total_of_0(cli: Run, tmp_path: Path) -> None:
    folders = _blanked(tmp_path, "eastmoor", "2012-13")
    result = cli("compare", *folders)
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert (
        "│    not │ Eastmoor    │ not scored │       - │  0 of 17 │               - │ nothing scored in"
        "     │\n│ ranked │             │            │         │          │                 │ 2012-13"
    ) in result.stdout
    assert "│ 0 / 51" not in out and "no readable sheet" not in out
    markdown = cli("compare", *folders, "-f", "markdown").stdout
    assert (
        "| not ranked | Eastmoor | not scored | - | 0 of 17 | - | nothing scored in 2012-13 |"
    ) in markdown
    lines = cli("compare", *folders, "-f", "csv").stdout.splitlines()
    assert lines[3].split(",")[:18] == [
        "Eastmoor", "", "2012-13", "2", "", "51", "", "0", "", "48", "", "", "", "2011-12",
        "0", "0", "0", "",
    ]  # fmt: skip
    data = json.loads(cli("compare", *folders, "-f", "json").stdout)
    eastmoor = data["areas"][2]
    assert (eastmoor["total"], eastmoor["percent"], eastmoor["shared_percent"]) == (0, 0.0, 0.0)


def test_a_sheet_before_with_nothing_scored_is_named_not_called_unreadable(
    cli: Run, tmp_path: Path
) -> None:
    folders = _blanked(tmp_path, "eastmoor", "2011-12")
    result = cli("compare", *folders)
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert (
        "│ 3 │ Eastmoor │ 26 / 51 │ 51.0% │ 17 of 17 │ 25 / 48 (52.1%) │ nothing scored in" in out
    )
    markdown = cli("compare", *folders, "-f", "markdown").stdout
    assert (
        "| 3 | Eastmoor | 26 / 51 | 51.0% | 17 of 17 | 25 / 48 (52.1%) | nothing scored in 2011-12 |"
        in markdown
    )
    assert "no readable sheet" not in out


def test_compare_names_the_area_with_no_sheets(cli: Run, tmp_path: Path, riverton: Path) -> None:
    empty = tmp_path / "nowhere"
    (empty / "scores").mkdir(parents=True)
    (empty / "compactscore.yaml").write_text("area: Nowhere\nscores: scores\n", encoding="utf-8")
    result = cli("compare", str(riverton), "nowhere", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith("nowhere/scores: holds no score files named for a period")
