"""``compactscore new``: sheets carried forward, marked, and nothing overwritten without --force."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Invoke = Callable[..., Result]
Sheet = Callable[[dict[int, str], str], str]
CONFIG = "area: Testham\nscores: scores\n"


def rows_of(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def repository(tmp_path: Path, sheets: dict[str, str]) -> Path:
    (tmp_path / "compactscore.yaml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "scores").mkdir()
    for name, text in sheets.items():
        (tmp_path / "scores" / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_new_carries_words_marked_and_leaves_scores_empty(
    tmp_path: Path, cli: Invoke, make_sheet: Sheet
) -> None:
    repo = repository(tmp_path, {"2012-13.csv": make_sheet({2: "3"}, "2")})
    result = cli("new", "2013-14", cwd=repo / "scores")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Wrote 2013-14.csv: 17 indicators, scores empty.")
    rows = rows_of(repo / "scores" / "2013-14.csv")
    assert [row["indicator"] for row in rows] == [str(n) for n in range(1, 18)]
    assert all(row["score"] == "" and row["target"] == "" for row in rows)
    assert rows[1]["evidence"] == "From 2012-13: Evidence 2."
    assert rows[1]["action"] == "From 2012-13: Action 2"
    assert rows[1]["owner"] == "From 2012-13: Owner 2"  # marked, for the group to review
    # The new sheet is valid as it is: every score waits to be agreed.
    assert cli("check", cwd=repo).exit_code == 0
    score = cli("score", "--format", "json", cwd=repo)
    assert '"scored": 0' in score.stdout


def test_a_score_agreed_on_carried_evidence_is_a_warning_until_the_evidence_is_new(
    tmp_path: Path, cli: Invoke, make_sheet: Sheet
) -> None:
    repo = repository(tmp_path, {"2012-13.csv": make_sheet({}, "2")})
    assert cli("new", "2013-14", cwd=repo / "scores").exit_code == 0
    path = repo / "scores" / "2013-14.csv"
    fresh = cli("check", "scores/2013-14.csv", cwd=repo)
    assert fresh.stdout == "Checked 1 file: 0 errors, 0 warnings.\n"  # nothing scored yet
    # The group agrees indicator 2 and 3 but rewrites only indicator 3's evidence.
    text = path.read_text(encoding="utf-8").splitlines()
    text[2] = text[2].replace(",,From 2012-13: Evidence 2.,", ",3,From 2012-13: Evidence 2.,")
    text[3] = text[3].replace(",,From 2012-13: Evidence 3.,", ",2,Agreed at the March meeting.,")
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    result = cli("check", "scores/2013-14.csv", cwd=repo)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "scores/2013-14.csv:3: warning: indicator 2 is scored, but its evidence still starts "
        "'From 2012-13:', so it is last period's. Update it with this period's evidence, "
        "and delete the 'From 2012-13:' mark.",
        "Checked 1 file: 0 errors, 1 warning.",
    ]


def test_new_across_the_ni7_change_lists_the_replacement(
    tmp_path: Path, cli: Invoke, make_sheet: Sheet
) -> None:
    repo = repository(tmp_path, {"2010-11.csv": make_sheet({3: "n/a"}, "1")})
    assert cli("new", cwd=repo).exit_code == 0  # the period after the latest: 2011-12
    rows = rows_of(repo / "scores" / "2011-12.csv")
    assert rows[2]["title"] == "Compact as the measure"
    assert rows[2]["evidence"] == "From 2010-11: The survey was cancelled."


def test_new_refuses_to_overwrite_and_force_keeps_a_backup(
    tmp_path: Path, cli: Invoke, make_sheet: Sheet
) -> None:
    repo = repository(
        tmp_path, {"2012-13.csv": make_sheet({}, "2"), "2013-14.csv": "indicator,score\n1,3\n"}
    )
    target = repo / "scores" / "2013-14.csv"
    refused = cli("new", "2013-14", cwd=repo)
    assert refused.exit_code == 1
    assert "2013-14.csv: already exists, and compactscore never overwrites a file." in (
        refused.stderr
    )
    assert target.read_text(encoding="utf-8") == "indicator,score\n1,3\n"
    forced = cli("new", "2013-14", "--force", cwd=repo)
    assert forced.exit_code == 0, forced.stderr
    assert "The file that was there is kept as scores/2013-14.csv.bak." in forced.stdout
    backup = repo / "scores" / "2013-14.csv.bak"
    assert backup.read_text(encoding="utf-8") == "indicator,score\n1,3\n"
    assert len(rows_of(target)) == 17


def test_new_words_already_carried_keep_their_period(
    tmp_path: Path, cli: Invoke, make_sheet: Sheet
) -> None:
    repo = repository(tmp_path, {"2012-13.csv": make_sheet({}, "2")})
    cli("new", cwd=repo)
    cli("new", cwd=repo)
    assert rows_of(repo / "scores" / "2014-15.csv")[0]["evidence"] == "From 2012-13: Evidence 1."


def test_new_wrong_usage(tmp_path: Path, cli: Invoke, make_sheet: Sheet) -> None:
    repo = repository(tmp_path, {"2012-13.csv": make_sheet({}, "2")})
    result = cli("new", "2014", cwd=repo)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "compactscore: 2014 is not written like the sheets already here, which are financial "
        "years such as 2012-13. Write the period as 2014-15."
    )
    assert cli("new", "twenty", cwd=repo).exit_code == 2
    assert not (repo / "scores" / "2014.csv").exists()


def test_new_keeps_the_users_own_columns_empty(tmp_path: Path, cli: Invoke) -> None:
    previous = "indicator,score,evidence,Lead Org,notes\n" + "".join(
        f"{number},2,Evidence {number}.,Org {number},Note {number}\n" for number in range(1, 18)
    )
    repo = repository(tmp_path, {"2020.csv": previous})
    result = cli("new", "2021", cwd=repo)
    assert result.exit_code == 0, result.stderr
    assert (
        "Your own columns 'Lead Org' and 'notes' are kept, empty: last period's entries stay in "
        "scores/2020.csv."
    ) in " ".join(result.stdout.split())
    target = repo / "scores" / "2021.csv"
    header = target.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "indicator,title,score,evidence,action,owner,target,Lead Org,notes"
    rows = rows_of(target)
    assert rows[0]["evidence"] == "From 2020: Evidence 1."
    assert all(row["Lead Org"] == "" and row["notes"] == "" for row in rows)
    assert cli("check", cwd=repo).exit_code == 0
    # The year after keeps them too, in the same place, with no second title column.
    assert cli("new", cwd=repo).exit_code == 0
    header = (repo / "scores" / "2022.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "indicator,title,score,evidence,action,owner,target,Lead Org,notes"


def test_new_keeps_both_sides_scores_and_own_columns_whatever_their_spelling(
    tmp_path: Path, cli: Invoke
) -> None:
    previous = "Indicator, Sector Score ,Score,Ward,public_score,Title\n" + "".join(
        f"{number},1,2,North,2,Old title\n" for number in range(1, 18)
    )
    repo = repository(tmp_path, {"2020.csv": previous})
    assert cli("new", "2021", cwd=repo).exit_code == 0
    header = (repo / "scores" / "2021.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == (
        "indicator,title,score,evidence,action,owner,target,sector_score,public_score,Ward"
    )
    rows = rows_of(repo / "scores" / "2021.csv")
    assert rows[0]["title"] == "Shared vision"
    assert all(row["sector_score"] == row["public_score"] == row["Ward"] == "" for row in rows)
    assert cli("check", cwd=repo).exit_code == 0


def test_new_writes_a_sheet_excel_opens_as_the_last_was_saved(tmp_path: Path, cli: Invoke) -> None:
    # Saved by a spreadsheet set up for semicolons, in Windows-1252, with a pound sign.
    last = "indicator;score;evidence\r\n" + "".join(
        f"{n};2;Grant of \u00a3{n}00 agreed\r\n" for n in range(1, 18)
    )
    (tmp_path / "compactscore.yaml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "scores").mkdir()
    (tmp_path / "scores" / "2012-13.csv").write_bytes(last.encode("cp1252"))
    result = cli("new", "2013-14", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    data = (tmp_path / "scores" / "2013-14.csv").read_bytes()
    # The byte-order mark tells Excel the file is UTF-8, so the pound sign survives.
    assert data.startswith(b"\xef\xbb\xbfindicator;title;score;evidence;action;owner;target\n")
    assert "1;Shared vision;;From 2012-13: Grant of \u00a3100 agreed;;;\n" in data.decode("utf-8")
    assert cli("check", cwd=tmp_path).exit_code == 0


def test_new_warns_when_periods_would_be_skipped(
    tmp_path: Path, cli: Invoke, make_sheet: Sheet
) -> None:
    repo = repository(tmp_path, {"2012-13.csv": make_sheet({}, "2")})
    result = cli("new", "2015-16", cwd=repo)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "compactscore: warning: 2015-16 does not follow on from the sheet before it (2012-13): "
        "2013-14 to 2014-15 would have no sheet, and trends would skip them. Check the period; "
        "'compactscore new' with no period makes 2013-14.\n"
    )
    assert (repo / "scores" / "2015-16.csv").is_file()
    assert cli("new", "2016-17", cwd=repo).stderr == ""


def test_new_after_a_sheet_never_filled_in_names_the_period_its_words_carry(
    tmp_path: Path, cli: Invoke, make_sheet: Sheet
) -> None:
    repo = repository(tmp_path, {"2012-13.csv": make_sheet({}, "2")})
    assert cli("new", "2013-14", cwd=repo).exit_code == 0
    result = cli("new", "2014-15", cwd=repo)
    assert result.exit_code == 0, result.stderr
    rows = rows_of(repo / "scores" / "2014-15.csv")
    assert rows[1]["evidence"] == "From 2012-13: Evidence 2."  # written in 2012-13, so kept
    assert " ".join(result.stdout.split()) == (
        "Wrote scores/2014-15.csv: 17 indicators, scores empty. "
        "Evidence, open actions and owners from 2012-13 are carried as a starting point, each "
        "marked "
        "'From 2012-13:'. Replace them with this period's as the group agrees them."
    )


def test_new_names_every_period_its_carried_words_come_from(
    tmp_path: Path, cli: Invoke, make_sheet: Sheet
) -> None:
    repo = repository(tmp_path, {"2012-13.csv": make_sheet({}, "2")})
    assert cli("new", "2013-14", cwd=repo).exit_code == 0
    path = repo / "scores" / "2013-14.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("From 2012-13: Evidence 3.", "Agreed in March."), "utf-8")
    result = cli("new", "2014-15", cwd=repo)
    assert result.exit_code == 0, result.stderr
    rows = rows_of(repo / "scores" / "2014-15.csv")
    assert rows[2]["evidence"] == "From 2013-14: Agreed in March."
    assert " ".join(result.stdout.split()) == (
        "Wrote scores/2014-15.csv: 17 indicators, scores empty. "
        "Evidence, open actions and owners from 2012-13 and 2013-14 are carried as a starting "
        "point, each "
        "marked 'From 2012-13:' or 'From 2013-14:'. Replace them with this period's as the "
        "group agrees them."
    )


def test_new_after_a_sheet_with_no_words_claims_nothing_carried(
    tmp_path: Path, cli: Invoke
) -> None:
    empty = "indicator,score,evidence\n" + "".join(f"{n},1,\n" for n in range(1, 18))
    repo = repository(tmp_path, {"2012-13.csv": empty})
    result = cli("new", "2013-14", cwd=repo)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Wrote scores/2013-14.csv: 17 indicators, scores empty.\n"


def test_new_carries_targets_and_only_open_actions_with_their_owners(
    tmp_path: Path, cli: Invoke
) -> None:
    sheet = (
        "indicator,score,evidence,action,owner,target,status\n"
        "1,2,Vision refreshed.,Ask the commissioner to sign,Compact Group chair,3,\n"
        "2,2,Plan adopted.,Agree years two and three,Council lead,3,open\n"
        "3,1,Poll run.,Repeat the poll,CVS,,done\n"
        "4,1,Few networks.,Map the networks,Networks officer,2,Dropped\n"
        "5,3,In place.,,,,\n"
    )
    repo = repository(tmp_path, {"2012-13.csv": sheet})
    result = cli("new", "2013-14", cwd=repo)
    assert result.exit_code == 0, result.stderr
    rows = rows_of(repo / "scores" / "2013-14.csv")
    carried = [(r["action"], r["owner"], r["target"]) for r in rows[:5]]
    assert carried == [
        ("From 2012-13: Ask the commissioner to sign", "From 2012-13: Compact Group chair", "3"),
        ("From 2012-13: Agree years two and three", "From 2012-13: Council lead", "3"),
        ("", "", ""),  # done: stays in 2012-13's sheet
        ("", "", "2"),  # dropped, but the target stands
        ("", "", ""),
    ]
    assert [r["evidence"] for r in rows[:2]] == [
        "From 2012-13: Vision refreshed.",
        "From 2012-13: Plan adopted.",
    ]
    assert (
        "Targets are carried as set in 2012-13: the gap list measures against them until the "
        "group sets new ones."
    ) in " ".join(result.stdout.split())
    # Scored again at 2, indicator 1 is still short of its carried target of 3.
    path = repo / "scores" / "2013-14.csv"
    text = path.read_text(encoding="utf-8-sig").replace(
        "\n1,Shared vision,,", "\n1,Shared vision,2,"
    )
    path.write_text(text, encoding="utf-8")
    gaps = cli("gaps", "--format", "json", cwd=repo)
    first = json.loads(gaps.stdout)["gaps"][0]
    assert (first["number"], first["aim"], first["aim_is_target"]) == (1, 3, True)


def test_new_does_not_write_a_second_sheet_for_a_period(cli: Invoke, area: Path) -> None:
    (area / "scores" / "2013-14.csv").rename(area / "scores" / "2013-2014.csv")
    result = cli("new", "2013-14", cwd=area)
    assert result.exit_code == 1
    assert result.stderr.startswith("scores/2013-2014.csv: already exists")
    assert not (area / "scores" / "2013-14.csv").exists()


def test_new_warns_of_a_period_before_the_definition(cli: Invoke, area: Path) -> None:
    result = cli("new", "1999-00", cwd=area)
    assert result.exit_code == 0
    assert result.stderr.startswith(
        "compactscore: warning: 1999-00 is before the first version of the definition applies "
        "(1, from 2008)"
    )
    assert (area / "scores" / "1999-00.csv").is_file()
