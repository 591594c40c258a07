"""Parts of a built page picked out by their HTML class, with their attributes and their text, so a test can check
what each card, result or box says rather than what a whole page says somewhere."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Part:
    tag: str
    attrs: dict[str, str]
    pieces: list[str] = field(default_factory=list)
    inside: list[dict[str, str]] = field(default_factory=list)  # the attributes of every element within it

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", unescape(" ".join(self.pieces))).strip()


class _Parts(HTMLParser):
    def __init__(self, css_class: str):
        super().__init__(convert_charrefs=True)
        self.css_class = css_class
        self.open: list[tuple[str, Part | None]] = []  # every open element, with the part it starts
        self.found: list[Part] = []

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        for _, outer in self.open:
            if outer:
                outer.inside.append(attributes)
        if tag in VOID:
            return
        part = Part(tag, attributes) if self.css_class in attributes.get("class", "").split() else None
        if part:
            self.found.append(part)
        self.open.append((tag, part))

    def handle_endtag(self, tag):
        while self.open:  # an unclosed <p> or <li> ends with its parent
            opened, _ = self.open.pop()
            if opened == tag:
                break

    def handle_data(self, data):
        for _, part in self.open:
            if part:
                part.pieces.append(data)


def parts(html: str, css_class: str) -> list[Part]:
    """Every element with this class, outermost first, each with all the text inside it."""
    parser = _Parts(css_class)
    parser.feed(html)
    return parser.found


def section(html: str, anchor: str) -> str:
    """The HTML from the heading with this id to the next heading of the same level (or the end)."""
    start = re.search(rf'<h([1-6]) id="{re.escape(anchor)}"', html)
    assert start, f"no heading #{anchor}"
    end = re.search(rf"<h{start.group(1)}[ >]", html[start.end():])
    return html[start.start():start.end() + end.start()] if end else html[start.start():]
