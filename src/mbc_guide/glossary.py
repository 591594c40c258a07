"""Glossary terms on pages: which terms a text uses, and abbreviations it uses that the glossary lacks."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .models import GlossaryTerm

# Capitalised tokens that are not medical abbreviations and need no definition.
NOT_ABBREVIATIONS = frozenset({"A4", "AA", "QR", "OK", "PDF", "US", "KRW", "II", "III", "PLACEHOLDER"})
ABBREVIATION = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+)*(?![\w-])")


def names_of(term: GlossaryTerm) -> list[str]:
    return [term.term] + ([term.abbreviation] if term.abbreviation else [])


def terms_used(text: str, glossary: Iterable[GlossaryTerm]) -> list[GlossaryTerm]:
    """Terms whose name or abbreviation appears in the text, in glossary order."""
    terms = list(glossary)
    # Only names the text contains as plain substrings can match: the pattern then has a few names, not every one.
    lowered = text.lower()
    present = tuple(n for t in terms for n in names_of(t) if (n in text if n.isupper() else not n.isascii() or n.lower() in lowered))
    found = {name_key(match.group(0)) for match in _all_names(present).finditer(text)} if present else set()
    return [term for term in terms if any(name_key(name) in found for name in names_of(term))]


def name_key(name: str) -> str:
    """A name as the glossary compares it: abbreviations (all capitals) as written, other names in any case."""
    return name if name.isupper() else name.lower()


def name_alternatives(names: Iterable[str]) -> list[str]:
    """Each name as a pattern, longest first (so "HER2 저발현" wins over "HER2"); only abbreviations match case."""
    longest_first = sorted(set(names), key=len, reverse=True)
    return [re.escape(n) if n.isupper() else f"(?i:{re.escape(n)})" for n in longest_first]


@lru_cache(maxsize=256)  # one pattern for all the names a page holds, so it is scanned once rather than once per term
def _all_names(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{'|'.join(name_alternatives(names))})(?![\w-])")


def undefined_abbreviations(text: str, glossary: Iterable[GlossaryTerm], allowed: Iterable[str] = ()) -> list[str]:
    """All-capital words (HER2, ILD, PD-L1) in the text that the glossary does not define, sorted."""
    defined = {name for term in glossary for name in names_of(term)}
    skip = set(NOT_ABBREVIATIONS) | set(allowed) | defined
    found = {match.group(0) for match in ABBREVIATION.finditer(text)}
    return sorted(word for word in found if len(re.sub(r"[^A-Z]", "", word)) >= 2 and word not in skip)


def abbreviation_lines(terms: Iterable[GlossaryTerm]) -> str:
    """Markdown abbreviation definitions (*[ILD]: ...), which Material shows as tooltips."""
    lines = []
    for term in terms:
        definition = term.definition["en"].replace("\n", " ")
        for name in names_of(term):
            lines.append(f"*[{name}]: {definition}")
    return "\n".join(lines)


# A link is matched whole, so the <abbr> inside it is left alone: HTML forbids a focusable element inside <a>.
ABBR_TAG_OUTSIDE_LINKS = re.compile(r'<a\b.*?</a>|<abbr title="([^"]*)">', re.S)


def focusable_first_uses(html: str) -> str:
    """The first <abbr> of each word on a page takes keyboard focus, which opens its tooltip; later uses stay
    out of the Tab order so keyboard users do not stop at every repeat. Words inside links stay as they are."""
    seen: set[str] = set()

    def mark(match: re.Match[str]) -> str:
        if match.group(1) is None or match.group(1) in seen:
            return match.group(0)
        seen.add(match.group(1))
        return f'<abbr title="{match.group(1)}" tabindex="0">'
    return ABBR_TAG_OUTSIDE_LINKS.sub(mark, html)
