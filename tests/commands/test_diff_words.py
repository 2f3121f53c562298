"""diff shows the words of the record too: evidence, action, owner, target, due and status."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Run = Callable[..., Result]

HEADER = "indicator,score,evidence,action,owner,target,due,status\n"
BEFORE = HEADER + (
    "1,2,Vision agreed in May,Take it to the police,Chair,3,2025-03-31,\n"
    "2,1,No plan yet,Draft the plan,Policy Officer,,,\n"
    "3,2,Survey done,,,,,\n"
)
AFTER = HEADER + (
    "1,2,Vision agreed in May and signed,Take it to the police,Chair,3,2025-03-31,done\n"
    "2,2,No plan yet,Draft the plan,CVS,2,31/03/2026,\n"
    "3,2,Survey done,,,,,\n"
)


def _sheets(tmp_path: Path) -> Path:
    (tmp_path / "2024-25.csv").write_text(BEFORE, encoding="utf-8")
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "2024-25.csv").write_text(AFTER, encoding="utf-8")
    return tmp_path


def test_every_changed_cell_in_full(cli: Run, tmp_path: Path) -> None:
    _sheets(tmp_path)
    result = cli("diff", "2024-25.csv", "copy/2024-25.csv", "-f", "csv", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "indicator,id,title,column,before,after,change,replaced\n"
        "1,shared-vision,Shared vision,evidence,Vision agreed in May,"
        "Vision agreed in May and signed,,\n"
        "1,shared-vision,Shared vision,status,open,done,,\n"
        '2,unified-plan,"Resourced, unified plan",score,1,2,+1,\n'
        '2,unified-plan,"Resourced, unified plan",owner,Policy Officer,CVS,,\n'
        '2,unified-plan,"Resourced, unified plan",target,,2,,\n'
        '2,unified-plan,"Resourced, unified plan",due,,2026-03-31,,\n'
    )


def test_json_gives_the_words_of_each_change(cli: Run, tmp_path: Path) -> None:
    _sheets(tmp_path)
    data = json.loads(
        cli("diff", "2024-25.csv", "copy/2024-25.csv", "-f", "json", cwd=tmp_path).stdout
    )
    assert (data["before_total"], data["after_total"], data["unchanged"]) == (5, 6, 15)
    first, second = data["changes"]
    assert (first["before"], first["after"], first["change"]) == ("2", "2", 0)
    assert first["words"] == [
        {
            "column": "evidence",
            "before": "Vision agreed in May",
            "after": "Vision agreed in May and signed",
        },
        {"column": "status", "before": "open", "after": "done"},
    ]
    assert second["fields"] == ["owner", "target", "due"]


def test_markdown_and_table_show_the_words(cli: Run, tmp_path: Path) -> None:
    _sheets(tmp_path)
    markdown = cli("diff", "2024-25.csv", "copy/2024-25.csv", "-f", "markdown", cwd=tmp_path)
    assert (
        "| 1 | Shared vision | evidence | Vision agreed in May | Vision agreed in May and signed |"
        in (markdown.stdout)
    )
    assert "| 2 | Resourced, unified plan | 1 | 2 | +1 |" in markdown.stdout
    table = cli("diff", "2024-25.csv", "copy/2024-25.csv", cwd=tmp_path)
    assert "2 indicators changed (1 score), 15 unchanged." in table.stdout
    # Wrapped in its column, the new evidence is there word for word.
    assert " ".join(table.stdout.split()).count("signed") == 1


def test_words_alone_are_a_change(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "2024-25.csv").write_text(BEFORE, encoding="utf-8")
    (tmp_path / "copy").mkdir()
    changed = BEFORE.replace("No plan yet", "No plan yet; a draft is due in May")
    (tmp_path / "copy" / "2024-25.csv").write_text(changed, encoding="utf-8")
    result = cli("diff", "2024-25.csv", "copy/2024-25.csv", cwd=tmp_path)
    assert "Nothing changed." not in result.stdout
    assert "No plan yet; a draft is due in May" in result.stdout
    narrowed = cli("diff", "2024-25.csv", "copy/2024-25.csv", "--scores-only", cwd=tmp_path)
    assert narrowed.stdout.endswith("No score changed.\n")
    (tmp_path / "copy" / "2024-25.csv").write_text(BEFORE, encoding="utf-8")
    same = cli("diff", "2024-25.csv", "copy/2024-25.csv", cwd=tmp_path)
    assert same.stdout.endswith("Nothing changed.\n")


def test_words_carried_by_new_are_not_a_change_between_periods(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "compactscore.yaml").write_text("area: Testham\nscores: scores\n", encoding="utf-8")
    (tmp_path / "scores").mkdir()
    (tmp_path / "scores" / "2024-25.csv").write_text(BEFORE, encoding="utf-8")
    # As 'compactscore new' carries them, marked; indicator 2's evidence rewritten since.
    (tmp_path / "scores" / "2025-26.csv").write_text(
        HEADER
        + "1,2,From 2024-25: Vision agreed in May,From 2024-25: Take it to the police,Chair,3,"
        "2025-03-31,\n"
        "2,1,A draft plan went to the board,From 2024-25: Draft the plan,Policy Officer,,,\n"
        "3,2,From 2024-25: Survey done,,,,,\n",
        encoding="utf-8",
    )
    result = cli("diff", "2024-25", "2025-26", "-f", "csv", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "indicator,id,title,column,before,after,change,replaced\n"
        '2,unified-plan,"Resourced, unified plan",evidence,No plan yet,'
        "A draft plan went to the board,,\n"
    )
    # Between two revisions of one sheet, taking the mark off is a change of the words.
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "2025-26.csv").write_text(
        (tmp_path / "scores" / "2025-26.csv")
        .read_text(encoding="utf-8")
        .replace("From 2024-25: Survey done", "Survey done"),
        encoding="utf-8",
    )
    same_period = cli("diff", "scores/2025-26.csv", "copy/2025-26.csv", "-f", "csv", cwd=tmp_path)
    assert same_period.stdout.endswith(
        "3,compact-measure,Compact as the measure,evidence,From 2024-25: Survey done,Survey done,,\n"
    )
