"""Say each thing once: the share of a page's words that sit in sentences said more than once on that page."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# At most this share of a page's words may sit in repeated sentences (issue 15: "say each thing once").
REPEATED_WORDS_LIMIT = 0.05

SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# Latin letters, digits and Hangul: a Korean sentence is its own words, not just the names and numbers in it.
_WORD = re.compile(r"[A-Za-z0-9\uac00-\ud7a3][A-Za-z0-9\uac00-\ud7a3'’-]*")
# Short sentences ("Hair loss: common.", "Ask your care team.") are labels and refrains, not statements said twice.
SENTENCE_MIN_WORDS = 5


@dataclass(frozen=True)
class Repetition:
    words: int
    repeated_words: int
    repeated: list[str]

    @property
    def share(self) -> float:
        return self.repeated_words / self.words if self.words else 0.0


def normalised(sentence: str) -> str:
    """A sentence as its words in lower case: punctuation and case do not make it a different sentence."""
    return " ".join(word.lower() for word in _WORD.findall(sentence))


def repetition(text: str) -> Repetition:
    """Every occurrence of a sentence found twice or more counts (the first one too): the words a reader reads again."""
    sentences = [s for s in (normalised(part) for part in SENTENCE_END.split(text)) if s]
    counts = Counter(s for s in sentences if len(s.split()) >= SENTENCE_MIN_WORDS)
    repeated = [s for s, n in counts.items() if n > 1]
    repeated_words = sum(len(s.split()) * counts[s] for s in repeated)
    return Repetition(sum(len(s.split()) for s in sentences), repeated_words, repeated)
