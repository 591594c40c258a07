"""A page's front matter is a model too: unknown keys are refused with a suggestion, at their line."""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import ValidationError

from .lint import Finding
from .models import Strict


class SearchSettings(Strict):
    exclude: bool = False
    boost: float | None = None  # Material's search ranking; generated option pages rank higher


class FrontMatter(Strict):
    """The keys a page may set (the writer's guide explains each)."""

    title: str | None = None
    description: str | None = None
    reference: bool = False
    not_figures: list[str] = []
    words_on_page: bool = True
    template: Literal["handout.html", "tool.html"] | None = None  # the page templates in overrides/
    search: SearchSettings | None = None
    render_macros: bool = True
    hide: list[Literal["navigation", "toc", "footer"]] = []


def front_matter_problems(path: str, source: str, meta: dict[str, Any], skip: Iterable[str] = ()) -> list[Finding]:
    """One finding per wrong key or value, at the key's line; keys in `skip` are reported elsewhere."""
    skipped = set(skip)
    try:
        FrontMatter.model_validate({key: value for key, value in meta.items() if key not in skipped})
    except ValidationError as error:
        return [Finding(path, _key_line(source, str(detail["loc"][0])), _message(detail)) for detail in error.errors()]
    return []


def _message(detail: dict[str, Any]) -> str:
    key = ".".join(str(step) for step in detail["loc"])
    if detail["type"] == "extra_forbidden":
        known = list(FrontMatter.model_fields) if len(detail["loc"]) == 1 else list(SearchSettings.model_fields)
        close = difflib.get_close_matches(str(detail["loc"][-1]), known, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f"; the keys are {', '.join(known)}"
        return f"unknown front matter key '{key}'{hint}"
    return f"front matter {key}: {str(detail['msg']).removeprefix('Value error, ')}"


def _key_line(source: str, key: str) -> int:
    for number, line in enumerate(source.splitlines(), 1):
        if re.match(rf"^{re.escape(key)}\s*:", line):
            return number
    return 1
