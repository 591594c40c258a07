"""Jinja environment for the HTML components in overrides/components. Autoescape is on: data text is untrusted."""
from __future__ import annotations

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


def render_component(environment: Environment, name: str, **context: object) -> Markup:
    html = environment.get_template(name).render(**context)
    # Blank lines would end a raw HTML block in Markdown; components never need them.
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))
