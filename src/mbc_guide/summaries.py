"""Data gathered across entries for overview tables: the option grid and side-effect rates across studies."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import get_args

from .models import Figure, Line, Result, SideEffectRate, Treatment, Trial
from .registry import Registry


@dataclass(frozen=True)
class OptionGroup:
    """Options shown side by side: one line of treatment, optionally narrowed to a topic."""

    line: str
    topic: str | None
    treatments: list[Treatment]


def option_groups(registry: Registry, subtype: str) -> list[OptionGroup]:
    groups = []
    for line in get_args(Line):
        topics: list[str | None] = []
        for treatment in registry.treatments_for(subtype):
            if line in treatment.lines and treatment.topic not in topics:
                topics.append(treatment.topic)
        for topic in sorted(topics, key=lambda t: (t is not None, t or "")):
            groups.append(OptionGroup(line, topic, registry.treatments_for(subtype, line, topic)))
    return groups


@dataclass(frozen=True)
class HeadlineResult:
    trial: Trial
    result: Result


def headline_result(registry: Registry, treatment: Treatment) -> HeadlineResult | None:
    """The first result of the first study in which this option was an arm: what the grid's last row shows."""
    for trial_id in treatment.trials:
        trial = registry.get("trials", trial_id)
        if trial.results and any(arm.treatment == treatment.id for arm in trial.arms):
            return HeadlineResult(trial, trial.results[0])
    return None


@dataclass
class RateRow:
    """One arm of one study: its rates of a side effect by severity, all out of the same 100 people."""

    trial: Trial
    arm_label: str
    by_severity: dict[str, Figure] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def figures(self) -> list[Figure]:
        return list(self.by_severity.values())


def rate_rows(registry: Registry, effect: str) -> list[RateRow]:
    """Every study arm with a rate of this side effect, in data order, severities side by side."""
    rows: dict[tuple[str, str], RateRow] = {}
    for rate in registry.rates_for_effect(effect):
        trial = registry.get("trials", rate.trial)
        labels = {arm.id: arm.label["en"] for arm in trial.arms}
        for arm, figure in rate.values.items():
            row = rows.setdefault((trial.id, arm), RateRow(trial, labels[arm]))
            row.by_severity[_column(rate)] = figure
        if rate.note:
            first_arm = next(iter(rate.values))
            rows[(trial.id, first_arm)].notes.append(rate.note["en"])
    return list(rows.values())


def _column(rate: SideEffectRate) -> str:
    return "serious" if rate.severity in ("serious", "grade3") else rate.severity
