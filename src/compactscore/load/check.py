"""What ``check`` finds: every problem in the configs, definitions and sheets named, once each.

Written once against a ``FileSource``: the files as they are, or as they were at a
git revision (``check --rev``), are checked by the same code.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from compactscore.errors import CompactscoreError, Problem, Severity, UsageError
from compactscore.load.definition import parse_definition
from compactscore.load.kinds import SHEET_ENDINGS, is_sheet
from compactscore.load.paths import shown_folder
from compactscore.load.repository import (
    CONFIG_NAME,
    Repository,
    find_config,
    load_config,
    load_repository,
)
from compactscore.load.sheet import limit_of, sheet_problems
from compactscore.load.source import WORKING_TREE, FileSource, not_there, text_of
from compactscore.load.sources import definition_for, source_at
from compactscore.load.text import MAX_BYTES, decode
from compactscore.models import Definition
from compactscore.periods import period_of_file

YAML_ENDINGS = (".yaml", ".yml")


class Checker:
    """Collects every problem in every file, each file checked once."""

    def __init__(self, indicators: Path | None, source: FileSource = WORKING_TREE) -> None:
        self.indicators = indicators
        self.source = source
        self.problems: list[Problem] = []
        self.files = 0
        self.unchecked = 0  # sheets whose config or definition is broken
        self._seen: set[str] = set()
        self._reported: set[Problem] = set()
        self._repositories: dict[Path, Repository | CompactscoreError | None] = {}
        # Per folder of sheets: its real path, and its definition or the error finding it.
        self._folders: dict[Path, tuple[str, Definition | CompactscoreError]] = {}

    def open_repository(self, start: Path) -> None:
        """Read the repository a path is in, and count its config, before anything is checked."""
        from compactscore.load.repository import find_config

        config = find_config(start, self.source)
        if config is None:
            return
        self._repositories[config.parent.resolve()] = load_repository(config.parent, self.source)
        self._seen.add(os.path.realpath(config))
        self.files += 1

    def shown(self, path: Path) -> str:
        """A file as check names it: as typed, or ``REV:path`` at a revision."""
        return str(path) if self.source.rev is None else self.source.shown(path)

    def check_path(self, path: Path) -> None:
        if not self.source.exists(path):
            if self.source.rev is None:
                self._add(
                    Problem(str(path), None, "does not exist.", "Check the name and the folder.")
                )
            else:
                self.files += 1
                self._add(not_there(self.source.shown(path)).problems)
        elif self.source.is_folder(path):
            self._check_folder(path)
        elif path.name == CONFIG_NAME:
            self._check_config(path)
        elif path.suffix.lower() in YAML_ENDINGS:
            self.check_definition(path)
        else:
            self._check_sheet(path)

    def check_definition(self, path: Path, source: FileSource | None = None) -> None:
        """Check an indicator definition (once, however often it is named)."""
        source = source or self.source
        shown = str(path) if source.rev is None else source.shown(path)
        self._once(path, lambda: parse_definition(text_of(source, path, shown), shown))

    def _check_folder(self, folder: Path) -> None:
        config = folder / CONFIG_NAME
        has_config = self.source.is_file(config)
        if has_config:
            self._check_config(config)
        sheets = sheets_below(folder, self.source)
        self._check_sheets([(path, parent, is_link) for path, parent, is_link in sheets])
        if not sheets and not has_config:
            self._add(
                Problem(
                    shown_folder(folder),
                    None,
                    f"holds no score files (.csv, .xlsx, .ods) and no {CONFIG_NAME}, so nothing was checked.",
                    "Name the files or the folder to check, or run check in the scorecard "
                    "repository.",
                    Severity.WARNING,
                )
            )

    def _check_config(self, path: Path) -> None:
        self._once(path, lambda: self._check_repository(path.parent))

    def _check_repository(self, folder: Path) -> None:
        """The config, its definition, and its sheets as the other commands will find them."""
        repository = self._repository(folder)
        if repository is None:
            return
        scores = repository.scores_dir
        for name in sorted(self.source.names(scores)):
            if not is_sheet(name) and period_of_file(name) is not None:
                path = scores / name
                self._add(
                    Problem(
                        self.source.shown(path),
                        None,
                        "is named for a period but is neither a CSV file nor a workbook "
                        "(.xlsx, .xlsm, .xlsb, .xls, .ods), so no command reads it.",
                        f"Save it from the spreadsheet as CSV ({path.stem}.csv) or as a "
                        f"workbook ({path.stem}.xlsx), then move this one out of the scores "
                        "folder.",
                        Severity.WARNING,
                    )
                )
        if not repository.sheet_paths():
            self._add(
                Problem(
                    self.source.shown(repository.config_path),
                    None,
                    f"its scores folder ({shown_folder(scores)}) holds no sheet "
                    "named for a period, so the other commands will find none.",
                    "Set 'scores:' to the folder of the sheets, or add one with "
                    "'compactscore new PERIOD'.",
                    Severity.WARNING,
                )
            )

    def _add(self, problems: Problem | list[Problem]) -> None:
        # A set beside the list: asking the list whether a problem is in it made a
        # definition with thousands of problems quadratic in a folder of sheets.
        new = problems if isinstance(problems, list) else [problems]
        self.problems.extend(new)
        self._reported.update(new)

    def _once(self, path: Path, load: Callable[[], object]) -> None:
        key = os.path.realpath(path)  # never raises, even for a link that loops
        if key in self._seen:
            return
        self._seen.add(key)
        self.files += 1
        try:
            load()
        except CompactscoreError as error:
            self._add(error.problems)

    def _repository(self, folder: Path) -> Repository | None:
        key = folder.resolve()
        if key not in self._repositories:
            self._repositories[key] = load_repository(folder, self.source)
        found = self._repositories[key]
        if isinstance(found, CompactscoreError):
            raise found
        return found

    def _open_repositories(self, folders: list[Path]) -> None:
        """The repositories of many folders, their configs read together (at a revision,
        through one git process); each error kept, to be named where a sheet needs it."""
        configs: dict[Path, list[Path]] = {}
        for folder in dict.fromkeys(folders):
            key = folder.resolve()
            if key in self._repositories:
                continue
            config = find_config(folder, self.source)
            if config is None:
                self._repositories[key] = None
            else:
                configs.setdefault(config, []).append(key)
        files = [(path, self.source.shown(path), MAX_BYTES) for path in configs]
        for (path, shown, _), data in zip(files, self.source.read_many(files), strict=True):
            found: Repository | CompactscoreError
            try:
                if isinstance(data, CompactscoreError):
                    raise data
                found = load_config(path, self.source, decode(data, shown))
            except CompactscoreError as error:
                found = error
            for key in configs[path]:
                self._repositories[key] = found

    def _folder(self, folder: Path) -> tuple[str, Definition | CompactscoreError]:
        """A folder's real path and its sheets' definition: thousands of sheets share a few."""
        if folder not in self._folders:
            try:
                found: Definition | CompactscoreError = definition_for(
                    self.indicators, self._repository(folder)
                )
            except CompactscoreError as error:
                found = error
            self._folders[folder] = (str(folder.resolve()), found)
        return self._folders[folder]

    def _check_sheet(
        self, path: Path, parent: Path | None = None, is_link: bool | None = None
    ) -> None:
        """Check one sheet; a folder's walk passes its parent and whether it is a link."""
        self._check_sheets([(path, parent, is_link)])

    def _check_sheets(self, sheets: list[tuple[Path, Path | None, bool | None]]) -> None:
        """Check sheets, their files read together (at a revision, by one git process).

        Each sheet's problems, or its broken config's, are added in the sheets' order.
        """
        steps: list[tuple[Path, Definition] | CompactscoreError] = []
        self._open_repositories(
            [path.parent if parent is None else parent for path, parent, _ in sheets]
        )
        for path, parent, is_link in sheets:
            step = self._to_check(path, parent, is_link)
            if step is not None:
                steps.append(step)
        files = [
            (step[0], self.shown(step[0]), limit_of(step[0]))
            for step in steps
            if not isinstance(step, CompactscoreError)
        ]
        found = zip(files, self.source.read_many(files), strict=True)
        for step in steps:
            if isinstance(step, CompactscoreError):
                # The config or definition is broken: report it once, not per sheet.
                self._add([problem for problem in step.problems if problem not in self._reported])
                self.unchecked += 1
                continue
            (path, shown, _), data = next(found)
            self.files += 1
            if isinstance(data, CompactscoreError):
                self._add(data.problems)
            else:
                self._add(sheet_problems(path, step[1], shown, data))

    def _to_check(
        self, path: Path, parent: Path | None, is_link: bool | None
    ) -> tuple[Path, Definition] | CompactscoreError | None:
        """A sheet and the definition to check it against; the error when its config or
        definition is broken; None when it is checked already."""
        real_folder, definition = self._folder(path.parent if parent is None else parent)
        if is_link is None:
            is_link = path.is_symlink()
        # The sheet's real path, so a file named twice (or by a link) is checked once.
        key = os.path.realpath(path) if is_link else os.path.join(real_folder, path.name)
        if key in self._seen:
            return None
        self._seen.add(key)
        if isinstance(definition, CompactscoreError):
            return definition
        return path, definition


