"""A national body's trend work in one process: every area's sheets read, every trend kept.

The benchmark runs this as a whole process to measure the peak memory of the
shared loading path (load_repository, load_sheet, trend_of) over thousands of
sheets, whether or not the trend and compare commands are installed. Each area's
sheets are let go once its trend is worked out, as a comparison of areas needs
only their trends.

Run on its own: python benchmarks/national_trend.py FOLDER_OF_AREAS
"""

from __future__ import annotations

import sys
from pathlib import Path

from compactscore.analysis.trend import trend_of
from compactscore.load.repository import load_repository
from compactscore.load.sheet import load_sheet
from compactscore.results import Trend


def national_trends(root: Path) -> list[tuple[int, Trend]]:
    """Every area under root: how many sheets it has, and its trend, all trends held at once."""
    kept = []
    for folder in sorted(path for path in root.iterdir() if path.is_dir()):
        repository = load_repository(folder)
        if repository is None:
            continue
        definition = repository.definition
        sheets = [
            load_sheet(path, definition, shown=str(path)) for _, path in repository.sheet_paths()
        ]
        kept.append((len(sheets), trend_of(sheets, definition, repository.config.area)))
    return kept


def main() -> None:
    """Load every area under the folder given and say how many sheets and trends it holds."""
    kept = national_trends(Path(sys.argv[1]))
    sheets = sum(count for count, _ in kept)
    print(f"{sheets} sheets, {len(kept)} trends")


if __name__ == "__main__":
    main()
