"""Safe YAML: no objects constructed, no aliases, and lines kept for messages."""

from __future__ import annotations

from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from compactscore.errors import DataError, Problem

M = TypeVar("M", bound=BaseModel)

# libyaml, when PyYAML was built with it; any error is then worded by the Python reader.
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", None)


def parse_yaml(text: str, shown: str) -> tuple[Any, yaml.Node | None]:
    """The data in a YAML text, with the node tree that knows each value's line."""
    if _FAST_LOADER is not None:
        try:
            return _read_fast(text)
        except (yaml.YAMLError, _AliasFound):
            pass  # the pure-Python reader below finds and words the problem as it always has
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.AliasToken | yaml.AnchorToken):
                line = token.start_mark.line + 1
                raise DataError.at(
                    shown,
                    line,
                    "uses a YAML anchor or alias (& or *), which is not allowed here.",
                    "Write the value out in full where it is needed.",
                )
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise DataError.at(
            shown,
            line,
            f"is not valid YAML: {error.problem or error.context}.",
            "Check the indentation and that each 'key: value' is on its own line.",
        ) from None
    except yaml.YAMLError as error:
        raise DataError.at(shown, None, f"is not valid YAML: {error}.") from None
    return data, node


class _AliasFound(Exception):
    """The fast reader met an anchor or alias: the careful reader reports it."""


def _read_fast(text: str) -> tuple[Any, yaml.Node | None]:
    """libyaml's reader: the same nodes and data, ten times faster than the Python one."""
    for token in yaml.scan(text, Loader=_FAST_LOADER):
        if isinstance(token, yaml.AliasToken | yaml.AnchorToken):
            raise _AliasFound
    loader = _FAST_LOADER(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


def validate(model: type[M], data: Any, node: yaml.Node | None, shown: str, what: str) -> M:
    """Data as a model, or a DataError naming each wrong field and its line."""
    if not isinstance(data, dict):
        raise DataError.at(
            shown,
            1,
            f"is not a {what}: it should be a set of 'key: value' lines.",
            f"Start from a working {what} and change it.",
        )
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            where = _describe(item["loc"], data)
            message = _message(item)
            line = line_of(node, item["loc"])
            problems.append(Problem(shown, line, f"{where}: {message}" if where else message))
        raise DataError(problems) from None


def line_of(node: yaml.Node | None, loc: tuple[int | str, ...]) -> int | None:
    """The line of the value at a path of keys and indexes, or of its nearest parent."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            found = next((pair for pair in node.value if pair[0].value == str(part)), None)
            if found is None:
                if isinstance(part, str):
                    # An unknown key reported by name: find it among the keys.
                    return line
                break
            line = found[0].start_mark.line + 1
            node = found[1]
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _describe(loc: tuple[int | str, ...], data: Any) -> str:
    parts: list[str] = []
    current = data
    for part in loc:
        if isinstance(part, int) and isinstance(current, list) and part < len(current):
            current = current[part]
            name = current.get("id") if isinstance(current, dict) else None
            parts[-1] = f"{parts[-1]} {name!r}" if name else f"{parts[-1]} item {part + 1}"
        else:
            current = current.get(part) if isinstance(current, dict) else None
            parts.append(str(part))
    return " > ".join(parts)


def _message(item: Any) -> str:
    kind = item["type"]
    if kind == "missing":
        return "this is required but missing."
    if kind == "extra_forbidden":
        return "is not a key this file understands (check its spelling)."
    text = str(item["msg"]).removeprefix("Value error, ")
    return text[0].lower() + text[1:] + ("" if text.endswith(".") else ".")
