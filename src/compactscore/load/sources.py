"""Where a command reads its sheets: the files on disk, or as they were at a git revision.

Nothing here prints: the warnings found while loading are kept in ``warnings`` and
handed to ``errors.warn``, which the command's one handler prints (``exits.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from compactscore.errors import (
    CompactscoreError,
    DataError,
    Problem,
    Severity,
    errors_in,
    usage,
)
from compactscore.load.definition import load_definition
from compactscore.load.paths import resolved, shown_path
from compactscore.load.repository import (
    Repository,
    check_periods,
    find_config,
    load_repository,
    sheets_named_in,
)
from compactscore.load.sheet import limit_of, load_sheet_warned, read_sheet
from compactscore.load.source import WORKING_TREE, FileSource, GitRevision
from compactscore.models import Definition, Sheet
from compactscore.periods import Period, period_in_name, period_of_file


def definition_for(indicators: Path | None, repository: Repository | None) -> Definition:
    """The definition to use: --indicators, else the repository's, else the bundled one."""
    if indicators is not None:
        return load_definition(indicators)
    if repository is not None:
        return repository.definition
    return load_definition()


class Sources(NamedTuple):
    """The repository (if any), the definition, and where the files are read from.

    A named tuple: quicker to make than a frozen dataclass, at every start.
    """

    repository: Repository | None
    definition: Definition
    source: FileSource = WORKING_TREE

    @property
    def rev(self) -> str | None:
        """The revision the files are read at, as the user wrote it; None for the working tree."""
        return self.source.rev

    @property
    def commit(self) -> str | None:
        """The commit the files are read at; None for the working tree."""
        return self.source.commit if isinstance(self.source, GitRevision) else None

    @property
    def area(self) -> str:
        """The area's name from the config, or empty."""
        return self.repository.config.area if self.repository else ""

    def shown(self, path: Path) -> str:
        """How a file is named in messages: as given, or ``REV:path`` at a revision."""
        return self.source.shown(path)

    def sheet_paths(self) -> list[tuple[Period, Path]]:
        """The repository's score files, oldest first (an error when there is no repository)."""
        if self.repository is None:
            raise usage(
                "no score file named, and no compactscore.yaml in this folder or above it.",
                "Name the files, as in 'compactscore trend 2023.csv 2024.csv', "
                "or make a repository with 'compactscore init'.",
            )
        found = self.repository.sheet_paths()
        folder = self.repository.scores_dir
        if not found:
            raise DataError.at(
                shown_path(folder),
                None,
                "holds no score files named for a period (such as 2024.csv or 2024-25.csv).",
                "Add one with 'compactscore new PERIOD'.",
            )
        return found

    def load(self, path: Path, warn: bool = False) -> Sheet:
        """One sheet, checked against the definition version in force for its period.

        With ``warn``, its warnings (rows missing, last period's evidence left in) are
        passed on to be printed as check prints them, for a command about this one sheet.
        """
        sheet, warnings = self.load_warned(path)
        if warn:
            _warn(warnings)
        return sheet

    def load_warned(self, path: Path) -> tuple[Sheet, list[Problem]]:
        """One sheet and the warnings check gives about it."""
        return load_sheet_warned(path, self.definition, self.shown(path), source=self.source)

    def read_all(self, paths: list[Path]) -> list[tuple[Sheet | None, list[Problem]]]:
        """Many sheets, each read (and its problems found) as ``read_sheet`` does, their
        files read together: at a revision, through one git process."""
        files = [(path, self.shown(path), limit_of(path)) for path in paths]
        found: list[tuple[Sheet | None, list[Problem]]] = []
        for (path, shown, _), data in zip(files, self.source.read_many(files), strict=True):
            if isinstance(data, CompactscoreError):
                found.append((None, data.problems))
            else:
                found.append(read_sheet(path, self.definition, shown, data))
        return found

    def periods_of(self, files: list[Path]) -> list[tuple[Period, Path]]:
        """Files named on the command line, each with its period, oldest first."""
        found = []
        home = find_config(files[0]) if files else None
        for file in files:
            if find_config(file) != home:
                raise usage(
                    f"{shown_path(file)} and {shown_path(files[0])} belong to different "
                    "scorecard repositories, so they are not one area's years.",
                    "Name the sheets of one area; 'compactscore compare' puts areas side by side.",
                )
            # 'Compact scorecard 2026-27 FINAL.csv' named on the command line is 2026-27.
            period = period_of_file(file.name) or period_in_name(file.name)
            if period is None:
                raise DataError.at(
                    shown_path(file),
                    None,
                    "has no period in its name, so it cannot be put in order.",
                    "Name the file for its period, such as 2024.csv or 2024-25.csv.",
                )
            found.append((period, file))
        check_periods(found)
        return sorted(found, key=lambda item: item[0].sort_key)


