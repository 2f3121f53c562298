"""Tables in a narrow terminal or a pipe (80 columns): never cropped, optional columns named."""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO
from pathlib import Path

from rich.console import Console
from typer.testing import Result

from compactscore.analysis.trend import trend_of
from compactscore.load.sources import load_all, open_sources
from compactscore.render.text import print_view
from compactscore.render.trend import trend_view

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BORDERS = "┓┃┫┩│┤┘"  # the characters a table's right-hand edge is drawn with
Run = Callable[..., Result]


def _table_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and line[0] in "┏┃┡│└"]


def _uncropped(text: str) -> bool:
    """Every line of every table ends with its right-hand border: nothing was cut off."""
    return all(line.rstrip()[-1] in BORDERS for line in _table_lines(text))


def test_trend_at_80_columns_wraps_the_direction_and_keeps_the_chart(cli: Run) -> None:
    result = cli("trend", cwd=EXAMPLES / "riverton", width=80)
    assert result.exit_code == 0, result.stderr
    assert _uncropped(result.stdout)
    totals = result.stdout.split("Totals and direction of travel")[1]
    assert max(len(line) for line in totals.splitlines()) <= 80
    # 2010-11 against 2009-10: 16 indicators scored in both (not 3, n/a in 2010-11), whose
    # points rose from 25 to 31; the words wrap in their column, so the chart still fits.
    assert "│ 2010-11 │    31 │  48 │   64.6% │ 16 of 16, │ ↑ up +6 on   │ █████████▊      │" in (
        totals
    )
    assert "│         │       │     │         │     1 n/a │ 16 in both   │                 │" in (
        totals
    )
    assert "Left out at this width" not in totals.split("Scores:")[0]


def test_trend_at_100_columns_keeps_the_chart(cli: Run) -> None:
    result = cli("trend", cwd=EXAMPLES / "riverton", width=100)
    assert "Total over time" in result.stdout
    assert "Left out at this width" not in result.stdout


def test_compare_at_80_columns_fits_with_every_area_whole(cli: Run) -> None:
    result = cli("compare", "riverton", "eastmoor", "kingsbridge", cwd=EXAMPLES, width=80)
    assert result.exit_code == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    # The spread fits in the compact style, no area's name broken, the median left out.
    spread = result.stdout.split("Indicators: the spread across areas")[1]
    header = spread.splitlines()[1]
    assert header.split() == [
        "No.", "Indicator", "Kingsbridge", "Riverton", "Eastmoor", "Low", "High", "Leading"
    ]  # fmt: skip
    assert (
        "  5  Influential                   2         2         1    1     2  Riverton,  \n"
        "     representation                                                  Kingsbridge\n"
    ) in spread
    assert "Left out at this width: Median." in " ".join(spread.split())


def test_gaps_at_80_columns_keeps_every_word_of_action_and_owner(cli: Run) -> None:
    result = cli("gaps", cwd=EXAMPLES / "riverton", width=80)
    assert result.exit_code == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    # Too many columns for 80: one block per indicator, each field labelled.
    assert (
        "1 Shared vision\n"
        "  Score:   2\n"
        "  Meaning: Good progress\n"
        "  Aim:     3 (target)\n"
        "  Gap:     1\n"
        "  Action:  Take the statement to the police and crime commissioner's partnership\n"
        "           board.\n"
        "  Owner:   Compact Group chair\n"
    ) in result.stdout
    assert "…" not in result.stdout


def test_gaps_show_what_each_score_means_where_there_is_room(cli: Run) -> None:
    wide = cli("gaps", cwd=EXAMPLES / "riverton", width=130).stdout
    assert "│   1 │ Shared vision      │     2 │ Good progress │ 3 (target) │   1 │" in wide
    narrower = cli("gaps", cwd=EXAMPLES / "riverton", width=100).stdout
    assert "Meaning" not in narrower.split("Left out at this width")[0]
    assert "Left out at this width: Meaning." in narrower
    markdown = cli("gaps", "-f", "markdown", cwd=EXAMPLES / "riverton", width=80).stdout
    assert "| 1 | Shared vision | 2 | Good progress | 3 (target) | 1 |" in markdown


def test_piped_tables_keep_words_whole_and_the_latest_periods(cli: Run) -> None:
    result = cli("trend", cwd=EXAMPLES / "riverton", width=80)
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    header = result.stdout.split("Indicators by period")[1].splitlines()[1]
    assert header.split() == [
        "No.", "Indicator", "2009-10", "2010-11", "2011-12", "2012-13", "2013-14", "Latest"
    ]  # fmt: skip
    assert "2012-1 " not in result.stdout
    assert (
        "Left out at this width: 1 earlier period (2008-09). Choose the periods with \n"
        "--last N or --since PERIOD, or widen the terminal." in result.stdout
    )


def test_a_terminal_gets_tables_no_wider_than_itself() -> None:
    sources = open_sources(EXAMPLES / "riverton", None, None)
    trend = trend_of(load_all(sources, sources.sheet_paths()), sources.definition, "Riverton")
    out = StringIO()
    print_view(
        Console(file=out, width=80, force_terminal=True, color_system=None), trend_view(trend)
    )
    assert max(len(line) for line in out.getvalue().splitlines()) <= 80


def test_score_says_it_left_the_theme_out_and_shows_it_in_blocks(cli: Run) -> None:
    table = cli("score", cwd=EXAMPLES / "riverton", width=100).stdout
    assert "Theme" not in table.split("Left out at this width")[0].split("Themes")[0]
    assert (
        "Left out at this width: Theme. Widen the terminal, or use --format markdown or csv, "
        "to see every \ncolumn." in table
    )
    blocks = cli("score", cwd=EXAMPLES / "riverton", width=60).stdout
    assert "1 Shared vision\n  Theme:    Shared vision and the plan\n" in blocks
    assert "Left out at this width" not in blocks
