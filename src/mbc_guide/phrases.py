"""Trial results as plain-language sentences that always name every arm and the time frame."""
from __future__ import annotations

import re
import unicodedata

from .charts import Bar
from .models import MEDIAN_MEASURES, Figure, Medicine, Result, SideEffectRate, Trial
from .numbers import format_number, months_in_words, natural_frequency, timeframe_in_words


def arm_labels(trial: Trial) -> dict[str, str]:
    return {arm.id: arm.label["en"] for arm in trial.arms}


def result_sentence(trial: Trial, result: Result, short: bool = False) -> str:
    """The result in words for every arm, always followed by its caveats: no component can show one without them.
    `short` is the compact form for print (handouts), with the same figures, time frame and caveats."""
    if short and result.measure in MEDIAN_MEASURES:
        return f"{_short_median_sentence(trial, result)} ({caveat_sentence(trial, result, short=True)})"
    return f"{_bare_result_sentence(trial, result)} {caveat_sentence(trial, result)}"


def _short_median_sentence(trial: Trial, result: Result) -> str:
    labels = arm_labels(trial)
    arms = "; ".join(f"{months_with_exact(figure.value)} on {labels[arm]}" for arm, figure in result.values.items())
    longer = " Many people live longer than this middle value." if result.measure == "os_median" else ""
    return f"Half of the people {SHORT_MEDIAN_MEANINGS[result.measure]} for at least: {arms}.{longer}"


SHORT_MEDIAN_MEANINGS = {
    "pfs_median": "had no growth or spread of the cancer",
    "os_median": "lived",
    "brain_pfs_median": "had no growth of the cancer in the brain",
}


def figures_sentence(trial: Trial, result: Result) -> str:
    """The figures for every arm, for a place whose figure caption right below carries the caveats
    (a trial card's result, a chart's text alternative)."""
    return _bare_result_sentence(trial, result)


def _bare_result_sentence(trial: Trial, result: Result) -> str:
    labels = arm_labels(trial)
    parts = [(labels[arm], figure) for arm, figure in result.values.items()]
    first_label, first = parts[0]
    others = parts[1:]
    measure = result.measure
    if measure in MEDIAN_MEASURES:
        what = MEDIAN_MEANINGS[measure]
        sentence = (f"Half of the people on {first_label} lived {what + ' ' if what else ''}for "
                    f"{months_with_exact(first.value)} or longer.")
        for label, figure in others:
            sentence += f" On {label}, this was {months_with_exact(figure.value)}."
        if measure == "os_median":
            sentence += " Many people live longer than this middle value."
        return sentence
    frequencies = joined([f"{figure_frequency(figure)} on {label}" for label, figure in parts])
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


def months_with_exact(months: float) -> str:
    """'about 3 years and 5 months (40.7 months)'; '11 months', never '11 months (11 months)'."""
    words = months_in_words(months)
    exact = f"{format_number(months)} months"
    return words if words == exact else f"{words} ({exact})"


def figure_frequency(figure: Figure) -> str:
    """'about 12 out of 100 people'; a figure the source gives only as '<1%' reads 'fewer than 1 out of 100 people'."""
    if figure.less_than:
        return f"fewer than {format_number(figure.value)} out of 100 people"
    return natural_frequency(figure.value)


# Caveat kinds (showing-numbers rule 12) in the words readers see next to every figure.
CAVEAT_WORDS = {
    "interim": "early result (interim), may change",
    "survival_not_known_yet": "survival not known yet",
    "exploratory": "small or exploratory group, less certain",
    "post_hoc": "group chosen after the study (post hoc), less certain",
    "press_release": "press release only, not a full publication",
    "conference_only": "conference only, not yet in a journal",
    "open_label": "open-label: people knew their treatment",
    "may_be_chance": "the difference may be due to chance",
}
ANALYSIS_WORDS = {
    "primary": "main analysis",
    "interim": "early (interim) analysis",
    "updated": "updated analysis",
    "final": "final analysis",
    "long_term": "long-term update",
    "exploratory": "exploratory analysis",
    "post_hoc": "analysis chosen after the study (post hoc)",
}


SHOWN_ANALYSES = ("primary", "updated", "final", "long_term")


def caveat_kinds(trial: Trial, result: Result | None = None) -> list[str]:
    """Every caveat a figure of this study (and result) carries, derived from required fields."""
    analysis = result.analysis if result else None
    kinds = []
    if trial.status == "interim" or analysis == "interim":
        kinds.append("interim")
    if trial.overall_survival == "not_known_yet" and trial.kind not in ("single_arm", "pooled"):
        kinds.append("survival_not_known_yet")
    if trial.kind == "subgroup" or analysis == "exploratory":
        kinds.append("exploratory")
    if analysis == "post_hoc":
        kinds.append("post_hoc")
    if trial.open_label:
        kinds.append("open_label")
    kinds += [kind for kind in (result.caveats if result else []) if kind not in kinds]
    return kinds


