"""The phrase helpers of phrases.py in plain Korean (합니다체), under the same names, for Korean pages.

language_words.phrases_in("ko") serves these in place of phrases.py. Figures are worded by korean_numbers
("100명 중 약 12명", "약 3년 5개월(40.7개월)"); data text comes from the Korean registry (its Text dicts carry "ko").
Same rules as English: every arm named, the time frame said, the caveats next to every figure, no hazard ratios.
Where a Korean particle depends on the word before it (이/가, 은/는, 으로/로), `particle` chooses it.
"""
from __future__ import annotations

import re

from .korean_numbers import (CAVEAT_WORDS_KO, LONGER_THAN_MIDDLE_KO, MEDIAN_MEANINGS_KO, figure_frequency_ko,
                             frequency_word_ko, key_fact_value_ko, months_in_words_ko, months_with_exact_ko,
                             natural_frequency_ko, result_sentence_ko, timeframe_in_words_ko)
from .charts import Bar
from .languages import KOREAN, text_in
from .models import MEDIAN_MEASURES, Figure, Medicine, Result, SideEffectRate, Trial
from .numbers import format_number
from .phrases import SHOWN_ANALYSES, caveat_words, labelled, short_caveats
from .phrases import bars as bars_named
from .ui_strings import ui_text

# numbers.py under its English names (language_words.numbers_in serves this module for Korean pages too).
natural_frequency = natural_frequency_ko
figure_frequency = figure_frequency_ko
months_in_words = months_in_words_ko
months_with_exact = months_with_exact_ko
timeframe_in_words = timeframe_in_words_ko
frequency_word = frequency_word_ko
key_fact_value = key_fact_value_ko
CAVEAT_WORDS = CAVEAT_WORDS_KO
MEDIAN_MEANINGS = MEDIAN_MEANINGS_KO

HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3
RIEUL_FINAL = 8  # the final consonant ㄹ takes 로, like a syllable without one
# How a Latin letter or a digit is read, for its particle: letters and digits whose Korean reading ends in a
# consonant (L 엘, M 엠, N 엔, R 알; 0 영, 1 일, 3 삼, 6 육, 7 칠, 8 팔, 10 십) and which of those is ㄹ.
FINAL_CONSONANT_LATIN = {"l": "ㄹ", "m": "ㅁ", "n": "ㄴ", "r": "ㄹ", "0": "ㅇ", "1": "ㄹ", "3": "ㅁ", "6": "ㄱ", "7": "ㄹ",
                         "8": "ㄹ"}


def _final_consonant(word: str) -> str | None:
    """The final consonant of the word's last sound ('ㄹ', another, or '' for none); None when unknown. Brackets
    at the end are skipped: a particle goes with the word before '(…)'."""
    bare = re.sub(r"\s*\([^()]*\)\s*$", "", word.strip()) or word.strip()
    for char in reversed(bare):
        code = ord(char)
        if HANGUL_FIRST <= code <= HANGUL_LAST:
            final = (code - HANGUL_FIRST) % 28
            return "" if final == 0 else "ㄹ" if final == RIEUL_FINAL else "ㅇ"
        if char.isalnum():
            return FINAL_CONSONANT_LATIN.get(char.lower(), "")
    return None


def particle(word: str, after_consonant: str, after_vowel: str) -> str:
    """The word with the particle that fits its last sound: particle('폐렴', '이', '가') -> '폐렴이'.
    For 으로/로, ㄹ counts as a vowel: particle('설사', '으로', '로') -> '설사로'."""
    final = _final_consonant(word)
    if final is None:
        return f"{word}{after_consonant}"
    if final == "" or (after_consonant == "으로" and final == "ㄹ"):
        return f"{word}{after_vowel}"
    return f"{word}{after_consonant}"


def _ko(text: dict[str, str]) -> str:
    return text_in(text, KOREAN)


def arm_labels(trial: Trial) -> dict[str, str]:
    return {arm.id: _ko(arm.label) for arm in trial.arms}


SHORT_MEDIAN_MEANINGS = {
    "pfs_median": "암이 자라거나 퍼지지 않고 다음 기간 이상 지냈습니다",
    "os_median": "다음 기간 이상 살았습니다",
    "brain_pfs_median": "뇌의 암이 자라지 않고 다음 기간 이상 지냈습니다",
}


def result_sentence(trial: Trial, result: Result, short: bool = False) -> str:
    """phrases.result_sentence in Korean: every arm, then the caveats."""
    if short and result.measure in MEDIAN_MEASURES:
        return f"{_short_median_sentence(trial, result)} ({caveat_sentence(trial, result, short=True)})"
    return f"{_bare_result_sentence(trial, result)} {caveat_sentence(trial, result)}"


