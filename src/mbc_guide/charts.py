"""Pictures of numbers as inline SVG, in pure Python: 100-person icon arrays and median bars.

Shapes carry the meaning (filled versus outlined), never colour alone, so the pictures read in black and white.
Colours come from CSS (`currentColor`), so they follow the light and dark palettes.
Text is escaped: labels may come from data.
"""
from __future__ import annotations

from dataclasses import dataclass
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


HEAD = '<circle cx="10" cy="5" r="4"/>'
BODY = '<path d="M3 19 v-4 a7 6 0 0 1 14 0 v4 z"/>'


def _person(x: float, y: float, state: str) -> str:
    """A small person, head and shoulders. `state` is on (solid), off (outline) or part (outline head, solid
    body): the part icon stands for a rate above 0 and below 1 out of 100."""
    if state == "part":
        shapes = f'<g class="icon-off">{HEAD}</g><g class="icon-on">{BODY}</g>'
    else:
        shapes = HEAD + BODY
    return f'<g class="icon-{state}" transform="translate({x:g} {y:g})">{shapes}</g>'


def _state(index: int, filled: int, partial: bool) -> str:
    if index < filled:
        return "on"
    if partial and index == filled:
        return "part"
    return "off"


def icon_array(percent: float, label: str) -> str:
    """A 10 by 10 array: the first round(percent) people filled, row by row (rounding rule in `numbers`).
    `label` is the accessible name."""
    filled = people_out_of_100(percent)
    partial = is_fewer_than_one(percent)
    title_id = _unique("icon-array")
    side = ICON_SIZE * GRID
    icons = [
        _person((index % GRID) * ICON_SIZE, (index // GRID) * ICON_SIZE, _state(index, filled, partial))
        for index in range(GRID * GRID)
    ]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="icon-array" viewBox="0 0 {side} {side}" '
        f'role="img" aria-labelledby="{title_id}" data-filled="{filled}" data-partial="{str(partial).lower()}">'
        f'<title id="{title_id}">{escape(label)}</title>'
        + "".join(icons)
        + "</svg>"
    )


def median_bars(bars: list[Bar], label: str) -> str:
    """Horizontal bars, one per arm, on one scale. Labels are HTML text around each bar, so they wrap and stay
    readable on a phone; each bar is a small SVG drawn to scale."""
    if not bars:
        raise ValueError("median_bars needs at least one bar")
    longest = max(bar.months for bar in bars)
    rows = []
    for index, bar in enumerate(bars):
        length = max(1.0, BAR_WIDTH * bar.months / longest)
        words = f"{format_number(bar.months)} months ({months_in_words(bar.months)})"
        rows.append(
            f'<div class="median-chart__row">'
            f'<p class="median-chart__label">{escape(bar.label)}</p>'
            f'<svg xmlns="http://www.w3.org/2000/svg" class="median-chart__bar" viewBox="0 0 {BAR_WIDTH} 24" '
            f'preserveAspectRatio="none" aria-hidden="true" focusable="false">'
            f'<rect x="1" y="1" width="{length - 2:.1f}" height="22" class="bar bar-{index % 2}"/></svg>'
            f'<p class="median-chart__value">{escape(words)}</p>'
            f"</div>"
        )
    return f'<div class="median-chart" role="img" aria-label={quoteattr(label)}>' + "".join(rows) + "</div>"
