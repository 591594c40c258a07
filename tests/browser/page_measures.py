"""What a phone reader meets on a page, measured in the browser: height in screens, where things start, the text."""
from __future__ import annotations

from dataclasses import dataclass

PHONE = {"width": 390, "height": 844}

_MEASURE = """() => {
  const screen = window.innerHeight;
  const top = el => el ? (el.getBoundingClientRect().top + window.scrollY) / screen : null;
  const article = document.querySelector("article.md-content__inner");
  article.querySelectorAll("details").forEach(d => d.open = false);
  const height = document.documentElement.scrollHeight / screen;
  const urgent = top(article.querySelector(".urgent-box"));
  const firstLine = [...article.querySelectorAll("[data-line='first'] .option-card, .option-card[data-line='first']")];
  const cards = firstLine.map(card => ({id: card.dataset.option, top: top(card)}));
  // The text a reader who opens every fold reads; pictures are read through their captions.
  article.querySelectorAll("details").forEach(d => d.open = true);
  const text = article.innerText;
  article.querySelectorAll("details").forEach(d => d.open = false);
  return {height, urgent, cards, text};
}"""


@dataclass(frozen=True)
class Measures:
    screens: float  # page height in phone screens
    first_urgent: float | None  # top of the first urgent box, in screens from the top
    first_line_cards: dict[str, float]  # first-line option cards: id -> top in screens
    text: str


def measure(page) -> Measures:
    found = page.evaluate(_MEASURE)
    return Measures(found["height"], found["urgent"], {c["id"]: c["top"] for c in found["cards"]}, found["text"])
