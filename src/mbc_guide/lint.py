"""Content lint: what a writer can get wrong in a page's own Markdown, each as `path:line: message`.

The checks read the writer's prose only. Text that macros build from data is checked where the data is checked.
"""
from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass

from .glossary import names_of
from .models import FORBIDDEN_HOST_IN_TEXT, GlossaryTerm

LONGEST_SENTENCE = 25  # words
TARGET_GRADE, HIGHEST_GRADE = 6, 8  # Flesch-Kincaid: the aim and the limit
SUMMARY_TITLE = "In short"
QUESTIONS_HEADING = "Questions to ask your care team"

MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]+)[^)]*\)")
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)[^)]*\)|<img\b[^>]*>", re.I)
# A number standing alone: not part of a name such as HER2, PD-L1, CDK4/6 or DESTINY-Breast09.
NUMBER = re.compile(r"(?<![\w./+-])\d+(?:[.,]\d+)?(?![\w/+-]|\.\d)")
YEAR = re.compile(r"^(19|20)\d\d$")
DATE = re.compile(r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b")
ORDERED_ITEM = re.compile(r"^\s*\d+\.\s")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")
# "out of 100 people" is how every figure is framed, not a figure itself.
DENOMINATOR = re.compile(r"\b(out of|in) 100\b|\b100 people\b")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {'warning: ' if self.warning else ''}{self.message}"


@dataclass(frozen=True)
class ProseLine:
    number: int
    text: str


def prose_lines(markdown: str, first_line: int = 1) -> list[ProseLine]:
    """The writer's running text, line by line: no front matter, code, macro calls, HTML comments or headings;
    links reduced to their text; admonition markers and list bullets removed."""
    lines, in_code, in_comment = [], False, False
    for offset, raw in enumerate(markdown.splitlines()):
        stripped = raw.strip()
        if stripped.startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_comment or stripped.startswith("<!--"):
            in_comment = "-->" not in stripped
            continue
        if in_code or not stripped or stripped.startswith(("#", "!!!", "???", "*[", "|", "<")):
            continue
        text = LINK.sub(r"\1", MACRO.sub(" ", stripped))
        text = re.sub(r"^([-*+]|\d+\.)\s+", "", text).strip()
        if text:
            lines.append(ProseLine(first_line + offset, text))
    return lines


def long_sentences(path: str, lines: Iterable[ProseLine]) -> Iterator[Finding]:
    for line in lines:
        for sentence in SENTENCE_END.split(line.text):
            words = len(sentence.split())
            if words > LONGEST_SENTENCE:
                yield Finding(path, line.number, f"sentence of {words} words (at most {LONGEST_SENTENCE}): "
                                                 f"'{sentence[:50]}...'; split it in two")


def typed_figures(path: str, lines: Iterable[ProseLine], not_figures: Iterable[str] = ()) -> Iterator[Finding]:
    """Numbers typed into a page. Years, dates, list numbers, headings and phrases the page lists under
    `not_figures:` in its front matter are allowed; every other figure comes from data with its source."""
    allowed = sorted(not_figures, key=len, reverse=True)
    for line in lines:
        text = DENOMINATOR.sub(" ", DATE.sub(" ", line.text))
        for phrase in allowed:
            text = text.replace(phrase, " ")
        for match in NUMBER.finditer(text):
            if YEAR.match(match.group(0)):
                continue
            yield Finding(path, line.number, f"'{match.group(0)}' looks like a figure typed into the page; figures come "
                                             "from data with their source (use key_fact or another macro). If it is "
                                             "not a figure, list it under not_figures: in the page's front matter")


def terms_before_explained(path: str, lines: list[ProseLine], glossary: Iterable[GlossaryTerm]) -> Iterator[Finding]:
    """A term with plain words in the glossary must not be used before the page has said those plain words."""
    for term in glossary:
        if not term.plain:
            continue
        used = re.compile("|".join(rf"\b{re.escape(name)}\b" for name in names_of(term)),
                          0 if term.abbreviation == term.term else re.I)
        plain = re.compile(re.escape(term.plain["en"]), re.I)
        explained = False
        for line in lines:
            if plain.search(line.text):
                explained = True
            if not used.search(line.text):
                continue
            if not explained:
                yield Finding(path, line.number, f"'{term.term}' is used before it is explained; say '{term.plain['en']}' "
                                                 "first or in the same sentence")
            break


def missing_sections(path: str, markdown: str, summary_title: str = SUMMARY_TITLE,
                     questions_heading: str = QUESTIONS_HEADING) -> Iterator[Finding]:
    """The summary box and the questions; a Korean page names them in Korean (korean_lint)."""
    if not re.search(rf'^!!! \w+ "{summary_title}"', markdown, re.M):
        yield Finding(path, 1, f'no summary: start the page with !!! abstract "{summary_title}" and a few bullet points')
    if not re.search(rf"^## {questions_heading}\s*$|questions\(", markdown, re.M):
        yield Finding(path, 1, f"no '## {questions_heading}' section; end the page with questions to ask")


def unknown_source_links(path: str, markdown: str, first_line: int, known_urls: Container[str]) -> Iterator[Finding]:
    for offset, line in enumerate(markdown.splitlines()):
        for match in LINK.finditer(line):
            url = match.group(2)
            if url.startswith(("http://", "https://")) and url not in known_urls:
                yield Finding(path, first_line + offset, f"link to {url} is not a source in data/sources.yaml; add the "
                                                         "source there first")


def hosts_readers_must_not_visit(path: str, markdown: str, first_line: int) -> Iterator[Finding]:
    """A do-not-link host named in a page's words, linked or not: a reader can type what a page names."""
    for offset, line in enumerate(markdown.splitlines()):
        for found in FORBIDDEN_HOST_IN_TEXT.finditer(line):
            yield Finding(path, first_line + offset, f"names {found.group(0)}, a host readers must never be sent to "
                                                     "(mirror, test server or repost); name the publication instead")


def images_without_alt(path: str, markdown: str, first_line: int) -> Iterator[Finding]:
    for offset, line in enumerate(markdown.splitlines()):
        for match in IMAGE.finditer(line):
            if match.group(0).startswith("!"):
                alt, target = match.group(1), match.group(2)
            else:
                alt_attribute = re.search(r'\balt="([^"]*)"', match.group(0))
                alt = alt_attribute.group(1) if alt_attribute else ""
                source = re.search(r'\bsrc="([^"]*)"', match.group(0))
                target = source.group(1) if source else "an image"
            if not alt.strip():
                yield Finding(path, first_line + offset, f"image {target} has no alt text; say what it shows, as in "
                                                         "![A chart of ...](file.png)")


def front_matter_shadows(path: str, source: str, macro_names: Iterable[str]) -> Iterator[Finding]:
    """A front matter key with a macro's name hides the macro on that page."""
    lines = source.splitlines()
    if not lines or lines[0].strip() != "---":
        return
    names = set(macro_names)
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            return
        key = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if key and key.group(1) in names:
            yield Finding(path, number, f"front matter key '{key.group(1)}' has the name of a macro and would hide it "
                                        "on this page; rename or remove the key")


def reading_grade_finding(path: str, grade: float) -> Finding | None:
    if grade > HIGHEST_GRADE:
        return Finding(path, 1, f"reading grade {grade:.1f} is above {HIGHEST_GRADE}; use shorter sentences and "
                                "everyday words")
    return None


# Raw HTML a page may hold (the writer's guide lists it): a table Markdown cannot make, such as a printable
# checklist with a caption and row headers, and a div or span to style a block. Everything else is refused,
# scripts and styles above all: the site shows only what the guide's components render.
ALLOWED_HTML = ("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "div", "span", "br")
HTML_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)([^<>]*)>")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
UNSAFE_ATTRIBUTE = re.compile(r"\b(on\w+|style)\s*=|javascript:", re.I)
INLINE_CODE = re.compile(r"`[^`]*`")


def raw_html(path: str, markdown: str, first_line: int) -> Iterator[Finding]:
    """HTML typed into a page, outside code and macro calls, that is not on the allow-list."""
    in_code = False
    blank = lambda match: "\n" * match.group(0).count("\n")  # keeps line numbers
    for offset, raw in enumerate(HTML_COMMENT.sub(blank, MACRO.sub(blank, markdown)).splitlines()):
        if raw.strip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            continue
        text = INLINE_CODE.sub(" ", raw)
        for match in HTML_TAG.finditer(text):
            tag = match.group(2).lower()
            if tag not in ALLOWED_HTML:
                yield Finding(path, first_line + offset, f"HTML tag <{tag}> is not allowed in pages; write Markdown or "
                                                         "use a macro (allowed tags: " + ", ".join(ALLOWED_HTML) + ")")
                break
            unsafe = UNSAFE_ATTRIBUTE.search(match.group(3))
            if unsafe:
                yield Finding(path, first_line + offset, f"<{tag}> has {unsafe.group(0).rstrip('= ')!r}; scripts and "
                                                         "styles are not allowed in pages (the stylesheet styles them)")
                break
# Showing-numbers rule 11: the leaflet bands each frequency word allows, as (lowest, highest) percent.
FREQUENCY_BANDS = {"rare": (0, 0.1), "rarely": (0, 0.1), "uncommon": (0.1, 1), "not common": (0, 1)}
FREQUENCY_WORD = re.compile(r"\b(not common|uncommon|rarely|rare|mild)\b", re.I)
RATE_IN_WORDS = re.compile(r"\b(?:(fewer than) )?(?:about )?(\d+(?:\.\d+)?) (?:out of|in) 100\b")
GRADE_TWO = re.compile(r"\bgrade (?:1 or )?2\b|\bgrades? 1 (?:to|and|or) 2\b", re.I)


def frequency_words_against_rates(path: str, rendered_text: str, source: str) -> Iterator[Finding]:
    """'Not common', 'uncommon', 'rare' or 'mild' next to a rate (in the same paragraph, list or component of the
    built page) that contradicts them: 12 out of 100 is very common; grade 2 already has symptoms that need treatment."""
    source_lines = source.splitlines()
    blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", rendered_text) if block.strip()]
    for index, block in enumerate(blocks):
        matches = list(FREQUENCY_WORD.finditer(block))
        text = " ".join(blocks[index:index + 2]) if matches else ""  # a block and the one right after it (a sentence, then its table)
        for match in matches:
            word = match.group(1).lower()
            problem = None
            if word == "mild":
                if GRADE_TWO.search(text):
                    problem = "'mild' next to grade 2, which already has symptoms that need treatment; say 'grade 1 or 2' or 'low grade'"
            else:
                low, high = FREQUENCY_BANDS[word]
                for rate in RATE_IN_WORDS.finditer(text):
                    value = float(rate.group(2))
                    if not (rate.group(1) and value <= 1) and not low <= value <= high:
                        problem = (f"{match.group(1)!r} next to '{rate.group(0)}', which is {'very common' if value > 10 else 'common'} "
                                   "by the leaflet convention (showing-numbers rule 11); use the word the rate gives")
                        break
            if problem:
                line = next((n for n, raw in enumerate(source_lines, 1) if match.group(1).lower() in raw.lower()), 1)
                yield Finding(path, line, problem)
