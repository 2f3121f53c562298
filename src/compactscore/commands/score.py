"""``compactscore score``: one period's scores, totals and change from the period before."""

from __future__ import annotations

from pathlib import Path

from compactscore.analysis.score import score_sheet
from compactscore.commands.common import (
    definition_for,
    emit,
    out_console,
    usage,
)
from compactscore.errors import CompactscoreError, Problem, Severity
from compactscore.exits import report_problems
from compactscore.load.paths import shown_path
from compactscore.load.repository import Repository, load_repository
from compactscore.load.sheet import load_sheet
from compactscore.models import Definition, Sheet
from compactscore.options import OutputFormat
from compactscore.periods import Period, period_of_file
from compactscore.render.scorecard import scorecard_view


def run_score(file: Path | None, output: OutputFormat, indicators: Path | None) -> int:
    """Score one sheet (the repository's latest when none is named) and print it."""
    repository = load_repository(file if file is not None else Path.cwd())
    definition = definition_for(indicators, repository)
    if file is None:
        file = latest_sheet(repository)
    sheet = load_sheet(file, definition, shown=str(file))
    previous = previous_sheet(file, sheet.period, definition)
    area = repository.config.area if repository else ""
    card = score_sheet(sheet, definition, previous, area=area)
    emit(out_console(), card, scorecard_view(card), output)
    return 0


def latest_sheet(repository: Repository | None) -> Path:
    """The newest sheet of the repository, or a usage error saying what to do."""
    if repository is None:
        raise usage(
            "no score file named, and no compactscore.yaml in this folder or above it.",
            "Name a file, as in 'compactscore score 2024.csv', or run 'compactscore init'.",
        )
    sheets = repository.sheet_paths()
    if not sheets:
        raise CompactscoreError.at(
            shown_path(repository.scores_dir),
            None,
            "holds no score files named for a period (such as 2024.csv or 2024-25.csv).",
            "Add one with 'compactscore new PERIOD'.",
        )
    return Path(shown_path(sheets[-1][1]))


def previous_sheet(file: Path, period: Period | None, definition: Definition) -> Sheet | None:
    """The sheet of the period before, beside this one, if there is one that reads cleanly."""
    if period is None:
        return None
    earlier = []
    for sibling in file.parent.glob("*"):
        other = period_of_file(sibling.name)
        if (
            sibling.suffix.lower() == ".csv"
            and other is not None
            and other.kind is period.kind
            and other < period
        ):
            earlier.append((other.sort_key, sibling))
    if not earlier:
        return None
    path = max(earlier)[1]
    try:
        return load_sheet(path, definition, shown=str(path))
    except CompactscoreError:
        report_problems(
            [
                Problem(
                    str(path),
                    None,
                    "has problems, so no change from it is shown.",
                    f"Run 'compactscore check {path}' to see them.",
                    Severity.WARNING,
                )
            ]
        )
        return None
