"""Targets: read and range-checked per indicator, shown as met or not met, used by the gaps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compactscore.analysis.gaps import gaps_of
from compactscore.analysis.score import score_sheet
from compactscore.cli import app
from compactscore.errors import DataError, Severity
from compactscore.load.definition import load_definition
from compactscore.load.sheet import load_sheet, read_sheet

HEADER = "indicator,score,evidence,target\n"


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "2013-14.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def _rows(tmp_path: Path, body: str) -> dict[int, tuple[int | None, bool | None]]:
    sheet = load_sheet(_write(tmp_path, body), load_definition())
    card = score_sheet(sheet, load_definition())
    return {i.number: (i.target, i.target_met) for i in card.indicators}


def test_valid_targets_met_and_not_met(tmp_path: Path) -> None:
    rows = _rows(tmp_path, "1,2,a,3\n2,3,b,2\n3,1,c,1\n4,0,d,0\n5,,,2\n6,1,e,\n7,+2,f, 3 \n")
    assert rows[1] == (3, False)
    assert rows[2] == (2, True)  # above the target still meets it
    assert rows[3] == (1, True)
    assert rows[4] == (0, True)
    assert rows[5] == (2, None)  # not scored yet: neither met nor missed
    assert rows[6] == (None, None)
    assert rows[7] == (3, False)  # spaces around the cell are trimmed


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("4", "target 4 is outside the scale 0 to 3. Use 0, 1, 2 or 3."),
        ("-1", "target -1 is outside the scale 0 to 3. Use 0, 1, 2 or 3."),
        ("two", "target 'two' is not a number. Write 0, 1, 2 or 3, or leave it empty."),
        ("4.00", "target 4.00 is outside the scale 0 to 3. Use 0, 1, 2 or 3."),
        (
            "2.5",
            "target '2.5' is not a whole number. Scores are whole points: 0, 1, 2 or 3; agree on one of them.",
        ),
        ("n/a", "target 'n/a' is not a number. Write 0, 1, 2 or 3, or leave it empty."),
    ],
)
def test_bad_targets_name_file_and_line(tmp_path: Path, cell: str, message: str) -> None:
    path = _write(tmp_path, f"1,2,a,3\n2,2,b,{cell}\n")
    with pytest.raises(DataError) as caught:
        load_sheet(path, load_definition())
    assert [str(problem) for problem in caught.value.problems] == [f"{path}:3: {message}"]


def test_target_on_an_na_row_is_a_warning(tmp_path: Path) -> None:
    path = _write(tmp_path, "1,n/a,No survey this year,2\n2,2,b,3\n")
    sheet, problems = read_sheet(path, load_definition())
    assert sheet is not None
    warnings = [p for p in problems if p.line == 2]
    assert [(p.severity, p.message) for p in warnings] == [
        (
            Severity.WARNING,
            "indicator 1 is n/a but has a target of 2, which is not checked.",
        )
    ]
    card = score_sheet(sheet, load_definition())
    assert (card.indicators[0].target, card.indicators[0].target_met) == (2, None)
    assert card.totals.max == 48


def test_gaps_aim_at_the_target_when_there_is_one(tmp_path: Path) -> None:
    body = "1,2,a,3\n2,1,b,2\n3,2,c,2\n4,3,d,\n5,0,e,\n6,2,f,1\n7,,,3\n8,n/a,no,3\n"
    sheet = load_sheet(_write(tmp_path, body), load_definition())
    gaps = gaps_of(score_sheet(sheet, load_definition())).gaps
    # 5: 0 of 3 (gap 3); 1: 2 of target 3; 2: 1 of target 2; 3 meets 2; 6 is above 1.
    found = [(g.number, g.score, g.aim, g.aim_is_target, g.gap) for g in gaps]
    assert found[:3] == [(5, 0, 3, False, 3), (1, 2, 3, True, 1), (2, 1, 2, True, 1)]
    numbers = [g.number for g in gaps]
    assert 3 not in numbers and 4 not in numbers and 6 not in numbers
    assert 7 not in numbers and 8 not in numbers


def test_score_shows_targets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    path = _write(tmp_path, "1,2,a,3\n2,3,b,2\n5,,,2\n")
    runner = CliRunner()
    table = runner.invoke(app, ["score", str(path)]).stdout
    assert "│ 2 Good progress  │ 3 not met │" in table
    assert "│ 3 Fully in place │ 2 met     │" in table
    data = json.loads(runner.invoke(app, ["score", str(path), "-f", "json"]).stdout)
    assert [(i["target"], i["target_met"]) for i in data["indicators"][:2]] == [
        (3, False),
        (2, True),
    ]
    bad = runner.invoke(app, ["score", str(_write(tmp_path, "1,2,a,9\n"))])
    assert bad.exit_code == 1
    assert f"{path}:2: target 9 is outside the scale 0 to 3." in bad.stderr
    assert bad.stdout == ""


def test_riverton_targets() -> None:
    riverton = Path(__file__).resolve().parents[2] / "examples" / "riverton" / "scores"
    sheet = load_sheet(riverton / "2013-14.csv", load_definition())
    card = score_sheet(sheet, load_definition())
    targets = {i.number: (i.target, i.target_met) for i in card.indicators if i.target}
    assert targets == {1: (3, False), 10: (3, False), 11: (3, False), 12: (2, None), 13: (2, None)}
