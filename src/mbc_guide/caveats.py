"""What a study's numbers cannot say, in short words that travel with every picture of them."""
from __future__ import annotations

from .models import Result, Trial
from .phrases import CAVEAT_WORDS, caveat_kinds

DESIGN_WORDS = {
    "single_arm": "everyone had the same treatment, so there is no group to compare with",
    "pooled": "counted across several studies",
}


def caveat_labels(trial: Trial, result: Result | None = None) -> list[str]:
    """Short labels shown beside a figure: every caveat kind of the study and result (phrases.caveat_kinds, the list
    all components use), then what the study's design means for comparing."""
    labels = [CAVEAT_WORDS[kind] for kind in caveat_kinds(trial, result)]
    return labels + ([DESIGN_WORDS[trial.kind]] if trial.kind in DESIGN_WORDS else [])
