"""Glossary terms on Korean pages: which terms a page uses, and their tooltips.

English pages take their tooltips from Markdown abbreviations (glossary.abbreviation_lines), which match whole words
only. Korean attaches particles to words ("간질성 폐질환은", "HER2가", "담당 의료진을"), so a Korean use of a term is
a name that starts a word and ends either a word or where a particle begins; its tooltip is added to the page's
HTML after Markdown (with_tooltips)."""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from .glossary import name_alternatives, name_key, names_of
from .languages import text_in
from .models import GlossaryTerm

# The syllables Korean particles and the copula start with: 은/는, 이/가, 을/를, 의, 에/에서/에게/엔, 께, 와/과, 도,
# 만, (으)로, 라는/라고/란/랑, 나, 까지, 부터, 처럼, 보다, 마다, 요, 인/입니다/이고/이며/일, 예요, 였, 든, 뿐, 밖에, 조차.
# Any other syllable after a name makes a longer word ("폐렴구균", "위약금"), which is not a use of the term.
PARTICLE_START = "은는이가을를의에엔께와과도만로으라란랑나까부처보마요인입일예였고며든뿐밖조"
WORD_START = r"(?<![\w-])"
WORD_END = rf"(?=[{PARTICLE_START}]|[^\w-]|$)"
# Text inside these elements gets no tooltip: links and code stay as they are, an <abbr> is not nested, headings
# keep their plain words (the table of contents copies them), and scripts, styles and buttons are not prose.
UNMARKED = frozenset({"a", "abbr", "code", "pre", "kbd", "script", "style", "textarea", "button", "svg", "title",
                      "h1", "h2", "h3", "h4", "h5", "h6"})
# A comment or a tag, whose quoted attribute values may hold ">"; the text between them is the page's text.
TAG = re.compile(r"<!--.*?-->|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.S)
TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")


@lru_cache(maxsize=64)
def names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the names as a Korean use: at a word start, followed by a particle or the end of the word. A space in
    a name matches any run of spaces or a line break ("담당\\n의료진")."""
    alternatives = [alternative.replace(r"\ ", r"\s+") for alternative in name_alternatives(names)]
    return re.compile(rf"{WORD_START}(?:{'|'.join(alternatives)}){WORD_END}")


def _used_name(found: str) -> str:
    return name_key(" ".join(found.split()))


def _pattern_for(terms: Iterable[GlossaryTerm]) -> re.Pattern[str]:
    return names_pattern(tuple(name for term in terms for name in names_of(term)))


def korean_terms_used(text: str, glossary: Iterable[GlossaryTerm]) -> list[GlossaryTerm]:
    """Terms the Korean text uses by name or abbreviation, particles attached or not, in glossary order."""
    terms = list(glossary)
    if not terms:
        return []
    found = {_used_name(match.group(0)) for match in _pattern_for(terms).finditer(text)}
    return [term for term in terms if any(name_key(name) in found for name in names_of(term))]


def tooltip_titles(glossary: Iterable[GlossaryTerm], language: str) -> dict[str, str]:
    """Each name's tooltip: its term's definition in the page's language, escaped for an attribute. Where two terms
    share a name, the first in the glossary gives it."""
    titles: dict[str, str] = {}
    for term in glossary:
        title = html.escape(" ".join(text_in(term.definition, language).split()), quote=True)
        for name in names_of(term):
            titles.setdefault(name_key(name), title)
    return titles


def text_runs(page_html: str) -> Iterator[tuple[str, bool]]:
    """The page in pieces, each with whether a tooltip may go in it: text outside UNMARKED elements may; tags,
    comments (and so attribute values) and text inside UNMARKED elements may not."""
    unmarked_depth, position = 0, 0
    for tag in TAG.finditer(page_html):
        if tag.start() > position:
            yield page_html[position:tag.start()], unmarked_depth == 0
        yield tag.group(0), False
        unmarked_depth = max(0, unmarked_depth + _depth_change(tag.group(0)))
        position = tag.end()
    if position < len(page_html):
        yield page_html[position:], unmarked_depth == 0


def _depth_change(tag: str) -> int:
    """+1 where an UNMARKED element opens, -1 where one closes, else 0."""
    name = TAG_NAME.match(tag)
    if name is None or name.group(2).lower() not in UNMARKED or tag.endswith("/>"):
        return 0
    return -1 if name.group(1) else 1


def with_tooltips(page_html: str, glossary: Iterable[GlossaryTerm], language: str) -> str:
    """Every use of a glossary term in the page's text wrapped in <abbr title="its definition">, longest names first,
    as Material shows Markdown abbreviations (glossary.focusable_first_uses then lets the first of each take focus)."""
    terms = list(glossary)
    if not terms:
        return page_html
    pattern, titles = _pattern_for(terms), tooltip_titles(terms, language)

    def wrap(match: re.Match[str]) -> str:
        return f'<abbr title="{titles[_used_name(match.group(0))]}">{match.group(0)}</abbr>'
    return "".join(pattern.sub(wrap, piece) if markable else piece for piece, markable in text_runs(page_html))
