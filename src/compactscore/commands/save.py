"""``compactscore save``: check the scorecard, then commit its own changed files."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from compactscore import options as opt

if TYPE_CHECKING:
    from compactscore.load.record import ChangedFile


def save(
    message: Annotated[
        str,
        typer.Option("--message", "-m", metavar="MESSAGE", help="What was agreed, for the record."),
    ],
    init: Annotated[
        bool, typer.Option("--init", help="Put the folder under git first, if it is not yet.")
    ] = False,
) -> int:
    """Check, then keep the record in git.

    Commits the scorecard's changed sheets, config and definition. Nothing is saved while check finds an error. Reports and any other files are
    never committed, nor anything else you have staged.

    Example: compactscore save -m "Scores agreed at the March meeting"
    """
    if not message.strip():
        raise opt.usage(
            "the message is empty.",
            'Say what was agreed, as in -m "Scores agreed at the March meeting".',
        )
    from compactscore.commands.common import out_console
    from compactscore.errors import DataError, GitError
    from compactscore.load.definition import BUNDLED
    from compactscore.load.paths import shown_path, typed_from_here
    from compactscore.load.record import (
        changed_files,
        commit_files,
        git_top,
        missing_identity,
        start_git,
    )
    from compactscore.load.repository import CONFIG_NAME, find_config, load_repository
    from compactscore.render.words import plural

    config = find_config(Path("."))
    if config is None:
        raise DataError.at(
            ".",
            None,
            f"is not in a scorecard repository (no {CONFIG_NAME} here or in any folder above).",
            "Run save inside the scorecard's folder, or make one with 'compactscore init'.",
        )
    # Named from here, so that problems read as check prints them: scores/2024-25.csv:3.
    _refuse_errors(Path(typed_from_here(config.parent)))
    repository = load_repository(config.parent)
    assert repository is not None  # the config was just found and checked
    console = out_console()
    missing = missing_identity(repository.root)
    if missing:
        _say_who(missing)
        return 1
    top = git_top(repository.root)
    if top is None:
        if not init:
            raise GitError.at(
                shown_path(repository.root),
                None,
                "is not under git yet, so there is no record to save the scores in.",
                "Start one and save in one step: compactscore save --init -m "
                + shlex.quote(message),
            )
        top = start_git(repository.root)
        console.print("Started a git repository for the scorecard (git init).", markup=False)
    files = [_inside(top, repository.config_path)]
    definition = repository.config.definition
    if definition != BUNDLED:
        name = _inside(top, (repository.root / definition).resolve())
        if name is not None:
            files.append(name)
    scores = _inside(top, repository.scores_dir.resolve())
    if scores is None:
        raise GitError.at(
            shown_path(repository.config_path),
            None,
            f"its scores folder ({repository.config.scores}) is outside the git repository "
            f"at {top}, so its sheets cannot be saved in it.",
            "Keep the scores folder inside the repository, and set 'scores:' to it.",
        )
    changed = changed_files(top, [name for name in files if name is not None], scores)
    if not changed:
        console.print("Nothing to save: the scorecard's files are as last saved.", markup=False)
        return 0
    commit = commit_files(top, [file.name for file in changed], message)
    console.print(
        f"Saved {plural(len(changed), 'file')} in commit {commit}: {_listed(top, changed)}.",
        markup=False,
        soft_wrap=True,
    )
    return 0


def _refuse_errors(folder: Path) -> None:
    """Stop, naming every error, when the scorecard does not pass check."""
    from compactscore.errors import DataError, Problem, errors_in
    from compactscore.load.check import problems_in
    from compactscore.render.words import plural

    errors = errors_in(problems_in(folder))
    if errors:
        raise DataError(
            [
                *errors,
                Problem(
                    "compactscore",
                    None,
                    f"nothing was saved: {plural(len(errors), 'error')} to fix first.",
                    "Fix them, then run save again ('compactscore check' lists them).",
                ),
            ]
        )


def _inside(top: Path, path: Path) -> str | None:
    """A path as git names it below the repository's top, or None when it is outside."""
    try:
        return path.resolve().relative_to(top).as_posix()
    except ValueError:
        return None


def _listed(top: Path, changed: list[ChangedFile]) -> str:
    """Each file as typed from here, with what happened to it: ``scores/2024-25.csv (new)``."""
    from compactscore.load.paths import typed_from_here

    return ", ".join(
        f"{Path(typed_from_here(top / file.name)).as_posix()} ({file.change.value})"
        for file in changed
    )


def _say_who(missing: list[str]) -> None:
    """How to tell git who saves the scores: one command a line, to copy whole."""
    from compactscore.exits import err_console

    console = err_console()
    console.print(
        "git does not know who you are, so it cannot record who saved the scores. "
        "Tell it once, then run save again:",
        markup=False,
    )
    examples = {"user.name": '"Your Name"', "user.email": "you@example.org"}
    for key in missing:
        console.print(f"  git config --global {key} {examples[key]}", markup=False, soft_wrap=True)
