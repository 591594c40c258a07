"""One checked registry of all data: ids are unique and every cross-reference resolves."""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .errors import DataError, DataErrors
from .figure_checks import cost_problems, figure_errors
from .loading import Entries, Located, load_data
from .models import (
    TIMED_MEASURES, AccessNote, Alert, CostFact, EvidenceEntry, KeyFact, Effect, SupportContact, Tradeoff, Figure, GlossaryTerm, Medicine, PageReview, SideEffectRate, Source, Subtype, Treatment, Trial,
)


class UnknownId(LookupError):
    def __init__(self, kind: str, wanted: str, known: list[str]):
        close = difflib.get_close_matches(wanted, known, n=1, cutoff=0.5)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        super().__init__(f"unknown {kind} id {wanted!r}{hint}")


def kind_name(kind: str) -> str:
    """A table's name as writers say it: 'side_effects' -> 'side effect'; the evidence record holds facts."""
    return "fact" if kind == "evidence" else kind.rstrip("s").replace("_", " ")


@dataclass
class Registry:
    sources: dict[str, Source] = field(default_factory=dict)
    subtypes: dict[str, Subtype] = field(default_factory=dict)
    medicines: dict[str, Medicine] = field(default_factory=dict)
    treatments: dict[str, Treatment] = field(default_factory=dict)
    trials: dict[str, Trial] = field(default_factory=dict)
    effects: dict[str, Effect] = field(default_factory=dict)
    side_effects: dict[str, SideEffectRate] = field(default_factory=dict)
    alerts: dict[str, Alert] = field(default_factory=dict)
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)
    reviews: dict[str, PageReview] = field(default_factory=dict)
    access: dict[str, AccessNote] = field(default_factory=dict)
    key_facts: dict[str, KeyFact] = field(default_factory=dict)
    evidence: dict[str, EvidenceEntry] = field(default_factory=dict)
    tradeoffs: dict[str, Tradeoff] = field(default_factory=dict)
    support: dict[str, SupportContact] = field(default_factory=dict)
    costs: dict[str, CostFact] = field(default_factory=dict)
    # Where each entry came from, for errors found after loading (e.g. an overdue review).
    located: dict[tuple[str, str], Located] = field(default_factory=dict)

    def error_at(self, kind: str, key: str, location: tuple[Any, ...], message: str) -> DataError:
        located = self.located[(kind, key)]
        return located.error(location, _label(located.entry, location), message)

    def get(self, kind: str, wanted: str) -> Any:
        table: dict[str, Any] = getattr(self, kind)
        if wanted not in table:
            raise UnknownId(kind_name(kind), wanted, list(table))
        return table[wanted]

    def treatments_for(self, subtype: str, line: str | None = None, topic: str | None = None) -> list[Treatment]:
        """A subtype's options; with a line, only that line's options without a topic, or with the given topic."""
        self.get("subtypes", subtype)
        chosen = [t for t in self.treatments.values() if subtype in t.subtypes]
        if line is None:
            return chosen
        return [t for t in chosen if line in t.lines and t.topic == topic]

    def rates_for_effect(self, effect: str) -> list[SideEffectRate]:
        return [rate for rate in self.side_effects.values() if rate.effect == effect]

    def side_effect_rates(self, trial: str) -> list[SideEffectRate]:
        return [rate for rate in self.side_effects.values() if rate.trial == trial]

    def access_for(self, medicine: str, treatment: str) -> list[AccessNote]:
        """Notes for this medicine whose indication (subtype and line) is one of this option's."""
        chosen = self.get("treatments", treatment)
        return [note for note in self.access.values() if note.medicine == medicine
                and any(i.subtype in chosen.subtypes and i.line in chosen.lines for i in note.indications)]


def load_registry(data_dir: Path, shown_prefix: str = "data") -> Registry:
    """Load, validate and cross-check data/. Raises DataErrors listing every problem."""
    loaded = load_data(data_dir, shown_prefix)
    errors = loaded.errors
    registry, reference_errors = build_registry(loaded.entries, loaded.invalid_ids)
    if not loaded.unreadable_files:  # with a whole file unreadable, every reference to it would be reported
        errors.extend(reference_errors)
    if errors:
        raise DataErrors(errors)
    return registry


