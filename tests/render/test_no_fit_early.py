"""A long table that cannot fit is found out from its first rows, never wrongly.

``_cannot_fit`` looks at the header, the first rows and the footer only. Whenever it
says no table fits, measuring every row (``column_widths``) must say so too; and a
layout that fits must still be the one chosen.
"""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console
from tests.render.test_table_drawing import _cell

import compactscore.render.text as text
from compactscore.render.text import _SAMPLE, _cannot_fit, _fitted, _Measures, column_widths
from compactscore.render.view import Column, Grid


def _long_grid(rng: random.Random) -> Grid:
    count = rng.randint(1, 8)
    columns = [
        Column(
            _cell(rng),
            shorten=rng.random() < 0.3,
            whole=rng.random() < 0.1,
            min_width=rng.choice([None, None, 5, 20]),
        )
        for _ in range(count)
    ]
    # Short cells first, so that the rows after the first few often need more room.
    rows = [
        [_cell(rng) if rng.random() < 0.2 else "x" for _ in range(count)]
        for _ in range(rng.randint(_SAMPLE - 2, _SAMPLE + 40))
    ]
    if rng.random() < 0.5:
        rows.append([_cell(rng) + " " + _cell(rng) for _ in range(count)])
    return Grid(
        title="t",
        columns=columns,
        rows=rows,
        footer=[_cell(rng) for _ in range(count)] if rng.random() < 0.3 else None,
    )


def test_the_first_rows_say_no_table_fits_only_when_none_does() -> None:
    rng = random.Random(18)
    said = fits = unknown = 0
    for _ in range(3000):
        grid = _long_grid(rng)
        width = rng.randint(10, 200)
        compact = rng.random() < 0.5
        widths = column_widths(grid, width, compact)
        if _cannot_fit(grid, width, compact, _Measures(grid)):
            said += 1
            assert widths is None, (grid, width, compact)
        elif widths is None:
            unknown += 1  # every row had to be measured to know
        else:
            fits += 1
    assert said > 300 and fits > 300 and unknown > 100, (said, fits, unknown)


def test_a_short_table_is_always_measured_whole() -> None:
    wide = Column("a " * 30, whole=True)
    grid = Grid("t", [wide], [["b"]] * _SAMPLE)
    assert not _cannot_fit(grid, 20, False, _Measures(grid))
    assert column_widths(grid, 20) is None


def _printed(grid: Grid, width: int) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=True, color_system="truecolor")
    for part in _fitted(grid, console, width):
        console.print(part)
    return out.getvalue()


def test_the_layout_chosen_is_the_same_with_or_without_the_early_look(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(5)
    for _ in range(150):
        grid = _long_grid(rng)
        for column in list(grid.columns):
            if rng.random() < 0.3:
                grid.columns[grid.columns.index(column)] = Column(
                    column.header, optional=True, whole=column.whole
                )
        width = rng.randint(20, 160)
        early = _printed(grid, width)
        with monkeypatch.context() as patched:
            patched.setattr(text, "_cannot_fit", lambda *args: False)
            assert _printed(grid, width) == early
