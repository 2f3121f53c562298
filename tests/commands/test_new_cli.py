"""``compactscore new`` through the command line: the sheet it writes, and what it refuses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Run = Callable[..., Result]


def test_new_does_not_write_a_second_sheet_for_a_period(cli: Run, area: Path) -> None:
    (area / "scores" / "2013-14.csv").rename(area / "scores" / "2013-2014.csv")
    result = cli("new", "2013-14", cwd=area)
    assert result.exit_code == 1
    assert result.stderr.startswith("scores/2013-2014.csv: already exists")
    assert not (area / "scores" / "2013-14.csv").exists()


def test_new_warns_of_a_period_before_the_definition(cli: Run, area: Path) -> None:
    result = cli("new", "1999-00", cwd=area)
    assert result.exit_code == 0
    assert result.stderr.startswith(
        "compactscore: warning: 1999-00 is before the first version of the definition applies "
        "(1, from 2008)"
    )
    assert (area / "scores" / "1999-00.csv").is_file()
