"""Numbers in words at their edges: under a month, and rates at the rounding edges."""
import pytest

from mbc_guide.numbers import months_in_words, natural_frequency, people_out_of_100


@pytest.mark.parametrize("months, words", [(0.6, "about 1 month"), (1, "1 month"), (12.4, "about 1 year")])
def test_short_times_in_words(months, words):
    assert months_in_words(months) == words


@pytest.mark.parametrize("percent, people", [(0, 0), (0.99, 0), (1, 1), (99.4, 99), (100, 100)])
def test_whole_people_out_of_100_at_the_edges(percent, people):
    assert people_out_of_100(percent) == people


@pytest.mark.parametrize("impossible", [-0.1, 100.1])
def test_an_impossible_rate_is_refused(impossible):
    with pytest.raises(ValueError):
        people_out_of_100(impossible)
    with pytest.raises(ValueError):
        natural_frequency(impossible)


def test_a_negative_time_is_refused():
    with pytest.raises(ValueError):
        months_in_words(-0.5)
