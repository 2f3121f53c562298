"""``compactscore trend`` through the command line: which sheets it reads, and gaps in the years."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Run = Callable[..., Result]


def test_trend_of_two_areas_files_is_refused(cli: Run, riverton: Path) -> None:
    result = cli("trend", "../eastmoor/scores/2011-12.csv", "scores/2012-13.csv", cwd=riverton)
    assert result.exit_code == 2
    assert "belong to different scorecard repositories" in result.stderr


def test_trend_names_a_year_with_no_sheet(cli: Run, area: Path, riverton: Path) -> None:
    (area / "scores" / "2011-12.csv").unlink()
    data = json.loads(cli("trend", "-f", "json", cwd=area).stdout)
    assert data["missing"] == ["2011-12"]
    table = " ".join(cli("trend", cwd=area).stdout.split())
    assert "No sheet for 2011-12: the direction of travel across that gap compares" in table
    complete = json.loads(cli("trend", "-f", "json", cwd=riverton).stdout)
    assert complete["missing"] == []