def check_all(paths: list[Path], indicators: Path | None, rev: str | None) -> Checker:
    """Check every file named (or the folder here), as it is or as it was at a revision."""
    start = paths[0] if paths else Path.cwd()
    try:
        checker = Checker(indicators, source_at(start, rev))
        if rev is not None:
            # At a revision the repository is read first, as every command reads it there.
            checker.open_repository(start)
    except UsageError:
        raise  # a revision that names no commit is wrong usage, as for every command
    except CompactscoreError as error:
        checker = Checker(indicators)
        checker.problems.extend(error.problems)
        return checker
    if indicators is not None:
        # Checked even when no sheet needs it, so a wrong --indicators never passes unseen.
        checker.check_definition(indicators, WORKING_TREE)
    # '.' rather than the absolute folder, so that messages name files as the user sees them.
    for path in paths or [Path(".")]:
        checker.check_path(path)
    return checker


def sheets_below(folder: Path, source: FileSource = WORKING_TREE) -> list[tuple[Path, Path, bool]]:
    """Each sheet (``*.csv``, ``*.xlsx``, ...) below a folder in path order, with its folder
    and whether it is a link. Hidden files and folders (.git and the like) are never
    entered, nor are linked folders."""
    return [
        (path, path.parent, is_link) for path, is_link in source.files_below(folder, SHEET_ENDINGS)
    ]


def problems_in(folder: Path) -> list[Problem]:
    """Every problem check finds in a scorecard folder: its config, definition and sheets."""
    checker = Checker(None)
    checker.check_path(folder)
    return checker.problems
