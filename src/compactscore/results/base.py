"""Shared pieces of every result: the base model, one set of totals, the direction of travel."""

# No "from __future__ import annotations" in the modules of the models every command
# builds: pydantic reads their annotations as objects, not text to evaluate (2 ms).

from enum import StrEnum
from typing import Any, ClassVar, Protocol

from pydantic import (
    BaseModel,
    ConfigDict,
    SerializerFunctionWrapHandler,
    computed_field,
    model_serializer,
)


class Named(Protocol):
    """Anything that names an indicator: a definition's indicator, or a result about one."""

    @property
    def number(self) -> int: ...
    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...


def names_of(indicator: Named) -> dict[str, Any]:
    """How every result about one indicator names it: its number, id and title."""
    return {"number": indicator.number, "id": indicator.id, "title": indicator.title}


class Result(BaseModel):
    """A result model: its validator is built on first use, so start-up pays only for those used."""

    model_config = ConfigDict(defer_build=True)


class Totals(Result):
    """A set of indicators counted: the total, its maximum and how much of it is scored.

    Made by ``analysis.score.totals_of`` only, so that every total is counted one way.
    """

    total: int  # the points of the indicators scored
    max: int  # the top score of every indicator that applies (not n/a)
    percent: float
    scored: int  # how many indicators have a score
    count: int  # how many indicators there are
    not_applicable: int = 0
    scored_max: int  # the top score of the indicators scored
    scored_percent: float | None  # the total out of scored_max; None with nothing scored

    @property
    def applicable(self) -> int:
        """How many indicators apply (are not n/a): those a total can have."""
        return self.count - self.not_applicable

    @property
    def partly_scored(self) -> bool:
        """Some of its indicators scored, and not all that apply: its total is low by the rest."""
        return 0 < self.scored < self.applicable


Figures = dict[str, tuple[str, tuple[str, ...]]]  # a held field: the prefix and names it writes


class Flattened(Result):
    """A result that holds models of its own, and writes some of their fields beside its own.

    The JSON shape is fixed (PRODUCT.md): ``figures`` names each held field and the
    fields of it written in its place, each under a prefix (``shared_total``). ``order``,
    when given, is the order of the fields written (its own, computed and held ones);
    ``held.field`` there writes one field of a held model at that place instead.
    """

    figures: ClassVar[Figures] = {}
    order: ClassVar[tuple[str, ...]] = ()

    @model_serializer(mode="wrap")
    def _flatten(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data = handler(self)
        flat: dict[str, Any] = {}
        for key in self.order or tuple(data):
            held, _, name = key.partition(".")
            if name:
                flat[name] = data[held][name]
            elif key in self.figures:
                prefix, names = self.figures[key]
                flat.update({prefix + name: data[key][name] for name in names})
            else:
                flat[key] = data[key]
        return flat


EVERY_FIGURE = tuple(Totals.model_fields)


class Direction(StrEnum):
    """The direction of travel from one period to the next."""

    UP = "up"
    DOWN = "down"
    LEVEL = "level"


class Basis(StrEnum):
    """What the direction of travel rests on (JSON ``compared_on``)."""

    TOTAL = "total"  # both fully scored out of the same maximum, on the same indicators
    SCORED_IN_BOTH = "scored in both"  # the points of the indicators scored in both periods
    NOTHING_SCORED = "nothing scored"  # either period has nothing scored: no direction
    NONE_IN_BOTH = "none scored in both"  # no indicator scored in both: no direction


class Travel(Result):
    """The direction of travel from one period to the next, and the figures it rests on."""

    period: str  # the earlier period
    later: str = ""  # the later period
    direction: Direction | None  # None when no indicator is scored in both
    compared_on: Basis
    change: int | None  # points, on what is compared; None, like direction, when nothing is
    total_change: int  # the later total less the earlier one, whatever was compared
    shared: int = 0  # indicators scored (a number, not n/a or empty) in both, by lineage
    shared_before: int = 0  # their points in the earlier period
    shared_after: int = 0  # and in the later one
    only_before: int = 0  # indicators scored in the earlier period and not in the later
    only_after: int = 0  # and the other way round


class Travelled(Flattened):
    """A result with its direction of travel from the period before, read from its Travel."""

    travel: Travel | None = None  # from the period before; None with none before

    @computed_field  # type: ignore[prop-decorator]
    @property
    def direction(self) -> Direction | None:
        """The direction of travel from the period before."""
        return self.travel.direction if self.travel else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def compared_on(self) -> Basis | None:
        """What that direction rests on."""
        return self.travel.compared_on if self.travel else None