def build_registry(entries: Entries, invalid_ids: set[str] = frozenset()) -> tuple[Registry, list[DataError]]:
    registry = Registry()
    errors: list[DataError] = []
    for kind, located_entries in entries.items():
        table = getattr(registry, kind)
        key = "page" if kind == "reviews" else "id"
        for located in located_entries:
            entry_key = getattr(located.entry, key)
            if entry_key in table:
                errors.append(located.error((key,), entry_key, f"duplicate {key} {entry_key!r}; each {key} must be used once"))
            else:
                table[entry_key] = located.entry
                registry.located[(kind, entry_key)] = located
    for located in (item for items in entries.values() for item in items):
        errors.extend(_check_references(registry, located, invalid_ids))
    return registry, errors


def iter_figures(model: BaseModel, location: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Figure]]:
    """Every Figure inside an entry, with its path (for error lines and the evidence check)."""
    if isinstance(model, Figure):
        yield location, model
        return
    for name in type(model).model_fields:
        yield from _iter_value(getattr(model, name), (*location, name))


def _iter_value(value: Any, location: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], Figure]]:
    if isinstance(value, BaseModel):
        yield from iter_figures(value, location)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _iter_value(item, (*location, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _iter_value(item, (*location, key))


def _label(entry: Any, location: tuple[Any, ...]) -> str:
    return (getattr(entry, "id", None) or getattr(entry, "page", "")) + "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in location)


def _check_references(registry: Registry, located: Located, invalid_ids: set[str]) -> Iterator[DataError]:
    entry = located.entry

    def refers(kind: str, wanted: str | None, location: tuple[Any, ...]) -> Iterator[DataError]:
        if wanted is not None and wanted not in getattr(registry, kind) and wanted not in invalid_ids:
            yield located.error(location, _label(entry, location), str(UnknownId(kind_name(kind), wanted, list(getattr(registry, kind)))))

    for location, figure in iter_figures(entry):
        yield from refers("sources", figure.source, (*location, "source"))
        yield from refers("evidence", figure.fact, (*location, "fact"))
    yield from figure_errors(located, _label, iter_figures(entry), registry.evidence)
    for location, text in _texts_with_frequency_words(entry):
        yield located.error(location, _label(entry, location), FREQUENCY_WORD_MESSAGES.get(text.lower(), FREQUENCY_WORD_MESSAGE).format(text))
    if isinstance(entry, Medicine):
        yield from refers("sources", entry.given.source, ("given", "source"))
        for i, fact in enumerate(entry.given.facts):
            yield from refers("evidence", fact, ("given", "facts", i))
        for i, alert in enumerate(entry.serious_risks):
            yield from refers("alerts", alert, ("serious_risks", i))
            if alert in registry.alerts and entry.id not in registry.alerts[alert].medicines:
                yield located.error(("serious_risks", i), _label(entry, ("serious_risks", i)), f"add {entry.id!r} under medicines in alert {alert!r} (data/alerts.yaml), so its urgent box shows")
    elif isinstance(entry, Treatment):
        for i, medicine in enumerate(entry.medicines):
            yield from refers("medicines", medicine, ("medicines", i))
        for i, subtype in enumerate(entry.subtypes):
            yield from refers("subtypes", subtype, ("subtypes", i))
        for i, trial in enumerate(entry.trials):
            yield from refers("trials", trial, ("trials", i))
        for i, rate_id in enumerate(entry.rated_side_effects):
            yield from refers("side_effects", rate_id, ("rated_side_effects", i))
            rate = registry.side_effects.get(rate_id)
            trial = registry.trials.get(rate.trial) if rate else None
            if trial and not any(arm.treatment == entry.id and arm.id in rate.values for arm in trial.arms):
                yield located.error(("rated_side_effects", i), _label(entry, ("rated_side_effects", i)), f"rate {rate_id!r} has no value for an arm of {trial.name} that had this option")
            effect = registry.effects.get(rate.effect) if rate else None
            if rate and effect and rate.severity != "any" and not SAYS_SEVERE.search(effect.name["en"]):
                yield located.error(("rated_side_effects", i), _label(entry, ("rated_side_effects", i)), (
                    f"rate {rate_id!r} counts only severe cases (severity: {rate.severity}), so a word for how often "
                    f"would understate {effect.name['en']!r}; list its any-grade rate, or name the effect as severe "
                    "in data/effects.yaml"))
    elif isinstance(entry, Trial):
        yield from refers("sources", entry.published, ("published",))
        arm_ids = [arm.id for arm in entry.arms]
        for i, arm in enumerate(entry.arms):
            yield from refers("treatments", arm.treatment, ("arms", i, "treatment"))
            option = registry.treatments.get(arm.treatment or "")
            # (Skipped while the option names an unknown study: that typo is reported on its own.)
            if (option and entry.kind in ("randomised", "subgroup") and entry.id not in option.trials
                    and all(t in registry.trials for t in option.trials)):
                # Otherwise a page could show this option with another study's figure next to this study's.
                yield located.error(("arms", i, "treatment"), _label(entry, ("arms", i, "treatment")), f"{arm.treatment!r} was compared head to head in {entry.name}; add {entry.id!r} to its trials in data/treatments.yaml")
        for i, result in enumerate(entry.results):
            yield from _check_arms(located, ("results", i), result.values, arm_ids, require_all=True)
            if result.measure in TIMED_MEASURES and result.timeframe_months is None:
                yield located.error(("results", i), _label(entry, ("results", i)), "a rate needs timeframe_months (the time frame readers are told)")
    elif isinstance(entry, SideEffectRate):
        yield from refers("effects", entry.effect, ("effect",))
        yield from refers("trials", entry.trial, ("trial",))
        if entry.trial in registry.trials:
            arm_ids = [arm.id for arm in registry.trials[entry.trial].arms]
            yield from _check_arms(located, (), entry.values, arm_ids, require_all=False)
            yield from _check_arms(located, (), entry.not_reported, arm_ids, require_all=False, field="not_reported")
    elif isinstance(entry, AccessNote):
        yield from refers("evidence", entry.fact, ("fact",))
        yield from refers("medicines", entry.medicine, ("medicine",))
        for i, indication in enumerate(entry.indications):
            yield from refers("subtypes", indication.subtype, ("indications", i, "subtype"))
    elif isinstance(entry, SupportContact):
        yield from refers("evidence", entry.fact, ("fact",))
    elif isinstance(entry, CostFact):
        yield from refers("evidence", entry.fact, ("fact",))
        if entry.fact in registry.evidence:
            for location, problem in cost_problems(entry, registry.evidence[entry.fact]):
                yield located.error(location, _label(entry, location), problem)
    elif isinstance(entry, Effect):
        yield from refers("alerts", entry.alert, ("alert",))
    elif isinstance(entry, Alert):
        yield from refers("sources", entry.source, ("source",))
        for i, fact in enumerate(entry.facts):
            yield from refers("evidence", fact, ("facts", i))
        for i, medicine in enumerate(entry.medicines):
            yield from refers("medicines", medicine, ("medicines", i))
            known = registry.medicines.get(medicine)
            if known and entry.id not in known.serious_risks:
                yield located.error(("medicines", i), _label(entry, ("medicines", i)), f"add {entry.id!r} to serious_risks of medicine {medicine!r} (data/medicines.yaml)")


# Words for how often that a writer must not choose: they come from the rate (showing-numbers rule 11).
FREQUENCY_WORD_MESSAGE = ("{!r} is a frequency word; words for how often come from the rate (list the rate under "
                          "rated_side_effects), never from the writer")
FREQUENCY_WORD_MESSAGES = {"mild": "{!r} is not a grade: grade 2 already has symptoms that need treatment; say 'grade 1 or 2' "
                                   "or 'low grade' (showing-numbers rule 11)"}
# An effect's name that tells readers it counts severe cases only: "how often" words then say how often it was severe.
SAYS_SEVERE = re.compile(r"\b(severe|serious|grade [345]|life-threatening|deaths?)\b", re.I)
FREQUENCY_WORDS = re.compile(r"\b(rare|rarely|not common|uncommon|mild)\b", re.I)


def _texts_with_frequency_words(entry: BaseModel) -> Iterator[tuple[tuple[Any, ...], str]]:
    if not isinstance(entry, (Treatment, KeyFact, Alert, Trial)):
        return
    for name in type(entry).model_fields:
        yield from _frequency_words_in(getattr(entry, name), (name,))


def _frequency_words_in(value: Any, location: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, dict) and "en" in value and all(isinstance(v, str) for v in value.values()):
        found = FREQUENCY_WORDS.search(value["en"])
        if found:
            yield location, found.group(0)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _frequency_words_in(getattr(value, name), (*location, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _frequency_words_in(item, (*location, index))


def _check_arms(located: Located, where: tuple[Any, ...], values: dict[str, Any], arm_ids: list[str], require_all: bool, field: str = "values") -> Iterator[DataError]:
    for arm in values:
        if arm not in arm_ids:
            yield located.error((*where, field, arm), _label(located.entry, (*where, field, arm)), f"unknown arm {arm!r}; this trial's arms are {', '.join(arm_ids)}")
    missing = [arm for arm in arm_ids if arm not in values]
    if require_all and missing:
        yield located.error((*where, "values"), _label(located.entry, (*where, "values")), f"give a value for every arm (both arms are always shown); missing: {', '.join(missing)}")
