"""Each page's template is parsed once and compiled once: mkdocs-macros compiles the tree the page checks already
parsed (page_checks.template_problems) instead of parsing the page's text again, and a page whose text has not
changed since the last build (a preview after a data edit, or after an edit to another page) reuses its compiled
code. Compiled code depends only on the text and Jinja's syntax settings, never on data."""
from __future__ import annotations

from types import CodeType
from typing import Any

from jinja2 import Environment, nodes

SYNTAX = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
          "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
          "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "autoescape", "optimized")


CompiledKey = tuple[str, str, tuple[object, ...]]  # page, text, syntax settings
# Module-wide, as the registry cache: MkDocs makes new plugins for each build. This build's pages and the last's.
_compiled: dict[CompiledKey, CodeType] = {}
_last_build: dict[CompiledKey, CodeType] = {}


def forget_compiled_pages() -> None:
    """Drop every compiled page (the benchmark measures builds that compile each page, as a new process does)."""
    _compiled.clear()
    _last_build.clear()


class ParsedPages:
    def __init__(self) -> None:
        self._kept: tuple[str, str, nodes.Template] | None = None
        self._started = False  # a build's first install starts its cache; its other editions' environments add to it

    def keep(self, page: str, source: str, tree: nodes.Template) -> None:
        """The page about to render and its checked tree; only the next compile of exactly this text uses them."""
        self._kept = (page, source, tree)

    def install(self, environment: Environment) -> None:
        """Let `environment.from_string` (mkdocs-macros renders each page with it) take the kept tree. Installed
        once per environment: mkdocs-macros makes a new one for each edition of each build. The plugin, and so this
        object, is new each build: its first install starts a new build's cache."""
        if environment.__dict__.get("from_string_parsed_by") is self:
            return
        if not self._started:
            self._started = True
            _last_build.clear()
            _last_build.update(_compiled)  # pages compiled by the last build; any page not built again is dropped
            _compiled.clear()
        compile_text = environment.from_string
        syntax = tuple(getattr(environment, name) for name in SYNTAX) + (tuple(sorted(environment.extensions)),)

        def from_string(source: Any, globals: Any = None, template_class: Any = None) -> Any:
            kept, self._kept = self._kept, None
            if kept is None or not isinstance(source, str) or not (source is kept[1] or source == kept[1]):
                return compile_text(source, globals, template_class)
            key = (kept[0], source, syntax)
            code = _compiled.get(key) or _last_build.get(key) or environment.compile(kept[2])
            _compiled[key] = code
            return (template_class or environment.template_class).from_code(environment, code,
                                                                            environment.make_globals(globals), None)

        environment.from_string = from_string  # type: ignore[method-assign]
        environment.from_string_parsed_by = self  # type: ignore[attr-defined]
