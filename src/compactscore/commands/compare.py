"""``compactscore compare``: several areas side by side for one period."""

from __future__ import annotations

from pathlib import Path

from compactscore.analysis.compare import AreaSheets, common_periods, compare_areas
from compactscore.commands.common import emit, out_console, usage
from compactscore.errors import DataError
from compactscore.load.paths import shown_path
from compactscore.load.repository import Repository
from compactscore.load.sources import Sources, open_sources, previous_of
from compactscore.options import OutputFormat
from compactscore.periods import Period, parse_period
from compactscore.render.compare import comparison_view


def run_compare(
    folders: list[Path],
    output: OutputFormat,
    period_text: str | None,
    rev: str | None = None,
    to: Path | None = None,
    force: bool = False,
) -> int:
    """Compare the areas' scorecards for their latest common period, or the one asked for.

    With a revision, each area is read as it was at that revision of its own git repository.
    """
    if len(folders) < 2:
        raise usage(
            "compare needs at least two area folders.",
            "Name each area's scorecard folder, as in 'compactscore compare riverton eastmoor'.",
        )
    wanted = _parse(period_text)
    found = [_area(folder, rev) for folder in folders]
    repositories = [repository for _, repository in found]
    _no_area_twice(folders, repositories)
    names = _names(folders, repositories)
    sheets = [dict(repository.sheet_paths()) for _, repository in found]
    for repository, paths in zip(repositories, sheets, strict=True):
        if not paths:
            raise DataError.at(
                shown_path(repository.scores_dir),
                None,
                "holds no score files named for a period (such as 2024.csv or 2024-25.csv), "
                "so this area has nothing to compare.",
                "Add the area's sheets, or leave the area out.",
            )
    period = wanted or _latest_common(names, repositories, sheets)
    areas = []
    for name, (sources, repository), paths in zip(names, found, sheets, strict=True):
        path = paths.get(period)
        if path is None:
            raise DataError.at(
                str(repository.scores_dir),
                None,
                f"{name} has no sheet for {period} (it has {_span(paths)}).",
                "Leave --period out to use the latest period every area has, or add the sheet.",
            )
        sheet = sources.load(path)
        before = previous_of(sources, path, sheet)
        areas.append(AreaSheets(name, repository.definition, sheet, before))
    comparison = compare_areas(areas)
    emit(out_console(), comparison, comparison_view(comparison), output, rev, to, force)
    return 0


def _parse(text: str | None) -> Period | None:
    if text is None:
        return None
    period = parse_period(text)
    if period is None:
        raise usage(f"{text!r} is not a period.", "Write a year such as 2024 or 2024-25.")
    return period


def _area(folder: Path, rev: str | None) -> tuple[Sources, Repository]:
    """An area's sources and repository, as it is or as it was at the revision."""
    if not folder.exists():
        # As every command says of a file it is given that is not there.
        raise DataError.at(str(folder), None, "does not exist.", "Check the name and the folder.")
    if not folder.is_dir():
        raise usage(
            f"{folder} is not a folder.",
            "Name the folder of each area's scorecard (the one with compactscore.yaml).",
        )
    sources = open_sources(folder, None, rev)
    if sources.repository is None:
        at = f" at {rev}" if rev is not None else ""
        raise DataError.at(
            str(folder),
            None,
            f"has no compactscore.yaml{at}, in it or in any folder above it, so it is not an "
            "area's scorecard.",
            "Name the folder that holds the area's compactscore.yaml, or run "
            "'compactscore init' there.",
        )
    return sources, sources.repository


def _no_area_twice(folders: list[Path], repositories: list[Repository]) -> None:
    """Refuse one area named twice (riverton and ./riverton/scores): it would rank beside itself."""
    seen: dict[Path, Path] = {}
    for folder, repository in zip(folders, repositories, strict=True):
        root = repository.root.resolve()
        if root in seen:
            raise usage(
                f"{folder} and {seen[root]} are the same area ({shown_path(repository.root)}).",
                "Name each area's folder once.",
            )
        seen[root] = folder


def _names(folders: list[Path], repositories: list[Repository]) -> list[str]:
    """Each area's name from its config (else its folder), made unique by the folder."""
    names = [repo.config.area or repo.root.name for repo in repositories]
    return [
        f"{name} ({folder})" if names.count(name) > 1 else name
        for name, folder in zip(names, folders, strict=True)
    ]


def _latest_common(
    names: list[str], repositories: list[Repository], sheets: list[dict[Period, Path]]
) -> Period:
    common = common_periods([list(paths) for paths in sheets])
    if common:
        return common[-1]
    spans = "; ".join(
        f"{name} has {_span(paths)}" for name, paths in zip(names, sheets, strict=True)
    )
    raise DataError.at(
        str(repositories[0].config_path),
        None,
        f"the areas have no period in common: {spans}.",
        "Compare areas that scored the same year, or name one with --period when all have it.",
    )


def _span(paths: dict[Period, Path]) -> str:
    periods = sorted(paths, key=lambda period: period.sort_key)
    if not periods:
        return "no sheets"
    if len(periods) == 1:
        return f"only {periods[0]}"
    return f"{periods[0]} to {periods[-1]}"
