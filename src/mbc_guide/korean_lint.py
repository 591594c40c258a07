"""Lint for Korean pages (content/ko/): what a writer can get wrong in a Korean page's own Markdown, one
`path:line: message` each. English pages keep lint.py's rules; English grade levels and word counts mean nothing in
Korean, so length is counted in 어절 (the units between spaces), the honest default without a tokenizer.

The checks read the writer's prose only (lint.prose_lines); text that macros build from data is checked with the data.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .glossary import names_of
from .lint import Finding, ProseLine, missing_sections, prose_lines
from .models import GlossaryTerm

AVERAGE_EOJEOL = 15  # the page's sentences, on average
LONGEST_EOJEOL = 30  # any one sentence
SUMMARY_TITLE = "핵심 요약"
QUESTIONS_HEADING = "담당 의료진에게 물어볼 질문"

# A Korean sentence ends with a full stop, question or exclamation mark (다. 요? …), then a space.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# An 어절 holds at least one letter or digit: a dash, a bullet or a bracket alone is not one.
EOJEOL = re.compile(r"\S*[\w]\S*")
# A number standing alone (not part of a name such as HER2, CDK4/6 or DESTINY-Breast09); Korean counters and
# particles may follow it ("12명", "5%"), so unlike lint.NUMBER it is not skipped when a letter follows.
NUMBER = re.compile(r"(?<![\w./+-])\d+(?:[.,]\d+)?(?![\d/+-]|\.\d|[A-Za-z])")
# Not figures: a year (2017년, 2025), a month (8월부터) or a day (5일), with any particle after it.
DATE_PART = re.compile(r"^(?:(?:19|20)\d\d(?!\d)|\d{1,2}[월일])")
# "100명" frames every figure ("100명 중 12명", "100명을 보여 줍니다"); it is not a figure itself.
DENOMINATOR = re.compile(r"(?<!\d)100명")
# Korea's emergency number, which Korean pages name first (urgent boxes, support): a number to call, not a figure.
EMERGENCY_NUMBER = re.compile(r"(?<!\d)119(?!\d)")
HANGUL = re.compile(r"[\uac00-\ud7a3]")


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str

    @property
    def eojeol(self) -> int:
        return len(EOJEOL.findall(self.text))


def sentences(lines: Iterable[ProseLine]) -> list[Sentence]:
    """The prose's sentences, each with its line; a list item without a full stop is one sentence."""
    return [Sentence(line.number, part) for line in lines for part in SENTENCE_END.split(line.text) if part.strip()]


def sentence_lengths(path: str, lines: list[ProseLine]) -> Iterator[Finding]:
    found = sentences(lines)
    for sentence in found:
        if sentence.eojeol > LONGEST_EOJEOL:
            yield Finding(path, sentence.line, f"sentence of {sentence.eojeol} 어절 (at most {LONGEST_EOJEOL}): "
                                               f"'{sentence.text[:30].rstrip()}...'; split it in two")
    if found:
        average = sum(sentence.eojeol for sentence in found) / len(found)
        if average > AVERAGE_EOJEOL:
            longest = max(found, key=lambda sentence: sentence.eojeol)
            yield Finding(path, longest.line, f"sentences average {average:.1f} 어절 (aim: at most {AVERAGE_EOJEOL}); "
                                              f"split the longest, such as this line's ({longest.eojeol} 어절)")


def typed_figures(path: str, lines: Iterable[ProseLine], not_figures: Iterable[str] = ()) -> Iterator[Finding]:
    """Numbers typed into a Korean page. Dates, list numbers, headings, "100명 중" and phrases the page lists under
    `not_figures:` are allowed; every other figure comes from data with its source."""
    allowed = sorted(not_figures, key=len, reverse=True)
    for line in lines:
        text = EMERGENCY_NUMBER.sub(" ", DENOMINATOR.sub(" ", line.text))
        for phrase in allowed:
            text = text.replace(phrase, " ")
        for match in NUMBER.finditer(text):
            word = text[match.start():].split(maxsplit=1)[0]
            if DATE_PART.match(word):
                continue
            yield Finding(path, line.number, f"'{word}' looks like a figure typed into the page; figures come from "
                                             "data with their source (use key_fact or another macro). If it is not a "
                                             "figure, list it under not_figures: in the page's front matter")


def terms_at_first_use(path: str, lines: list[ProseLine], glossary: Iterable[GlossaryTerm]) -> Iterator[Finding]:
    """A glossary term is explained where it is first used: its plain Korean words come first (or in the same line).
    A particle may follow the term: its tooltip attaches all the same (korean_tooltips)."""
    for term in glossary:
        names = [name for name in names_of(term) if name]
        used = re.compile("|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)))
        plain = (term.plain or {}).get("ko")
        plain = plain if plain and HANGUL.search(plain) else None  # a stand-in in English is no Korean to say
        explained = False
        for line in lines:
            if plain and plain in line.text:
                explained = True
            match = used.search(line.text)
            if not match:
                continue
            if plain and not explained:
                yield Finding(path, line.number, f"'{match.group(0)}' is used before it is explained; say '{plain}' "
                                                 "first or in the same sentence")
            break


def page_findings(path: str, markdown: str, meta: dict, first_line: int,
                  glossary: Iterable[GlossaryTerm]) -> list[Finding]:
    """Every Korean rule for one page; `reference: true` pages (sources, handouts) need no summary or questions."""
    lines = prose_lines(markdown, first_line)
    findings = [*sentence_lengths(path, lines), *typed_figures(path, lines, meta.get("not_figures", [])),
                *terms_at_first_use(path, lines, glossary)]
    if not meta.get("reference"):
        findings += missing_sections(path, markdown, SUMMARY_TITLE, QUESTIONS_HEADING)
    return findings
