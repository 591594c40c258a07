"""Korean terminology (data/ko/terms.yaml): the words Korean patients meet, each with a plain Korean explanation
and where its usage was seen (an evidence entry or a Korean page), so the Korean edition names things as Korean
hospitals, regulators and news do. No figures: they come from data with their source."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from .errors import DataError
from .evidence import _shared_entries, shared_evidence_dir
from .korean_overlay import OVERLAY_FOLDER, load_overlay
from .loading import _load_file
from .models import Id, PlainText, Strict, forbidden_host
from .registry import Registry

TERMS_FILE = "terms"
EVIDENCE_FILES = ("facts.yaml", "access.yaml", "support.yaml", "kr_costs.yaml")
# A number with a unit or a decimal: a figure, which a term's words never carry.
FIGURE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|퍼센트|개월|년|명|배|주|일|원)|\d+\.\d+")


def _no_figure(text: str) -> str:
    found = FIGURE.search(text)
    if found:
        raise ValueError(f"has the figure {found.group(0)!r}; a term's words carry no figures (they come from data "
                         "with their source)")
    return text


def _linkable(url: str | None) -> str | None:
    host = forbidden_host(url) if url else None
    if host:
        raise ValueError(f"links {host}, a host readers must never be sent to")
    return url


class TermUse(Strict):
    """Where the Korean term was seen in use: an evidence entry (`file.yaml#id`) or a page, with its words."""

    source: PlainText = Field(description="who wrote it: regulator, insurer, hospital, journal, news site")
    evidence: Annotated[str | None, Field(pattern=r"^(facts|access|support|kr_costs)\.yaml#[a-z0-9-]+$")] = None
    url: Annotated[str | None, Field(pattern=r"^https?://"), AfterValidator(_linkable)] = None
    quote: Annotated[PlainText, AfterValidator(_no_figure)] = Field(description="the words as seen, without figures")

    @model_validator(mode="after")
    def _somewhere(self) -> TermUse:
        if not (self.evidence or self.url):
            raise ValueError("say where the term was seen: evidence (file.yaml#id) or url")
        return self


class KoreanTerm(Strict):
    id: Id
    ko: PlainText = Field(description="the term as Korean patients meet it")
    en: PlainText = Field(description="the English term it stands for")
    explanation: Annotated[PlainText, AfterValidator(_no_figure)] = Field(description="plain Korean, no figures")
    kind: Literal["cancer", "treatment", "side-effect", "result", "access", "cost", "support"]
    # The English glossary term it translates, when there is one: the Korean glossary must use this word.
    glossary: Id | None = None
    seen_in: list[TermUse] = Field(min_length=1)


def load_terms(data_dir: Path, data_prefix: str = "data") -> tuple[list, list[DataError]]:
    path = data_dir / OVERLAY_FOLDER / f"{TERMS_FILE}.yaml"
    shown = f"{data_prefix}/{OVERLAY_FOLDER}/{TERMS_FILE}.yaml"
    if not path.is_file():
        return [], [DataError(shown, None, "", "file is missing; it lists the Korean terms and where each was seen")]
    terms, errors, _ = _load_file(path, shown, KoreanTerm)
    return terms, errors


def check_terms(registry: Registry, data_dir: Path, data_prefix: str = "data") -> list[DataError]:
    """terms.yaml valid, each term once, glossary links known, evidence ids real, and the Korean glossary overlay
    naming each linked term with the word from terms.yaml."""
    terms, errors = load_terms(data_dir, data_prefix)
    errors = list(errors)
    shared_dir = shared_evidence_dir(data_dir.resolve().parent)
    shared = _shared_entries(shared_dir) if shared_dir else None
    glossary_words = _glossary_words(data_dir, data_prefix)
    seen: dict[str, int] = {}
    for located in terms:
        term: KoreanTerm = located.entry  # type: ignore[assignment]
        if term.ko in seen:
            errors.append(located.error(("ko",), f"{term.id}.ko", f"{term.ko!r} is already a term on line {seen[term.ko]}"))
        seen.setdefault(term.ko, located.node.line)
        errors.extend(_term_errors(located, term, registry, shared, glossary_words))
    return errors


def _term_errors(located, term: KoreanTerm, registry: Registry, shared: dict | None,
                 glossary_words: dict[str, str]) -> Iterator[DataError]:
    if term.glossary and term.glossary not in registry.glossary:
        yield located.error(("glossary",), f"{term.id}.glossary", f"unknown glossary id {term.glossary!r}")
    for index, use in enumerate(term.seen_in):
        if use.evidence and shared is not None and use.evidence.split("#", 1)[1] not in shared:
            yield located.error(("seen_in", index, "evidence"), f"{term.id}.seen_in[{index}].evidence",
                                f"{use.evidence} is not in the shared evidence")
    word = glossary_words.get(term.glossary or "")
    if word is not None and word != term.ko:
        yield located.error(("ko",), f"{term.id}.ko", f"the Korean glossary calls {term.glossary!r} {word!r} "
                                                     f"(data/{OVERLAY_FOLDER}/glossary.yaml); use one word for it")


def _glossary_words(data_dir: Path, data_prefix: str) -> dict[str, str]:
    items, _, _ = load_overlay(data_dir, "glossary", data_prefix)
    return {item.entry.id: item.entry.ko for item in items if item.entry.field == "term"}
