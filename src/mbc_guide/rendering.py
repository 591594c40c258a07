"""Jinja environment for the HTML components in overrides/components. Autoescape is on: data text is untrusted."""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from . import charts, numbers, phrases
from .korean_dates import published_in
from .languages import DEFAULT_LANGUAGE, text_in
from .ui_strings import ui_markup, ui_text


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
        # Data text and the components' own words in the page's language (`language` in the render's context).
        tx=_text_in_page_language,
        ui=_ui_in_page_language,
        ui_plain=_ui_plain_in_page_language,  # for text the chart functions escape themselves
        month_year=_month_year,
        full_date=_full_date,
        published=_published_in_page_language,  # a source's date as the data writes it, or its Korean form
        # The chart functions escape their own text, so their SVG is safe to insert as markup.
        icon_array=lambda percent, label, kind="benefit": Markup(charts.icon_array(percent, label, kind)),
        median_bars=_median_bars,
    )
    return environment


def page_language_of(context: Context) -> str:
    return context.get("language", DEFAULT_LANGUAGE)


@pass_context
def _text_in_page_language(context: Context, text: dict[str, str]) -> str:
    return text_in(text, page_language_of(context))


@pass_context
def _ui_in_page_language(context: Context, string_id: str, **values: object) -> Markup:
    return ui_markup(string_id, page_language_of(context), **values)


@pass_context
def _ui_plain_in_page_language(context: Context, string_id: str, **values: object) -> str:
    return ui_text(string_id, page_language_of(context), **values)


@pass_context
def _median_bars(context: Context, bars: list[charts.Bar], label: str, scale_years: int | None = None) -> Markup:
    return Markup(charts.median_bars(bars, label, scale_years, page_language_of(context)))


# Dates as each language writes them: "March 2026" / "2026년 3월"; "5 March 2026" / "2026년 3월 5일".
DATE_FORMATS = {"en": ("%B %Y", "%-d %B %Y"), "ko": ("%Y년 %-m월", "%Y년 %-m월 %-d일")}


@pass_context
def _month_year(context: Context, day: dt.date) -> str:
    return day.strftime(DATE_FORMATS[page_language_of(context)][0])


@pass_context
def _full_date(context: Context, day: dt.date) -> str:
    return day.strftime(DATE_FORMATS[page_language_of(context)][1])


@pass_context
def _published_in_page_language(context: Context, text: str) -> str:
    return published_in(text, page_language_of(context))


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
