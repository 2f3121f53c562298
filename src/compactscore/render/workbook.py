"""A scoring workbook (.xlsx): a drop-down per score, last period beside it, ready to print.

``xlsxwriter`` is imported only here, and only when a workbook is written.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from compactscore.models import Indicator, Row, Scale
from compactscore.render.sheetfile import carried_words
from compactscore.render.view import Grid
from compactscore.schema import REFERENCE, Column

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

SHEET_NAME = "Scores"
INSTRUCTIONS = "Instructions"
NOT_APPLICABLE = "n/a"
# Excel's limits on a data validation's words.
_TITLE_LIMIT = 32
_MESSAGE_LIMIT = 255
_A4 = 9


def choices(scale: Scale, not_applicable: bool) -> list[str]:
    """A drop-down's entries: each point with its label ("2 – Good progress"), then n/a."""
    entries = [
        f"{point} – {scale.labels[point]}" if scale.labels.get(point) else str(point)
        for point in scale.points
    ]
    return [*entries, NOT_APPLICABLE] if not_applicable else entries


def scoring_workbook(
    indicators: list[Indicator],
    scale: Scale,
    period: str,
    previous: dict[str, Row],
    since: str | None,
    own: Sequence[str] = (),
    area: str = "",
) -> bytes:
    """The .xlsx bytes of a period's scoring workbook: one row per indicator in force."""
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.set_properties({"title": f"{area + ' ' if area else ''}scores for {period}".strip()})
    header = book.add_format(
        {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDE4EE", "border": 1}
    )
    fixed = book.add_format({"text_wrap": True, "valign": "top", "border": 1})
    reference = book.add_format(
        {"text_wrap": True, "valign": "top", "border": 1, "font_color": "#555555"}
    )
    reference_header = book.add_format(
        {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#EEEEEE", "border": 1}
    )
    entry = book.add_format(
        {"locked": False, "text_wrap": True, "valign": "top", "border": 1, "bg_color": "#FFFDE7"}
    )
    sheet = book.add_worksheet(SHEET_NAME)
    columns: list[tuple[str, float, Any]] = [
        (Column.INDICATOR.heading, 9, header),
        (Column.TITLE.heading, 22, header),
        (f"Statement {REFERENCE}", 48, reference_header),
        (Column.SCORE.heading, 22, header),
        (Column.EVIDENCE.heading, 48, header),
        (Column.ACTION.heading, 34, header),
        (Column.OWNER.heading, 16, header),
        (Column.TARGET.heading, 20, header),
        (Column.SECTOR_SCORE.heading, 20, header),
        (Column.PUBLIC_SCORE.heading, 20, header),
        *((name, 18.0, header) for name in own),
    ]
    if since is not None:
        columns += [
            (f"{since} score {REFERENCE}", 14, reference_header),
            (f"{since} evidence {REFERENCE}", 40, reference_header),
            (f"{since} target {REFERENCE}", 12, reference_header),
            (f"{since} action {REFERENCE}", 34, reference_header),
        ]
    for at, (name, width, style) in enumerate(columns):
        sheet.write_string(0, at, name, style)
        sheet.set_column(at, at, width)
    last = len(indicators)
    for line, indicator in enumerate(indicators, start=1):
        row = previous.get(indicator.id)
        sheet.write_number(line, 0, indicator.number, fixed)
        sheet.write_string(line, 1, indicator.title, fixed)
        sheet.write_string(line, 2, indicator.statement, reference)
        for at in range(3, 10 + len(own)):
            sheet.write_blank(line, at, None, entry)
        if row is not None and since is not None:
            # As in a CSV sheet: evidence, open actions and owners marked as last period's,
            # and the target as set, for the group to review rather than lose.
            for at, text in enumerate(carried_words(row, since), start=4):
                if text:
                    sheet.write_string(line, at, text, entry)
            if row.target is not None:
                sheet.write_number(line, 7, row.target, entry)
        if since is not None:
            _write_reference(sheet, line, 10 + len(own), row, scale, reference)
        _score_list(sheet, line, indicator, scale)
    _point_list(sheet, 7, last, scale, "Target", "The score the group aims for.", False)
    for at, side in ((8, "the sector"), (9, "the public bodies")):
        _point_list(sheet, at, last, scale, side.capitalize(), f"The score {side} gave.", True)
    sheet.freeze_panes(1, 2)
    sheet.autofilter(0, 0, last, len(columns) - 1)
    sheet.protect("", {"format_columns": True, "format_rows": True, "autofilter": True})
    sheet.set_landscape()
    sheet.set_paper(_A4)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    sheet.set_header(f"&L{_escape(area)}&C{_escape(period)} scores&R&P of &N")
    sheet.activate()
    _instructions(
        book.add_worksheet(INSTRUCTIONS), scale, since, book.add_format({"text_wrap": True})
    )
    book.close()
    return out.getvalue()


def _write_reference(
    sheet: Worksheet, line: int, first: int, row: Row | None, scale: Scale, style: Any
) -> None:
    """Last period's score, evidence, target and action: locked, for reference."""
    if row is None:
        for at in range(first, first + 4):
            sheet.write_blank(line, at, None, style)
        return
    score = row.state.value if row.score is None else str(row.score)
    if row.score is not None and scale.labels.get(row.score):
        score = f"{row.score} – {scale.labels[row.score]}"
    target = "" if row.target is None else str(row.target)
    for offset, text in enumerate((score, row.evidence, target, row.action)):
        sheet.write_string(line, first + offset, text, style)


def _score_list(sheet: Worksheet, line: int, indicator: Indicator, scale: Scale) -> None:
    """The score cell's drop-down; its input message what each level means here, and prompts.

    Excel shows at most 255 characters: an indicator's own level descriptors come
    first, as what the score means is what the choice needs most.
    """
    levels = " ".join(
        f"{point} – {indicator.levels[point]}."
        for point in scale.points
        if point in indicator.levels
    )
    prompts = " ".join(f"• {prompt}" for prompt in indicator.prompts)
    message = " ".join(part for part in (levels, prompts or indicator.statement) if part)
    message += " Leave empty until agreed; n/a needs the reason in Evidence."
    sheet.data_validation(
        line,
        3,
        line,
        3,
        {
            "validate": "list",
            "source": choices(scale, not_applicable=True),
            "input_title": _cut(f"{indicator.number}. {indicator.title}", _TITLE_LIMIT),
            "input_message": _cut(message, _MESSAGE_LIMIT),
            "error_title": "Choose from the list",
            "error_message": _cut(
                f"A score is one of: {', '.join(choices(scale, True))}; "
                "or leave the cell empty until the group agrees.",
                _MESSAGE_LIMIT,
            ),
            "error_type": "stop",
        },
    )


def _point_list(
    sheet: Worksheet, column: int, last: int, scale: Scale, title: str, message: str, na: bool
) -> None:
    sheet.data_validation(
        1,
        column,
        last,
        column,
        {
            "validate": "list",
            "source": choices(scale, not_applicable=na),
            "input_title": _cut(title, _TITLE_LIMIT),
            "input_message": _cut(message, _MESSAGE_LIMIT),
            "error_title": "Choose from the list",
            "error_message": _cut(
                f"Choose one of: {', '.join(choices(scale, na))}; or leave the cell empty.",
                _MESSAGE_LIMIT,
            ),
            "error_type": "stop",
        },
    )


def _instructions(sheet: Worksheet, scale: Scale, since: str | None, wrap: Any) -> None:
    lines = [
        "How to fill in this workbook",
        "",
        f"On the '{SHEET_NAME}' sheet, choose each indicator's score from the list in its Score "
        "cell: " + "; ".join(choices(scale, True)) + ". Nothing else is accepted.",
        "Leave a score empty until the group agrees it. Choose n/a only when the indicator "
        "does not apply here, and say why in Evidence.",
        "Write the evidence the score rests on, the action agreed, its owner, and the "
        "target score if the group sets one.",
        "Sector score and Public score are each side's own view before they agree; "
        "'compactscore agree' lists where they differ.",
        f"Columns marked {REFERENCE} are not read back: "
        + (
            f"they show the statement and {since}'s scores. "
            if since
            else "they show the statement. "
        )
        + "They are locked; the cells to fill in are not (Review > Unprotect Sheet needs no "
        "password).",
        "Keep the workbook's name (the period, such as 2024-25.xlsx) and save it as .xlsx; "
        "then run 'compactscore check' and 'compactscore score'.",
    ]
    sheet.set_column(0, 0, 110)
    for line, text in enumerate(lines):
        sheet.write_string(line, 0, text, wrap)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _escape(text: str) -> str:
    """Text for a page header, where & starts a code."""
    return text.replace("&", "&&")


def tables_workbook(grids: Sequence[Grid]) -> bytes:
    """Tables as an .xlsx file, one sheet each: numbers as numbers, header frozen, text whole.

    Every cell is written as what it is (``write_string`` or ``write_number``), so no
    text is ever taken for a formula.
    """
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    names: set[str] = set()
    for number, grid in enumerate(grids, start=1):
        sheet = book.add_worksheet(_sheet_name(grid.title or f"Table {number}", names))
        rows = grid.rows + ([grid.footer] if grid.footer else [])
        for at, column in enumerate(grid.columns):
            longest = max([len(column.header), *(len(row[at]) for row in rows if at < len(row))])
            sheet.set_column(at, at, min(max(longest, 6) + 2, 60))
            sheet.write_string(0, at, column.header, bold)
        for line, row in enumerate(rows, start=1):
            for at, cell in enumerate(row):
                number_value = _number(cell)
                if number_value is None:
                    sheet.write_string(line, at, cell, wrap)
                else:
                    sheet.write_number(line, at, number_value, wrap)
        sheet.freeze_panes(1, 0)
        sheet.set_landscape()
        sheet.set_paper(_A4)
        sheet.fit_to_pages(1, 0)
    book.close()
    return out.getvalue()


def _number(cell: str) -> float | None:
    """A cell that is a plain number, as a number; None for any other text."""
    if not cell or cell.strip() != cell or not cell.lstrip("+-").replace(".", "", 1).isdigit():
        return None
    return float(cell)


def _sheet_name(title: str, taken: set[str]) -> str:
    """A worksheet name Excel accepts: 31 characters at most, none of []:*?/\\, not taken."""
    name = " ".join("".join(" " if char in "[]:*?/\\" else char for char in title).split())
    name = name.strip("'")[:31].rstrip()
    name = name or "Table"
    base, count = name, 2
    while name.casefold() in taken:
        suffix = f" ({count})"
        name, count = base[: 31 - len(suffix)] + suffix, count + 1
    taken.add(name.casefold())
    return name
