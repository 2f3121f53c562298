"""Loading indicator definitions: the bundled one, or any YAML of the same shape."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from compactscore.errors import DataError
from compactscore.load.paths import resolved, shown_path
from compactscore.load.text import read_text
from compactscore.load.yamlfile import parse_yaml, validate
from compactscore.models import Definition

if TYPE_CHECKING:
    from compactscore.load.source import FileSource

BUNDLED = "thriving-sector"


def bundled_path() -> Path:
    """Where the bundled definition is: inside the package once installed, else the checkout."""
    # The package's own folder, found without importlib.resources (a slow import
    # for start-up): an installed wheel holds the file there.
    packaged = Path(__file__).parent.parent / "indicators" / "thriving_sector.yaml"
    if packaged.is_file():
        return packaged
    # An editable install or a source checkout: the one copy at the project root.
    return Path(__file__).resolve().parents[3] / "indicators" / "thriving_sector.yaml"


def load_definition(path: Path | None = None, shown: str | None = None) -> Definition:
    """A definition from a YAML file, or the bundled one when no path is given."""
    if path is None:
        return _bundled()
    shown = shown or str(path)
    return parse_definition(read_text(path, shown), shown)


def parse_definition(text: str, shown: str) -> Definition:
    """A definition from YAML text, every problem named with its line."""
    data, node = parse_yaml(text, shown)
    return validate(Definition, data, node, shown, "indicator definition")


@cache
def _bundled() -> Definition:
    path = bundled_path()
    return parse_definition(read_text(path, str(path)), str(path))


def resolve_definition(
    name: str, base: Path, shown: str, line: int | None, source: FileSource | None = None
) -> Definition:
    """The definition a config names: the bundled one by its id, else a path from the config."""
    if name == BUNDLED:
        return _bundled()
    from compactscore.load.source import WORKING_TREE, text_of

    source = source or WORKING_TREE
    path = resolved(base / name)
    if not source.is_file(path):
        if source.rev is not None:
            raise DataError.at(
                shown,
                line,
                f"definition {name!r} was not in the repository at that revision.",
                f"Write 'definition: {BUNDLED}', or choose a revision that has the file.",
            )
        raise DataError.at(
            shown,
            line,
            f"definition {name!r} is neither the bundled {BUNDLED!r} nor a file "
            f"(looked for {shown_path(path)}).",
            f"Write 'definition: {BUNDLED}', or the path of a YAML file relative to the config.",
        )
    found = source.shown(path)
    return parse_definition(text_of(source, path, found), found)
