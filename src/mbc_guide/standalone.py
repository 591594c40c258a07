"""Macros for engines without MkDocs plugins (Zensical): the same data and components, registered directly.

Only the macros run there. What the MkDocs plugin adds around them (lint, review dates, the per-page word list and
source list, the used-by links on the sources page) needs MkDocs' page events; see the README's Performance
section for the list.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment

from .page_macros import GuideMacros, SiteFacts
from .registry import Registry, load_registry
from .rendering import component_environment


@lru_cache(maxsize=4)  # data is loaded and checked once per build, not once per page
def _registry(data_dir: Path) -> Registry:
    return load_registry(data_dir)


@lru_cache(maxsize=4)  # Zensical calls the macros module for every page; compile the components once
def _components(components_dir: Path) -> Environment:
    return component_environment(components_dir)


def register_macros(env: Any, project_root: Path, site: SiteFacts, page_path: str) -> GuideMacros:
    macros = GuideMacros(_registry(project_root / "data"), _components(project_root / "overrides" / "components"), site)
    macros.start_page(page_path)
    for name, function in macros.exposed().items():
        env.macro(function, name)
    return macros
