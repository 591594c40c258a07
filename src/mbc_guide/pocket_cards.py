"""The symptom card sheet: pocket cards in two columns of about equal height, so 9 cards fit 2 printed pages.

A grid of rows wastes the space beside a short card whose neighbour is long; two columns filled greedily, each card
to the column that is shorter so far, keep the data's order within each column and waste little.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TypeVar

from .languages import DEFAULT_LANGUAGE, text_in
from .models import Alert, Medicine

Card = TypeVar("Card")
# Characters on one line of a card at 12 pt in half the width of the paper (A4 or Letter).
CARD_LINE = 44
# Lines every card has besides its words: the name, the two numbers to write in and the card's padding.
CARD_FIXED_LINES = 4


def printed_width(text: str) -> int:
    """Width in Latin characters: a Korean syllable takes about two."""
    return sum(2 if ord(char) >= 0x1100 else 1 for char in text)


def card_lines(alert: Alert, medicines: Sequence[Medicine], language: str = DEFAULT_LANGUAGE) -> int:
    """About how many printed lines a card takes: each paragraph and list item starts a line of its own."""
    def width(text: dict[str, str]) -> int:
        return printed_width(text_in(text, language))
    names = sum(width(m.name) + len(m.brand or "") + 5 for m in medicines) or 40
    blocks = [names, width(alert.title), width(alert.action), *(width(s) + 3 for s in alert.symptoms)]
    return CARD_FIXED_LINES + sum(math.ceil(chars / CARD_LINE) for chars in blocks)


def two_columns(cards: Sequence[Card], lines: Sequence[int]) -> tuple[list[Card], list[Card]]:
    """Cards split into two columns of about equal height, each keeping the order given."""
    columns: tuple[list[Card], list[Card]] = ([], [])
    heights = [0, 0]
    for card, height in zip(cards, lines, strict=True):
        shorter = heights.index(min(heights))
        columns[shorter].append(card)
        heights[shorter] += height
    return columns
