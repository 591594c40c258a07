"""What the theme costs every build, done once per process: the listing of its files and its compiled templates.

MkDocs walks every theme folder on each build to find the files to copy, and Material's folder holds about 14,500
files (mostly icons, which are never copied): about a tenth of a preview rebuild's CPU. Installed themes do not
change while a process runs, so their listing is kept for every project built in it (the tests build many copies);
a theme folder inside the project (overrides/) is listed again on every build, so a file added there while the
preview runs is copied as before.

Every theme environment MkDocs makes (the build's, and the one Material's search plugin makes three times a build to
read its translations) keeps compiled templates in the bytecode cache the components use (rendering.TEMPLATE_CACHE),
which is keyed by each template's source: this is the one place the theme's environments get it.
"""
from __future__ import annotations

import sysconfig
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Iterator

import jinja2
from mkdocs.structure.files import File, Files
from mkdocs.theme import Theme

from .rendering import TEMPLATE_CACHE

INSTALLED = tuple(Path(sysconfig.get_paths()[name]).resolve() for name in ("purelib", "platlib"))

# (installed theme folders, static templates) -> [(path, folder)], for every project built in this process
_listed: dict[tuple[Any, ...], list[tuple[str, str]]] = {}


def _installed(folder: str) -> bool:
    resolved = Path(folder).resolve()
    return any(resolved.is_relative_to(place) for place in INSTALLED)


def _listed_by_mkdocs(add_files_from_theme: Any, folders: tuple[str, ...], config: Any) -> list[tuple[str, str]]:
    """(path, folder) of the files MkDocs adds from these theme folders alone, by MkDocs' own rules."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folders))
    theme = SimpleNamespace(dirs=list(folders), static_templates=config.theme.static_templates)
    only = SimpleNamespace(theme=theme, site_dir=config.site_dir, use_directory_urls=config.use_directory_urls)
    listed = Files([])
    add_files_from_theme(listed, env, only)
    return [(file.src_uri, file.src_dir) for file in listed]


@contextmanager
def theme_work_reused() -> Iterator[None]:
    """Within: Files.add_files_from_theme adds the files MkDocs would add, from the listing kept for the installed
    theme folders and a new listing of the project's own, and Theme.get_env gives environments that reuse compiled
    templates."""
    add_files_from_theme, get_env = Files.add_files_from_theme, Theme.get_env

    def add_kept(files: Files, env: Any, config: Any) -> None:
        dirs = list(config.theme.dirs)
        installed = tuple(folder for folder in dirs if _installed(folder))
        key = (installed, tuple(config.theme.static_templates))
        if key not in _listed:
            _listed[key] = _listed_by_mkdocs(add_files_from_theme, installed, config)
        own = tuple(folder for folder in dirs if folder not in installed)
        found: dict[str, str] = {}
        for path, folder in _listed[key] + _listed_by_mkdocs(add_files_from_theme, own, config):
            # As in MkDocs, a path comes from the first theme folder that has it.
            if path not in found or dirs.index(folder) < dirs.index(found[path]):
                found[path] = folder
        for path in sorted(found):
            if files.get_file_from_path(path) is None:  # a page or asset of the site's own wins, as in MkDocs
                files.append(File(path, found[path], config.site_dir, config.use_directory_urls))

    def env_with_compiled_templates(theme: Theme) -> Any:
        env = get_env(theme)
        env.bytecode_cache = TEMPLATE_CACHE
        return env

    Files.add_files_from_theme, Theme.get_env = add_kept, env_with_compiled_templates
    try:
        yield
    finally:
        Files.add_files_from_theme, Theme.get_env = add_files_from_theme, get_env
