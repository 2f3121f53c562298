"""A reference: the straightforward typer + pydantic + rich script that scores one sheet.

Not part of compactscore. The benchmark times it beside ``compactscore score`` to
show what the libraries themselves cost: a typer command, one pydantic model per
row, and a rich table of the scores and the total.

Run on its own: python benchmarks/straightforward.py SHEET.csv
"""

from __future__ import annotations

import csv
from pathlib import Path

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False)


class Score(BaseModel):
    """One indicator's row."""

    indicator: int
    score: int | None
    evidence: str = ""


@app.command()
def score(file: Path) -> None:
    """Score one sheet and print it as a table."""
    with file.open(newline="", encoding="utf-8-sig") as handle:
        rows = [
            Score(
                indicator=int(row["indicator"]),
                score=int(row["score"]) if row["score"].isdigit() else None,
                evidence=row.get("evidence", ""),
            )
            for row in csv.DictReader(handle)
        ]
    total = sum(row.score or 0 for row in rows)
    table = Table(title=f"{file.stem}: {total} out of {3 * len(rows)}")
    for header in ("No.", "Score", "Evidence"):
        table.add_column(header)
    for row in rows:
        table.add_row(str(row.indicator), str(row.score), row.evidence[:40])
    Console().print(table)


if __name__ == "__main__":
    app()
