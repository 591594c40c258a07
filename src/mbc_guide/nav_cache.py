"""MkDocs plugin: a fresh cache each build for the navigation parts every page shares (overrides/partials/nav-item.html)."""
from __future__ import annotations

from typing import Any

from mkdocs.plugins import BasePlugin


class NavCachePlugin(BasePlugin):
    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        # A new dict per build: a live preview rebuilds with new navigation objects and possibly new pages.
        env.globals["nav_cache"] = {}
        return env
