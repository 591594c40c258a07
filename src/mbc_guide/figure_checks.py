"""Every figure in data/ equals its evidence entry (data/evidence.yaml) and lies in the range its meaning allows.

Run whenever data loads, so `make site`, `make lint`, `make check` and the preview all refuse a wrong figure.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import TypeAdapter, ValidationError

from .errors import DataError
from .models import MEDIAN_MEASURES, TIMED_MEASURES, CostFact, EvidenceEntry, Figure, KeyFact, Months, Rate, Trial, Years

RATE_MEASURES = (*TIMED_MEASURES, "response_rate", "complete_response", "brain_response_rate")
KEY_FACT_UNITS = {"percent": Rate, "months": Months, "years": Years}
_ADAPTERS: dict[Any, TypeAdapter] = {}


def range_type(entry: Any, location: tuple[Any, ...]) -> Any:
    """The ranged type of a figure whose range depends on a sibling field (a result's measure, a key fact's unit);
    None where the model's own type already holds the range (side-effect rates, participants, follow-up)."""
    if isinstance(entry, KeyFact):
        return KEY_FACT_UNITS.get(entry.unit)
    if isinstance(entry, Trial) and location[0] == "results":
        measure = entry.results[location[1]].measure
        return Rate if measure in RATE_MEASURES else Months if measure in MEDIAN_MEASURES else None
    return None


def range_problem(kind: Any, value: float) -> str | None:
    adapter = _ADAPTERS.get(kind)
    if adapter is None:  # built once per type: setdefault(kind, TypeAdapter(kind)) would build one each call
        adapter = _ADAPTERS[kind] = TypeAdapter(kind)
    try:
        adapter.validate_python(value)
    except ValidationError as error:
        return str(error.errors()[0]["msg"]).removeprefix("Value error, ")
    return None


def evidence_problem(figure: Figure, evidence: EvidenceEntry) -> str | None:
    """Why `figure` does not match its evidence entry, or None."""
    if figure.from_claim:
        stated = " ".join(str(text or "") for text in (evidence.claim, evidence.arm, evidence.comparator))
        if float(figure.value) not in numbers_in(stated):
            return f"{figure.value} is not stated in the claim of evidence {figure.fact!r} ({_short(evidence.claim)})"
        return None
    if not isinstance(evidence.value, (int, float)) or float(evidence.value) != float(figure.value):
        unit = f" {evidence.unit}" if evidence.unit else ""
        return (f"{figure.value} differs from evidence {figure.fact!r}, which says {evidence.value}{unit}; copy the "
                "value exactly (pages round it for readers)")
    return None


VALUE_SLOT = "{value}"


def cost_problems(cost: CostFact, evidence: EvidenceEntry) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Where a cost fact's figures differ from its evidence entry: its value is the entry's value exactly, and every
    other number in its text (English, and Korean where given) is stated in the entry's claim, quote or date."""
    if cost.value is not None and cost.value != str(evidence.value):
        yield ("value",), (f"{cost.value!r} differs from evidence {cost.fact!r}, which says {evidence.value!r}; copy the "
                           "value exactly")
    stated = " ".join(str(part or "") for part in (evidence.value, evidence.claim, evidence.claim_ko, evidence.quote,
                                                    evidence.source.date))
    for language, text in cost.text.items():
        if VALUE_SLOT in text and cost.value is None:
            yield ("text",), f"the {language} text has {VALUE_SLOT} but the entry has no value; add the evidence value"
        typed = sorted(numbers_in(text.replace(VALUE_SLOT, " ")) - numbers_in(stated))
        if typed:
            yield ("text",), (f"{typed[0]:g} in the {language} text is not stated in evidence {cost.fact!r}; figures come "
                              "from the evidence entry")


def numbers_in(text: str) -> set[float]:
    return {float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


def _short(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "..."


def figure_errors(located: Any, label: Any, figures: Iterator[tuple[tuple[Any, ...], Figure]],
                  evidence: dict[str, EvidenceEntry]) -> Iterator[DataError]:
    """Range and evidence problems of one entry's figures. An unknown fact id is reported with the references."""
    for location, figure in figures:
        kind = range_type(located.entry, location)
        problem = range_problem(kind, figure.value) if kind is not None else None
        if problem is None and figure.fact in evidence:
            problem = evidence_problem(figure, evidence[figure.fact])
        if problem:
            yield located.error((*location, "value"), label(located.entry, (*location, "value")), problem)
