"""Each page's template is parsed once: mkdocs-macros compiles the tree the page checks already parsed
(page_checks.template_problems) instead of parsing the page's text again."""
from __future__ import annotations

from typing import Any

from jinja2 import Environment, nodes


class ParsedPages:
    def __init__(self) -> None:
        self._kept: tuple[str, nodes.Template] | None = None

    def keep(self, source: str, tree: nodes.Template) -> None:
        """The tree of the page about to render; only the next compile of exactly this text uses it."""
        self._kept = (source, tree)

    def install(self, environment: Environment) -> None:
        """Let `environment.from_string` (mkdocs-macros renders each page with it) take the kept tree. Installed
        once per environment: mkdocs-macros makes a new one each build."""
        if environment.__dict__.get("from_string_parsed_by") is self:
            return
        compile_text = environment.from_string

        def from_string(source: Any, globals: Any = None, template_class: Any = None) -> Any:
            kept, self._kept = self._kept, None
            if kept is not None and isinstance(source, str) and (source is kept[0] or source == kept[0]):
                source = kept[1]
            return compile_text(source, globals, template_class)

        environment.from_string = from_string  # type: ignore[method-assign]
        environment.from_string_parsed_by = self  # type: ignore[attr-defined]
