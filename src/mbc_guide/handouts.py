"""Handouts: printed sheets made from the same data as the pages. Here: their web addresses, QR codes and file
names. The PDFs themselves are made by `pdf.py`."""
from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urljoin

import segno

HANDOUT_FOLDER = "handouts"
# The sheet of pocket symptom cards, and the "What matters to me" tool, that "Get ready for your visit" links.
CARDS_PAGE = f"{HANDOUT_FOLDER}/symptom-cards.md"
TOOL_PAGE = "what-matters-to-me.md"
# Paper sizes as Chromium names them, keyed by the suffix of the PDF's file name.
PAPERS = {"a4": "A4", "letter": "Letter"}
# Handouts print at most this many pages; lines to write on, per block, before the PDF printer fills the last page.
MOST_PAGES = 2
RULED_LINES = 3


@dataclass(frozen=True)
class Handout:
    page: str  # source path, e.g. handouts/her2-positive.md
    title: str

    @property
    def html(self) -> str:
        return html_path(self.page)

    def pdf(self, paper: str) -> str:
        """Path of its PDF inside the site, e.g. handouts/her2-positive-a4.pdf."""
        return pdf_path(self.html, paper)


def html_path(page: str) -> str:
    return re.sub(r"\.md$", ".html", page)


def pdf_path(html: str, paper: str) -> str:
    """The PDF printed from a handout page, beside it: handouts/x.html -> handouts/x-a4.pdf."""
    return f"{html.removesuffix('.html')}-{paper}.pdf"


def is_handout(page: str) -> bool:
    folder, name = posixpath.split(page)
    return folder == HANDOUT_FOLDER and name.endswith(".md") and name != "index.md"


def web_address(site_url: str, page: str) -> str:
    if not site_url:
        raise ValueError("mkdocs.yml has no site_url; handouts print the site's address, so set it once there")
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", html_path(page))


@functools.lru_cache(maxsize=64)  # the same addresses in every build
def qr_code_svg(url: str, title: str | None = None) -> str:
    """An inline SVG QR code for `url`, black on white for print, with the address as its accessible name (`title`,
    in the page's language; English by default)."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=2, dark="#000", light="#fff", omitsize=True, svgclass="qr-code",
                          title=title or f"QR code for {url}")
    return svg.replace("<svg ", '<svg role="img" ', 1)


def common_questions(question_lists: list[list[str]]) -> list[str]:
    """The questions every list holds, in the first list's order: the tool offers them once, for everyone."""
    if not question_lists:
        return []
    return [q for q in question_lists[0] if all(q in other for other in question_lists[1:])]
