"""``compactscore history``: when each score of a sheet changed, by whom, and why."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from compactscore import options as opt

if TYPE_CHECKING:
    from compactscore.errors import Problem
    from compactscore.load.revision import Commit
    from compactscore.load.sheet import RowsRead
    from compactscore.models import Definition, Sheet
    from compactscore.results import HistoryEntry, ScoreChange


def history(
    file: Annotated[Path, opt.argument("FILE", "The score file (CSV) kept in git.")],
    output: opt.FormatOption = opt.OutputFormat.TABLE,
    indicators: opt.IndicatorsOption = None,
    scores_only: opt.ScoresOnlyOption = False,
) -> int:
    """When each score, evidence or action changed in git, and why.

    In which commit, by whom, with the message; also the owner, target, due date
    and status. --scores-only for the scores alone.

    Changes not yet committed are shown as "not committed".

    Example: compactscore history scores/2013-14.csv
    """
    options = opt.output_options(output, indicators)
    from compactscore.analysis.changes import Comparer, history_entries
    from compactscore.commands.common import emit, out_console
    from compactscore.errors import GitError, warn
    from compactscore.load.git import GitRun
    from compactscore.load.kinds import is_sheet
    from compactscore.load.revision import (
        commits_in,
        is_tracked,
        log_of,
        relative,
        root_and_shallow,
        sheets_at,
    )
    from compactscore.load.sheet import RowsRead
    from compactscore.load.sources import open_sources
    from compactscore.render.history import HistoryRows, history_view, view_of
    from compactscore.results import History

    if file.is_dir() or not is_sheet(file.name):
        raise opt.usage(
            f"{file} is not a score file: history follows one sheet's scores.",
            "Name a sheet, as in 'compactscore history scores/2024-25.csv'.",
        )
    root, shallow = root_and_shallow(file)
    name = relative(root, file)
    # git lists the file's commits while the definition is read.
    with GitRun(log_of(name), root) as log:
        definition = open_sources(file, indicators, None).definition
        tracked = is_tracked(root, name)
        commits = commits_in(log.text(), name) if tracked or not file.exists() else []
    if not commits and not tracked:
        raise GitError.at(
            str(file),
            None,
            "is not tracked by git, so it has no history yet."
            if file.exists()
            else "does not exist and never did in this git repository.",
            _how_to_save(file) if file.exists() else "Check the name and the folder.",
        )
    entries: list[HistoryEntry] = []
    # Printed as a table, CSV or Markdown, each change goes straight into the rows
    # printed: no entry is kept. JSON is the entries themselves.
    made = (
        None
        if options.format is opt.OutputFormat.JSON
        else HistoryRows(
            table=options.format is not opt.OutputFormat.CSV,
            data=options.format is opt.OutputFormat.CSV,
            scores_only=scores_only,
        )
    )

    def record(change: ScoreChange, commit: str, date: str, author: str, message: str) -> None:
        if made is not None:
            made.add(change, commit, date, author, message)
        else:
            entries.extend(history_entries(change, commit, date, author, message))

    previous: Sheet | None = None
    skipped: list[Problem] = []
    # Every revision is read through one git process, in order, as it is needed; a row
    # as it was in the version before is not checked again.
    ids: list[bytes] = []
    texts = sheets_at(root, [(c.id, c.name, f"{c.short}:{c.name}") for c in commits], ids)
    rows_read = RowsRead()
    compare = Comparer(definition, fields=not scores_only)
    # Each name the file had, as read and from the repository's root: once, not per commit.
    paths = {each: (Path(each), root / each) for each in {commit.name for commit in commits}}
    last: tuple[str, str, str | bytes] | None = None  # the newest commit's name, blob, text
    for commit, text in zip(commits, texts, strict=True):
        last = (commit.name, ids[-1].decode("ascii"), text)
        path, at_root = paths[commit.name]
        sheet = _read(
            path,
            definition,
            f"{commit.short}:{commit.name}",
            text,
            skipped,
            partial(_check_command, at_root, indicators, commit.short),
            rows_read=rows_read,
        )
        if sheet is None:
            continue
        for change in compare.changes(previous, sheet):
            record(change, commit.short, commit.date, commit.author, commit.message)
        previous = sheet
    check = partial(_check_command, file, indicators, None, typed=False)
    uncommitted = _uncommitted(
        file, root, commits, definition, previous, record, skipped, check, scores_only, last
    )
    warn(skipped)
    found = History(
        file=str(file),
        entries=entries,
        commits=len(commits),
        uncommitted=uncommitted,
        scores_only=scores_only,
        shallow_from=commits[0].short if commits and shallow else None,
    )
    # Without entries kept, the result stands for the history only in name: a table,
    # CSV or Markdown is printed from the view alone.
    view = history_view(found) if made is None else view_of(found, made)
    emit(out_console(), found, view, options)
    return 0


def _read(
    path: Path,
    definition: Definition,
    shown: str,
    text: str | bytes,
    skipped: list[Problem],
    check: Callable[[], str],
    committed: bool = True,
    rows_read: RowsRead | None = None,
) -> Sheet | None:
    """The sheet, or None with a warning naming the command that shows its errors."""
    from compactscore.errors import Problem, Severity, errors_in
    from compactscore.load.sheet import read_sheet

    sheet, problems = read_sheet(path, definition, shown, text, rows_read=rows_read)
    errors = len(errors_in(problems))
    if sheet is None or errors:
        skipped.append(
            Problem(
                shown,
                None,
                "could not be read at this commit, so its changes are left out."
                if committed
                else "could not be read as it is now, so its changes not committed yet are "
                "left out.",
                f"It has 1 error; to see it, run: {check()}"
                if errors == 1
                else f"It has {errors} errors; to see them, run: {check()}",
                Severity.WARNING,
            )
        )
        return None
    return sheet


def _check_command(path: Path, indicators: Path | None, rev: str | None, typed: bool = True) -> str:
    """The check command, as typed from here, that shows why a version of a sheet is unread.

    Worked out only for a sheet that could not be read, not for every commit.
    """
    from compactscore.load.paths import typed_from_here

    words = ["compactscore", "check"]
    if rev is not None:
        words += ["--rev", rev]
    if indicators is not None:
        words += ["--indicators", str(indicators)]
    shown = typed_from_here(path) if typed else str(path)
    return " ".join(shlex.quote(word) for word in [*words, shown])


def _uncommitted(
    file: Path,
    root: Path,
    commits: list[Commit],
    definition: Definition,
    previous: Sheet | None,
    record: Callable[[ScoreChange, str, str, str, str], None],
    skipped: list[Problem],
    check: Callable[[], str],
    scores_only: bool,
    last: tuple[str, str, str | bytes] | None = None,
) -> bool:
    """Add the working file's changes that are not committed; say whether there were any.

    ``last`` is the newest commit's name for the file, its blob's id and its text as
    read: when HEAD holds that very blob at that name, the text is not read again.
    """
    from compactscore.analysis.changes import changes_between
    from compactscore.load.revision import relative
    from compactscore.load.source import WORKING_TREE, GitRevision, sheet_data
    from compactscore.results.changes import NOT_COMMITTED

    if not file.is_file():
        return False
    name = relative(root, file)
    working = sheet_data(WORKING_TREE, file, str(file))
    head = GitRevision(root, "HEAD", "HEAD")
    if commits and head.exists(file):
        same = last is not None and last[0] == name and head.blob_id(file) == last[1]
        committed = last[2] if last is not None and same else sheet_data(head, file, f"HEAD:{name}")
        if committed == working or (
            isinstance(committed, str)
            and isinstance(working, str)
            and _lines(committed) == _lines(working)
        ):
            return False
    sheet = _read(file, definition, str(file), working, skipped, check, committed=False)
    if sheet is None:
        return True
    for change in changes_between(previous, sheet, definition, fields=not scores_only):
        record(change, NOT_COMMITTED, "", "", "")
    return True


def _lines(text: str) -> list[str]:
    # git may change line ends on checkout; a different line end is not a change of score.
    return text.splitlines()


def _how_to_save(file: Path) -> str:
    """How to put a sheet in the record: save in a scorecard repository, else git itself."""
    from compactscore.load.repository import find_config

    if find_config(file) is not None:
        return "Save it in the record: compactscore save -m 'Scores agreed at the meeting'"
    return f"Add and commit it: git add {file} && git commit -m 'Scores agreed at the meeting'"
