"""MkDocs plugin: load and check data once per build, give macros the registry, report writer errors in one line each."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Callable

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from .errors import DataErrors
from .page_checks import template_problems
from .page_macros import GuideMacros
from .registry import Registry, UnknownId, load_registry
from .rendering import component_environment


class GuideConfig(Config):
    data_dir = config_options.Type(str, default="data")
    components_dir = config_options.Type(str, default="overrides/components")


class GuidePlugin(BasePlugin[GuideConfig]):
    registry: Registry
    macros: GuideMacros

    def __init__(self) -> None:
        self.page_errors: list[str] = []

    @event_priority(100)  # before mkdocs-macros, whose define_env needs the registry
    def on_config(self, config: Any) -> Any:
        project = Path(config.config_file_path).parent
        data_dir = project / self.config.data_dir
        try:
            self.registry = load_registry(data_dir, shown_prefix=self.config.data_dir)
        except DataErrors as errors:
            raise PluginError(str(errors)) from None
        self.macros = GuideMacros(self.registry, component_environment(project / self.config.components_dir))
        self.page_errors = []
        return config

    def register_macros(self, env: Any) -> None:
        """Called from macros/main.py: expose every guide macro, each reporting errors against its page."""
        for name, function in self.macros.exposed().items():
            env.macro(self._guarded(name, function), name)

    def _guarded(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                return function(*args, **kwargs)
            except (UnknownId, LookupError, TypeError) as error:
                message = str(error).strip("'\"")
                self.page_errors.append(f"{self._docs_prefix}{self.macros.page.path}: {name}(): {message}")
                return ""
        return call

    @event_priority(100)  # before mkdocs-macros renders the page
    def _start_page(self, markdown: str, page: Any, config: Any, files: Any) -> str:
        self._docs_prefix = f"{Path(config.docs_dir).name}/"
        self.macros.start_page(page.file.src_path)
        macros_plugin = config.plugins["macros"]
        problems = template_problems(macros_plugin.env, markdown, macros_plugin.variables)
        front_matter_lines = len(page.file.content_string.splitlines()) - len(markdown.splitlines())
        for line, message in problems:
            self.page_errors.append(f"{self._docs_prefix}{page.file.src_path}:{line + front_matter_lines}: {message}")
        # A page with problems is not rendered: mkdocs-macros would stop the build with a traceback.
        return "" if problems else markdown

    @event_priority(-100)  # after mkdocs-macros has rendered the page
    def _finish_page(self, markdown: str, page: Any, config: Any, files: Any) -> str:
        sources = str(self.macros.sources_section())  # str(): adding Markup to text would escape the page
        if sources:
            markdown += f"\n\n## Sources\n\n{sources}\n"
        review = self.registry.reviews.get(page.file.src_path)
        page.meta["review"] = review
        return markdown

    on_page_markdown = CombinedEvent(_start_page, _finish_page)

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        # Raised here, after every page is rendered and before any is written: all page errors at once, no half-built site.
        if self.page_errors:
            raise PluginError("\n".join(self.page_errors))
        return env
