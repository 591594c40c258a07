import pytest

from mbc_guide.numbers import (
    format_number, months_in_words, natural_frequency, people_out_of_100, round_half_up, timeframe_in_words,
)


@pytest.mark.parametrize("value, expected", [(12.5, 13), (12.4, 12), (0.5, 1), (70.1, 70), (52.5, 53), (99.5, 100)])
def test_round_half_up_at_the_edges(value, expected):
    assert round_half_up(value) == expected


@pytest.mark.parametrize("percent, words", [
    (70.1, "about 70 out of 100 people"),
    (12.5, "about 13 out of 100 people"),
    (12, "12 out of 100 people"),
    (1.0, "1 out of 100 people"),
    (0.5, "fewer than 1 out of 100 people"),
    (0, "0 out of 100 people"),
])
def test_natural_frequency(percent, words):
    assert natural_frequency(percent) == words


def test_people_out_of_100_rejects_impossible_rates():
    with pytest.raises(ValueError):
        people_out_of_100(101)


@pytest.mark.parametrize("months, words", [
    (40.7, "about 3 years and 5 months"),
    (26.9, "about 2 years and 3 months"),
    (5.6, "about 6 months"),
    (11.5, "about 1 year"),
    (24, "2 years"),
    (13, "1 year and 1 month"),
])
def test_months_in_words(months, words):
    assert months_in_words(months) == words


@pytest.mark.parametrize("months, words", [(24, "after 2 years"), (96, "after 8 years"), (18, "after 18 months")])
def test_timeframe_in_words(months, words):
    assert timeframe_in_words(months) == words


def test_format_number_keeps_the_published_precision():
    assert [format_number(v) for v in (40.7, 12.0, 383, 0.5)] == ["40.7", "12", "383", "0.5"]


def test_names_keep_their_capitals_inside_a_sentence():
    from mbc_guide.phrases import mid_sentence
    assert mid_sentence("Triple-negative") == "triple-negative"
    assert mid_sentence("Hormone receptor-positive, HER2-negative") == "hormone receptor-positive, HER2-negative"
    assert mid_sentence("HER2-positive") == "HER2-positive"
