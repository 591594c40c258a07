"""What a study's numbers cannot say, in short words that travel with every picture of them."""
from __future__ import annotations

from .korean_numbers import CAVEAT_WORDS_KO
from .models import Result, Trial
from .phrases import CAVEAT_WORDS, caveat_kinds

DESIGN_WORDS = {
    "single_arm": "everyone had the same treatment, so there is no group to compare with",
    "pooled": "counted across several studies",
}
DESIGN_WORDS_KO = {
    "single_arm": "모두 같은 치료를 받아서 비교할 군이 없음",
    "pooled": "여러 연구를 합쳐서 셈",
}
WORDS = {"en": (CAVEAT_WORDS, DESIGN_WORDS), "ko": (CAVEAT_WORDS_KO, DESIGN_WORDS_KO)}


def caveat_labels(trial: Trial, result: Result | None = None, language: str = "en") -> list[str]:
    """Short labels shown beside a figure: every caveat kind of the study and result (phrases.caveat_kinds, the list
    all components use), then what the study's design means for comparing."""
    caveat_words, design_words = WORDS[language]
    labels = [caveat_words[kind] for kind in caveat_kinds(trial, result)]
    return labels + ([design_words[trial.kind]] if trial.kind in design_words else [])
