"""One error model: every problem names its file, its line and the fix."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from compactscore.controls import escape_controls


class Severity(StrEnum):
    """How bad a problem is: errors fail a check, warnings only inform."""

    ERROR = "error"
    WARNING = "warning"


class Problem(NamedTuple):
    """One thing wrong with one place in one file, and what to do about it.

    A named tuple: quicker to make than a frozen dataclass, at every start.
    """

    file: str
    line: int | None
    message: str
    fix: str = ""
    severity: Severity = Severity.ERROR
    # Inside a workbook, where in it: ``sheet 'Scores', cell C7`` (line is then the row).
    place: str = ""

    @property
    def location(self) -> str:
        """``FILE:LINE`` as editors and CI tools read it, ``FILE: sheet 'S', cell C7``, or ``FILE``."""
        if self.place:
            return f"{self.file}: {self.place}"
        return f"{self.file}:{self.line}" if self.line else self.file

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        if self.severity is Severity.WARNING:
            text = f"{self.location}: warning: {self.message}"
        text = f"{text} {self.fix}".rstrip() if self.fix else text
        # Names and cells quoted from a file are shown, never obeyed, and cannot start a line.
        return escape_controls(text, one_line=True)


class CompactscoreError(Exception):
    """The base of every error the tool reports to its user (exit status 1)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems

    @classmethod
    def at(cls, file: str, line: int | None, message: str, fix: str = "") -> CompactscoreError:
        """An error about a single place."""
        return cls([Problem(file, line, message, fix)])


class DataError(CompactscoreError):
    """A sheet, definition or config that cannot be read as it is."""


class UsageError(CompactscoreError):
    """The command was asked for something it cannot do as asked (exit status 2)."""


def usage(message: str, fix: str, file: str = "compactscore") -> UsageError:
    """A wrong-usage error (exit status 2), named for the command line or the file given."""
    return UsageError([Problem(file, None, message, fix)])


class GitError(CompactscoreError):
    """git is missing, or the repository or revision is not what was asked for."""


class WriteError(CompactscoreError):
    """A file could not be written, or would have replaced one the user wrote."""


def errors_in(problems: list[Problem]) -> list[Problem]:
    """Only the problems that are errors, not warnings."""
    return [problem for problem in problems if problem.severity is Severity.ERROR]


SHOWN_PER_FILE = 50  # past this, a file is broken as a whole: more lines only bury the others


def shown_problems(problems: list[Problem]) -> list[tuple[Problem, int]]:
    """The problems to print, each with 0, and after a file's first 50 one counting the rest.

    Every command prints its problems through this, so a sheet with every row wrong
    gives fifty lines and a count, not hundreds of thousands.
    """
    counts: dict[str, int] = {}
    for problem in problems:
        counts[problem.file] = counts.get(problem.file, 0) + 1
    shown: list[tuple[Problem, int]] = []
    seen: dict[str, int] = {}
    for problem in problems:
        seen[problem.file] = seen.get(problem.file, 0) + 1
        if seen[problem.file] <= SHOWN_PER_FILE:
            shown.append((problem, 0))
        elif seen[problem.file] == SHOWN_PER_FILE + 1:
            shown.append((problem, counts[problem.file] - SHOWN_PER_FILE))
    return shown


def more_not_shown(problem: Problem, hidden: int) -> str:
    """The line that stands for a file's problems past the first fifty."""
    more = "1 more problem" if hidden == 1 else f"{hidden} more problems"
    return escape_controls(
        f"{problem.file}: {more} not shown; fix the first ones and check again.", one_line=True
    )


# The warnings loading found for the command running now: loaders pass them here, and
# the command's one handler prints them (exits.py), before its result or its errors.
_pending: list[Problem] = []


def warn(problems: list[Problem]) -> None:
    """Keep warnings to be printed once, with the command's output."""
    _pending.extend(problems)


def take_warnings() -> list[Problem]:
    """The warnings kept so far, in the order found; none are kept after."""
    taken = list(_pending)
    _pending.clear()
    return taken
