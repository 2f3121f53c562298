"""``compactscore check --rev``: the same checks on the files as they were at a revision."""

from __future__ import annotations

from pathlib import Path

from compactscore.commands.sources import Sources, open_sources
from compactscore.errors import CompactscoreError, Problem, UsageError
from compactscore.load.repository import CONFIG_NAME
from compactscore.load.sheet import read_sheet

YAML_ENDINGS = (".yaml", ".yml")


class RevisionChecker:
    """Collects the problems of the config, definition and sheets at one revision."""

    def __init__(self, indicators: Path | None, rev: str) -> None:
        self.indicators = indicators
        self.rev = rev
        self.problems: list[Problem] = []
        self.files = 0
        self.unchecked = 0  # a broken config or definition at the revision stops the check

    def check(self, paths: list[Path]) -> None:
        """Check the sheets named (or every sheet of the repository) at the revision."""
        start = paths[0] if paths else Path.cwd()
        try:
            sources = open_sources(start, self.indicators, self.rev)
        except UsageError:
            raise  # a revision that names no commit is wrong usage, as for every command
        except CompactscoreError as error:
            self.problems.extend(error.problems)
            return
        if sources.repository is not None:
            self.files += 1  # the config
        files = [path for path in paths if not path.is_dir()]
        # YAML named is a config or a definition, read as YAML as plain check reads it.
        for path in files:
            if path.suffix.lower() in YAML_ENDINGS:
                self._check_yaml(sources, path)
        sheets = [path for path in files if path.suffix.lower() not in YAML_ENDINGS]
        if not files:
            try:
                sheets = [path for _, path in sources.sheet_paths()]
            except CompactscoreError as error:
                self.problems.extend(error.problems)
                return
        for path in sheets:
            self._check_sheet(sources, path)

    def _check_yaml(self, sources: Sources, path: Path) -> None:
        """A config or a definition as it was at the revision."""
        from compactscore.load.definition import parse_definition
        from compactscore.load.revision import relative, repository_at, text_at

        assert sources.git_root is not None and sources.commit is not None
        repository = sources.repository
        if repository is not None and path.resolve() == repository.config_path.resolve():
            return  # read, and counted, with the sources
        self.files += 1
        try:
            if path.name == CONFIG_NAME:
                repository_at(path, sources.git_root, sources.commit, self.rev)
            else:
                name = relative(sources.git_root, path)
                shown = sources.shown(path)
                parse_definition(text_at(sources.git_root, sources.commit, name, shown), shown)
        except CompactscoreError as error:
            self.problems.extend(error.problems)

    def _check_sheet(self, sources: Sources, path: Path) -> None:
        from compactscore.load.revision import relative, sheet_at

        assert sources.git_root is not None and sources.commit is not None
        shown = sources.shown(path)
        self.files += 1
        try:
            name = relative(sources.git_root, path)
            text = sheet_at(sources.git_root, sources.commit, name, shown)
        except CompactscoreError as error:
            self.problems.extend(error.problems)
            return
        _, problems = read_sheet(path, sources.definition, shown, text)
        self.problems.extend(problems)
