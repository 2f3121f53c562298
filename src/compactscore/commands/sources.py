"""Where a command reads its sheets: the files on disk, or as they were at a git revision."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from compactscore.commands.common import definition_for, usage
from compactscore.errors import CompactscoreError, DataError, Problem
from compactscore.load.paths import resolved, shown_path
from compactscore.load.repository import Repository, check_periods, find_config, load_repository
from compactscore.load.sheet import load_sheet_warned
from compactscore.load.workbook import is_sheet
from compactscore.models import Definition, Sheet
from compactscore.periods import Period, period_in_name, period_of_file


@dataclass(frozen=True)
class Sources:
    """The repository (if any), the definition, and the revision files are read at."""

    repository: Repository | None
    definition: Definition
    rev: str | None = None
    commit: str | None = None
    git_root: Path | None = None

    @property
    def area(self) -> str:
        """The area's name from the config, or empty."""
        return self.repository.config.area if self.repository else ""

    def shown(self, path: Path) -> str:
        """How a file is named in messages: as given, or ``REV:path`` at a revision."""
        if self.rev is not None and self.git_root is not None:
            from compactscore.load.revision import relative

            return f"{self.rev}:{relative(self.git_root, path)}"
        return shown_path(path)

    def sheet_paths(self) -> list[tuple[Period, Path]]:
        """The repository's score files, oldest first (an error when there is no repository)."""
        if self.repository is None:
            raise usage(
                "no score file named, and no compactscore.yaml in this folder or above it.",
                "Name the files, as in 'compactscore trend 2023.csv 2024.csv', "
                "or make a repository with 'compactscore init'.",
            )
        found = self.sheets_of(self.repository)
        folder = self.repository.scores_dir
        if not found:
            raise DataError.at(
                shown_path(folder),
                None,
                "holds no score files named for a period (such as 2024.csv or 2024-25.csv).",
                "Add one with 'compactscore new PERIOD'.",
            )
        return found

    def sheets_of(self, repository: Repository) -> list[tuple[Period, Path]]:
        """A repository's score files, oldest first, as they are or were at the revision."""
        if self.commit is not None and self.git_root is not None:
            from compactscore.load.revision import sheet_paths_at

            return sheet_paths_at(self.git_root, self.commit, repository.scores_dir)
        return repository.sheet_paths()

    def load(self, path: Path, warn: bool = False) -> Sheet:
        """One sheet, checked against the definition version in force for its period.

        With ``warn``, its warnings (rows missing, last period's evidence left in) are
        printed as check prints them, for a command about this one sheet.
        """
        sheet, warnings = self.load_warned(path)
        if warn and warnings:
            from compactscore.exits import report_problems

            report_problems(warnings)
        return sheet

    def load_warned(self, path: Path) -> tuple[Sheet, list[Problem]]:
        """One sheet and the warnings check gives about it."""
        shown = self.shown(path)
        text: str | bytes | None = None
        if self.commit is not None and self.git_root is not None:
            from compactscore.load.revision import relative, sheet_at

            text = sheet_at(self.git_root, self.commit, relative(self.git_root, path), shown)
        return load_sheet_warned(path, self.definition, shown=shown, text=text)

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
    if rev is None:
        repository = load_repository(start)
        return Sources(repository, definition_for(indicators, repository))
    from compactscore.load.revision import commit_of, git_root, repository_at

    root = git_root(start)
    commit = commit_of(root, rev)
    repository = repository_at(start, root, commit, rev)
    return Sources(repository, definition_for(indicators, repository), rev, commit, root)


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
    """Every sheet and every warning check gives about them, printed (with ``warn``) as
    check prints them, so that a trend or a board paper never passes one by unseen."""
    sheets, problems, warnings = [], [], []
    for _, path in paths:
        try:
            sheet, found = sources.load_warned(path)
        except CompactscoreError as error:
            problems.extend(error.problems)
            continue
        sheets.append(sheet)
        warnings.extend(found)
    if problems:
        raise DataError(problems)
    if warn and warnings:
        from compactscore.exits import report_problems

        report_problems(warnings)
    return sheets, warnings


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
        from compactscore.errors import Problem, Severity
        from compactscore.exits import report_problems

        report_problems(
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
    if sources.commit is not None and sources.git_root is not None:
        from compactscore.load.revision import names_at, relative

        names = names_at(sources.git_root, sources.commit, relative(sources.git_root, folder))
    else:
        names = [path.name for path in folder.iterdir() if path.is_file()]
    found = []
    for name in names:
        period = period_of_file(name)
        if is_sheet(name) and period is not None:
            found.append((period, folder / name))
    return found
