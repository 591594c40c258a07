"""Reading grade of a page's body text: the prose readers read, without source notes, tables and figures."""
from __future__ import annotations

import re
from html import unescape

import textstat

from . import pronunciations

pronunciations.install()

# Parts of a page that are citations, numbers, word lists or lists of page names rather than sentences to read.
SKIPPED_CLASSES = ("source-note", "source-list", "review-dates", "glossary-on-page", "page-index")
SKIPPED_TAGS = ("table", "figure", "svg", "script", "style", "code")

SKIPPED_BLOCKS = re.compile(
    rf"<({'|'.join(SKIPPED_TAGS)})\b.*?</\1>"
    rf"|<(\w+)\b[^>]*\bclass=\"[^\"]*\b(?:{'|'.join(SKIPPED_CLASSES)})\b[^\"]*\"[^>]*>.*?</\2>",
    re.S)
LINE_BREAKS = re.compile(r"<(?:p|li|h[1-6]|dd|dt|br)\b[^>]*>")
TAG = re.compile(r"<[^>]+>")


def body_text(html: str) -> str:
    """The sentences a reader reads, one block per line. Regular expressions, not an HTML parser: pages are large
    and the skipped parts never nest inside themselves."""
    text = LINE_BREAKS.sub("\n", SKIPPED_BLOCKS.sub(" ", html))
    text = unescape(TAG.sub("", text))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    # Headings and list items often lack a full stop; end each line so it counts as a sentence.
    return " ".join(line if line.endswith((".", "?", "!", ":")) else f"{line}." for line in lines if line)


def reading_grade(html: str) -> float:
    return round(textstat.flesch_kincaid_grade(body_text(html)), 1)
