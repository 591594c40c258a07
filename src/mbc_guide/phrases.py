"""Trial results as plain-language sentences that always name every arm and the time frame."""
from __future__ import annotations

import re

from .charts import Bar
from .models import MEDIAN_MEASURES, Figure, Medicine, Result, SideEffectRate, Trial
from .numbers import format_number, months_in_words, natural_frequency, timeframe_in_words


def arm_labels(trial: Trial) -> dict[str, str]:
    return {arm.id: arm.label["en"] for arm in trial.arms}


def result_sentence(trial: Trial, result: Result) -> str:
    labels = arm_labels(trial)
    parts = [(labels[arm], figure.value) for arm, figure in result.values.items()]
    first_label, first_value = parts[0]
    others = parts[1:]
    measure = result.measure
    if measure in MEDIAN_MEASURES:
        what = MEDIAN_MEANINGS[measure]
        sentence = (f"Half of the people on {first_label} lived {what + ' ' if what else ''}for "
                    f"{months_in_words(first_value)} ({format_number(first_value)} months) or longer.")
        for label, value in others:
            sentence += f" On {label}, this was {months_in_words(value)} ({format_number(value)} months)."
        return sentence
    frequencies = _joined([f"{natural_frequency(value)} on {label}" for label, value in parts])
    if measure == "pfs_rate":
        return (f"{timeframe_in_words(result.timeframe_months).capitalize()}, {frequencies} "
                f"were alive without their cancer growing or spreading.")
    if measure == "os_rate":
        return f"{timeframe_in_words(result.timeframe_months).capitalize()}, {frequencies} were alive."
    if measure == "response_rate":
        return f"The cancer shrank in {frequencies}."
    if measure == "complete_response":
        return f"Scans could no longer see the cancer in {frequencies}."
    if measure == "brain_response_rate":
        return f"Cancer in the brain shrank in {frequencies}."
    raise ValueError(f"no sentence for measure {measure!r}")  # pragma: no cover - Measure is a closed list


def exact_figures(trial: Trial, values: dict[str, Figure], unit: str) -> str:
    """The exact figures as published, for the source note under the plain-language sentence."""
    labels = arm_labels(trial)
    return "; ".join(f"{labels[arm]} {format_number(figure.value)}{unit}" for arm, figure in values.items())


def result_unit(result: Result) -> str:
    return " months" if is_median(result) else "%"


def is_median(result: Result) -> bool:
    return result.measure in MEDIAN_MEASURES


MEDIAN_MEANINGS = {
    "pfs_median": "without their cancer growing or spreading",
    "os_median": "",
    "brain_pfs_median": "without their cancer growing in the brain",
}


RATE_MEANINGS = {
    "pfs_rate": ("were alive without their cancer growing or spreading", "was alive without the cancer growing or spreading"),
    "os_rate": ("were alive", "was alive"),
    "response_rate": ("had their cancer shrink", "had the cancer shrink"),
    "complete_response": ("had no cancer seen on scans", "had no cancer seen on scans"),
    "brain_response_rate": ("had their cancer in the brain shrink", "had the cancer in the brain shrink"),
}


MEASURE_NAMES = {
    "pfs_median": "Median time without growth or spread",
    "os_median": "Median survival",
    "pfs_rate": "Alive without growth or spread",
    "os_rate": "Alive",
    "response_rate": "Cancer shrank",
    "complete_response": "No cancer seen on scans",
    "brain_pfs_median": "Median time without growth in the brain",
    "brain_response_rate": "Cancer in the brain shrank",
}


def measure_name(result: Result) -> str:
    """A short row name for a result in a table of exact figures: 'Alive after 2 years'."""
    name = MEASURE_NAMES[result.measure]
    return f"{name} {timeframe_in_words(result.timeframe_months)}" if result.timeframe_months else name


def result_label(trial: Trial, result: Result) -> str:
    """A result's name on its study's page; with its note when the study reports the same measure more than once."""
    name = measure_name(result)
    if result.note and sum(other.measure == result.measure for other in trial.results) > 1:
        return f"{name}, {mid_sentence(first_sentence(result.note['en'])).rstrip('.')}"
    return name


