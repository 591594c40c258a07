"""What a phone reader meets on a page, measured in the browser: height in screens, where things start, the text."""
from __future__ import annotations

from dataclasses import dataclass

PHONE = {"width": 390, "height": 844}
# A page that only sends the reader on to a moved page's new address: it shows nothing to measure.
REDIRECT = 'http-equiv="refresh"'

_MEASURE = """() => {
  const screen = window.innerHeight;
  const top = el => el ? (el.getBoundingClientRect().top + window.scrollY) / screen : null;
  const article = document.querySelector("article.md-content__inner");
  article.querySelectorAll("details").forEach(d => d.open = false);
  const height = document.documentElement.scrollHeight / screen;
  // The first urgent box, or the overview's summary of every urgent risk.
  const urgent = top(article.querySelector(".urgent-box, .urgent-summary"));
  // A card in a tab that is not open shows as its tab's label: that is where the reader finds it.
  const shown = card => card.getClientRects().length ? card : article.querySelector(`label[for="option-${card.dataset.option}"]`);
  const cards = [...article.querySelectorAll(".option-card[data-line='first']")].map(card => ({id: card.dataset.option, top: top(shown(card))}));
  // The text of a reader who opens every fold and every tab; pictures are read through their captions. Citations
  // are left out: every figure names its source by rule, so a source named again is not a thing said twice.
  // Set on each element (not with a <style> element, which the published site's security policy forbids).
  const opened = [...article.querySelectorAll(".tabbed-block")], left = [...article.querySelectorAll(".cite, .source-list")];
  opened.forEach(el => el.style.setProperty("display", "block", "important"));
  left.forEach(el => el.style.setProperty("display", "none", "important"));
  // A table's row is one line of text, as on a wide screen: a phone shows a row as a card whose values are named by
  // their columns (CSS labels, which the text leaves out), so equal values in different rows are not said twice.
  const tableParts = {"table": "table", "caption": "table-caption", "thead": "table-header-group",
                      "tbody": "table-row-group", "tr": "table-row", "th": "table-cell", "td": "table-cell"};
  const unstacked = [...article.querySelectorAll("table.stacked")].flatMap(table => [table, ...table.querySelectorAll("*")])
    .filter(el => el.localName in tableParts);
  unstacked.forEach(el => el.style.setProperty("display", tableParts[el.localName], "important"));
  article.querySelectorAll("details").forEach(d => d.open = true);
  const text = article.innerText;
  article.querySelectorAll("details").forEach(d => d.open = false);
  [...opened, ...left, ...unstacked].forEach(el => el.style.removeProperty("display"));
  return {height, urgent, cards, text};
}"""


@dataclass(frozen=True)
class Measures:
    screens: float  # page height in phone screens
    first_urgent: float | None  # top of the first urgent box, in screens from the top
    first_line_cards: dict[str, float]  # first-line option cards (or their tabs): id -> top in screens
    text: str


def measure(page) -> Measures:
    found = page.evaluate(_MEASURE)
    return Measures(found["height"], found["urgent"], {c["id"]: c["top"] for c in found["cards"]}, found["text"])
