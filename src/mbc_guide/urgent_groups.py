"""Several urgent boxes on one page, each thing said once: alerts with the same opening line ("Call your care team
straight away, day or night, if you have") share one box with that line, what to do that every alert of the box
says ("Do not wait for your next visit.") and what to tell the team. Every word still comes from the alert entries
in data/alerts.yaml, so each urgent symptom is stated the same way everywhere (medical rule 6)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .languages import DEFAULT_LANGUAGE, text_in
from .models import Alert
from .phrases import sentences


@dataclass(frozen=True)
class AlertPart:
    alert: Alert
    explained: list[str]  # its own sentences of what to do and why, those the box does not say once for all


@dataclass(frozen=True)
class UrgentGroup:
    title: str
    parts: list[AlertPart]
    shared: list[str]  # what to do, said by more than one of its alerts: said once
    tell_them: list[str]  # what to tell the team, each item once, in the order the alerts give them


def urgent_groups(alerts: Iterable[Alert], language: str = DEFAULT_LANGUAGE) -> list[UrgentGroup]:
    """Alerts grouped by their title, in the order each title first comes; their words in the page's language."""
    by_title: dict[str, list[Alert]] = {}
    for alert in alerts:
        by_title.setdefault(text_in(alert.title, language), []).append(alert)
    return [_group(title, members, language) for title, members in by_title.items()]


def _group(title: str, alerts: list[Alert], language: str) -> UrgentGroup:
    said = [sentences(text_in(alert.action, language)) for alert in alerts]
    shared = [s for s in dict.fromkeys(s for own in said for s in own) if sum(s in own for own in said) > 1]
    parts = [AlertPart(alert, [s for s in own if s not in shared]) for alert, own in zip(alerts, said)]
    tell_them = list(dict.fromkeys(text_in(item, language) for alert in alerts for item in alert.tell_them))
    return UrgentGroup(title, parts, shared, tell_them)
