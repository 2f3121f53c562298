"""``compactscore init``: a new scorecard repository, ready for the group's first scores."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from compactscore.commands.common import definition_for, out_console, usage
from compactscore.errors import Problem, WriteError
from compactscore.load.files import write_file
from compactscore.load.paths import shown_path
from compactscore.load.repository import CONFIG_NAME
from compactscore.periods import Period, PeriodKind, parse_period
from compactscore.render.readme import readme_text
from compactscore.render.sheetfile import sheet_text

SCORES = "scores"


def current_period(today: date) -> Period:
    """The financial year (April to March) a day falls in, as Local Compacts plan by."""
    start = today.year if today.month >= 4 else today.year - 1
    return Period(kind=PeriodKind.FINANCIAL, start=start)


def run_init(folder: Path, area: str | None, period_text: str | None) -> int:
    """Write the config, a blank sheet for the period and a README; never replace a file."""
    period = current_period(date.today())
    if period_text is not None:
        parsed = parse_period(period_text)
        if parsed is None:
            raise usage(
                f"{period_text!r} is not a period.", "Write a year such as 2024 or 2024-25."
            )
        period = parsed
    name = area.strip() if area is not None else folder.resolve().name.replace("-", " ").title()
    if not name:
        raise usage("--area is empty.", "Give the area's name, as in --area Riverton.")
    definition = definition_for(None, None)
    in_force = definition.in_force(definition.version_for(period))
    files = {
        folder / CONFIG_NAME: _config_text(name),
        folder / SCORES / f"{period.label}.csv": sheet_text(in_force, {}, None),
        folder / "README.md": readme_text(name, definition.title, period.label, len(in_force)),
    }
    there = [path for path in files if path.exists()]
    if there:
        raise WriteError(
            [
                Problem(
                    str(path),
                    None,
                    "already exists, and init never overwrites a file.",
                    "Run init in a new folder, or move the file away first.",
                )
                for path in there
            ]
        )
    try:
        (folder / SCORES).mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteError.at(
            shown_path(folder),
            None,
            f"cannot be made into a scorecard repository: {error.strerror or error}.",
            "Name a folder you may write to, which is not a file and holds no file "
            f"named {SCORES}.",
        ) from None
    for path, text in files.items():
        write_file(path, text)
    console = out_console()
    console.print(f"Made a scorecard repository for {name} in {folder}:", markup=False)
    for path in files:
        console.print(f"  {path}", markup=False)
    console.print(
        "Next: put the folder under git (git init, git add ., git commit), then fill in "
        f"the scores in {SCORES}/{period.label}.csv and run 'compactscore score'.",
        markup=False,
    )
    return 0


def _config_text(area: str) -> str:
    # json.dumps gives a quoted string YAML reads back exactly, whatever the name holds.
    return (
        "# The scorecard repository: compactscore finds this file from any folder below it.\n"
        f"area: {json.dumps(area, ensure_ascii=False)}\n"
        "definition: thriving-sector   # the bundled definition, or the path of a YAML file\n"
        f"scores: {SCORES}                # the folder with one CSV per period\n"
    )