def rate_meaning(result: Result, singular: bool = False) -> str:
    plural_words, singular_words = RATE_MEANINGS[result.measure]
    words = singular_words if singular else plural_words
    return f"{words} {timeframe_in_words(result.timeframe_months)}" if result.timeframe_months else words


def bars(trial: Trial, result: Result) -> list[Bar]:
    labels = arm_labels(trial)
    return [Bar(labels[arm], figure.value) for arm, figure in result.values.items()]


def median_lead(result: Result) -> str:
    """The sentence above a picture of medians, whose bars name each arm with its time: 'Half of the people lived
    without their cancer growing or spreading for this long or longer.'"""
    what = MEDIAN_MEANINGS[result.measure]
    return f"Half of the people lived {what + ' ' if what else ''}for this long or longer, in each group."


def rate_in_words(percent: float | None) -> str:
    return "not reported" if percent is None else natural_frequency(percent)


def side_effect_heading(rate: SideEffectRate, effect_name: str) -> str:
    if rate.effect == "serious":
        return {"serious": "Serious side effects of any kind (grade 3 or higher)",
                "grade3": "Grade 3 side effects of any kind (serious; grade 4 counted separately)"}.get(rate.severity, effect_name)
    return {"any": sentence_case(effect_name), "serious": f"Serious {effect_name} (grade 3 or higher)",
            "grade3": f"Grade 3 {effect_name}", "fatal": f"Death from {effect_name}"}[rate.severity]


def side_effect_meaning(rate: SideEffectRate, effect_name: str) -> str:
    """'had lung inflammation (... ILD ...)': the heading as a verb phrase, abbreviations kept in capitals."""
    heading = side_effect_heading(rate, effect_name)
    return f"had {heading[:1].lower()}{heading[1:]}"


def _joined(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def mid_sentence(text: str) -> str:
    """'Triple-negative' -> 'triple-negative', 'A visit' -> 'a visit' inside a sentence; 'HER2-positive' keeps its
    capitals."""
    if text[1:2].islower() or text[1:2] == " ":
        return text[:1].lower() + text[1:]
    return text


COUNTRY_NAMES = {"us": "United States", "kr": "Korea"}
LINE_NAMES = {"first": "First treatment", "maintenance": "Maintenance treatment", "later": "Later treatment"}
TOPIC_NAMES = {
    "gene-changes": "for cancer with a gene change",
    "her2-low": "for HER2-low or HER2-ultralow cancer",
    "brain": "for cancer that has spread to the brain",
    "adc": "antibody-drug conjugates",
    "pd-l1-positive": "when the cancer is PD-L1 positive",
    "no-immunotherapy": "when immunotherapy is not an option",
}


def country_name(code: str) -> str:
    return COUNTRY_NAMES[code]


def group_name(line: str, topic: str | None) -> str:
    return LINE_NAMES[line] + (f": {TOPIC_NAMES[topic]}" if topic else "")


def key_fact_value(value: float, unit: str) -> str:
    if unit == "years":
        return f"{format_number(value)} years"
    return months_in_words(value) if unit == "months" else natural_frequency(value)


def key_fact_exact(value: float, unit: str) -> str:
    """'5.4 months', '87%', '65 years': the figure as the source gives it."""
    return f"{format_number(value)}{'%' if unit == 'percent' else ' ' + unit}"


ROUTE_WORDS = {"pill": "pills by mouth", "drip": "a drip into a vein", "injection": "injections"}


def ways_given(medicine_ids: list[str], medicines: dict[str, Medicine]) -> str:
    """'pills by mouth and injections': how an option is given, each way once, in the order of its medicines."""
    routes = dict.fromkeys(medicines[medicine].given.route for medicine in medicine_ids)
    return _joined([ROUTE_WORDS[route] for route in routes])


def sentences(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"(?<=\.)\s+", text.strip()) if part.strip()]


def first_sentence(text: str) -> str:
    """'The first drip takes about 90 minutes.' from a longer note: the time in the chair, for a card."""
    return sentences(text)[0]


def short_label(name: str, longest: int = 30) -> str:
    """A long name without its bracketed terms, for a table row on a phone: 'lung inflammation'."""
    return name.split(" (", 1)[0] if len(name) > longest else name
