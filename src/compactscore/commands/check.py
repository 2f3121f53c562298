"""``compactscore check``: validate definitions, configs and every score file."""

from __future__ import annotations

import os
from pathlib import Path

from rich.console import Console

from compactscore.commands.common import definition_for, out_console
from compactscore.errors import CompactscoreError, Problem, Severity, errors_in
from compactscore.load.definition import load_definition
from compactscore.load.repository import CONFIG_NAME, Repository, load_repository
from compactscore.load.sheet import sheet_problems
from compactscore.models import Definition
from compactscore.options import CheckFormat
from compactscore.render.words import plural


def run_check(paths: list[Path], indicators: Path | None, output: CheckFormat) -> int:
    """Check every file named (or the repository here); exit 1 when any has an error."""
    checker = _Checker(indicators)
    for path in paths or [Path.cwd()]:
        checker.check_path(path)
    _report(out_console(), checker, output)
    return 1 if errors_in(checker.problems) else 0


class _Checker:
    """Collects every problem in every file, each file checked once."""

    def __init__(self, indicators: Path | None) -> None:
        self.indicators = indicators
        self.problems: list[Problem] = []
        self.files = 0
        self._seen: set[str] = set()
        self._repositories: dict[Path, Repository | None] = {}
        # Per folder of sheets: its real path, and its definition or the error finding it.
        self._folders: dict[Path, tuple[str, Definition | CompactscoreError]] = {}

    def check_path(self, path: Path) -> None:
        if not path.exists():
            self.problems.append(
                Problem(str(path), None, "does not exist.", "Check the name and the folder.")
            )
        elif path.is_dir():
            self._check_folder(path)
        elif path.name == CONFIG_NAME:
            self._check_config(path)
        elif path.suffix.lower() in {".yaml", ".yml"}:
            self._once(path, lambda: load_definition(path, str(path)))
        else:
            self._check_sheet(path)

    def _check_folder(self, folder: Path) -> None:
        config = folder / CONFIG_NAME
        if config.is_file():
            self._check_config(config)
        for path in _csv_files_in(folder):
            self._check_sheet(path)

    def _check_config(self, path: Path) -> None:
        self._once(path, lambda: self._repository(path.parent))

    def _once(self, path: Path, load: object) -> None:
        key = str(path.resolve())
        if key in self._seen:
            return
        self._seen.add(key)
        self.files += 1
        try:
            load()  # type: ignore[operator]
        except CompactscoreError as error:
            self.problems.extend(error.problems)

    def _repository(self, folder: Path) -> Repository | None:
        key = folder.resolve()
        if key not in self._repositories:
            self._repositories[key] = load_repository(folder)
        return self._repositories[key]

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

    def _check_sheet(self, path: Path) -> None:
        real_folder, definition = self._folder(path.parent)
        # The sheet's real path, so a file named twice (or by a link) is checked once.
        key = str(path.resolve()) if path.is_symlink() else os.path.join(real_folder, path.name)
        if key in self._seen:
            return
        if isinstance(definition, CompactscoreError):
            # The config or definition is broken: report it once, not per sheet.
            for problem in definition.problems:
                if problem not in self.problems:
                    self.problems.append(problem)
            return
        self._seen.add(key)
        self.files += 1
        self.problems.extend(sheet_problems(path, definition, shown=str(path)))


def _csv_files_in(folder: Path) -> list[Path]:
    """Every ``*.csv`` below a folder, sorted, leaving out hidden ones and hidden folders."""
    # os.walk, unlike rglob, never goes into .git and the like at all.
    found = []
    for root, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        base = Path(root)
        found += [
            base / name
            for name in (*files, *folders)
            if name.endswith(".csv") and not name.startswith(".")
        ]
    return sorted(found)


def _report(console: Console, checker: _Checker, output: CheckFormat) -> None:
    for problem in checker.problems:
        if output is CheckFormat.GITHUB:
            console.file.write(_annotation(problem) + "\n")
        else:
            style = "yellow" if problem.severity is Severity.WARNING else "red"
            console.print(str(problem), style=style, markup=False, soft_wrap=True)
    errors = len(errors_in(checker.problems))
    warnings = len(checker.problems) - errors
    summary = (
        f"Checked {plural(checker.files, 'file')}: {plural(errors, 'error')}, "
        f"{plural(warnings, 'warning')}."
    )
    if output is CheckFormat.GITHUB:
        console.file.write(summary + "\n")
    else:
        console.print(summary, style="bold red" if errors else "bold green", markup=False)


def _annotation(problem: Problem) -> str:
    """A GitHub Actions annotation: ``::error file=F,line=L::message``."""
    kind = "warning" if problem.severity is Severity.WARNING else "error"
    where = f"file={_escape_property(problem.file)}"
    if problem.line:
        where += f",line={problem.line}"
    text = f"{problem.message} {problem.fix}".strip()
    return f"::{kind} {where}::{_escape_data(text)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
