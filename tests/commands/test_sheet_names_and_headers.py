"""Sheets as people name and head them: file names with a period in them, our columns' aliases."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Run = Callable[..., Result]

ROWS = "".join(f"{n},{2 if n <= 12 else 0},Evidence {n}.\n" for n in range(1, 18))  # 24 of 51


def test_a_sheet_named_with_its_period_inside_is_headed_by_its_name(
    cli: Run, tmp_path: Path
) -> None:
    name = "Compact scorecard 2026-27 FINAL.csv"
    (tmp_path / name).write_text("indicator,score,evidence\n" + ROWS, encoding="utf-8")
    result = cli("score", name, cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"{name}: 24 out of 51 (47.1%), 17 of 17 scored\n")
    assert "unknown" not in result.stdout
    assert " ".join(result.stderr.split()) == (
        f"{name}: warning: the file name '{name}' is not a period alone: the sheet is read as "
        "2026-27 (version 2 of the definition), but the repository's trend, gaps and report "
        "look only for files named for their period. Name it 2026-27.csv to include it in them."
    )
    assert json.loads(cli("score", name, "-f", "json", cwd=tmp_path).stdout)["period"] == name


def test_a_sheet_with_no_period_in_its_name_is_headed_by_its_name(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "our scores.csv").write_text("indicator,score,evidence\n" + ROWS, "utf-8")
    result = cli("gaps", "our scores.csv", cwd=tmp_path)
    assert result.stdout.startswith("our scores.csv: 17 indicators below the top score")


HEADED = (
    "No.,Indicator title,Agreed score,Evidence / notes,Target score,Lead Org\n"
    "1,Shared vision,2,Vision refreshed with the board.,3,CVS\n"
    '2,"Resourced, unified plan",1,Plan adopted.,,Council\n'
)


def test_aliases_are_read_as_our_columns_and_carried_by_new(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "compactscore.yaml").write_text("area: Testham\nscores: scores\n", "utf-8")
    (tmp_path / "scores").mkdir()
    (tmp_path / "scores" / "2013-14.csv").write_text(HEADED, encoding="utf-8")
    check = cli("check", cwd=tmp_path)
    # Only the missing rows: no column is dropped, none is in doubt.
    assert check.stdout.endswith("Checked 2 files: 0 errors, 1 warning.\n")
    card = json.loads(cli("score", "-f", "json", cwd=tmp_path).stdout)
    first = card["indicators"][0]
    assert (first["score"], first["evidence"], first["target"]) == (
        2,
        "Vision refreshed with the board.",
        3,
    )
    assert first["extra"] == {"Indicator title": "Shared vision", "Lead Org": "CVS"}
    assert cli("new", "2014-15", cwd=tmp_path).exit_code == 0
    text = (tmp_path / "scores" / "2014-15.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == [
        "indicator", "title", "score", "evidence", "action", "owner", "target",
        "Indicator title", "Lead Org",
    ]  # fmt: skip
    assert (rows[0]["evidence"], rows[0]["target"]) == (
        "From 2013-14: Vision refreshed with the board.",
        "3",
    )
