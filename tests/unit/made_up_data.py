"""Small made-up entries for unit tests: studies named STUDY-A, STUDY-B... with invented figures.

They never reach the site; they let a test set up exactly the choice it checks (which study an option's headline
comes from, which caveats a study carries) without depending on the real data, which other work changes.
"""
from __future__ import annotations

from mbc_guide.models import SideEffectRate, Subtype, Treatment, Trial
from mbc_guide.registry import Registry


# The subtypes file of the small made-up data sets: one subtype, explained on her2-positive.md.
SUBTYPES_FILE = """\
- id: her2-positive
  name: HER2-positive
  short_name: HER2-positive
  page: her2-positive.md
  what_it_means: Made up.
  how_tested: Made up.
  questions: []
"""


def figure(value: float, less_than: bool = False) -> dict:
    return {"value": value, "fact": "made-up-fact", "source": "made-up-source", "less_than": less_than}


def trial(trial_id: str, arms: dict[str, str | None], results: list[dict] | None = None, **fields) -> Trial:
    """A study whose arms map arm id -> option id (None: an arm that is no option on the site)."""
    return Trial.model_validate({
        "id": trial_id, "name": trial_id.upper(), "population": "People in a made-up study.",
        "design": "Made up for a test.", "status": "final", "overall_survival": "known", "open_label": False,
        "published": "made-up-source",
        "arms": [{"id": arm, "label": f"{arm} medicine", "treatment": option} for arm, option in arms.items()],
        "results": results if results is not None else [],
    } | fields)


def result(result_id: str, measure: str, values: dict[str, float], **fields) -> dict:
    return {"id": result_id, "measure": measure, "analysis": "primary",
            "values": {arm: figure(value) for arm, value in values.items()}} | fields


def treatment(treatment_id: str, trials: list[str], lines: list[str] = ("first",), subtypes: list[str] = ("her2-positive",),
              **fields) -> Treatment:
    return Treatment.model_validate({
        "id": treatment_id, "name": treatment_id, "short_name": treatment_id, "medicines": ["made-up-medicine"],
        "subtypes": list(subtypes), "lines": list(lines), "what_it_is": "Made up.", "trials": trials,
        "clinic_visits": "Made up.", "main_side_effects": ["made up"], "hair_loss": "Made up.",
        "time_on_treatment": "Made up.",
    } | fields)


def side_effect_rate(rate_id: str, trial_id: str, values: dict[str, float], severity: str = "any",
                     effect: str = "ild", counts: str = "all_causes", **fields) -> SideEffectRate:
    return SideEffectRate.model_validate({
        "id": rate_id, "effect": effect, "trial": trial_id, "severity": severity, "counts": counts,
        "values": {arm: figure(value) for arm, value in values.items()},
    } | fields)


def registry_of(*entries) -> Registry:
    """A registry holding these trials, options and side-effect rates, plus the subtypes they name."""
    registry = Registry()
    for entry in entries:
        table = {Trial: registry.trials, Treatment: registry.treatments, SideEffectRate: registry.side_effects}[type(entry)]
        table[entry.id] = entry
        for subtype in getattr(entry, "subtypes", []):
            registry.subtypes[subtype] = Subtype.model_validate({
                "id": subtype, "name": subtype, "short_name": subtype, "page": f"{subtype}.md",
                "what_it_means": "Made up.", "how_tested": "Made up.", "questions": []})
    return registry
