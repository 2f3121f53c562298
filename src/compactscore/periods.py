"""Periods: calendar years (``2024``) and financial years (``2024-25``), from file names."""

# No "from __future__ import annotations" in the modules of the models every command
# builds: pydantic reads their annotations as objects, not text to evaluate (2 ms).

import functools
import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

_PERIOD = re.compile(r"^(\d{4})(?:[-_/](\d{2}|\d{4}))?$")

# A financial year runs April to March; a calendar year starts in January.
_START_MONTH = {"year": 1, "financial": 4}


class PeriodKind(StrEnum):
    """Whether a period is a calendar year or a financial year."""

    YEAR = "year"
    FINANCIAL = "financial"


class Period(BaseModel):
    """One scoring period, written as in file names: ``2024`` or ``2024-25``."""

    model_config = ConfigDict(frozen=True)

    kind: PeriodKind
    start: int

    @property
    def label(self) -> str:
        """The period as written in file names and in JSON."""
        if self.kind is PeriodKind.YEAR:
            return str(self.start)
        return f"{self.start}-{(self.start + 1) % 100:02d}"

    @property
    def sort_key(self) -> tuple[int, int]:
        """(year, month) the period starts in, so periods of both kinds sort in time."""
        return (self.start, _START_MONTH[self.kind.value])

    def next(self) -> "Period":
        """The period after this one."""
        return Period(kind=self.kind, start=self.start + 1)

    def __str__(self) -> str:
        return self.label

    def __lt__(self, other: "Period") -> bool:
        return self.sort_key < other.sort_key


@functools.lru_cache(maxsize=4096)  # periods are frozen, and a collection repeats a few names
def parse_period(text: str) -> Period | None:
    """Read ``2024``, ``2024-25`` or ``2024-2025``; None when it is not a period."""
    match = _PERIOD.match(text.strip())
    if not match:
        return None
    start = int(match.group(1))
    end = match.group(2)
    if end is None:
        return Period(kind=PeriodKind.YEAR, start=start)
    end_year = int(end) if len(end) == 4 else (start // 100) * 100 + int(end)
    if end_year != start + 1 and not (len(end) == 2 and int(end) == (start + 1) % 100):
        return None
    return Period(kind=PeriodKind.FINANCIAL, start=start)


def period_of_file(name: str) -> Period | None:
    """The period a score file's name carries (``2024-25.csv``), or None."""
    stem = name.rsplit("/", 1)[-1]
    if "." in stem:
        stem = stem.rsplit(".", 1)[0]
    return parse_period(stem)


_IN_NAME = re.compile(r"(?<![\d])(\d{4})(?:[-_/](\d{2}|\d{4}))?(?![\d])")


def period_in_name(name: str) -> Period | None:
    """The one period written somewhere in a file's name: ``Scorecard 2026-27 FINAL.csv``.

    None when there is none, or more than one, so that a name is never guessed at.
    """
    stem = name.rsplit("/", 1)[-1]
    if "." in stem:
        stem = stem.rsplit(".", 1)[0]
    found = {
        period
        for match in _IN_NAME.finditer(stem)
        if (period := parse_period(match.group(0))) is not None and 1990 <= period.start < 2200
    }
    return found.pop() if len(found) == 1 else None
