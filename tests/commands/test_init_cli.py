"""``compactscore init`` through the command line: where it refuses to make a repository."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Run = Callable[..., Result]


def test_init_into_a_file_is_a_clear_error(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("mine\n", encoding="utf-8")
    result = cli("init", "afile", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith("afile: cannot be made into a scorecard repository:")
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "mine\n"


def test_init_refuses_an_empty_area_name(cli: Run, tmp_path: Path) -> None:
    result = cli("init", "new-area", "--area", " ", cwd=tmp_path)
    assert result.exit_code == 2
    assert not (tmp_path / "new-area").exists()
