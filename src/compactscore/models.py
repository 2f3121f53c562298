"""Pydantic models of indicator definitions and score sheets."""

# No "from __future__ import annotations" in the modules of the models every command
# builds: pydantic reads their annotations as objects, not text to evaluate (2 ms).

import re
from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any, Self, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

from compactscore.periods import Period, parse_period, period_of_file
from compactscore.schema import OURS, Column, resolved_keys

T = TypeVar("T", bound=Hashable)

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class LocatedError(ValueError):
    """A check across fields that knows which value it is about, so messages can give its line."""

    def __init__(self, message: str, loc: tuple[int | str, ...]) -> None:
        super().__init__(message)
        self.loc = loc


def _check_slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(
            f"{value!r} is not a slug: use lower-case letters, digits and hyphens, "
            "such as 'shared-vision'"
        )
    return value


def _check_period(value: str) -> str:
    if parse_period(value) is None:
        raise ValueError(f"{value!r} is not a period: write a year such as 2011 or 2011-12")
    return value


def _whole_number_as_text(value: object) -> object:
    # 'version: 2' and 'applies_from: 2011' are what people write, and mean "2" and
    # "2011". A decimal is refused: YAML reads version 2.10 as the number 2.1.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        raise ValueError(
            f'{value!r} is read as a decimal number: write it in quotes ("{value}"), '
            "since an unquoted 2.10 is read as 2.1"
        )
    return value


Slug = Annotated[str, AfterValidator(_check_slug)]
VersionText = Annotated[str, BeforeValidator(_whole_number_as_text)]
PeriodText = Annotated[str, BeforeValidator(_whole_number_as_text), AfterValidator(_check_period)]


def empty_list() -> list[Any]:
    """A new empty list: the default of a model's list field.

    Not ``default_factory=list``: pydantic reads a factory's signature, and Python
    reads a builtin's by tokenizing its text, which compiled the tokenizer's
    patterns and took about 2.5 ms of every command.
    """
    return []


def empty_dict() -> dict[Any, Any]:
    """A new empty dict: the default of a model's dict field (see ``empty_list``)."""
    return {}


class Strict(BaseModel):
    """A model that refuses keys it does not know, so typos are caught."""

    model_config = ConfigDict(extra="forbid", frozen=True)


MAX_POINTS = 100  # a scale of billions of points would take forever to list, for no scorecard


class Scale(Strict):
    """The points an indicator can score, with what each point means."""

    min: int = 0
    max: int = 3
    labels: dict[int, str] = Field(default_factory=empty_dict)

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.max <= self.min:
            raise ValueError(f"the scale's max ({self.max}) must be above its min ({self.min})")
        within = self.min >= -MAX_POINTS and self.max <= MAX_POINTS
        if not within or self.max - self.min > MAX_POINTS:
            raise LocatedError(
                f"the scale {self.min} to {self.max} is larger than any scorecard uses: "
                f"its min and max must lie within {-MAX_POINTS} to {MAX_POINTS}, at most "
                f"{MAX_POINTS} points apart (such as 0 to 3, or 0 to {MAX_POINTS})",
                ("min",) if self.min < -MAX_POINTS else ("max",),
            )
        outside = [point for point in self.labels if not self.min <= point <= self.max]
        if outside:
            raise ValueError(
                f"labels for {', '.join(map(str, outside))} are outside the scale "
                f"{self.min} to {self.max}"
            )
        return self

    @property
    def points(self) -> range:
        """Every score on the scale, lowest first."""
        return range(self.min, self.max + 1)

    def label(self, score: int | None) -> str:
        """What a score means, or an empty string when the scale has no label for it."""
        return "" if score is None else self.labels.get(score, "")

    def describe(self) -> str:
        """The scale in words, for messages: ``0, 1, 2 or 3``."""
        points = [str(point) for point in self.points]
        return ", ".join(points[:-1]) + " or " + points[-1]


class Theme(Strict):
    """A group of indicators that are sub-totalled together."""

    id: Slug
    title: str


class Indicator(Strict):
    """One indicator: a statement scored on the scale."""

    id: Slug
    number: int = Field(ge=1)
    title: str
    statement: str
    theme: Slug
    prompts: list[str] = Field(default_factory=empty_list)
    # What each score means for this indicator in particular, where the scale's labels say too little.
    levels: dict[int, str] = Field(default_factory=empty_dict)
    introduced: VersionText | None = None
    retired: VersionText | None = None
    replaces: Slug | None = None
    renumbered: dict[VersionText, int] = Field(default_factory=empty_dict)

    def meaning(self, score: int | None, scale: Scale) -> str:
        """What a score means here: the indicator's own level descriptor, else the scale's label."""
        if score is None:
            return ""
        return self.levels.get(score) or scale.label(score)


