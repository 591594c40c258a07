"""Reading grade of a page's body text: the prose readers read, without source notes, tables and figures."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import textstat

# Parts of a page that are lists of citations or numbers rather than sentences to read.
SKIPPED_CLASSES = ("source-note", "source-list", "review-dates", "glossary-on-page")
SKIPPED_TAGS = ("table", "figure", "svg", "script", "style", "code")


class _BodyText(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.skipping or tag in SKIPPED_TAGS or any(c in SKIPPED_CLASSES for c in classes):
            self.skipping.append(tag)
        if tag in ("p", "li", "h1", "h2", "h3", "h4", "dd", "dt", "br"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


VOID_TAGS = ("br", "img", "hr", "input", "meta", "link", "source", "wbr")


# Pictures and tables are skipped anyway; cutting them out first spares the parser most of a long page.
SKIPPED_BLOCKS = re.compile(r"<(svg|table)\b.*?</\1>", re.S)


def body_text(html: str) -> str:
    html = SKIPPED_BLOCKS.sub(" ", html)
    html = re.sub(rf"<({'|'.join(VOID_TAGS)})\b([^>]*?)/?>", r"<\1\2></\1>", html)
    parser = _BodyText()
    parser.feed(html)
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    # Headings and list items often lack a full stop; end each line so it counts as a sentence.
    return " ".join(line if line.endswith((".", "?", "!", ":")) else f"{line}." for line in lines if line)


def reading_grade(html: str) -> float:
    return round(textstat.flesch_kincaid_grade(body_text(html)), 1)
