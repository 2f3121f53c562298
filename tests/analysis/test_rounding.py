"""Percentages rounded as a spreadsheet rounds: half away from zero, on the exact fraction."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import Result

from compactscore.analysis.score import percent_of

Run = Callable[..., Result]


def spreadsheet(total: int, maximum: int) -> Decimal:
    """What Excel's ROUND(total/maximum*100, 1) shows, by Python's decimal module."""
    exact = Decimal(total) * 100 / Decimal(maximum)
    return exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@pytest.mark.parametrize(
    ("total", "maximum", "shown"),
    [
        (27, 48, "56.3"),  # 56.25: a float rounds it half to even, to 56.2
        (1, 8, "12.5"),  # 12.5 exactly
        (1, 16, "6.3"),  # 6.25
        (5, 16, "31.3"),  # 31.25
        (2, 3, "66.7"),  # 66.666...
        (25, 51, "49.0"),  # 49.019...: one decimal, never "49"
        (3, 80, "3.8"),  # 3.75
        (0, 51, "0.0"),
        (51, 51, "100.0"),
    ],
)
def test_halves_go_up_on_the_exact_fraction(total: int, maximum: int, shown: str) -> None:
    assert Decimal(shown) == spreadsheet(total, maximum)
    assert f"{percent_of(total, maximum):.1f}" == shown


@given(st.integers(min_value=1, max_value=2000), st.data())
def test_every_fraction_agrees_with_decimal_half_up(maximum: int, data: st.DataObject) -> None:
    total = data.draw(st.integers(min_value=0, max_value=maximum))
    assert percent_of(total, maximum) == float(spreadsheet(total, maximum))


def test_nothing_to_divide_by_is_0() -> None:
    assert percent_of(0, 0) == 0.0


# 27 out of 48: indicator 3 n/a, 11 indicators at 2 and 5 at 1.
SHEET = "indicator,score,evidence\n" + "".join(
    f"{n},{'n/a' if n == 3 else ('2' if n <= 12 else '1')},{'No survey.' if n == 3 else ''}\n"
    for n in range(1, 18)
)


@pytest.fixture
def area(tmp_path: Path, riverton: Path) -> Path:
    """Riverton with a 2014-15 sheet of 27 out of 48."""
    folder = tmp_path / "riverton"
    shutil.copytree(riverton, folder)
    (folder / "scores" / "2014-15.csv").write_text(SHEET, encoding="utf-8")
    return folder


def test_every_format_shows_56_3(cli: Run, area: Path) -> None:
    table = cli("score", cwd=area).stdout
    assert table.startswith("Riverton 2014-15: 27 out of 48 (56.3%), 16 of 16 scored, 1 n/a\n")
    assert json.loads(cli("score", "-f", "json", cwd=area).stdout)["percent"] == 56.3
    assert "56.3%" in cli("score", "-f", "markdown", cwd=area).stdout
    trend = cli("trend", cwd=area).stdout
    assert "│ 2014-15 │    27 │     48 │   56.3% │ 16 of 16, 1 n/a │" in trend
    assert "│ 2011-12 │    25 │     51 │   49.0% │" in trend
    rows = {
        row[2]: row for row in csv.reader(io.StringIO(cli("trend", "-f", "csv", cwd=area).stdout))
    }
    assert rows["percent"][3:10] == ["39.2", "52.9", "64.6", "49.0", "58.8", "45.1", "56.3"]
    periods = json.loads(cli("trend", "-f", "json", cwd=area).stdout)["periods"]
    assert [p["percent"] for p in periods] == [39.2, 52.9, 64.6, 49.0, 58.8, 45.1, 56.3]
    markdown = cli("report", "-f", "markdown", cwd=area).stdout
    assert "| 2011-12 | 25 | 51 | 49.0% | 17 of 17 |" in markdown
    assert "| 2014-15 | 27 | 48 | 56.3% | 16 of 16, 1 n/a |" in markdown
    assert cli("report", "-o", "paper.html", cwd=area).exit_code == 0
    page = (area / "paper.html").read_text(encoding="utf-8")
    assert "<small> out of 48 (56.3%)</small>" in page
    assert "25 of 51 (49.0%)" in page  # the line chart's label
    assert "49%" not in page and "56.2%" not in page


def test_compare_shows_one_decimal_in_every_column(cli: Run, area: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(area, other)
    (other / "compactscore.yaml").write_text(
        "area: Otherton\ndefinition: thriving-sector\nscores: scores\n", encoding="utf-8"
    )
    (other / "scores" / "2014-15.csv").write_text(
        "indicator,score\n" + "".join(f"{n},{3 if n <= 8 else 1}\n" for n in range(1, 18)),
        encoding="utf-8",
    )
    out = " ".join(cli("compare", str(area), str(other)).stdout.split())
    # Otherton: 8 x 3 + 9 x 1 = 33 of 51, 64.7%. Riverton 27 of 48, 56.3%.
    assert "│ 1 │ Otherton │ 33 / 51 │ 64.7% │ 17 of 17 │" in out
    assert "│ 2 │ Riverton │ 27 / 48 │ 56.3% │ 16 of 16, 1 n/a │" in out
    # Against 2013-14 on the 10 Riverton scored in both (not 3, n/a now): 21 points then,
    # 5 x 2 + 3 x 2 + 2 x 1 = 18 now.
    assert "↓ down -3 on 10 in both since 2013-14" in out
    data = json.loads(cli("compare", str(area), str(other), "-f", "json").stdout)
    riverton = next(a for a in data["areas"] if a["area"] == "Riverton")
    assert (riverton["percent"], riverton["shared_percent"]) == (56.3, 56.3)
