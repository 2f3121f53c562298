"""``compactscore compare``: several areas side by side for one period."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from compactscore import options as opt

if TYPE_CHECKING:
    from compactscore.load.repository import Repository
    from compactscore.load.sources import Sources
    from compactscore.periods import Period


def compare(
    areas: Annotated[
        list[Path],
        opt.argument(
            "FOLDER", "Two or more areas' scorecard folders (each with compactscore.yaml)."
        ),
    ],
    output: opt.ExportFormatOption = opt.OutputFormat.TABLE,
    period: Annotated[
        str | None,
        opt.period_option("The period to compare. Default: the latest all areas have."),
    ] = None,
    rev: opt.RevOption = None,
    to: opt.OutputFileOption = None,
    force: opt.ForceOption = False,
) -> int:
    """Several areas side by side.

    Totals, ranks, direction of travel, and each indicator's spread.

    With --rev, each area is read as it was at that revision of its git repository.

    Example: compactscore compare riverton eastmoor kingsbridge --period 2012-13
    """
    options = opt.output_options(output, None, rev, to, force)
    folders = areas
    if len(folders) < 2:
        raise opt.usage(
            "compare needs at least two area folders.",
            "Name each area's scorecard folder, as in 'compactscore compare riverton eastmoor'.",
        )
    wanted = opt.parsed_period(period)
    from compactscore.analysis.compare import AreaSheets, compare_areas
    from compactscore.commands.common import emit, out_console
    from compactscore.errors import DataError
    from compactscore.load.paths import shown_path
    from compactscore.load.sources import previous_of
    from compactscore.render.compare import comparison_view

    found = [_area(folder, options.rev) for folder in folders]
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
    chosen = wanted or _latest_common(names, repositories, sheets)
    compared = []
    for name, (sources, repository), paths in zip(names, found, sheets, strict=True):
        path = paths.get(chosen)
        if path is None:
            raise DataError.at(
                str(repository.scores_dir),
                None,
                f"{name} has no sheet for {chosen} (it has {_span(paths)}).",
                "Leave --period out to use the latest period every area has, or add the sheet.",
            )
        sheet = sources.load(path)
        before = previous_of(sources, path, sheet)
        compared.append(AreaSheets(name, repository.definition, sheet, before))
    comparison = compare_areas(compared)
    emit(out_console(), comparison, comparison_view(comparison), options)
    return 0


def _area(folder: Path, rev: str | None) -> tuple[Sources, Repository]:
    """An area's sources and repository, as it is or as it was at the revision."""
    from compactscore.errors import DataError
    from compactscore.load.sources import open_sources

    if not folder.exists():
        # As every command says of a file it is given that is not there.
        raise DataError.at(str(folder), None, "does not exist.", "Check the name and the folder.")
    if not folder.is_dir():
        raise opt.usage(
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
    from compactscore.load.paths import shown_path

    seen: dict[Path, Path] = {}
    for folder, repository in zip(folders, repositories, strict=True):
        root = repository.root.resolve()
        if root in seen:
            raise opt.usage(
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
    from compactscore.analysis.compare import common_periods
    from compactscore.errors import DataError

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
