"""``compactscore new``: next period's sheet, with last period's words as a starting point."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from compactscore import options as opt

if TYPE_CHECKING:
    from compactscore.load.sources import Sources
    from compactscore.models import Row, Sheet
    from compactscore.periods import Period


def new(
    period_text: Annotated[
        str | None,
        opt.argument("PERIOD", "The period, such as 2024-25. Default: the one after the latest."),
    ] = None,
    indicators: opt.IndicatorsOption = None,
    force: opt.ForceOption = False,
    rev: opt.RevOption = None,
    xlsx: Annotated[
        bool | None,
        typer.Option(
            "--xlsx/--csv",
            help="Write a scoring workbook (.xlsx, a drop-down per score) or a CSV file. "
            "Default: the kind of last period's sheet.",
        ),
    ] = None,
) -> int:
    """Start the next period's sheet.

    Every indicator in force, scores empty.

    Last period's evidence, open actions and owners are carried as a starting point,
    marked "From PERIOD:", and its targets as set; the group's own columns are kept,
    empty. An existing sheet is never replaced without --force.

    With --rev, the config, the definition and last period's sheet are read as they
    were at that git revision, and the new sheet is still written into the scores
    folder as it is now.

    Example: compactscore new 2014-15

    Example: compactscore new 2014-15 --rev board-2014
    """
    # The sheet is written as --xlsx or --csv says, else as last period's is.
    kind = None if xlsx is None else "xlsx" if xlsx else "csv"
    asked = opt.parsed_period(period_text)
    options = opt.output_options(opt.OutputFormat.TABLE, indicators, rev)
    from compactscore.commands.common import out_console, warn_if_before_the_definition
    from compactscore.load.files import write_file
    from compactscore.load.kinds import is_workbook
    from compactscore.load.repository import sheet_paths_in
    from compactscore.load.sources import open_sources
    from compactscore.render.sheetfile import carried_periods, sheet_text
    from compactscore.schema import PLAN, SIDES, column_key

    sources = open_sources(Path.cwd(), options.indicators, options.rev)
    folder = sources.repository.scores_dir if sources.repository else Path.cwd()
    existing = (
        sources.repository.sheet_paths()
        if sources.repository
        else sheet_paths_in(folder, sources.source)
    )
    here = sheet_paths_in(folder)  # the folder written to, as it is now
    period = _period(asked, existing)
    _check_kind(period, existing + here)
    warn_if_before_the_definition(
        period,
        sources.definition,
        "its sheet lists that version's indicators",
        "Check the period: next year's sheet is usually the one after the latest.",
    )
    earlier = [(found, path) for found, path in existing if found < period]
    if earlier:
        _warn_if_years_skipped(earlier[-1][0], period)
    previous = sources.load(earlier[-1][1]) if earlier else None
    definition = sources.definition
    in_force = definition.in_force(definition.version_for(period))
    carried = _carried(previous, [i.id for i in in_force], sources)
    sides = previous is not None and any(key in SIDES for key in previous.ours)
    own = _own_columns(previous)
    since = previous.period_label if previous else None
    if kind is None:
        kind = "xlsx" if earlier and is_workbook(earlier[-1][1].name) else "csv"
    target = folder / f"{period.label}.{kind}"
    # The period's sheet may be there under another name (2024-2025.csv, 2024-25.CSV):
    # replacing that one is what --force means; writing a second beside it never is.
    target = next((path for found, path in here if found == period), target)
    _check_same_kind(target, kind, period)
    if kind == "xlsx":
        from compactscore.render.workbook import scoring_workbook

        content: str | bytes = scoring_workbook(
            in_force, definition.scale, period.label, carried, since, own, sources.area
        )
    else:
        delimiter = previous.delimiter if previous else ","
        content = sheet_text(in_force, carried, since, sides, own, delimiter)
    backup = write_file(target, content, force=force)
    marks = carried_periods(list(carried.values()), since) if since else []
    targets = since if any(row.target is not None for row in carried.values()) else None
    _say_done(target, len(in_force), marks, backup, targets)
    if since and kind == "xlsx":
        out_console().print(
            f"{since}'s score, evidence, target and action are also beside each row for "
            "reference; each score is chosen from a list.",
            markup=False,
            highlight=False,
        )
    # The action plan's due and status columns are kept (empty) too, but they are ours.
    theirs = [name for name in own if column_key(name) not in PLAN]
    if previous is not None and theirs:
        _say_own_kept(theirs, sources.shown(earlier[-1][1]))
    return 0


def _check_same_kind(target: Path, kind: str, period: Period) -> None:
    """Refuse a sheet of the other kind beside the period's: two sheets for one period."""
    from compactscore.errors import WriteError
    from compactscore.load.paths import shown_path

    if target.suffix.lower() != f".{kind}":
        raise WriteError.at(
            shown_path(target),
            None,
            f"is already the sheet for {period}; a .{kind} file beside it would be a second one.",
            "Move it out of the scores folder first, or write the same kind of sheet.",
        )


