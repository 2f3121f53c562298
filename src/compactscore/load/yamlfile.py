"""Safe YAML: no objects constructed, no aliases, and lines kept for messages."""

from __future__ import annotations

import re
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
            return _read(text, shown, _FAST_LOADER)
        except yaml.YAMLError:
            pass  # the pure-Python reader below finds and words the problem as it always has
    try:
        return _read(text, shown, yaml.SafeLoader)
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark or error.context_mark
        raise DataError.at(
            shown,
            mark.line + 1 if mark else None,
            "uses a YAML tag (a word after !!) that is not allowed here: "
            "only plain text, numbers, lists and 'key: value' lines are read.",
            "Remove the tag and write the value as plain text.",
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise DataError.at(
            shown,
            line,
            f"is not valid YAML: {error.problem or error.context}.",
            "Check the indentation and that each 'key: value' is on its own line.",
        ) from None
    except yaml.reader.ReaderError as error:
        # A character YAML does not allow: a control character, most often pasted in unseen.
        char = error.character if isinstance(error.character, str) else chr(error.character)
        raise DataError.at(
            shown,
            text.count("\n", 0, error.position) + 1,
            f"holds the character U+{ord(char):04X}, which a YAML file cannot hold "
            "(a control character, invisible in most editors).",
            "Delete it, or write it inside double quotes as an escape, such as \\x1b.",
        ) from None
    except yaml.YAMLError as error:
        raise DataError.at(shown, None, f"is not valid YAML: {error}.") from None


def _read(text: str, shown: str, loader_class: Any) -> tuple[Any, yaml.Node | None]:
    """Check the tokens, compose the nodes, check the keys, then build the data."""
    _check_tokens(text, shown, loader_class)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        _check_keys(node, shown)
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


MAX_DEPTH = 20  # a definition nests five levels; hundreds would exhaust the parser's stack
_OPENS = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSES = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def _check_tokens(text: str, shown: str, loader_class: Any) -> None:
    """Refuse, before anything is built, what could make a small file expand or nest without end."""
    depth = 0
    for token in yaml.scan(text, Loader=loader_class):
        line = token.start_mark.line + 1
        if isinstance(token, yaml.AliasToken | yaml.AnchorToken):
            raise DataError.at(
                shown,
                line,
                "uses a YAML anchor or alias (& or *), which is not allowed here.",
                "Write the value out in full where it is needed.",
            )
        depth += isinstance(token, _OPENS) - isinstance(token, _CLOSES)
        if depth > MAX_DEPTH:
            raise DataError.at(
                shown,
                line,
                f"nests values more than {MAX_DEPTH} levels deep, which no scorecard file needs.",
                "Check the brackets and the indentation.",
            )


def _check_keys(node: yaml.Node | None, shown: str) -> None:
    """Refuse a key written twice in one mapping: YAML would silently keep only the last.

    Keys are compared as they are read, not as they are written: ``01``, ``1``, ``"1"``
    and ``1.0`` are all the point 1 of a scale, so two of them lose one label.
    """
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[object, tuple[str, int]] = {}
            for key, value in current.value:
                _check_number(key, shown)
                name = key.value if isinstance(key, yaml.ScalarNode) else None
                read = _read_as(key) if name is not None else None
                if read is not None and read in seen:
                    first, line = seen[read]
                    again = (
                        f"the key {name!r} is written twice in the same place (first on line "
                        f"{line})"
                        if first == name
                        else f"the key {name!r} is the same as {first!r} on line {line} (both "
                        f"are read as {read!r})"
                    )
                    raise DataError.at(
                        shown,
                        key.start_mark.line + 1,
                        f"{again}, so one of them would be ignored.",
                        "Keep the one that is right and delete the other.",
                    )
                if read is not None:
                    seen[read] = (str(name), key.start_mark.line + 1)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        else:
            _check_number(current, shown)


MAX_DIGITS = 30  # a point, a number or a year has a few digits; thousands would not even convert


def _check_number(node: yaml.Node, shown: str) -> None:
    """Refuse a number too long to be one a scorecard uses, before it is built."""
    if node.tag in _NUMBER_TAGS and len(str(node.value)) > MAX_DIGITS:
        raise DataError.at(
            shown,
            node.start_mark.line + 1,
            f"holds a number {len(str(node.value))} characters long, longer than any number a "
            "scorecard uses.",
            "Write the number it should be, such as 3.",
        )


_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_WHOLE_NUMBER = re.compile(r"[-+]?[0-9]+", re.ASCII)


def _read_as(key: yaml.Node) -> object:
    """A key as the models will read it: a number when it is one, however written."""
    text = str(key.value)
    if key.tag in _NUMBER_TAGS:
        try:
            value = yaml.constructor.SafeConstructor().construct_object(key)
        except (yaml.YAMLError, ValueError, OverflowError):
            return text
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value
    digits = text.strip()
    if _WHOLE_NUMBER.fullmatch(digits):
        return int(digits)
    return text


def validate(model: type[M], data: Any, node: yaml.Node | None, shown: str, what: str) -> M:
    """Data as a model, or a DataError naming each wrong field and its line."""
    if data is None:
        raise DataError.at(
            shown, None, f"is empty: it holds no {what}.", f"Start from a working {what}."
        )
    if not isinstance(data, dict):
        article = "an" if what[0] in "aeiou" else "a"
        raise DataError.at(
            shown,
            1,
            f"is not {article} {what}: it should be a set of 'key: value' lines.",
            f"Start from a working {what} and change it.",
        )
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = []
        keys: _KeyIndex = {}  # each mapping's keys indexed once: 40,000 unknown keys stay linear
        for item in error.errors():
            where = _describe(item["loc"], data)
            message = _message(item)
            if item["type"] == "extra_forbidden":
                message += _did_you_mean(model, item["loc"])
            # A check across fields can say which value it is about (models.LocatedError).
            found = getattr(item.get("ctx", {}).get("error"), "loc", ())
            line = line_of(node, (*item["loc"], *found), keys)
            problems.append(Problem(shown, line, f"{where}: {message}" if where else message))
        raise DataError(problems) from None


# For each mapping node (by id), its pairs by key as written, the first of each.
_KeyIndex = dict[int, dict[object, tuple[yaml.Node, yaml.Node]]]


def line_of(
    node: yaml.Node | None, loc: tuple[int | str, ...], keys: _KeyIndex | None = None
) -> int | None:
    """The line of the value at a path of keys and indexes, or of its nearest parent.

    ``keys`` keeps each mapping's keys indexed between calls, so that finding the lines
    of many problems in one file takes time in proportion to the file, not its square.
    """
    if keys is None:
        keys = {}
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            index = keys.get(id(node))
            if index is None:
                index = {}
                for pair in node.value:
                    index.setdefault(pair[0].value, pair)
                keys[id(node)] = index
            found = index.get(str(part))
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
        elif part != "[key]":
            current = current.get(part) if isinstance(current, dict) else None
            parts.append(str(part))
    return " > ".join(parts)


def _did_you_mean(model: type[BaseModel], loc: tuple[int | str, ...]) -> str:
    """`` Did you mean 'statement'?`` for a misspelt key, from the keys allowed where it is."""
    current: type[BaseModel] | None = model
    for part in loc[:-1]:
        if isinstance(part, int) or current is None:
            continue
        field = current.model_fields.get(part)
        current = _model_in(field.annotation) if field is not None else None
    if current is None:
        return ""
    import difflib  # only a misspelt key needs it

    close = difflib.get_close_matches(str(loc[-1]), list(current.model_fields), n=1)
    return f" Did you mean {close[0]!r}?" if close else ""


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, alone or as the items of a list."""
    for candidate in (annotation, *getattr(annotation, "__args__", ())):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _message(item: Any) -> str:
    kind = item["type"]
    if kind == "missing":
        return "this is required but missing."
    if kind == "extra_forbidden":
        return "is not a key this file understands (check its spelling)."
    if item["loc"] and item["loc"][-1] == "[key]":
        # A mapping's key is wrong, not its value: say so, in words a reader of the file uses.
        if kind.startswith("int"):
            return "this key should be a whole number (a point on the scale)."
        return "this key is not of the right kind."
    if kind in _PLAIN_WORDS:
        return _PLAIN_WORDS[kind]
    text = str(item["msg"]).removeprefix("Value error, ")
    return text[0].lower() + text[1:] + ("" if text.endswith((".", "?")) else ".")


# The validation library's words for a wrong kind of value, said as a reader of the file would.
_PLAIN_WORDS = {
    "int_parsing": "this should be a whole number, such as 3.",
    "int_type": "this should be a whole number, such as 3.",
    "int_from_float": "this should be a whole number, such as 3, not a decimal.",
    "string_type": "this should be text; write it after the colon on the same line.",
    "list_type": "this should be a list: one '- item' line for each.",
    "dict_type": "this should be a set of 'key: value' lines, indented below it.",
    "model_type": "this should be a set of 'key: value' lines, indented below it.",
    "bool_parsing": "this should be true or false.",
}
