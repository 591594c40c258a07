"""The Korean plain-number helpers: same rounding as English, Korean words, and word tables in step with English."""
import pytest

from mbc_guide import phrases
from mbc_guide.korean_numbers import (
    CAVEAT_WORDS_KO, FREQUENCY_WORDS_KO, MEDIAN_MEANINGS_KO, RATE_ENDINGS_KO, RESPONSE_ENDINGS_KO, figure_frequency_ko,
    frequency_word_ko, key_fact_value_ko, months_in_words_ko, months_with_exact_ko, natural_frequency_ko,
    result_sentence_ko, timeframe_in_words_ko,
)
from mbc_guide.models import MEDIAN_MEASURES, Figure
from mbc_guide.numbers import natural_frequency


def figure(value, less_than=False):
    return Figure(value=value, fact="f", source="s", less_than=less_than)


@pytest.mark.parametrize("percent, words", [
    (70.1, "100명 중 약 70명"),
    (12.5, "100명 중 약 13명"),  # halves round up, as in English
    (12.4, "100명 중 약 12명"),
    (12, "100명 중 12명"),
    (0.5, "100명 중 1명 미만"),
    (0, "100명 중 0명"),
])
def test_natural_frequency_ko(percent, words):
    assert natural_frequency_ko(percent) == words


@pytest.mark.parametrize("percent", [0, 0.4, 0.99, 1, 12.5, 52.5, 70.1, 99.5, 100])
def test_korean_and_english_count_the_same_people(percent):
    english = natural_frequency(percent)
    korean = natural_frequency_ko(percent)
    assert english.startswith("about ") == korean.startswith("100명 중 약 ")
    assert english.startswith("fewer than 1") == korean.endswith("1명 미만")
    assert english.split(" out of")[0].split()[-1] in korean


def test_a_figure_given_only_as_an_upper_bound():
    assert figure_frequency_ko(figure(2, less_than=True)) == "100명 중 2명 미만"
    assert figure_frequency_ko(figure(12.1)) == "100명 중 약 12명"


def test_impossible_rates_are_refused():
    with pytest.raises(ValueError):
        natural_frequency_ko(101)


@pytest.mark.parametrize("months, words", [
    (40.7, "약 3년 5개월"),
    (26.9, "약 2년 3개월"),
    (5.6, "약 6개월"),
    (11.5, "약 1년"),  # 11.5 rounds up to 12 months
    (24, "2년"),
    (13, "1년 1개월"),
])
def test_months_in_words_ko(months, words):
    assert months_in_words_ko(months) == words


def test_months_with_exact_ko_shows_the_published_figure_once():
    assert months_with_exact_ko(40.7) == "약 3년 5개월(40.7개월)"
    assert months_with_exact_ko(11) == "11개월"
    assert months_with_exact_ko(24) == "2년(24개월)"


def test_negative_months_are_refused():
    with pytest.raises(ValueError):
        months_in_words_ko(-1)


@pytest.mark.parametrize("months, words", [(24, "2년 후"), (18, "18개월 후"), (12, "1년 후"), (23.6, "2년 후")])
def test_timeframe_in_words_ko(months, words):
    assert timeframe_in_words_ko(months) == words


@pytest.mark.parametrize("percent, less_than, words", [
    (12, False, "매우 흔함"),
    (10, False, "흔함"),  # same band edge as English: very common is above 10
    (1, False, "흔함"),
    (0.5, False, "때때로"),
    (0.05, False, "드묾"),
    (0, False, "관찰되지 않음"),
    (1, True, "때때로 또는 드묾"),
])
def test_frequency_words_follow_the_rate(percent, less_than, words):
    assert frequency_word_ko(percent, less_than) == words


def test_twelve_in_a_hundred_is_never_called_uncommon_in_either_language():
    assert phrases.frequency_word(12) == "very common"
    assert frequency_word_ko(12) == "매우 흔함"


def test_every_english_word_table_has_its_korean_counterpart():
    assert set(FREQUENCY_WORDS_KO) == set(phrases.FREQUENCY_WORDS)
    assert set(CAVEAT_WORDS_KO) == set(phrases.CAVEAT_WORDS)
    assert set(MEDIAN_MEANINGS_KO) == set(MEDIAN_MEASURES)
    assert set(RATE_ENDINGS_KO) | set(RESPONSE_ENDINGS_KO) == set(phrases.RATE_MEANINGS)


def test_key_fact_values_ko():
    assert key_fact_value_ko(40.7, "months") == "약 3년 5개월"
    assert key_fact_value_ko(87, "percent") == "100명 중 87명"
    assert key_fact_value_ko(65, "years") == "65"  # the Korean text says 세 (age) or 년 (time) itself


def test_median_sentence_names_every_group():
    sentence = result_sentence_ko("pfs_median", None, [("A", figure(40.7)), ("B", figure(26.9))])
    assert sentence == ("A 군에서는 절반의 사람이 암이 자라거나 퍼지지 않고 약 3년 5개월(40.7개월) 이상 살았습니다. "
                        "B 군에서는 이 기간이 약 2년 3개월(26.9개월)이었습니다.")


def test_survival_median_says_many_live_longer():
    sentence = result_sentence_ko("os_median", None, [("A", figure(24)), ("B", figure(18))])
    assert sentence.startswith("A 군에서는 절반의 사람이 2년(24개월) 이상 살았습니다.")
    assert sentence.endswith("많은 사람은 이 중간값보다 더 오래 삽니다.")


def test_rate_sentence_has_its_time_frame_and_both_groups():
    sentence = result_sentence_ko("pfs_rate", 24, [("A", figure(70.1)), ("B", figure(52.5))])
    assert sentence == ("2년 후, A 군에서는 100명 중 약 70명, B 군에서는 100명 중 약 53명이 "
                        "암이 자라거나 퍼지지 않은 채 살아 있었습니다.")


def test_rate_without_time_frame_is_refused():
    with pytest.raises(ValueError, match="time frame"):
        result_sentence_ko("os_rate", None, [("A", figure(70))])


def test_response_sentence():
    assert result_sentence_ko("response_rate", None, [("A", figure(60)), ("B", figure(0.5))]) == (
        "A 군에서는 100명 중 60명, B 군에서는 100명 중 1명 미만에서 암이 줄어들었습니다.")


def test_no_hazard_ratio_words_in_any_korean_phrase():
    words = [*CAVEAT_WORDS_KO.values(), *MEDIAN_MEANINGS_KO.values(), *RATE_ENDINGS_KO.values(),
             *RESPONSE_ENDINGS_KO.values()]
    assert not [w for w in words if "위험비" in w or "위험도" in w]