def caveat_sentence(trial: Trial, result: Result | None = None, short: bool = False) -> str:
    """'From the DESTINY-Breast09 study: early result (interim), may change; survival not known yet.'
    Short (for print): 'DESTINY-Breast09: early result (interim), may change; survival not known yet'."""
    # Interim, exploratory and post hoc looks are named by their caveat words instead.
    shown = result and result.analysis in SHOWN_ANALYSES
    words = caveat_words(trial, result)
    if short:
        return short_caveats(trial, words)
    analysis = f" ({ANALYSIS_WORDS[result.analysis]})" if shown else ""
    return f"From the {trial.name} study{analysis}" + (f": {'; '.join(words)}." if words else ".")


def caveat_words(trial: Trial, result: Result | None = None, table: dict[str, str] | None = None) -> list[str]:
    """The caveats of a study (and result) in a language's words (`table`: English unless given)."""
    return [(table or CAVEAT_WORDS)[kind] for kind in caveat_kinds(trial, result)]


def short_caveats(trial: Trial, words: list[str]) -> str:
    """'DESTINY-Breast09: early result (interim), may change': for print, in every language."""
    return trial.name + (f": {'; '.join(words)}" if words else "")


def caveat_note(trial: Trial) -> str:
    """'Keep in mind: survival is not known yet.' for a table row of a study, or '' when nothing applies."""
    words = caveat_words(trial)
    return f"Keep in mind: {'; '.join(words)}." if words else ""


def analysis_words(analysis: str) -> str:
    return ANALYSIS_WORDS[analysis]


def frequency_band(percent: float, less_than: bool = False) -> str:
    """Leaflet convention (CIOMS / EU; showing-numbers rule 11): very common > 10 %, common 1-10 %,
    uncommon 0.1-1 %, rare below 0.1 %. Each language words the band (FREQUENCY_WORDS, korean_numbers)."""
    if less_than and percent <= 1:
        return "uncommon_or_rare"
    if percent > 10:
        return "very_common"
    if percent >= 1:
        return "common"
    if percent >= 0.1:
        return "uncommon"
    return "rare" if percent > 0 else "none_seen"


FREQUENCY_WORDS = {
    "very_common": "very common",
    "common": "common",
    "uncommon": "uncommon",
    "uncommon_or_rare": "uncommon or rare",
    "rare": "rare",
    "none_seen": "none seen",
}


def frequency_word(percent: float, less_than: bool = False) -> str:
    return FREQUENCY_WORDS[frequency_band(percent, less_than)]


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
    return labelled(trial, result, measure_name(result), result.note["en"] if result.note else None)


def labelled(trial: Trial, result: Result, name: str, note: str | None) -> str:
    """The result's name, and the first sentence of its note (in the page's language) where the name alone would
    not tell it from another result of the same measure."""
    if note and sum(other.measure == result.measure for other in trial.results) > 1:
        return f"{name}, {mid_sentence(first_sentence(note)).rstrip('.')}"
    return name


def rate_meaning(result: Result, singular: bool = False) -> str:
    plural_words, singular_words = RATE_MEANINGS[result.measure]
    words = singular_words if singular else plural_words
    return f"{words} {timeframe_in_words(result.timeframe_months)}" if result.timeframe_months else words


def bars(trial: Trial, result: Result, labels: dict[str, str] | None = None) -> list[Bar]:
    """A bar per arm, named by its label (English unless `labels` gives the page's language)."""
    labels = labels or arm_labels(trial)
    return [Bar(labels[arm], figure.value) for arm, figure in result.values.items()]


def median_lead(result: Result) -> str:
    """The sentence above a picture of medians, whose bars name each arm with its time: 'Half of the people lived
    without their cancer growing or spreading for this long or longer.'"""
    what = MEDIAN_MEANINGS[result.measure]
    return f"Half of the people lived {what + ' ' if what else ''}for this long or longer, in each group."


NOT_IN_SOURCES = "not in our sources"


def rate_cell(rate: SideEffectRate, arm: str) -> str:
    """One arm's rate for a table: the rate out of 100, what the evidence says where it was not reported,
    or 'not in our sources'. 'Not reported' comes only from the data (`not_reported`), never by default."""
    if arm in rate.values:
        return figure_frequency(rate.values[arm]).replace(" people", "")
    if arm in rate.not_reported:
        return rate.not_reported[arm]["en"]
    return NOT_IN_SOURCES


SEVERITY_WORDS = {
    "any": "any grade",
    "grade3_plus": "grade 3 or higher",
    "grade3": "grade 3 only; grade 4 counted apart",
    "grade3_4": "grades 3 and 4",
    "fatal": "",
}
COUNTED_WORDS = {
    "all_causes": "",
    "treatment_related": " thought to be caused by the treatment",
    "adjudicated_drug_related": " judged by experts to be caused by the medicine",
    "serious_adverse_events": "",
}


