"""The theme's static files, listed once per process rather than on every build.

MkDocs walks every theme folder on each build to find the files to copy, and Material's folder holds about 14,500
files (mostly icons, which are never copied): about a tenth of a preview rebuild's CPU. Installed themes do not
change while a process runs, so their listing is kept; a theme folder inside the project (overrides/) is listed
again on every build, so a file added there while the preview runs is copied as before.
"""
from __future__ import annotations

import os
import sysconfig
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from mkdocs.structure.files import File, Files

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
def theme_listing_reused() -> Iterator[None]:
    """Within: Files.add_files_from_theme adds the files MkDocs would add, from the listing kept for the theme."""
    add_files_from_theme = Files.add_files_from_theme

    def add_kept(files: Files, env: Any, config: Any) -> None:
        key = _key(config)
        if key not in _listed:
            everything = Files([])
            add_files_from_theme(everything, env, config)
            _listed[key] = [(file.src_uri, file.src_dir) for file in everything]
        for path, folder in _listed[key]:
            if files.get_file_from_path(path) is None:  # a page or asset of the site's own wins, as in MkDocs
                files.append(File(path, folder, config.site_dir, config.use_directory_urls))

    Files.add_files_from_theme = add_kept
    try:
        yield
    finally:
        Files.add_files_from_theme = add_files_from_theme