class Version(Strict):
    """One version of a definition and the first period it applies to."""

    version: VersionText
    applies_from: PeriodText | None = None
    note: str = ""

    @property
    def start(self) -> Period | None:
        """The first period this version applies to, if it says."""
        return parse_period(self.applies_from) if self.applies_from else None


@dataclass
class _Lookups:
    """What a definition has worked out, for the lists it was worked out from."""

    indicators: list[Indicator]
    versions: list[Version]
    in_force: dict[str, list[Indicator]] = field(default_factory=dict)
    lineage: dict[str, str] = field(default_factory=dict)
    versions_for: dict[Period, str] = field(default_factory=dict)


class Definition(Strict):
    """An indicator set with its scale, themes and version history."""

    id: Slug
    title: str
    source: str = ""
    version: VersionText
    versions: list[Version] = Field(default_factory=empty_list)
    scale: Scale = Field(default_factory=Scale)
    themes: list[Theme]
    indicators: list[Indicator]

    @model_validator(mode="after")
    def _check(self) -> Self:
        if not self.versions:
            object.__setattr__(self, "versions", [Version(version=self.version)])
        names = [version.version for version in self.versions]
        _no_repeats("version", names, "versions", "version")
        if names[-1] != self.version:
            raise LocatedError(
                f"version is {self.version!r} but the last of versions is {names[-1]!r}: "
                "they must be the same",
                ("version",),
            )
        starts = [version.start for version in self.versions]
        for position, (earlier, later, name) in enumerate(
            zip(starts, starts[1:], names[1:], strict=False), start=1
        ):
            if earlier and later and not earlier < later:
                raise LocatedError(
                    f"version {name!r} applies from {later}, which is not after the "
                    f"version before it ({earlier}): list versions oldest first",
                    ("versions", position, "applies_from"),
                )
        if not self.indicators:
            raise LocatedError(
                "indicators is empty, so there is nothing to score: list at least one indicator "
                "below it, each with id, number, title, statement and theme",
                ("indicators",),
            )
        _no_repeats("theme id", [theme.id for theme in self.themes], "themes", "id")
        _no_repeats(
            "indicator id", [indicator.id for indicator in self.indicators], "indicators", "id"
        )
        themes = {theme.id for theme in self.themes}
        ids = {indicator.id for indicator in self.indicators}
        for position, indicator in enumerate(self.indicators):
            self._check_indicator(position, indicator, themes, ids, names)
            outside = [point for point in indicator.levels if point not in self.scale.points]
            if outside:
                many = len(outside) > 1
                raise LocatedError(
                    f"indicator {indicator.id!r} describes level{'s' if many else ''} "
                    f"{', '.join(map(str, outside))}, which {'are' if many else 'is'} outside "
                    f"the scale {self.scale.min} to {self.scale.max}: describe only "
                    f"{self.scale.describe()}",
                    ("indicators", position, "levels"),
                )
        _no_cycles(self.indicators)
        for position, name in enumerate(names):
            numbers = [indicator.number for indicator in self.in_force(name)]
            if not numbers:
                raise LocatedError(
                    f"version {name!r} has no indicator in force: every one is retired "
                    "before it or introduced after it, so a sheet for its periods has nothing "
                    "to score; check the indicators' 'introduced' and 'retired'",
                    ("versions", position, "version"),
                )
            repeated = _first_repeat(numbers)
            if repeated is not None:
                at = max(i for i, x in enumerate(self.indicators) if x.number == repeated)
                raise LocatedError(
                    f"indicator number {repeated} is used twice in version {name!r}: "
                    "each indicator in force needs its own number",
                    ("indicators", at, "number"),
                )
        return self

    @staticmethod
    def _check_indicator(
        position: int, indicator: Indicator, themes: set[str], ids: set[str], names: list[str]
    ) -> None:
        if indicator.theme not in themes:
            import difflib  # only a misspelt theme needs it

            close = difflib.get_close_matches(indicator.theme, sorted(themes), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise LocatedError(
                f"indicator {indicator.id!r} has theme {indicator.theme!r}, which is not "
                f"among the themes ({', '.join(sorted(themes))}){hint}",
                ("indicators", position, "theme"),
            )
        named = [
            ("introduced", indicator.introduced),
            ("retired", indicator.retired),
            *(("renumbered", version) for version in indicator.renumbered),
        ]
        for key, named_version in named:
            if named_version is not None and named_version not in names:
                raise LocatedError(
                    f"indicator {indicator.id!r} names version {named_version!r}, which is not "
                    f"among the versions ({', '.join(names)})",
                    ("indicators", position, key),
                )
        if (
            indicator.introduced is not None
            and indicator.retired is not None
            and names.index(indicator.retired) <= names.index(indicator.introduced)
        ):
            raise LocatedError(
                f"indicator {indicator.id!r} is retired in version {indicator.retired!r}, "
                f"{'the same version' if indicator.retired == indicator.introduced else 'before'}"
                f" it is introduced ({indicator.introduced!r}), so it is never in force: "
                "retire it in a later version than it is introduced",
                ("indicators", position, "retired"),
            )
        if indicator.replaces is not None and indicator.replaces not in ids:
            raise LocatedError(
                f"indicator {indicator.id!r} replaces {indicator.replaces!r}, "
                "which is not an indicator of this definition",
                ("indicators", position, "replaces"),
            )

    @property
    def version_names(self) -> list[str]:
        """Every version, oldest first."""
        return [version.version for version in self.versions]

    def version_for(self, period: Period | None) -> str:
        """The version in force for a period: the latest that applies from it or before."""
        if period is None:
            return self.version
        known = self._memo().versions_for
        if period not in known:
            known[period] = self._work_out_version_for(period)
        return known[period]

    def _work_out_version_for(self, period: Period) -> str:
        chosen = self.versions[0].version
        for version in self.versions:
            start = version.start
            if start is None or not period < start:
                chosen = version.version
        return chosen

    def in_force(self, version: str) -> list[Indicator]:
        """The indicators that apply in a version, numbered as that version numbers them."""
        # Worked out once per version: every sheet of a collection asks again.
        known = self._memo().in_force
        if version not in known:
            known[version] = self._work_out_in_force(version)
        return list(known[version])

    def _work_out_in_force(self, version: str) -> list[Indicator]:
        order = self.version_names
        at = order.index(version)
        result = []
        for indicator in self.indicators:
            first = order.index(indicator.introduced) if indicator.introduced else 0
            last = order.index(indicator.retired) if indicator.retired else len(order)
            if first <= at < last:
                result.append(
                    indicator.model_copy(update={"number": _number_in(indicator, order, at)})
                )
        return sorted(result, key=lambda indicator: indicator.number)

    def theme_title(self, theme_id: str) -> str:
        """The title of a theme, by id."""
        return next(theme.title for theme in self.themes if theme.id == theme_id)

    def lineage(self, indicator_id: str) -> str:
        """The id of the first indicator in a line of replacements, so trends can follow it."""
        known = self._memo().lineage
        if indicator_id not in known:
            known[indicator_id] = self._work_out_lineage(indicator_id)
        return known[indicator_id]

    def lineages(self) -> dict[str, str]:
        """Every indicator's lineage (as ``lineage`` gives it), by id, worked out once."""
        known = self._memo().lineage
        if len(known) < len(self.indicators):
            for indicator in self.indicators:
                self.lineage(indicator.id)
        return known

    def _memo(self) -> _Lookups:
        """Lookups worked out from this definition, kept beside it but never part of its data.

        A copy with other indicators or versions (``model_copy(update=...)``) starts afresh.
        """
        memo: _Lookups | None = self.__dict__.get("_lookups")
        if (
            memo is None
            or memo.indicators is not self.indicators
            or memo.versions is not self.versions
        ):
            memo = _Lookups(self.indicators, self.versions)
            # Not a field: pydantic leaves it out of equality, dumps and validation.
            self.__dict__["_lookups"] = memo
        return memo

    def _work_out_lineage(self, indicator_id: str) -> str:
        by_id = {indicator.id: indicator for indicator in self.indicators}
        seen = set()
        while (replaced := by_id[indicator_id].replaces) and replaced not in seen:
            seen.add(indicator_id)
            indicator_id = replaced
        return indicator_id


def _number_in(indicator: Indicator, order: list[str], at: int) -> int:
    number = indicator.number
    for name, renumbered in sorted(indicator.renumbered.items(), key=lambda i: order.index(i[0])):
        if order.index(name) <= at:
            number = renumbered
    return number


def _no_cycles(indicators: list[Indicator]) -> None:
    """Refuse a line of replacements that comes back to where it started (A replaces A, or B)."""
    at = {indicator.id: position for position, indicator in enumerate(indicators)}
    replaces = {indicator.id: indicator.replaces for indicator in indicators}
    done: set[str] = set()  # each indicator is followed once: the whole check is linear
    for start in replaces:
        path: list[str] = []
        current: str | None = start
        while current is not None and current not in done and current not in path:
            path.append(current)
            current = replaces.get(current)
        if current is not None and current in path:
            cycle = path[path.index(current) :]
            shown = " replaces ".join(repr(name) for name in [*cycle, cycle[0]])
            raise LocatedError(
                f"{shown}: an indicator cannot replace itself, directly or through others, "
                "so its trend would have no beginning; delete the 'replaces' on this line, or "
                "name the indicator it really took over from",
                ("indicators", at[cycle[-1]], "replaces"),
            )
        done.update(path)


def _no_repeats(what: str, values: list[str], field: str, key: str) -> None:
    repeated = _first_repeat(values)
    if repeated is not None:
        at = values.index(repeated, values.index(repeated) + 1)
        raise LocatedError(
            f"{what} {repeated!r} appears twice: each must be unique", (field, at, key)
        )


def _first_repeat(values: Sequence[T]) -> T | None:
    seen: set[T] = set()
    for value in values:
        if value in seen:
            return value
        seen.add(value)
    return None


class ScoreState(StrEnum):
    """Whether an indicator has a score, is waiting for one, or does not apply."""

    SCORED = "scored"
    NOT_SCORED = "not scored"
    NOT_APPLICABLE = "n/a"


class ActionStatus(StrEnum):
    """Where an agreed action stands: an empty status cell means open."""

    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


# How 'compactscore new' marks last period's evidence and actions in the next sheet
# ("From 2013-14: ..."), so that a sheet read later can tell words carried from words written.
CARRIED_MARK = "From {period}: "
CARRIED = re.compile(
    "^" + re.escape(CARRIED_MARK).replace(re.escape("{period}"), r"(\d{4}(?:-\d{2})?)")
)


def carried_mark(period: str) -> str:
    """The mark in front of words carried from a period: ``From 2013-14: ``."""
    return CARRIED_MARK.format(period=period)


class Row(BaseModel):
    """One indicator's line in a score sheet, as the group wrote it."""

    model_config = ConfigDict(frozen=True)

    line: int
    indicator: str
    score: int | None = None
    state: ScoreState = ScoreState.NOT_SCORED
    evidence: str = ""
    action: str = ""
    owner: str = ""
    due: str = ""  # a date as 2025-03-31, or a period as 2025-26; empty when none is set
    status: ActionStatus = ActionStatus.OPEN
    target: int | None = None
    sector_score: int | None = None
    public_score: int | None = None
    extra: dict[str, str] = Field(default_factory=empty_dict)


class Sheet(BaseModel):
    """One period's score file, read and checked against its definition version."""

    model_config = ConfigDict(frozen=True)

    path: str
    period: Period | None
    version: str
    columns: list[str]  # the header's names, as read
    rows: list[Row]
    delimiter: str = ","  # as the spreadsheet saved it, so a sheet made from this one matches
    # Each column's key beside its name: a schema.Column for ours and the sides', the
    # header's own key for the group's own columns. Recorded when the sheet is read.
    keys: list[str] = Field(default_factory=empty_list)

    @model_validator(mode="before")
    @classmethod
    def _keys_of_columns(cls, data: object) -> object:
        """A sheet made without its keys (in a test, say) has them worked out from its names."""
        if isinstance(data, dict) and "keys" not in data and "columns" in data:
            data = {**data, "keys": list(resolved_keys(tuple(data["columns"]))[0])}
        return data

    @property
    def ours(self) -> list[Column]:
        """The columns of ours (and the sides') the sheet has, in its order."""
        return [Column(key) for key in self.keys if key in OURS]

    def columns_but(self, keys: Collection[str]) -> list[str]:
        """The names of the sheet's columns whose keys are not among ``keys``, in its order."""
        return [name for name, key in zip(self.columns, self.keys, strict=True) if key not in keys]

    @property
    def period_label(self) -> str:
        """How the sheet is headed: its period, or its file's name when that is not a period.

        ``Compact scorecard 2026-27 FINAL.csv`` is read as 2026-27 and headed by its name.
        """
        name = re.split(r"[/\\:]", self.path)[-1]
        if self.period is not None and period_of_file(name) == self.period:
            return self.period.label  # 2024-25.csv, 2024-2025.csv, 2024-25.CSV alike
        return name or (self.period.label if self.period else self.path)

    def row_for(self, indicator_id: str) -> Row | None:
        """The sheet's row for an indicator, if it has one."""
        return next((row for row in self.rows if row.indicator == indicator_id), None)
