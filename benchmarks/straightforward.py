"""A reference: the straightforward typer + PyYAML + pydantic + rich script that scores one sheet.

Not part of compactscore. The benchmark times it beside ``compactscore score`` as
what anyone would write with the same stack to score one sheet: typer parses the
command line, PyYAML reads the definition (the bundled one, as ``score`` uses),
pydantic validates the definition and then each row of the sheet, and rich prints
a table of the scores and the total. No repository, no git, no previous year.

Run on its own: python benchmarks/straightforward.py SHEET.csv
"""

from __future__ import annotations

import csv
from pathlib import Path

import typer
import yaml
from pydantic import BaseModel, field_validator
from rich.console import Console
from rich.table import Table

DEFINITION = Path(__file__).resolve().parent.parent / "indicators" / "thriving_sector.yaml"

app = typer.Typer(add_completion=False)


class Version(BaseModel):
    """One version of the indicator set and the period it applies from."""

    version: str
    applies_from: str
    note: str = ""


class Scale(BaseModel):
    """The scores a row may hold, and their labels."""

    min: int
    max: int
    labels: dict[int, str]


class Theme(BaseModel):
    """A heading the indicators are grouped under."""

    id: str
    title: str


class Indicator(BaseModel):
    """One statement of the scorecard."""

    id: str
    number: int
    title: str
    theme: str
    statement: str
    prompts: list[str] = []
    introduced: str | None = None
    retired: str | None = None
    replaces: str | None = None


class Definition(BaseModel):
    """The whole indicator set."""

    id: str
    title: str
    source: str = ""
    version: str
    versions: list[Version]
    scale: Scale
    themes: list[Theme]
    indicators: list[Indicator]


class Row(BaseModel):
    """One row of a sheet: an indicator's score and what was written beside it."""

    indicator: int
    score: int | None
    evidence: str = ""
    action: str = ""
    owner: str = ""
    target: int | None = None

    @field_validator("score", "target", mode="before")
    @classmethod
    def blank_or_na_is_none(cls, value: object) -> object:
        """An empty cell, or n/a, is not a score."""
        return None if isinstance(value, str) and value.strip().lower() in ("", "n/a") else value


@app.command()
def score(file: Path) -> None:
    """Score one sheet and print it as a table."""
    with DEFINITION.open(encoding="utf-8") as handle:
        definition = Definition.model_validate(yaml.safe_load(handle))
    in_force = {i.number: i for i in definition.indicators if i.retired is None}
    with file.open(newline="", encoding="utf-8-sig") as handle:
        rows = [Row.model_validate(row) for row in csv.DictReader(handle)]
    scored = [row for row in rows if row.score is not None]
    total, most = sum(row.score or 0 for row in scored), definition.scale.max * len(scored)
    table = Table(title=f"{file.stem}: {total} out of {most} ({100 * total / most:.0f}%)")
    for header in ("No.", "Indicator", "Score", "Evidence"):
        table.add_column(header)
    for row in rows:
        title = in_force[row.indicator].title if row.indicator in in_force else "?"
        shown = "-" if row.score is None else str(row.score)
        table.add_row(str(row.indicator), title, shown, row.evidence[:40])
    Console().print(table)


if __name__ == "__main__":
    app()
