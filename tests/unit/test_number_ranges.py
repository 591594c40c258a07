"""The ranges a number in data/ must lie in, as writers meet them: the message when a value is out of range, and the
bounds the editors' JSON Schemas mark. The real types (Rate, Months...) are built once when models.py is imported,
so the range builder is also checked here directly, where a change to it shows."""
import pytest
from pydantic import TypeAdapter, ValidationError

from mbc_guide.models import LONGEST_STUDY_MONTHS, Months, Rate, _ranged


def refusal(kind, value) -> str | None:
    try:
        TypeAdapter(kind).validate_python(value)
    except ValidationError as error:
        return str(error.errors()[0]["msg"]).removeprefix("Value error, ")
    return None


@pytest.mark.parametrize("value, message", [
    (0, None), (100, None), (52.1, None),
    (100.5, "100.5 is not a number of people out of 100; a rate is from 0 to 100"),
    (-1, "-1 is not a number of people out of 100; a rate is from 0 to 100"),
])
def test_a_rate_is_from_0_to_100(value, message):
    assert refusal(Rate, value) == message


@pytest.mark.parametrize("value, refused", [(0, True), (0.1, False), (LONGEST_STUDY_MONTHS, False), (240.1, True)])
def test_a_time_is_more_than_0_and_at_most_20_years(value, refused):
    message = f"{value} months is not a time a study reports; it must be more than 0 and at most 240 (20 years)"
    assert refusal(Months, value) == (message if refused else None)


def test_a_range_with_its_low_end_included():
    counts = _ranged(0, None, True, "{value} is below 0")
    assert [refusal(counts, value) for value in (0, 10**6, -0.5)] == [None, None, "-0.5 is below 0"]
    assert TypeAdapter(counts).json_schema()["minimum"] == 0
    assert "maximum" not in TypeAdapter(counts).json_schema()


def test_a_range_with_its_low_end_left_out():
    ages = _ranged(0, 120, False, "{value} years is not a possible age")
    assert [refusal(ages, value) for value in (0, 0.5, 120, 121)] == [
        "0 years is not a possible age", None, None, "121 years is not a possible age"]
    schema = TypeAdapter(ages).json_schema()
    assert (schema.get("exclusiveMinimum"), schema.get("minimum"), schema.get("maximum")) == (0, None, 120)


def test_a_range_refuses_words_for_numbers():
    assert refusal(_ranged(1, 5, True, "{value} is out"), "3") is not None
    assert refusal(_ranged(1, 5, True, "{value} is out"), 3) is None
    assert refusal(_ranged(1, 5, True, "{value} is out"), 0.5) == "0.5 is out"
