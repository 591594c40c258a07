"""What a study's numbers cannot say, in short words that travel with every picture of them."""
from __future__ import annotations

from .models import Trial


def caveat_labels(trial: Trial) -> list[str]:
    """Short labels shown beside a figure: early results, one group only, a smaller group, survival not known yet."""
    labels = []
    if trial.status == "interim":
        labels.append("early results: the study goes on and the numbers may change")
    if trial.kind == "single_arm":
        labels.append("everyone had the same treatment, so there is no group to compare with")
    if trial.kind == "subgroup":
        labels.append("a smaller group within a larger study, so less certain")
    if trial.kind == "pooled":
        labels.append("counted across several studies")
    if trial.overall_survival == "not_known_yet" and trial.kind not in ("single_arm", "pooled"):
        labels.append("not known yet whether people live longer")
    return labels
