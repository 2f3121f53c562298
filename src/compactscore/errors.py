"""One error model: every problem names its file, its line and the fix."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad a problem is: errors fail a check, warnings only inform."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one place in one file, and what to do about it."""

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
        return f"{text} {self.fix}".rstrip() if self.fix else text


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


class GitError(CompactscoreError):
    """git is missing, or the repository or revision is not what was asked for."""


class WriteError(CompactscoreError):
    """A file could not be written, or would have replaced one the user wrote."""


def errors_in(problems: list[Problem]) -> list[Problem]:
    """Only the problems that are errors, not warnings."""
    return [problem for problem in problems if problem.severity is Severity.ERROR]
