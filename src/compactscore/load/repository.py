"""The scorecard repository: its config, its definition and its sheets by period."""

# No "from __future__ import annotations" in the modules of the models every command
# builds: pydantic reads their annotations as objects, not text to evaluate (2 ms).

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from compactscore.errors import DataError
from compactscore.load.definition import BUNDLED, resolve_definition
from compactscore.load.kinds import is_sheet
from compactscore.load.paths import resolved, shown_path
from compactscore.load.source import WORKING_TREE, FileSource, text_of
from compactscore.load.yamlfile import line_of, parse_yaml, validate
from compactscore.models import Definition
from compactscore.periods import Period, period_of_file

CONFIG_NAME = "compactscore.yaml"


class Config(BaseModel):
    """What ``compactscore.yaml`` says: the area, its definition, where its sheets are."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)

    area: str = ""
    definition: str = BUNDLED
    scores: str = "."


@dataclass(frozen=True)
class Repository:
    """A folder with a config: everything a command needs to find the sheets."""

    root: Path
    config_path: Path
    config: Config
    definition: Definition
    # Where its files are read from: the working tree, or a git revision.
    source: FileSource = field(default=WORKING_TREE, compare=False, repr=False)

    @property
    def scores_dir(self) -> Path:
        """The folder that holds the score files."""
        return self.root / self.config.scores

    def sheet_paths(self) -> list[tuple[Period, Path]]:
        """Every score file, oldest period first."""
        return sheet_paths_in(self.scores_dir, self.source)


def find_config(start: Path, source: FileSource = WORKING_TREE) -> Path | None:
    """The nearest ``compactscore.yaml`` in a folder or any folder above it, as git finds .git."""
    folder = resolved(start)
    if source.exists(folder) and not source.is_folder(folder):
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        path = candidate / CONFIG_NAME
        # A config that is not a file (a broken link, a FIFO, a loop) is found too, and
        # refused when read, rather than passed over for one further up.
        if source.exists(path) and not source.is_folder(path):
            return path
    return None


def load_repository(start: Path, source: FileSource = WORKING_TREE) -> Repository | None:
    """The repository a folder (or a file) is in, or None when there is no config above it."""
    path = find_config(start, source)
    if path is None:
        return None
    return load_config(path, source)


def load_config(
    path: Path, source: FileSource = WORKING_TREE, text: str | None = None
) -> Repository:
    """The repository of a config file (its text given, or read): the config, its
    definition, its scores folder."""
    shown = source.shown(path)
    data, node = parse_yaml(text_of(source, path, shown) if text is None else text, shown)
    if data is None:
        data = {}
    config = validate(Config, data, node, shown, "compactscore config")
    root = path.parent
    check_paths_inside(root, config, shown, node)
    definition = resolve_definition(
        config.definition, root, shown, line_of(node, ("definition",)), source
    )
    scores = root / config.scores
    if source.rev is None and not scores.is_dir():
        # At a revision a missing folder holds no sheets, and is named so when they are looked for.
        raise DataError.at(
            shown,
            line_of(node, ("scores",)),
            f"the scores folder {config.scores!r} "
            + (
                "is a file, not a folder"
                if scores.exists()
                else "is a symbolic link that leads nowhere, or round in a loop"
                if scores.is_symlink()
                else "does not exist"
            )
            + f" (looked for {shown_path(scores)}).",
            "Create the folder, or set 'scores:' to the folder that holds the sheets.",
        )
    return Repository(
        root=root, config_path=path, config=config, definition=definition, source=source
    )


def check_paths_inside(root: Path, config: Config, shown: str, node: Any) -> None:
    """Refuse a config whose scores folder or definition file is outside its repository."""
    _inside(root, config.scores, "scores", shown, line_of(node, ("scores",)))
    if config.definition != BUNDLED:
        _inside(root, config.definition, "definition", shown, line_of(node, ("definition",)))


def _inside(root: Path, written: str, key: str, shown: str, line: int | None) -> None:
    """Refuse a config path that leaves the repository (``..``, an absolute path, a link out).

    Everything a repository's commands read must be in it: git keeps its history, and a
    repository received from elsewhere cannot make the commands read files beyond it.
    """
    try:
        real_root, real_target = resolved(root), resolved(root / written)
    except DataError:
        return  # a link that loops is named where the folder itself is looked for
    if real_target.is_relative_to(real_root):
        return
    # Written inside but found outside: a link on the way leads out.
    written_inside = Path(os.path.normpath(real_root / written)).is_relative_to(real_root)
    how = " through a link" if written_inside else ""
    fix = (
        f"Move the score files into a folder inside the repository ({shown_path(root)}) and "
        "set 'scores:' to that folder, such as 'scores'."
        if key == "scores"
        else f"Copy the definition into the repository folder ({shown_path(root)}) and set "
        "'definition:' to its path from there, such as 'indicators.yaml'."
    )
    raise DataError.at(
        shown,
        line,
        f"'{key}: {written}' leads outside the repository{how}; a repository reads only what "
        "is inside its folder, where git keeps its history.",
        fix,
    )


def sheet_paths_in(folder: Path, source: FileSource = WORKING_TREE) -> list[tuple[Period, Path]]:
    """The sheets (CSV files and workbooks) in a folder whose names are periods, oldest first."""
    found = sheets_named_in(folder, source)
    check_periods(found)
    return sorted(found, key=lambda item: item[0].sort_key)


def sheets_named_in(folder: Path, source: FileSource = WORKING_TREE) -> list[tuple[Period, Path]]:
    """The sheets in a folder named for a period, in no order, two for one period allowed."""
    found = []
    for name in source.names(folder):
        if is_sheet(name):
            period = period_of_file(name)
            # Anything but a folder: a FIFO, a device or a broken link named for a period
            # is refused when read, with its reason, rather than passed over without a word.
            if period is not None and not source.is_folder(folder / name):
                found.append((period, folder / name))
    return found


def check_periods(found: list[tuple[Period, Path]]) -> None:
    """Refuse sheets that cannot be put in order: two for one period, or years of two kinds."""
    first: dict[Period, Path] = {}
    for period, path in sorted(found, key=lambda item: str(item[1])):
        if period in first:
            raise DataError.at(
                shown_path(path),
                None,
                f"is a second sheet for {period.label}, beside {shown_path(first[period])}, "
                "so which one holds the agreed scores is not clear.",
                "Keep one sheet for each period: move or delete the other.",
            )
        first[period] = path
    kinds = {period.kind for period, _ in found}
    if len(kinds) > 1:
        years = sorted(shown_path(path) for period, path in found if period.kind.value == "year")
        raise DataError.at(
            years[0],
            None,
            "calendar years (2024.csv) and financial years (2024-25.csv) are mixed in one "
            "repository, so they cannot be put in order.",
            _rename_hint(Path(years[0]), found),
        )


def _rename_hint(year_file: Path, found: list[tuple[Period, Path]]) -> str:
    """How to rename a calendar-year sheet, never to a year another sheet already holds."""
    year = int(year_file.stem)
    taken = {period.label: path.name for period, path in found}
    starting, ending = f"{year}-{(year + 1) % 100:02d}", f"{year - 1}-{year % 100:02d}"
    if starting not in taken:
        return f"Name every sheet the same way: rename this file, for example to {starting}.csv."
    if ending in taken:
        return (
            f"Name every sheet the same way: {taken[ending]} and {taken[starting]} are both "
            "already there, so move this file out of the scores folder, or rename it for the "
            "year it holds."
        )
    return (
        f"Name every sheet the same way: {taken[starting]} is already there, so rename this "
        f"file to {ending}.csv if it holds that year, or move it out of the scores folder if "
        f"it is a copy of {taken[starting]}."
    )