def _own_columns(previous: Sheet | None) -> list[str]:
    """The group's own columns of last period's sheet, in its order: not ours, not the sides'.

    Their cells are not carried: a note or a name written for last period would sit
    unmarked in this one, looking agreed; last period's file keeps them.
    """
    from compactscore.schema import SIDES, WRITTEN

    if previous is None:
        return []
    return previous.columns_but({*WRITTEN, *SIDES})  # 'Evidence / notes' is our evidence


def _period(asked: Period | None, existing: list[tuple[Period, Path]]) -> Period:
    if asked is None:
        if not existing:
            raise opt.usage(
                "there is no sheet yet, so the next period is not known.",
                "Name the period, as in 'compactscore new 2024-25'.",
            )
        return existing[-1][0].next()
    return asked


def _check_kind(period: Period, existing: list[tuple[Period, Path]]) -> None:
    from compactscore.periods import Period

    others = [found for found, _ in existing if found.kind is not period.kind]
    if others:
        example = others[-1]
        kind = "financial years" if example.kind.value == "financial" else "calendar years"
        same = Period(kind=example.kind, start=period.start)
        raise opt.usage(
            f"{period} is not written like the sheets already here, which are {kind} "
            f"such as {example}.",
            f"Write the period as {same}.",
        )


def _carried(previous: Sheet | None, ids: list[str], sources: Sources) -> dict[str, Row]:
    """Last period's row for each indicator in force, following replacements."""
    if previous is None:
        return {}
    lineage = sources.definition.lineage
    by_line = {lineage(row.indicator): row for row in previous.rows}
    return {id_: by_line[lineage(id_)] for id_ in ids if lineage(id_) in by_line}


def _say_done(
    target: Path, count: int, marks: list[str], backup: Path | None, targets: str | None
) -> None:
    """Say what was written; ``marks`` are the periods the carried words are marked with."""
    from compactscore.commands.common import out_console
    from compactscore.load.paths import shown_path
    from compactscore.models import carried_mark
    from compactscore.render.words import listed, plural

    console = out_console()
    lines = [f"Wrote {shown_path(target)}: {plural(count, 'indicator')}, scores empty."]
    if marks:
        # Words carried through a sheet never filled in keep their own period's mark,
        # so name the marks as written, not just the sheet they were copied from.
        marked = " or ".join(f"'{carried_mark(period).strip()}'" for period in marks)
        lines.append(
            f"Evidence, open actions and owners from {listed(marks)} are carried as a starting "
            f"point, each marked {marked}. Replace them with this period's as the group agrees "
            "them."
        )
    if targets:
        lines.append(
            f"Targets are carried as set in {targets}: the gap list measures against them "
            "until the group sets new ones."
        )
    if backup is not None:
        lines.append(f"The file that was there is kept as {shown_path(backup)}.")
    for line in lines:
        console.print(line, markup=False, highlight=False)


def _say_own_kept(own: list[str], shown: str) -> None:
    from compactscore.commands.common import out_console
    from compactscore.render.words import listed

    names = [f"'{name}'" for name in own]
    columns = f"column {listed(names)} is" if len(names) == 1 else f"columns {listed(names)} are"
    out_console().print(
        f"Your own {columns} kept, empty: last period's entries stay in {shown}.",
        markup=False,
        highlight=False,
    )


def _warn_if_years_skipped(latest: Period, period: Period) -> None:
    """A sheet several periods after the latest one is allowed, but worth a word."""
    from compactscore.errors import Problem, Severity, warn

    skipped: list[Period] = []
    current = latest.next()
    while current < period and len(skipped) < 100:
        skipped.append(current)
        current = current.next()
    if not skipped:
        return
    span = str(skipped[0]) if len(skipped) == 1 else f"{skipped[0]} to {skipped[-1]}"
    warn(
        [
            Problem(
                "compactscore",
                None,
                f"{period} does not follow on from the sheet before it ({latest}): "
                f"{span} would have no sheet, and trends would skip "
                f"{'it' if len(skipped) == 1 else 'them'}.",
                f"Check the period; 'compactscore new' with no period makes {latest.next()}.",
                Severity.WARNING,
            )
        ]
    )
