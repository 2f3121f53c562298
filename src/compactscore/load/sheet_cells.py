"""Judging one cell of a sheet: points on the scale, n/a, total rows, carried evidence."""

from __future__ import annotations

import re
from datetime import date

from compactscore.models import (
    CARRIED,
    ActionStatus,
    Definition,
    Indicator,
    Scale,
    ScoreState,
)
from compactscore.periods import Period, parse_period
from compactscore.schema import QUOTES

NOT_APPLICABLE = {"n/a", "na", "n.a.", "n.a", "not applicable"}
# At most 30 digits: a longer run is no point or number on any scale, and Python refuses
# to convert one of more than 4,300 digits at all. The patterns of rarer cells below are
# compiled when first used (re keeps them), not each time a command starts.
WHOLE = re.compile(r"^\+?[0-9]{1,30}$")
_NEGATIVE = r"^-[0-9]{1,30}$"
_DECIMAL = r"^[+-]?[0-9]*[.,][0-9]+$"
_THOUSANDS = r"^[+-]?[0-9]{1,3}(?:[,.][0-9]{3})+$"
# A number with words after it, as typed from the scale's legend: "2 Good progress", "2 - Fair".
_NUMBER_THEN_WORDS = r"^([0-9]{1,30})\s*[-–—:.)(/=]*\s*\(?\s*([^\W\d_].*)$"
# "1 or 2", "2 to 3": a cell still holding the choice the meeting has to make.
_ZERO_DECIMAL = r"^\+?([0-9]+)\.0+$"
_UNDECIDED = r"(?i)^(?:or|to|and)\s+[0-9]"
# What a spreadsheet user writes on a row added below the indicators to add them up.
_TOTAL_WORDS = {
    "total",
    "totals",
    "grand total",
    "overall total",
    "total score",
    "sum",
    "subtotal",
    "sub total",
    "sub-total",
}
# What a spreadsheet shows in a cell whose formula failed, and a date as a workbook cell reads.
_ERROR_VALUES = {"#n/a", "#ref!", "#div/0!", "#value!", "#name?", "#num!", "#null!", "#spill!"}
_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?: [0-9:]+)?$"
_SHOWS_LABELS = ": compactscore shows the scale's words beside each score itself."


def indicator_of(
    cell: str, by_number: dict[str, Indicator], by_id: dict[str, Indicator]
) -> Indicator | None:
    """The indicator in force an indicator cell names by number or id; None when it names none."""
    plain = by_number.get(cell)
    if plain is not None:
        return plain
    key = cell.lower()
    if WHOLE.match(key):
        return by_number.get(str(int(key)))
    if key.endswith(".") and WHOLE.match(key[:-1]):
        return by_number.get(str(int(key[:-1])))  # "1." as a numbered list writes it
    return by_id.get(key)


