"""``compactscore check``: validate definitions, configs and every score file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from compactscore import options as opt

if TYPE_CHECKING:
    from rich.console import Console

    from compactscore.commands.check_rev import RevisionChecker
    from compactscore.errors import CompactscoreError, Problem
    from compactscore.load.repository import Repository
    from compactscore.models import Definition


def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH", help="Score files, definitions or folders. Default: this folder."
        ),
    ] = None,
    indicators: opt.IndicatorsOption = None,
    output: Annotated[
        opt.CheckFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            parser=opt.choice_of(opt.CheckFormat),
            help="text, or github for GitHub Actions annotations.",
        ),
    ] = opt.CheckFormat.TEXT,
    rev: opt.RevOption = None,
) -> int:
    """Check definitions and score files.

    Prints each problem as FILE:LINE: message. Exits 1 when any error is found.

    Example: compactscore check scores/
    """
    options = opt.Options(output, indicators, rev)
    paths = paths or []
    from compactscore.commands.check_rev import RevisionChecker
    from compactscore.commands.common import out_console
    from compactscore.errors import errors_in

    checker: _Checker | RevisionChecker
    if options.rev is not None:
        checker = RevisionChecker(options.indicators, options.rev)
        checker.check(paths)
    else:
        checker = _Checker(options.indicators)
        if options.indicators is not None:
            # Checked even when no sheet needs it, so a wrong --indicators never passes unseen.
            checker.check_definition(options.indicators)
        # '.' rather than the absolute folder, so that messages name files as the user sees them.
        for path in paths or [Path(".")]:
            checker.check_path(path)
    _report(out_console(), checker, options.format)
    return 1 if errors_in(checker.problems) else 0


class _Checker:
    """Collects every problem in every file, each file checked once."""

    def __init__(self, indicators: Path | None) -> None:
        self.indicators = indicators
        self.problems: list[Problem] = []
        self.files = 0
        self.unchecked = 0  # sheets whose config or definition is broken
        self._seen: set[str] = set()
        self._reported: set[Problem] = set()
        self._repositories: dict[Path, Repository | None] = {}
        # Per folder of sheets: its real path, and its definition or the error finding it.
        self._folders: dict[Path, tuple[str, Definition | CompactscoreError]] = {}

    def check_path(self, path: Path) -> None:
        from compactscore.errors import Problem
        from compactscore.load.repository import CONFIG_NAME

        if not path.exists() and not path.is_symlink():  # a broken link is read, and named
            self._add(Problem(str(path), None, "does not exist.", "Check the name and the folder."))
        elif path.is_dir():
            self._check_folder(path)
        elif path.name == CONFIG_NAME:
            self._check_config(path)
        elif path.suffix.lower() in {".yaml", ".yml"}:
            self.check_definition(path)
        else:
            self._check_sheet(path)

    def check_definition(self, path: Path) -> None:
        """Check an indicator definition (once, however often it is named)."""
        from compactscore.load.definition import load_definition

        self._once(path, lambda: load_definition(path, str(path)))

    def _check_folder(self, folder: Path) -> None:
        from compactscore.errors import Problem, Severity
        from compactscore.load.paths import shown_folder
        from compactscore.load.repository import CONFIG_NAME

        config = folder / CONFIG_NAME
        if config.is_file():
            self._check_config(config)
        sheets = _sheets_below(folder)
        for path, parent, is_link in sheets:
            self._check_sheet(path, parent, is_link)
        if not sheets and not config.is_file():
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
        from compactscore.errors import Problem, Severity
        from compactscore.load.paths import shown_folder, shown_path
        from compactscore.load.workbook import is_sheet
        from compactscore.periods import period_of_file

        repository = self._repository(folder)
        if repository is not None and repository.scores_dir.is_dir():
            for path in sorted(repository.scores_dir.iterdir()):
                if not is_sheet(path.name) and period_of_file(path.name) is not None:
                    self._add(
                        Problem(
                            shown_path(path),
                            None,
                            "is named for a period but is neither a CSV file nor a workbook "
                            "(.xlsx, .xlsm, .xlsb, .xls, .ods), so no command reads it.",
                            f"Save it from the spreadsheet as CSV ({path.stem}.csv) or as a "
                            f"workbook ({path.stem}.xlsx), then move this one out of the scores "
                            "folder.",
                            Severity.WARNING,
                        )
                    )
        if repository is not None and not repository.sheet_paths():
            self._add(
                Problem(
                    shown_path(repository.config_path),
                    None,
                    f"its scores folder ({shown_folder(repository.scores_dir)}) holds no sheet "
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

    def _once(self, path: Path, load: object) -> None:
        from compactscore.errors import CompactscoreError

        key = os.path.realpath(path)  # never raises, even for a link that loops
        if key in self._seen:
            return
        self._seen.add(key)
        self.files += 1
        try:
            load()  # type: ignore[operator]
        except CompactscoreError as error:
            self._add(error.problems)

    def _repository(self, folder: Path) -> Repository | None:
        from compactscore.load.repository import load_repository

        key = folder.resolve()
        if key not in self._repositories:
            self._repositories[key] = load_repository(folder)
        return self._repositories[key]

    def _folder(self, folder: Path) -> tuple[str, Definition | CompactscoreError]:
        """A folder's real path and its sheets' definition: thousands of sheets share a few."""
        from compactscore.commands.common import definition_for
        from compactscore.errors import CompactscoreError

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
        from compactscore.errors import CompactscoreError
        from compactscore.load.sheet import sheet_problems

        real_folder, definition = self._folder(path.parent if parent is None else parent)
        if is_link is None:
            is_link = path.is_symlink()
        # The sheet's real path, so a file named twice (or by a link) is checked once.
        key = os.path.realpath(path) if is_link else os.path.join(real_folder, path.name)
        if key in self._seen:
            return
        if isinstance(definition, CompactscoreError):
            # The config or definition is broken: report it once, not per sheet.
            self._add([problem for problem in definition.problems if problem not in self._reported])
            self._seen.add(key)
            self.unchecked += 1
            return
        self._seen.add(key)
        self.files += 1
        self._add(sheet_problems(path, definition, shown=str(path)))


def _sheets_below(folder: Path) -> list[tuple[Path, Path, bool]]:
    """Each sheet (``*.csv``, ``*.xlsx``, ...) below a folder in path order, with its folder and whether it is a link.

    Hidden files and folders (.git and the like) are never entered, nor are linked
    folders. A national collection holds thousands of sheets: the folder entries
    already say which are links, so no sheet needs a call of its own to find out.
    """
    from compactscore.load.workbook import SHEET_ENDINGS

    found: list[tuple[tuple[str, ...], Path, Path, bool]] = []
    pending: list[tuple[Path, tuple[str, ...]]] = [(folder, ())]
    while pending:
        base, parts = pending.pop()
        try:
            with os.scandir(base) as listing:
                entries = list(listing)
        except OSError:
            continue  # a folder that cannot be listed is passed over, as os.walk does
        for entry in entries:
            name = entry.name
            if name.startswith((".", "~$")):
                continue  # hidden, or the owner file Excel keeps beside a workbook it has open
            is_link = entry.is_symlink()
            if name.endswith(SHEET_ENDINGS):
                found.append(((*parts, name), base / name, base, is_link))
            if not is_link and _is_folder(entry):
                pending.append((base / name, (*parts, name)))
    found.sort(key=lambda item: item[0])  # the order paths sort in: folder by folder
    return [(path, base, is_link) for _, path, base, is_link in found]


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False  # as os.walk takes an entry it cannot look at: not a folder to enter


def _report(console: Console, checker: _Checker | RevisionChecker, output: opt.CheckFormat) -> None:
    from compactscore.errors import Severity, errors_in, more_not_shown, shown_problems
    from compactscore.render.console import write_raw
    from compactscore.render.words import plural

    for problem, hidden in shown_problems(checker.problems):
        if hidden:
            line = more_not_shown(problem, hidden)
            if output is opt.CheckFormat.GITHUB:
                write_raw(console, line + "\n")
            else:
                console.print(_fitted(console, line), markup=False, soft_wrap=True)
        elif output is opt.CheckFormat.GITHUB:
            write_raw(console, _annotation(problem) + "\n")
        else:
            style = "yellow" if problem.severity is Severity.WARNING else "red"
            console.print(_fitted(console, str(problem)), style=style, markup=False, soft_wrap=True)
    errors = len(errors_in(checker.problems))
    warnings = len(checker.problems) - errors
    summary = (
        f"Checked {plural(checker.files, 'file')}: {plural(errors, 'error')}, "
        f"{plural(warnings, 'warning')}."
    )
    if checker.unchecked:
        summary += (
            f" {plural(checker.unchecked, 'sheet')} could not be checked until the config or the "
            "definition it uses is fixed."
        )
    if output is opt.CheckFormat.GITHUB:
        write_raw(console, summary + "\n")
    else:
        console.print(
            _fitted(console, summary),
            style="bold red" if errors else "bold green",
            markup=False,
            soft_wrap=True,
        )


def _fitted(console: Console, line: str) -> str:
    """A problem as one line for a pipe (FILE:LINE: for grep and editors), wrapped on a terminal.

    On a terminal the lines after the first are indented, so each problem still
    starts at the left edge with its FILE:LINE.
    """
    if not console.is_terminal:
        return line
    from compactscore.render.text import hanging

    return hanging(line, console.width)


def _annotation(problem: Problem) -> str:
    """A GitHub Actions annotation: ``::error file=F,line=L::message``."""
    from compactscore.controls import escape_controls
    from compactscore.errors import Severity

    kind = "warning" if problem.severity is Severity.WARNING else "error"
    where = f"file={_escape_property(escape_controls(problem.file))}"
    if problem.line:
        where += f",line={problem.line}"
    # A CI log shows colours and links as a terminal does: the text is escaped as a message is.
    text = escape_controls(f"{problem.message} {problem.fix}".strip())
    if problem.place:  # a workbook's sheet and cell: its row alone does not say where
        text = f"{escape_controls(problem.place)}: {text}"
    return f"::{kind} {where}::{_escape_data(text)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def problems_in(folder: Path) -> list[Problem]:
    """Every problem check finds in a scorecard folder: its config, definition and sheets."""
    checker = _Checker(None)
    checker.check_path(folder)
    return checker.problems
