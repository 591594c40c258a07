"""What the theme costs every build, done once per process: the listing of its files and its compiled templates.

MkDocs walks every theme folder on each build to find the files to copy, and Material's folder holds about 14,500
files (mostly icons, which are never copied): about a tenth of a preview rebuild's CPU. Installed themes do not
change while a process runs, so their listing is kept; a theme folder inside the project (overrides/) is listed
again on every build, so a file added there while the preview runs is copied as before.

Every theme environment MkDocs makes (the build's, and the one Material's search plugin makes three times a build to
read its translations) keeps compiled templates in the bytecode cache, which is keyed by each template's source.
"""
from __future__ import annotations

import os
import sysconfig
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from mkdocs.structure.files import File, Files
from mkdocs.theme import Theme

from .rendering import TEMPLATE_CACHE

INSTALLED = tuple(Path(sysconfig.get_paths()[name]).resolve() for name in ("purelib", "platlib"))

# (theme folders, their settings, the listing of each folder outside INSTALLED) -> [(path, theme folder)]
_listed: dict[tuple[Any, ...], list[tuple[str, str]]] = {}


def _installed(folder: str) -> bool:
    resolved = Path(folder).resolve()
    return any(resolved.is_relative_to(place) for place in INSTALLED)


def _files_under(folder: str) -> tuple[str, ...]:
    return tuple(sorted(os.path.relpath(os.path.join(root, name), folder)
                        for root, _, names in os.walk(folder) for name in names))


def _key(config: Any) -> tuple[Any, ...]:
    dirs = tuple(config.theme.dirs)
    own = tuple(_files_under(folder) for folder in dirs if not _installed(folder))
    return dirs, tuple(config.theme.static_templates), own


@contextmanager
def theme_work_reused() -> Iterator[None]:
    """Within: Files.add_files_from_theme adds the files MkDocs would add, from the listing kept for the theme, and
    Theme.get_env gives environments that reuse compiled templates."""
    add_files_from_theme, get_env = Files.add_files_from_theme, Theme.get_env

    def add_kept(files: Files, env: Any, config: Any) -> None:
        key = _key(config)
        if key not in _listed:
            everything = Files([])
            add_files_from_theme(everything, env, config)
            _listed[key] = [(file.src_uri, file.src_dir) for file in everything]
        for path, folder in _listed[key]:
            if files.get_file_from_path(path) is None:  # a page or asset of the site's own wins, as in MkDocs
                files.append(File(path, folder, config.site_dir, config.use_directory_urls))

    def env_with_compiled_templates(theme: Theme) -> Any:
        env = get_env(theme)
        env.bytecode_cache = TEMPLATE_CACHE
        return env

    Files.add_files_from_theme, Theme.get_env = add_kept, env_with_compiled_templates
    try:
        yield
    finally:
        Files.add_files_from_theme, Theme.get_env = add_files_from_theme, get_env
