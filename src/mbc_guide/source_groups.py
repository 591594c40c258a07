"""The sources page's folds: each source under the study whose figures it backs, or under what else cites it (how a
medicine is given, an urgent symptom), so a reader opens one study's sources instead of passing every one of them.

A source cited by several studies goes under the study it publishes (the first by name if it publishes several),
else under the first study by name; a study's subgroup (its own entry and page) is a study of its own here too."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .models import AccessNote, Source
from .registry import Registry, iter_figures

# The folds after the studies, in this order; each kind's label is the catalogue's `sources.group.<kind>`.
OTHER_KINDS = ("medicines", "alerts", "other")


@dataclass(frozen=True)
class SourceGroup:
    anchor: str  # the fold's id on the page: sources-<study id>, or sources-<kind>
    label: str | None  # a study's name; None for the other kinds (the catalogue names them)
    kind: str  # "study" or one of OTHER_KINDS
    sources: tuple[Source, ...]


def source_groups(registry: Registry) -> tuple[list[SourceGroup], list[SourceGroup]]:
    """(a fold per study, by name; the folds of sources no study cites, in OTHER_KINDS order, empty ones left out).
    Every source of the registry is in exactly one fold, each fold's sources by title."""
    studies = _studies_citing(registry)
    others = _others_citing(registry)
    by_study: dict[str, list[Source]] = {}
    by_kind: dict[str, list[Source]] = {kind: [] for kind in OTHER_KINDS}
    for source in registry.sources.values():
        citing = studies.get(source.id, [])
        if citing:
            published_here = [trial for trial in citing if registry.trials[trial].published == source.id]
            home = min(published_here or citing, key=lambda trial: registry.trials[trial].name.lower())
            by_study.setdefault(home, []).append(source)
        else:
            by_kind[others.get(source.id, "other")].append(source)
    study_folds = [SourceGroup(f"sources-{trial}", registry.trials[trial].name, "study", _by_title(sources))
                   for trial, sources in by_study.items()]
    study_folds.sort(key=lambda group: (group.label or "").lower())
    other_folds = [SourceGroup(f"sources-{kind}", None, kind, _by_title(by_kind[kind]))
                   for kind in OTHER_KINDS if by_kind[kind]]
    return study_folds, other_folds


def access_by_country(notes: Iterable[AccessNote]) -> list[tuple[str, list[AccessNote]]]:
    """The approval and insurance notes folded by country, in the order the data first names each country."""
    countries: dict[str, list[AccessNote]] = {}
    for note in notes:
        countries.setdefault(note.country, []).append(note)
    return list(countries.items())


def _studies_citing(registry: Registry) -> dict[str, list[str]]:
    """source id -> the studies whose entry or side-effect rates cite it (each study once, in data order)."""
    citing: dict[str, list[str]] = {}

    def add(source: str | None, trial: str) -> None:
        if source and trial not in citing.setdefault(source, []):
            citing[source].append(trial)
    for trial in registry.trials.values():
        add(trial.published, trial.id)
        for source in _figure_sources(trial):
            add(source, trial.id)
    for rate in registry.side_effects.values():
        for source in _figure_sources(rate):
            add(source, rate.trial)
    return citing


def _others_citing(registry: Registry) -> dict[str, str]:
    """source id -> "medicines" or "alerts", for the sources a medicine's or an urgent symptom's entry cites."""
    kinds: dict[str, str] = {}
    for medicine in registry.medicines.values():
        for source in (medicine.given.source, *_figure_sources(medicine)):
            if source:
                kinds.setdefault(source, "medicines")
    for alert in registry.alerts.values():
        for source in (alert.source, *_figure_sources(alert)):
            if source:
                kinds.setdefault(source, "alerts")
    return kinds


def _figure_sources(entry) -> Iterator[str]:
    return (figure.source for _, figure in iter_figures(entry) if figure.source)


def _by_title(sources: list[Source]) -> tuple[Source, ...]:
    return tuple(sorted(sources, key=lambda source: source.title.lower()))