def side_effect_heading(rate: SideEffectRate, effect_name: str) -> str:
    """The row label, from what the source counted and how severe: never a generic string."""
    counted = COUNTED_WORDS[rate.counts]
    if rate.counts == "serious_adverse_events":
        return "Serious adverse events (side effects that needed hospital care or were life-threatening)"
    if rate.severity == "fatal":
        return f"Deaths from {effect_name}{counted}"
    if rate.effect == "stopped-treatment":  # not a side effect with a grade: people who stopped because of any
        return sentence_case(effect_name)
    name = "severe side effects of any kind" if rate.effect == "serious" and rate.severity != "any" else effect_name
    return f"{sentence_case(name)}{counted} ({SEVERITY_WORDS[rate.severity]})"


def table_cell(rate: SideEffectRate, arm: str, column: str) -> str:
    """A cell in a table whose column is any / grade 3 or higher / deaths: says so when the rate counts otherwise."""
    cell = rate_cell(rate, arm)
    if column == "serious" and rate.severity != "grade3_plus" and cell != NOT_IN_SOURCES:
        cell += f" ({SEVERITY_WORDS[rate.severity]})"
    return cell


def how_counted(rate: SideEffectRate, trial: Trial) -> str:
    """Where a rate comes from and what it counts: trial events, pooled label data or early studies differ."""
    counted = COUNTED_WORDS[rate.counts].strip() or "all cases, whatever the cause"
    analysis = f" ({ANALYSIS_WORDS[rate.analysis]})" if rate.analysis else ""
    return f"{counted}{analysis}"


def rated_side_effect(rate: SideEffectRate, effect_name: str, figure: Figure, trial_name: str) -> str:
    """'Lung inflammation: very common (about 12 out of 100 people in DESTINY-Breast09)'."""
    return (f"{sentence_case(effect_name)}: {frequency_word(figure.value, figure.less_than)} "
            f"({figure_frequency(figure)} in {trial_name})")


def side_effect_meaning(rate: SideEffectRate, effect_name: str) -> str:
    """'had lung inflammation (... ILD ...)': the heading as a verb phrase, abbreviations kept in capitals."""
    heading = side_effect_heading(rate, effect_name)
    if heading.startswith("Deaths from "):
        return f"died of {heading.removeprefix('Deaths from ')}"
    return f"had {heading[:1].lower()}{heading[1:]}"


def joined(items: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
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
    "after-cdk46": "after a CDK4/6 inhibitor",
    "esr1": "for cancer with an ESR1 change",
    "pik3ca-akt": "for cancer with a PIK3CA, AKT1 or PTEN change",
}


def indications_in_words(indications: list, subtypes: dict) -> str:
    """'HER2-positive cancer, first or later treatment; ...': whom an approval or coverage note is for."""
    lines_by_subtype: dict[str, list[str]] = {}
    for indication in indications:
        lines_by_subtype.setdefault(indication.subtype, []).append(LINE_WORDS[indication.line])
    return "; ".join(f"{mid_sentence(subtypes[subtype].short_name['en'])} cancer, {' or '.join(lines)} treatment"
                     for subtype, lines in lines_by_subtype.items())


LINE_WORDS = {"first": "first", "maintenance": "maintenance", "later": "later"}


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
    return joined([ROUTE_WORDS[route] for route in routes])


def sentences(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"(?<=\.)\s+", text.strip()) if part.strip()]


def first_sentence(text: str) -> str:
    """'The first drip takes about 90 minutes.' from a longer note: the time in the chair, for a card."""
    return sentences(text)[0]


def short_label(name: str, longest: int = 30) -> str:
    """A long name without its bracketed terms, for a table row on a phone: 'lung inflammation' ('폐 염증': Korean
    writes the bracket without a space)."""
    return re.split(r"\s*\(", name, maxsplit=1)[0] if display_width(name) > longest else name


def display_width(text: str) -> int:
    """How wide text is set, in Latin letters: a Hangul or other wide character takes the room of two."""
    return sum(2 if unicodedata.east_asian_width(character) in "WF" else 1 for character in text)


def run_owners(cells: list[str]) -> list[int]:
    """For each cell, the index of the first cell of its run of equal neighbours: where that answer is said."""
    owners: list[int] = []
    for index, cell in enumerate(cells):
        owners.append(owners[-1] if index and cells[index - 1] == cell else index)
    return owners


def runs(cells: list[str]) -> list[tuple[str, int]]:
    """Neighbouring table cells that say the same, as one cell and how many columns it spans: said once."""
    merged: list[tuple[str, int]] = []
    for cell in cells:
        if merged and merged[-1][0] == cell:
            merged[-1] = (cell, merged[-1][1] + 1)
        else:
            merged.append((cell, 1))
    return merged
