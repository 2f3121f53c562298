"""``compactscore diff``: what changed between two periods, or two revisions of a sheet."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from compactscore import options as opt

if TYPE_CHECKING:
    from compactscore.load.sources import Sources
    from compactscore.models import Sheet

HOW = (
    "Give two periods ('compactscore diff 2012-13 2013-14'), two files, or two git "
    "revisions and a file ('compactscore diff HEAD~1 HEAD scores/2013-14.csv')."
)


def diff(
    first: Annotated[str, opt.argument("BEFORE", "A period, a score file, or a git revision.")],
    second: Annotated[str, opt.argument("AFTER", "A period, a score file, or a git revision.")],
    file: Annotated[
        Path | None,
        opt.argument("FILE", "With two revisions: the score file to compare at both."),
    ] = None,
    output: opt.FormatOption = opt.OutputFormat.TABLE,
    indicators: opt.IndicatorsOption = None,
    rev: opt.RevOption = None,
    scores_only: opt.ScoresOnlyOption = False,
) -> int:
    """What changed between two periods or commits.

    Between two periods, or between two git revisions of one sheet: scores, and the
    evidence, action, owner, target, due date and status, each change in full;
    --scores-only for the scores alone.

    Example: compactscore diff 2012-13 2013-14

    Example: compactscore diff HEAD~1 HEAD scores/2013-14.csv
    """
    options = opt.output_options(output, indicators, rev, revisions_of=file, how=HOW)
    from compactscore.analysis.changes import diff_of
    from compactscore.commands.common import emit, out_console
    from compactscore.load.sources import open_sources
    from compactscore.render.diff import diff_view

    if file is not None:
        before_sources = open_sources(file, options.indicators, first)
        after_sources = open_sources(file, options.indicators, second)
        before, after = before_sources.load(file), after_sources.load(file)
        names = (before_sources.shown(file), after_sources.shown(file))
        definition = after_sources.definition
    else:
        sources = open_sources(_home_of(first, second), options.indicators, options.rev)
        before, after = _sheet(sources, first), _sheet(sources, second)
        names = (before.period_label, after.period_label)
        unclear = names[0] == names[1] or before.period is None or after.period is None
        if unclear and _is_file(first) and _is_file(second):
            # A copy against the sheet, say: the file names tell them apart where periods cannot.
            names = (sources.shown(Path(first)), sources.shown(Path(second)))
        definition = sources.definition
    changes = diff_of(before, after, definition, *names, scores_only=scores_only)
    # The two sides name their revisions themselves: no headline line about --rev.
    emit(out_console(), changes, diff_view(changes), opt.Options(options.format))
    return 0


def _is_file(name: str) -> bool:
    from compactscore.load.kinds import is_sheet

    return is_sheet(name)


def _home_of(first: str, second: str) -> Path:
    """Where to read both from: one repository, never two areas' as if they were one's."""
    from compactscore.load.paths import typed_from_here
    from compactscore.load.repository import find_config

    here = Path.cwd()
    places = [Path(name) if _is_file(name) else here for name in (first, second)]
    configs = [find_config(place) for place in places]
    if None not in configs and configs[0] != configs[1]:
        folders = [typed_from_here(config.parent) for config in configs if config is not None]
        raise opt.usage(
            f"{first} and {second} belong to different scorecard repositories "
            f"({folders[0]} and {folders[1]}), so they are not two periods of one area.",
            "Name two sheets of one area; to put the areas side by side, run: "
            f"compactscore compare {shlex.join(folders)}",
        )
    # A loose file (a copy outside any repository) is read with the other's repository.
    return next((place for place, config in zip(places, configs, strict=True) if config), here)


def _sheet(sources: Sources, name: str) -> Sheet:
    """A sheet named by its file, or by its period in the repository."""
    path = Path(name)
    if _is_file(name):
        if sources.rev is None and not path.is_file():
            raise opt.usage(f"{name} does not exist.", "Check the name and the folder. " + HOW)
        return sources.load(path)
    from compactscore.periods import parse_period

    period = parse_period(name)
    if period is None:
        raise opt.usage(f"{name!r} is neither a score file nor a period.", HOW)
    for found, candidate in sources.sheet_paths():
        if found == period:
            return sources.load(candidate)
    known = ", ".join(found.label for found, _ in sources.sheet_paths())
    raise opt.usage(f"the repository has no sheet for {period}.", f"Its periods are: {known}.")
