"""A config whose scores lead outside the repository: the same error now and at a revision."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Invoke = Callable[..., Result]

MESSAGE = (
    "compactscore.yaml:2: 'scores: ../elsewhere' leads outside the repository; a repository "
    "reads only what is inside its folder, where git keeps its history. Move the score files "
    "into a folder inside the repository (.) and set 'scores:' to that folder, such as 'scores'."
)


def test_scores_outside_are_refused_alike_in_the_tree_and_at_a_revision(
    tmp_path: Path,
    cli: Invoke,
    make_commit: Callable[[Path, dict[str, str], str, str, str], None],
    git_as: Callable[..., str],
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "2012-13.csv").write_text("indicator,score\n1,2\n", encoding="utf-8")
    git_as(repo, "init", "-q")
    config = {"compactscore.yaml": "area: Riverton\nscores: ../elsewhere\n"}
    make_commit(repo, config, "Config", "Ann Coordinator", "2013-05-01T10:00:00")
    for args in (("check",), ("score",), ("check", "--rev", "HEAD"), ("score", "--rev", "HEAD")):
        result = cli(*args, cwd=repo)
        assert result.exit_code == 1, args
        shown = MESSAGE if "--rev" not in args else "HEAD:" + MESSAGE
        assert shown in (result.stdout + result.stderr).splitlines(), args
