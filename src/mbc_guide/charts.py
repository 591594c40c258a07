"""Pictures of numbers as inline SVG, in pure Python: 100-person icon arrays and median bars.

Shapes carry the meaning (filled versus outlined), never colour alone, so the pictures read in black and white.
Colours come from CSS (`currentColor`), so they follow the light and dark palettes.
Text is escaped: labels may come from data.
"""
from __future__ import annotations

from dataclasses import dataclass
import math
from itertools import count
from xml.sax.saxutils import escape, quoteattr

from .numbers import format_number, is_fewer_than_one, months_in_words, people_out_of_100

_ids = count(1)
BAR_WIDTH = 300
ICON_SIZE = 20
GRID = 10


@dataclass(frozen=True)
class Bar:
    label: str
    months: float


def _unique(prefix: str) -> str:
    return f"{prefix}-{next(_ids)}"


def restart_ids() -> None:
    """Number a page's pictures from 1: ids need only be unique within a page, and a page's HTML then depends on
    the page alone, not on the pages built before it (a preview rebuild reuses unchanged pages; page_reuse.py)."""
    global _ids
    _ids = count(1)


HEAD = '<circle cx="10" cy="5" r="4"/>'
BODY = '<path d="M3 19 v-4 a7 6 0 0 1 14 0 v4 z"/>'
# Side effects are drawn with a square head and square shoulders, so harm never looks like benefit, even in grey.
HARM_HEAD = '<rect x="6" y="1" width="8" height="8"/>'
HARM_BODY = '<path d="M3 19 v-8 h14 v8 z"/>'
SHAPES = {"benefit": (HEAD, BODY), "harm": (HARM_HEAD, HARM_BODY)}
# Rows of 10 are spaced apart so people can be counted ten at a time.
ROW_PITCH = 24


@dataclass(frozen=True)
class Cells:
    """A run of people in the grid, drawn as one rectangle tiled with a person pattern."""

    state: str  # on | off
    x: int
    y: int
    columns: int
    rows: int


def _runs(filled: int, partial: bool) -> list[Cells]:
    """Filled people row by row from the top left, then (for a rate below 1) one half-filled person, then the
    outlined rest: at most two runs of each kind, so the picture stays small whatever the number."""
    full_rows, rest = divmod(filled, GRID)
    runs = [Cells("on", 0, 0, GRID, full_rows)]
    if full_rows < GRID:  # the row where filled people end and outlined ones begin
        first_empty = rest + (1 if partial else 0)
        runs += [Cells("on", 0, full_rows, rest, 1), Cells("off", first_empty, full_rows, GRID - first_empty, 1),
                 Cells("off", 0, full_rows + 1, GRID, GRID - full_rows - 1)]
    return [run for run in runs if run.columns > 0 and run.rows > 0]


def icon_array(percent: float, label: str, kind: str = "benefit") -> str:
    """A 10 by 10 grid of people: the first round(percent) filled, row by row (rounding rule in `numbers`), the
    rest outlined. Filled and outlined people are two tiling patterns. `label` is the accessible name.
    `kind` "harm" (side effects) draws another shape, so side effects never look like benefit."""
    head, body = SHAPES[kind]
    filled = people_out_of_100(percent)
    partial = is_fewer_than_one(percent)
    title_id = _unique("icon-array")
    width, height = ICON_SIZE * GRID, ROW_PITCH * GRID
    patterns = "".join(
        f'<pattern id="{title_id}-{state}" width="{ICON_SIZE}" height="{ROW_PITCH}" patternUnits="userSpaceOnUse">'
        f'<g class="icon-{state}">{head}{body}</g></pattern>'
        for state in ("on", "off")
    )
    cells = "".join(
        f'<rect class="people-{run.state}" x="{run.x * ICON_SIZE}" y="{run.y * ROW_PITCH}" '
        f'width="{run.columns * ICON_SIZE}" height="{run.rows * ROW_PITCH}" fill="url(#{title_id}-{run.state})"/>'
        for run in _runs(filled, partial)
    )
    if partial:
        cells += (f'<g class="icon-part" transform="translate(0 0)"><g class="icon-off">{head}</g>'
                  f'<g class="icon-on">{body}</g></g>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="icon-array icon-array--{kind}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{title_id}" data-filled="{filled}" data-partial="{str(partial).lower()}">'
        f'<title id="{title_id}">{escape(label)}</title><defs>{patterns}</defs>{cells}</svg>'
    )


def years_scale(longest_months: float) -> int:
    """Whole years that hold the longest time shown: every bar of a page is drawn on this one scale."""
    return max(1, math.ceil(longest_months / 12))


def _months_with_exact(months: float, language: str) -> str:
    """'about 3 years and 5 months (40.7 months)' / '약 3년 5개월(40.7개월)'."""
    if language == "ko":
        from .korean_numbers import months_with_exact_ko  # imported here: korean_numbers builds on this layer
        return months_with_exact_ko(months)
    exact = f"{format_number(months)} months"
    return exact if months_in_words(months) == exact else f"{months_in_words(months)} ({exact})"


def _year_tick(year: int, language: str) -> str:
    return f"{year}년" if language == "ko" else f'{year} {"year" if year == 1 else "years"}'


def median_bars(bars: list[Bar], label: str, scale_years: int | None = None, language: str = "en") -> str:
    """Horizontal bars, one per arm, on a scale of whole years (one scale per page: pass `scale_years`), with a
    line at each year and the years named under the bars. Labels are HTML text around each bar, so they wrap and
    stay readable on a phone; each bar is a small SVG drawn to scale."""
    if len(bars) < 2:
        raise ValueError("median_bars needs a bar for every arm of a comparison (at least two); "
                         "a study with one arm gets no bar")
    years = scale_years or years_scale(max(bar.months for bar in bars))
    if max(bar.months for bar in bars) > years * 12:
        raise ValueError(f"a bar is longer than the scale of {years} years")
    year_lines = "".join(f'<line class="year-line" x1="{BAR_WIDTH * year / years:.1f}" x2="{BAR_WIDTH * year / years:.1f}" '
                         f'y1="0" y2="24"/>' for year in range(1, years))
    rows = []
    for index, bar in enumerate(bars):
        # At least 3 units: the bar keeps 1 unit drawn inside its 1-unit margins (a negative width is not drawn).
        length = max(3.0, BAR_WIDTH * bar.months / (years * 12))
        words = _months_with_exact(bar.months, language)
        rows.append(
            f'<div class="median-chart__row">'
            f'<p class="median-chart__label">{escape(bar.label)}: {escape(words)}</p>'
            f'<svg xmlns="http://www.w3.org/2000/svg" class="median-chart__bar" viewBox="0 0 {BAR_WIDTH} 24" '
            f'preserveAspectRatio="none" aria-hidden="true" focusable="false">{year_lines}'
            f'<rect x="1" y="1" width="{length - 2:.1f}" height="22" class="bar bar-{index % 2}"/></svg>'
            f"</div>"
        )
    ticks = "".join(f'<span>{_year_tick(year, language)}</span>' for year in range(1, years + 1))
    axis = f'<p class="median-chart__axis" aria-hidden="true"><span>0</span>{ticks}</p>'
    return (f'<div class="median-chart" role="img" aria-label={quoteattr(label)} data-scale-years="{years}">'
            + "".join(rows) + axis + "</div>")
