"""Jinja environment for the HTML components in overrides/components. Autoescape is on: data text is untrusted."""
from __future__ import annotations

import hashlib
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import charts, numbers, phrases


# Compiled templates are kept between builds (keyed by each template's source), so a rebuild skips compiling.
TEMPLATE_CACHE = FileSystemBytecodeCache()


def component_environment(components_dir: Path) -> Environment:
    environment = Environment(
        loader=FileSystemLoader(str(components_dir)),
        bytecode_cache=TEMPLATE_CACHE,
        autoescape=True,
        auto_reload=False,  # a new environment each build: no need to check every template file at each use
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(
        numbers=numbers,
        phrases=phrases,
        en=lambda text: text["en"],
        # The chart functions escape their own text, so their SVG is safe to insert as markup.
        icon_array=lambda percent, label, kind="benefit": Markup(charts.icon_array(percent, label, kind)),
        median_bars=lambda bars, label, scale_years=None: Markup(charts.median_bars(bars, label, scale_years)),
    )
    return environment


# The last builds' environments, each with the templates it has loaded, by folder and the folder's content.
_reused: dict[tuple[Path, str], Environment] = {}
REUSED_FOLDERS = 4  # tests build many copies of the project; keep only the last few


def components_fingerprint(components_dir: Path) -> str:
    """A hash of every file's path and bytes in the folder: any edit to a component changes it."""
    digest = hashlib.sha256()
    for path in sorted(p for p in components_dir.rglob("*") if p.is_file()):
        digest.update(f"\0{path.relative_to(components_dir)}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def reused_component_environment(components_dir: Path) -> Environment:
    """component_environment, or the one the last build made for this folder while every component is byte for
    byte the same: its templates are then loaded already (a live preview and the benchmark build many times)."""
    key = (components_dir.resolve(), components_fingerprint(components_dir))
    if key not in _reused:
        while len(_reused) >= REUSED_FOLDERS:
            _reused.pop(next(iter(_reused)))
        _reused[key] = component_environment(components_dir)
    return _reused[key]


def render_component(environment: Environment, name: str, **context: object) -> Markup:
    html = environment.get_template(name).render(**context)
    # Blank lines would end a raw HTML block in Markdown; components never need them.
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))
