"""history reads each version's changed lines only while every record is one line: a cell
over several lines, an error in one version and a header changed in another read as before."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Invoke = Callable[..., Result]
Sheet = Callable[[dict[int, str], str], str]
Commit = Callable[[Path, dict[str, str], str, str, str], None]


def test_versions_awkward_to_read_line_by_line(
    scored_repo: Path, cli: Invoke, make_commit: Commit, make_sheet: Sheet
) -> None:
    agreed = make_sheet({5: "1"}, "2")  # as committed: 2012-13 agreed
    over_lines = agreed.replace("Evidence 1.", '"Evidence 1,\nsecond line."')
    mended = agreed.replace("2,2,Evidence 2.", "2,3,Evidence 2.")
    versions = [
        # a quoted cell over two lines: the version is read whole
        ("Evidence of 1 over two lines", over_lines),
        # the same two lines, and 2's score: only the line changed is news
        ("Indicator 2 up", over_lines.replace("2,2,Evidence 2.", "2,3,Evidence 2.")),
        # a score that is no point of the scale: the version cannot be read
        ("Typo", agreed.replace("2,2,Evidence 2.", "2,7,Evidence 2.")),
        ("Typo mended", mended),
        # the columns in another order: the same cells mean other things
        (
            "Columns reordered",
            "".join(
                f"{score},{number},{rest}"
                for number, score, rest in (line.split(",", 2) for line in mended.splitlines(True))
            ),
        ),
    ]
    for day, (message, text) in enumerate(versions, start=1):
        make_commit(
            scored_repo,
            {"scores/2012-13.csv": text},
            message,
            "Bob Chair",
            f"2013-07-{day:02d}T10:00:00+01:00",
        )
    result = cli("history", "scores/2012-13.csv", "-f", "json", cwd=scored_repo)
    assert result.exit_code == 0, result.stderr
    assert "could not be read at this commit" in result.stderr
    assert "It has 1 error" in result.stderr
    entries = json.loads(result.stdout)["entries"]
    changes = [
        (e["message"], e["number"], e["column"], e["before"], e["after"])
        for e in entries
        if e["date"].startswith("2013-07")  # these commits, not the sheet's first
    ]
    assert changes == [
        ("Evidence of 1 over two lines", 1, "evidence", "Evidence 1.", "Evidence 1,\nsecond line."),
        ("Indicator 2 up", 2, "score", "2", "3"),
        # the typo's version is left out: the mended one is compared with the one before it
        ("Typo mended", 1, "evidence", "Evidence 1,\nsecond line.", "Evidence 1."),
    ]  # the columns reordered: the same cells, nothing changed