def _short_median_sentence(trial: Trial, result: Result) -> str:
    labels = arm_labels(trial)
    arms = "; ".join(f"{labels[arm]} 군 {months_with_exact_ko(figure.value)}" for arm, figure in result.values.items())
    longer = f" {LONGER_THAN_MIDDLE_KO}" if result.measure == "os_median" else ""
    return f"절반의 사람이 {SHORT_MEDIAN_MEANINGS[result.measure]}: {arms}.{longer}"


def figures_sentence(trial: Trial, result: Result) -> str:
    return _bare_result_sentence(trial, result)


def _bare_result_sentence(trial: Trial, result: Result) -> str:
    labels = arm_labels(trial)
    return result_sentence_ko(result.measure, result.timeframe_months,
                              [(labels[arm], figure) for arm, figure in result.values.items()])


ANALYSIS_WORDS = {
    "primary": "주 분석",
    "interim": "중간 분석",
    "updated": "업데이트된 분석",
    "final": "최종 분석",
    "long_term": "장기 추적 결과",
    "exploratory": "탐색적 분석",
    "post_hoc": "연구가 끝난 뒤에 정한 분석(사후 분석)",
}


def caveat_sentence(trial: Trial, result: Result | None = None, short: bool = False) -> str:
    """'DESTINY-Breast09 연구(중간 분석)의 결과이며, 주의할 점이 있습니다: …; ….' Short (print): 'DESTINY-Breast09: …; …'."""
    shown = result and result.analysis in SHOWN_ANALYSES
    words = caveat_words(trial, result, CAVEAT_WORDS_KO)
    if short:
        return short_caveats(trial, words)
    analysis = f"({ANALYSIS_WORDS[result.analysis]})" if shown else ""
    # One sentence with the study's name, so studies with the same caveats do not repeat a sentence on a page.
    if words:
        return f"{trial.name} 연구{analysis}의 결과이며, 주의할 점이 있습니다: {'; '.join(words)}."
    return f"{trial.name} 연구{analysis}의 결과입니다."


def caveat_note(trial: Trial) -> str:
    words = caveat_words(trial, None, CAVEAT_WORDS_KO)
    return f"참고: {'; '.join(words)}." if words else ""


def analysis_words(analysis: str) -> str:
    return ANALYSIS_WORDS[analysis]


def exact_figures(trial: Trial, values: dict[str, Figure], unit: str) -> str:
    labels = arm_labels(trial)
    return "; ".join(f"{labels[arm]} {format_number(figure.value)}{unit}" for arm, figure in values.items())


def result_unit(result: Result) -> str:
    return "개월" if result.measure in MEDIAN_MEASURES else "%"


MEASURE_NAMES = {
    "pfs_median": "암이 자라거나 퍼지지 않은 기간의 중앙값",
    "os_median": "생존기간 중앙값",
    "pfs_rate": "암이 자라거나 퍼지지 않고 살아 있음",
    "os_rate": "살아 있음",
    "response_rate": "암이 줄어듦",
    "complete_response": "검사에서 암이 보이지 않음",
    "brain_pfs_median": "뇌의 암이 자라지 않은 기간의 중앙값",
    "brain_response_rate": "뇌의 암이 줄어듦",
}


def measure_name(result: Result) -> str:
    """'2년 후 살아 있음': the time frame first, as Korean says it."""
    name = MEASURE_NAMES[result.measure]
    return f"{timeframe_in_words_ko(result.timeframe_months)} {name}" if result.timeframe_months else name


def result_label(trial: Trial, result: Result) -> str:
    return labelled(trial, result, measure_name(result), _ko(result.note) if result.note else None)


# What a rate counts, as a noun phrase: pictures say '색칠한 사람: 2년 후 살아 있음' (a rate's name says just that).
RATE_MEANINGS = {measure: name for measure, name in MEASURE_NAMES.items() if measure not in MEDIAN_MEASURES}


def rate_meaning(result: Result, singular: bool = False) -> str:
    return measure_name(result)


def bars(trial: Trial, result: Result) -> list[Bar]:
    return bars_named(trial, result, arm_labels(trial))


def median_lead(result: Result) -> str:
    what = MEDIAN_MEANINGS_KO[result.measure]
    return f"각 군에서 절반의 사람이 {what + ' ' if what else ''}이 기간 이상 살았습니다."


NOT_IN_SOURCES = "자료에 없음"


def rate_cell(rate: SideEffectRate, arm: str) -> str:
    if arm in rate.values:
        return figure_frequency_ko(rate.values[arm])
    if arm in rate.not_reported:
        return _ko(rate.not_reported[arm])
    return NOT_IN_SOURCES


SEVERITY_WORDS = {
    "any": "모든 등급",
    "grade3_plus": "3등급 이상",
    "grade3": "3등급만; 4등급은 따로 셈",
    "grade3_4": "3등급과 4등급",
    "fatal": "",
}
COUNTED_WORDS = {
    "all_causes": "",
    "treatment_related": "치료 때문으로 생각되는",
    "adjudicated_drug_related": "전문가가 약 때문이라고 판정한",
    "serious_adverse_events": "",
}
SERIOUS_ADVERSE_EVENTS = "중대한 이상반응(입원 치료가 필요했거나 생명을 위협한 부작용)"
DEATHS_ENDING = " 사망"


