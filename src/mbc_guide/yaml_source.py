"""Read YAML while keeping line numbers, so errors can point at the exact line.

libyaml (through PyYAML's C loader) builds the node tree, which is fast and keeps every node's line; the values are
then built here as dicts and lists that remember where each key and item was written.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import DataError
from .file_reading import UnreadableFile, read_text

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LocatedMap(dict):
    """A mapping that knows its own line and the line of each key (1-based)."""

    line: int
    key_lines: dict[str, int]


class LocatedList(list):
    """A sequence that knows its own line and the line of each item (1-based)."""

    line: int
    item_lines: list[int]


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int):
        super().__init__(key)
        self.key, self.line = key, line


def read_yaml(path: Path, shown_as: str) -> tuple[Any, list[DataError]]:
    """Return the document (with line info) or the syntax error."""
    try:
        text = read_text(path, shown_as)
    except UnreadableFile as unreadable:
        return None, [unreadable.error]
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return None, [DataError(shown_as, 1, "", "the file is empty; it needs a list of entries")]
    try:
        node = yaml.compose(text, Loader=Loader)
        return _build(node, yaml.SafeLoader("")), []
    except yaml.MarkedYAMLError as error:
        problem = (error.problem or error.context or "invalid YAML").strip()
        return None, [DataError(shown_as, writers_line(error), "", f"YAML syntax error: {problem}")]
    except _DuplicateKey as duplicate:
        return None, [DataError(shown_as, duplicate.line, "", f"YAML syntax error: the key {duplicate.key!r} is written twice")]
    except yaml.YAMLError as error:  # pragma: no cover - unmarked errors are rare
        return None, [DataError(shown_as, None, "", f"YAML syntax error: {error}")]


# Where libyaml's context is the thing the writer left open (a key without its colon, a quote or a bracket not
# closed), it marks the writer's line and the problem is found lines later (the next key, the end of the file).
# Otherwise (bad indentation, a tab, a stray colon) the problem mark is the writer's line and the context is the
# enclosing list or mapping, lines earlier.
OPENED_ON_CONTEXT_LINE = ("while scanning a simple key", "while scanning a quoted scalar", "while parsing a flow")


def writers_line(error: yaml.MarkedYAMLError) -> int | None:
    """The 1-based line a writer has to fix for this syntax error."""
    opened = error.context_mark and (error.context or "").startswith(OPENED_ON_CONTEXT_LINE)
    mark = error.context_mark if opened else (error.problem_mark or error.context_mark)
    return mark.line + 1 if mark else None


def _build(node: yaml.Node, scalars: yaml.SafeLoader) -> Any:
    if isinstance(node, yaml.MappingNode):
        result = LocatedMap()
        result.line, result.key_lines = node.start_mark.line + 1, {}
        for key_node, value_node in node.value:
            key = str(_build(key_node, scalars))
            if key in result:
                raise _DuplicateKey(key, key_node.start_mark.line + 1)
            result[key] = _build(value_node, scalars)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        items = LocatedList(_build(item, scalars) for item in node.value)
        items.line, items.item_lines = node.start_mark.line + 1, [item.start_mark.line + 1 for item in node.value]
        return items
    value = scalars.construct_object(node)
    # YAML 1.1 reads yes/no/on/off as true/false; data means words there, as YAML 1.2 does.
    if isinstance(value, bool) and node.value.lower() not in ("true", "false"):
        return node.value
    return value


def line_of(node: Any, location: tuple[Any, ...]) -> int | None:
    """Follow a path of keys and indexes into the document; return the deepest known line (1-based)."""
    line = getattr(node, "line", None)
    for step in location:
        if isinstance(node, LocatedMap) and step in node:
            line = node.key_lines[step]
            node = node[step]
        elif isinstance(node, LocatedList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            continue  # pydantic adds union tags such as 'str' to paths; they are not in the file
    return line


def to_plain(node: Any) -> Any:
    """Plain dicts and lists for validation."""
    if isinstance(node, dict):
        return {str(key): to_plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [to_plain(item) for item in node]
    return node