def open_sources(start: Path, indicators: Path | None, rev: str | None) -> Sources:
    """The repository found from a folder (or file), as it is or as it was at a revision."""
    source = source_at(start, rev)
    repository = load_repository(start, source)
    return Sources(repository, definition_for(indicators, repository), source)


def source_at(start: Path, rev: str | None) -> FileSource:
    """The files as they are, or as they were at a revision of the repository a path is in."""
    if rev is None:
        return WORKING_TREE
    from compactscore.load.revision import commit_of, git_root

    root = git_root(start)
    return GitRevision(root, commit_of(root, rev), rev)


def open_sheet(
    file: Path | None, indicators: Path | None, rev: str | None
) -> tuple[Sources, Path, Sheet]:
    """The sources and one sheet: the file named, or the repository's latest period."""
    sources = open_sources(file if file is not None else Path.cwd(), indicators, rev)
    if file is None:
        if sources.repository is None:
            raise usage(
                "no score file named, and no compactscore.yaml in this folder or above it.",
                "Name a score file, such as 2024.csv, or run the command inside a scorecard "
                "repository ('compactscore init' makes one).",
            )
        file = sources.sheet_paths()[-1][1]
    return sources, file, sources.load(file, warn=True)


def load_all(sources: Sources, paths: list[tuple[Period, Path]]) -> list[Sheet]:
    """Every sheet, with the problems of all of them reported together."""
    return load_all_warned(sources, paths, warn=False)[0]


def load_all_warned(
    sources: Sources, paths: list[tuple[Period, Path]], warn: bool = True
) -> tuple[list[Sheet], list[Problem]]:
    """Every sheet and every warning check gives about them, passed on (with ``warn``) to be
    printed as check prints them, so that a trend or a board paper never passes one by unseen."""
    sheets, problems, warnings = [], [], []
    for sheet, found in sources.read_all([path for _, path in paths]):
        errors = errors_in(found)
        if sheet is None or errors:
            problems.extend(errors)
            continue
        sheets.append(sheet)
        warnings.extend(found)
    if problems:
        raise DataError(problems)
    if warn:
        _warn(warnings)
    return sheets, warnings


def _warn(warnings: list[Problem]) -> None:
    if warnings:
        from compactscore.errors import warn

        warn(warnings)


def previous_of(sources: Sources, file: Path, sheet: Sheet) -> Sheet | None:
    """The sheet of the period before this one, if there is one that reads cleanly.

    In a repository that is the sheet before it in the repository's list; beside a
    plain folder of sheets, the latest earlier file of the same kind of period.
    """
    if sheet.period is None:
        return None
    earlier = [
        (period, path)
        for period, path in _neighbours(sources, file)
        if period.kind is sheet.period.kind and period < sheet.period
    ]
    if not earlier:
        return None
    path = max(earlier, key=lambda item: item[0].sort_key)[1]
    try:
        return sources.load(path)
    except CompactscoreError:
        _warn(
            [
                Problem(
                    sources.shown(path),
                    None,
                    "has problems, so no change from it is shown.",
                    f"Run 'compactscore check {shown_path(path)}' to see them.",
                    Severity.WARNING,
                )
            ]
        )
        return None


def _neighbours(sources: Sources, file: Path) -> list[tuple[Period, Path]]:
    folder = resolved(file).parent
    repository = sources.repository
    if repository is not None and repository.scores_dir.resolve() == folder:
        return sources.sheet_paths()
    return sheets_named_in(folder, sources.source)