def side_effect_heading(rate: SideEffectRate, effect_name: str) -> str:
    """phrases.side_effect_heading in Korean: '치료 때문으로 생각되는 설사(3등급 이상)', '폐렴으로 인한 사망'."""
    counted = COUNTED_WORDS[rate.counts]
    counted = f"{counted} " if counted else ""
    if rate.counts == "serious_adverse_events":
        return SERIOUS_ADVERSE_EVENTS
    if rate.severity == "fatal":
        return f"{counted}{particle(effect_name, '으로', '로')} 인한{DEATHS_ENDING}"
    if rate.effect == "stopped-treatment":
        return effect_name
    name = "모든 종류의 심한 부작용" if rate.effect == "serious" and rate.severity != "any" else effect_name
    return f"{counted}{name}({SEVERITY_WORDS[rate.severity]})"


def table_cell(rate: SideEffectRate, arm: str, column: str) -> str:
    cell = rate_cell(rate, arm)
    if column == "serious" and rate.severity != "grade3_plus" and cell != NOT_IN_SOURCES:
        cell += f" ({SEVERITY_WORDS[rate.severity]})"
    return cell


def how_counted(rate: SideEffectRate, trial: Trial) -> str:
    counted = COUNTED_WORDS[rate.counts] + (" 경우" if COUNTED_WORDS[rate.counts] else "") or "원인과 관계없이 모든 경우"
    analysis = f"({ANALYSIS_WORDS[rate.analysis]})" if rate.analysis else ""
    return f"{counted}{analysis}"


def rated_side_effect(rate: SideEffectRate, effect_name: str, figure: Figure, trial_name: str) -> str:
    """'폐렴: 흔함(DESTINY-Breast09에서 100명 중 약 12명)'."""
    return f"{effect_name}: {frequency_word_ko(figure.value, figure.less_than)}({trial_name}에서 {figure_frequency_ko(figure)})"


def side_effect_meaning(rate: SideEffectRate, effect_name: str) -> str:
    """What the filled figures had, as a noun phrase: '설사(모든 등급) 있음', '폐렴으로 인한 사망'."""
    heading = side_effect_heading(rate, effect_name)
    return heading if heading.endswith(DEATHS_ENDING) else f"{heading} 있음"


def joined(items: list[str]) -> str:
    """'가, 나, 다': a comma between items (와/과 and 및 change with the words; a comma never does)."""
    return ", ".join(items)


def country_name(code: str) -> str:
    return ui_text(f"country.{code}", KOREAN)


LINE_NAMES = {"first": "첫 치료", "maintenance": "유지 치료", "later": "이후 치료"}
TOPIC_NAMES = {
    "gene-changes": "유전자 변이가 있는 암",
    "her2-low": "HER2 저발현 또는 HER2 초저발현 암",
    "brain": "뇌로 퍼진 암",
    "adc": "항체-약물 접합체",
    "pd-l1-positive": "PD-L1 양성인 암",
    "no-immunotherapy": "면역항암제를 쓸 수 없을 때",
    "after-cdk46": "CDK4/6 억제제 치료 뒤",
    "esr1": "ESR1 변이가 있는 암",
    "pik3ca-akt": "PIK3CA, AKT1 또는 PTEN 변이가 있는 암",
}


def group_name(line: str, topic: str | None) -> str:
    return LINE_NAMES[line] + (f": {TOPIC_NAMES[topic]}" if topic else "")


def indications_in_words(indications: list, subtypes: dict) -> str:
    """'HER2 양성 암, 첫 치료 또는 이후 치료; …'."""
    lines_by_subtype: dict[str, list[str]] = {}
    for indication in indications:
        lines_by_subtype.setdefault(indication.subtype, []).append(LINE_NAMES[indication.line])
    return "; ".join(f"{_ko(subtypes[subtype].short_name)} 암, {' 또는 '.join(lines)}"
                     for subtype, lines in lines_by_subtype.items())


# Years are ages (65세) or times (4년): the Korean key-fact text writes the unit, so the exact figure is bare.
KEY_FACT_UNITS = {"percent": "%", "months": "개월", "years": ""}


def key_fact_exact(value: float, unit: str) -> str:
    """'5.4개월', '87%', '65': the figure as the source gives it."""
    return f"{format_number(value)}{KEY_FACT_UNITS[unit]}"


ROUTE_WORDS = {"pill": "먹는 약", "drip": "정맥 주사(링거)", "injection": "주사"}


def ways_given(medicine_ids: list[str], medicines: dict[str, Medicine]) -> str:
    routes = dict.fromkeys(medicines[medicine].given.route for medicine in medicine_ids)
    return joined([ROUTE_WORDS[route] for route in routes])
