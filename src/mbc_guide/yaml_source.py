"""Read YAML while keeping line numbers, so errors can point at the exact line."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import DataError


def read_yaml(path: Path, shown_as: str) -> tuple[Any, list[DataError]]:
    """Return the round-trip document (with line info) or the syntax error."""
    text = path.read_text(encoding="utf-8")
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return None, [DataError(shown_as, 1, "", "the file is empty; it needs a list of entries")]
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        return yaml.load(text), []
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = (error.problem or error.context or "invalid YAML").strip()
        return None, [DataError(shown_as, line, "", f"YAML syntax error: {problem}")]
    except YAMLError as error:  # pragma: no cover - unmarked errors are rare
        return None, [DataError(shown_as, None, "", f"YAML syntax error: {error}")]


def line_of(node: Any, location: tuple[Any, ...]) -> int | None:
    """Follow a path of keys and indexes into the document; return the deepest known line (1-based)."""
    line = _own_line(node)
    for step in location:
        if isinstance(node, CommentedMap) and step in node:
            line = node.lc.key(step)[0] + 1
            node = node[step]
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
            line = node.lc.item(step)[0] + 1
            node = node[step]
        else:
            continue  # pydantic adds union tags such as 'str' to paths; they are not in the file
    return line


def _own_line(node: Any) -> int | None:
    if isinstance(node, (CommentedMap, CommentedSeq)):
        return node.lc.line + 1
    return None


def to_plain(node: Any) -> Any:
    """Convert ruamel containers into plain dicts and lists for validation."""
    if isinstance(node, dict):
        return {str(key): to_plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [to_plain(item) for item in node]
    return node
