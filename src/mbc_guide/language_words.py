"""The phrase and number helpers in a page's language, under the names components and macros already call.

English is the modules themselves (phrases, numbers), so English pages are made exactly as before. Korean takes
each helper from korean_phrases / korean_numbers; helpers that only split, merge or test text or numbers work the
same in both languages. A helper with no Korean form raises instead of putting English words on a Korean page.
"""
from __future__ import annotations

from types import ModuleType
from typing import Any

from . import korean_phrases, numbers, phrases
from .languages import DEFAULT_LANGUAGE, KOREAN, MissingTranslation

# Helpers without words of their own: the same for every language.
NEUTRAL_PHRASES = frozenset({
    "runs", "run_owners", "is_median", "frequency_band", "caveat_kinds", "sentences", "first_sentence", "short_label",
    "mid_sentence", "sentence_case", "bars_scale", "SHOWN_ANALYSES",
})
NEUTRAL_NUMBERS = frozenset({"format_number", "round_half_up", "people_out_of_100", "is_fewer_than_one",
                             "rounded_people", "years_and_months"})


class WordsIn:
    """A helper module seen in one language: `words.name` is the language's form of `module.name`."""

    def __init__(self, english: ModuleType, translated: ModuleType, neutral: frozenset[str], language: str):
        self._english, self._translated, self._neutral, self.language = english, translated, neutral, language

    def __getattr__(self, name: str) -> Any:
        if name in self._neutral:
            return getattr(self._english, name)
        if hasattr(self._translated, name):
            return getattr(self._translated, name)
        raise MissingTranslation(f"{self._english.__name__}.{name} has no {self.language!r} form: add it to "
                                 f"{self._translated.__name__} (a Korean page never shows the English words)")


def _in(language: str, english: ModuleType, neutral: frozenset[str]) -> Any:
    if language == DEFAULT_LANGUAGE:
        return english
    if language == KOREAN:
        return WordsIn(english, korean_phrases, neutral, language)
    raise MissingTranslation(f"no words for language {language!r}")


def phrases_in(language: str) -> Any:
    return _in(language, phrases, NEUTRAL_PHRASES)


def numbers_in(language: str) -> Any:
    return _in(language, numbers, NEUTRAL_NUMBERS)