def indicator_problem(
    cell: str, definition: Definition, version: str, period: Period | None
) -> tuple[str, str]:
    """The message and fix for an indicator cell that names no indicator in force."""
    in_force = definition.in_force(version)
    numbers = f"{in_force[0].number} to {in_force[-1].number}"
    if not cell:
        return (
            "the indicator cell is empty.",
            f"Write the indicator's number ({numbers}) or its id.",
        )
    key = cell.lower()
    if WHOLE.match(key):
        return f"there is no indicator {cell}.", f"Indicator numbers go from {numbers}."
    known = {indicator.id: indicator for indicator in definition.indicators}
    if key in known:
        when = f"{period.label if period else 'this period'} (version {version} of the definition)"
        return (
            f"indicator {key!r} does not apply in {when}: "
            f"{_retired_note(known[key], definition, version)}",
            "Use the indicator in force, or name the sheet for the period it belongs to.",
        )
    import difflib  # only a misspelt indicator needs it

    close = difflib.get_close_matches(key, [indicator.id for indicator in in_force], n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    return (
        f"{cell!r} is not an indicator of {definition.title!r}.{hint}",
        f"Write a number from {numbers} or an id; 'compactscore indicators' lists them.",
    )


def _retired_note(indicator: Indicator, definition: Definition, version: str) -> str:
    """Why an indicator of the definition is not in force in a version: not yet, or retired."""
    if indicator.introduced and definition.version_names.index(
        indicator.introduced
    ) > definition.version_names.index(version):
        return f"it starts in version {indicator.introduced}."
    successor = next(
        (other for other in definition.indicators if other.replaces == indicator.id), None
    )
    replaced = f", replaced by {successor.id!r}" if successor else ""
    return f"it was retired in version {indicator.retired}{replaced}."


def whole_point(text: str, scale: Scale) -> int | None:
    """The points a cell holds as a whole number on the scale (``+2``, ``02``), or None."""
    whole = WHOLE.match(text) or re.match(_NEGATIVE, text)
    if whole and scale.min <= int(text) <= scale.max:
        return int(text)
    return None


def spreadsheet_point(text: str, scale: Scale) -> int | None:
    """A point as spreadsheets write it, when it can mean one point only; else None.

    ``2.00`` (a number formatted with decimals), ``2 – Good progress`` or
    ``2 - Good progress`` (a drop-down's entry: the number and its own label), and
    the label alone (``Good progress``) when no other point has the same label.
    """
    zero = re.match(_ZERO_DECIMAL, text)
    if zero:
        point = int(zero.group(1))
        return point if scale.min <= point <= scale.max else None
    labels: dict[str, int | None] = {}
    for point, label in scale.labels.items():
        key = label.strip().casefold()
        labels[key] = None if key in labels else point  # a label two points share names neither
    named = labels.get(text.strip().casefold())
    if named is not None:
        return named
    match = re.match(_NUMBER_THEN_WORDS, text)
    if match is None:
        return None
    point = int(match.group(1))
    words = match.group(2).strip(" ()[].").casefold()
    if labels.get(words) == point and scale.min <= point <= scale.max:
        return point
    return None


def point_problem(column: str, text: str, scale: Scale, allow_na: bool = False) -> tuple[str, str]:
    """The message and fix for a point cell that is not a whole number on the scale."""
    whole = WHOLE.match(text) or re.match(_NEGATIVE, text) or re.match(_ZERO_DECIMAL, text)
    # The words for the fix are only worked out for the rare wrong cell.
    points = scale.describe()
    if whole:
        return (
            f"{column} {text} is outside the scale {scale.min} to {scale.max}.",
            f"Use {points}.",
        )
    if text.casefold() in _ERROR_VALUES:
        return (
            f"{column} {text} is the spreadsheet's error value: the cell's formula failed.",
            f"Type the score itself ({points}), or mend the formula it comes from.",
        )
    if re.match(_DATE, text):
        return (
            f"{column} {text} is a date: the spreadsheet formatted the cell as a date.",
            f"Format the cell as a number or as text, then type the score again ({points}).",
        )
    if len(text) > 2 and text[0] in QUOTES and text[-1] in QUOTES:
        return (
            f"{column} {text} has quote marks around it.",
            f"Write the number alone, without quotes: {points}.",
        )
    if re.match(_THOUSANDS, text):
        return (
            f"{column} {text!r} is not a score on the scale {scale.min} to {scale.max}.",
            f"Use {points}.",
        )
    if re.match(_DECIMAL, text):
        value_text = text.replace(",", ".")
        integral = float(value_text).is_integer()
        return (
            f"{column} {text!r} is written as a decimal; scores are whole points."
            if integral
            else f"{column} {text!r} is not a whole number.",
            f"Write {int(float(value_text))}."
            if integral
            else f"Scores are whole points: {points}; agree on one of them.",
        )
    words = words_for_points(column, text, scale)
    if words is not None:
        return words
    empty = (
        "; leave it empty if not scored yet, or write n/a if it does not apply here "
        "(with the reason in evidence)"
        if allow_na
        else ", or leave it empty"
    )
    return f"{column} {text!r} is not a number.", f"Write {points}{empty}."


def carried_warning(
    indicator: Indicator, state: ScoreState, evidence: str, period: Period | None
) -> tuple[str, str] | None:
    """The warning for a row scored while its evidence is still the text carried from last period."""
    carried = CARRIED.match(evidence)
    if carried is None:
        return None
    since = parse_period(carried.group(1))
    if since is not None and period is not None and not since < period:
        return None  # a mark naming this period or a later one was not carried here
    mark = carried.group(0).strip()
    if state is ScoreState.NOT_APPLICABLE:
        return (
            f"indicator {indicator.number} is marked n/a, but its reason still starts "
            f"{mark!r}, so it is last period's.",
            f"Give this period's reason why it does not apply, and delete the {mark!r} mark.",
        )
    return (
        f"indicator {indicator.number} is scored, but its evidence still starts "
        f"{mark!r}, so it is last period's.",
        f"Update it with this period's evidence, and delete the {mark!r} mark.",
    )


def words_for_points(column: str, text: str, scale: Scale) -> tuple[str, str] | None:
    """The message and fix for a point cell written with the scale's words; None otherwise."""
    labels = {label.strip().casefold(): point for point, label in scale.labels.items()}
    if text.strip().casefold() in labels:
        point = labels[text.strip().casefold()]
        return (
            f"{column} {text!r} is the scale's label for {point}, not the number.",
            f"Write {point} instead{_SHOWS_LABELS}",
        )
    match = re.match(_NUMBER_THEN_WORDS, text)
    if match is None:
        return None
    point = int(match.group(1))
    if re.match(_UNDECIDED, match.group(2)):
        return (
            f"{column} {text!r} gives more than one score.",
            f"Agree on one and write it alone ({scale.describe()}); "
            "leave it empty until the group agrees.",
        )
    if not scale.min <= point <= scale.max:
        return (
            f"{column} {text!r} has words after the number, and {point} is outside the scale "
            f"{scale.min} to {scale.max}.",
            f"Write {scale.describe()}, the number alone.",
        )
    named = labels.get(match.group(2).strip(" ()[].").casefold())
    if named is not None and named != point:
        low, high = sorted((point, named))
        return (
            f"{column} {text!r} has words after the number, but "
            f"{scale.labels[named]!r} is the label for {named}.",
            f"Agree which is meant and write that number alone: {low} or {high}.",
        )
    return (
        f"{column} {text!r} has words after the number.",
        f"Write {point}, the number alone{_SHOWS_LABELS if scale.labels else '.'}",
    )


def total_cell(indicator: str, record: list[str], by_number: dict[str, Indicator]) -> str:
    """The cell saying a row is a total ("Total", "Grand total:"), or "" for any other row.

    An empty indicator cell is a total row too when another cell of the row says so,
    as when "Total" is typed in the title column.
    """
    if indicator in by_number:
        return ""
    if indicator:
        return indicator if _is_total(indicator) else ""
    return next((cell.strip() for cell in record if _is_total(cell)), "")


def _is_total(cell: str) -> bool:
    """Whether a cell says its row is a total: ``Total``, ``Grand total:``, ``SUM``."""
    return cell.strip().rstrip(":. ").casefold() in _TOTAL_WORDS


# A due date as typed: 2025-03-31 (a workbook's date may bring a midnight time with it),
# or day first as UK spreadsheets write it, 31/03/2025.
_ISO_DATE = r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$"
_DAY_FIRST = r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$"
_DUE_FIX = (
    "Write a date such as 2025-03-31 (or 31/03/2025), or a period such as 2025-26; "
    "leave it empty when there is none."
)


def due_value(text: str) -> str | None:
    """A due cell as kept: an ISO date (``2025-03-31``) or a period (``2025-26``); None if neither."""
    period = parse_period(text)
    if period is not None:
        return period.label
    day = _due_date(text)
    return day.isoformat() if day is not None else None


def due_problem(text: str) -> tuple[str, str]:
    """The message and fix for a due cell that is neither a date nor a period."""
    looks = re.match(_ISO_DATE, text) or re.match(_DAY_FIRST, text)
    if looks:
        return (
            f"due {text!r} is not a real date (dates are written year-month-day, or "
            "day/month/year).",
            _DUE_FIX,
        )
    return f"due {text!r} is not a date or a period.", _DUE_FIX


def _due_date(text: str) -> date | None:
    iso = re.match(_ISO_DATE, text)
    day_first = re.match(_DAY_FIRST, text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif day_first:
        day, month, year = (int(part) for part in day_first.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def status_value(text: str) -> ActionStatus | None:
    """A status cell as an ActionStatus (any case; empty is open), or None when it is not one."""
    try:
        return ActionStatus(text.strip().lower() or ActionStatus.OPEN)
    except ValueError:
        return None


def status_problem(text: str) -> tuple[str, str]:
    """The message and fix for a status cell that is not open, done or dropped."""
    return (
        f"status {text!r} is not open, done or dropped.",
        "Write open, done or dropped; an empty status means open.",
    )
