"""``compactscore init``: a new scorecard repository, ready for the group's first scores."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from compactscore import options as opt

if TYPE_CHECKING:
    from compactscore.periods import Period

SCORES = "scores"
README = "README.md"
# Where the group's notes go when the folder already has a README of its own.
OUR_README = "README-scorecard.md"


def current_period(today: date) -> Period:
    """The financial year (April to March) a day falls in, as Local Compacts plan by."""
    from compactscore.periods import Period, PeriodKind

    start = today.year if today.month >= 4 else today.year - 1
    return Period(kind=PeriodKind.FINANCIAL, start=start)


def init(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="FOLDER",
            help="The folder to make the repository in. Default: this one.",
            show_default=False,
        ),
    ] = Path("."),
    area: Annotated[
        str | None,
        typer.Option("--area", metavar="NAME", help="The area's name. Default: the folder's."),
    ] = None,
    period: Annotated[
        str | None,
        opt.period_option("The first period. Default: this financial year."),
    ] = None,
    xlsx: Annotated[
        bool,
        typer.Option("--xlsx", help="Make the first sheet a scoring workbook (.xlsx)."),
    ] = False,
) -> int:
    """Start a scorecard repository.

    Writes the config, a sheet for the current period and a README.

    Never overwrites a file. A README already in the folder is left as it is, and
    the group's notes go in README-scorecard.md beside it.

    Example: compactscore init riverton-compact --area Riverton
    """
    period_given = opt.parsed_period(period)
    from compactscore.errors import Problem, WriteError
    from compactscore.load.files import write_all
    from compactscore.load.paths import resolved
    from compactscore.load.repository import CONFIG_NAME
    from compactscore.load.source import WORKING_TREE
    from compactscore.load.sources import definition_for
    from compactscore.render.readme import readme_text
    from compactscore.render.sheetfile import sheet_text

    chosen = current_period(date.today()) if period_given is None else period_given
    name = area.strip() if area is not None else resolved(folder).name.replace("-", " ").title()
    if not name:
        raise opt.usage("--area is empty.", "Give the area's name, as in --area Riverton.")
    _check_area(name)
    definition = definition_for(None, None)
    in_force = definition.in_force(definition.version_for(chosen))
    readmes = _readmes_in(folder)
    sheet = f"{SCORES}/{chosen.label}.{'xlsx' if xlsx else 'csv'}"
    if xlsx:
        from compactscore.render.workbook import scoring_workbook

        first: str | bytes = scoring_workbook(
            in_force, definition.scale, chosen.label, {}, None, area=name
        )
    else:
        first = sheet_text(in_force, {}, None)
    files: dict[Path, str | bytes] = {
        folder / CONFIG_NAME: _config_text(name),
        folder / sheet: first,
    }
    there = [path for path in files if WORKING_TREE.exists(path)]
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
    notes = _notes_name(readmes)
    if notes is not None:
        files[folder / notes] = readme_text(
            name, definition.title, chosen.label, len(in_force), ".xlsx" if xlsx else ".csv"
        )
    write_all(folder, folder / SCORES, files, SCORES)
    _say_done(folder, name, list(files), readmes, notes, sheet)
    return 0


def _say_done(
    folder: Path, name: str, written: list[Path], readmes: list[str], notes: str | None, sheet: str
) -> None:
    """List the files written, any README left alone, and what to do next."""
    from compactscore.commands.common import out_console

    console = out_console()
    console.print(f"Made a scorecard repository for {name} in {folder}:", markup=False)
    for path in written:
        console.print(f"  {path}", markup=False)
    if readmes:
        console.print(_readmes_left(readmes, notes), markup=False, soft_wrap=True)
    # 'compactscore save' commits the scorecard's own files and nothing else (never
    # 'git add .', which would take reports and private notes alike).
    start = "" if _in_git(folder) else " --init"
    # Not wrapped, so the command can be copied whole.
    console.print(
        f"Next: fill in the scores in {sheet} and run 'compactscore score', then keep the "
        f'record with: compactscore save{start} -m "Scores agreed at the meeting"',
        markup=False,
        soft_wrap=True,
    )


def _readmes_in(folder: Path) -> list[str]:
    """The README files a folder already has (README.md, readme.txt, README...), ours last."""
    from compactscore.load.source import WORKING_TREE

    names = WORKING_TREE.names(folder)
    theirs = sorted(
        name
        for name in names
        if name.lower() != OUR_README.lower()
        and (name.lower() == "readme" or name.lower().startswith("readme."))
    )
    return theirs + [name for name in names if name.lower() == OUR_README.lower()]


def _notes_name(readmes: list[str]) -> str | None:
    """Where the group's notes go: README.md, beside the folder's own README, or nowhere."""
    ours = [name for name in readmes if name.lower() == OUR_README.lower()]
    if len(ours) == len(readmes):
        return README
    return None if ours else OUR_README


def _readmes_left(readmes: list[str], notes: str | None) -> str:
    """Say which READMEs were already there and left as they were, and where our notes went."""
    from compactscore.render.words import listed

    if len(readmes) == 1:
        left = f"{readmes[0]} was already there, so it is left as it was"
    else:
        left = f"{listed(readmes)} were already there, so they are left as they were"
    if notes is None:
        return f"{left} and no notes for the group were written."
    return f"{left}; the scorecard's notes for the group are in {notes}."


def _in_git(folder: Path) -> bool:
    """Whether the folder is inside a git repository already."""
    from compactscore.errors import GitError
    from compactscore.load.revision import git_root

    try:
        git_root(folder)
    except GitError:
        return False
    return True


def _check_area(name: str) -> None:
    """Refuse an area name the config could not hold: never write a file its reader refuses."""
    from compactscore.controls import escape_controls, has_controls
    from compactscore.errors import DataError
    from compactscore.load.repository import CONFIG_NAME
    from compactscore.load.yamlfile import parse_yaml

    # Bytes that were not UTF-8 on the command line arrive as lone surrogates.
    shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    try:
        data, _ = parse_yaml(_config_text(name), CONFIG_NAME)
        kept = shown == name and isinstance(data, dict) and data.get("area") == name
    except (DataError, UnicodeError):
        kept = False
    if has_controls(name) or not kept:
        raise opt.usage(
            f"--area '{escape_controls(shown)}' holds a control character or a byte that is "
            "not text, which a config cannot keep.",
            "Type the area's name again, as in --area Riverton.",
        )


def _config_text(area: str) -> str:
    import json

    # json.dumps gives a quoted string YAML reads back exactly, whatever the name holds.
    return (
        "# The scorecard repository: compactscore finds this file from any folder below it.\n"
        f"area: {json.dumps(area, ensure_ascii=False)}\n"
        "definition: thriving-sector   # the bundled definition, or the path of a YAML file\n"
        f"scores: {SCORES}                # the folder with one CSV per period\n"
    )
