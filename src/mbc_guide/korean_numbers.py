"""Numbers into plain Korean: the Korean counterparts of numbers.py and the number phrases of phrases.py.

Same rounding as English (numbers.py): whole people out of 100 with halves rounded up, "약" ("about") when
rounded, and "100명 중 1명 미만" for a rate above 0 and below 1 %. Months: "약 3년 5개월(40.7개월)".

Frequency words follow the rate by the same bands as English (phrases.frequency_band). The Korean words are the
ones Korean drug labels use for the CIOMS bands: 매우 흔하게 (very common), 흔하게 (common), 때때로 (uncommon),
드물게 (rare), as described in 데일리팜, "[모연화의 관점] 홍조·두통이 '흔하게 발생'은 과연 몇 %?(7)", 2022-11-09,
https://www.dailypharm.com/user/news/35047 (found with the search tool's pages corpus). The CIOMS bands themselves
are evidence entry convention-cioms-iii-frequency-categories. Here they are written as labels (…함/…로/…묾).

No hazard ratios: results are said as counts out of 100 and times for every group, like the English.
Arm labels come in already in Korean (from the Korean overlay, data/ko/).
"""
from __future__ import annotations

from .models import Figure
from .numbers import format_number, is_fewer_than_one, round_half_up, rounded_people, years_and_months
from .phrases import frequency_band


def natural_frequency_ko(percent: float) -> str:
    """'100명 중 약 70명'; '100명 중 70명' when exact; '100명 중 1명 미만' below 1 %."""
    if is_fewer_than_one(percent):
        return "100명 중 1명 미만"
    count, exact = rounded_people(percent)
    return f"100명 중 {'' if exact else '약 '}{count}명"


def figure_frequency_ko(figure: Figure) -> str:
    """A figure the source gives only as '<N%' reads '100명 중 N명 미만'."""
    if figure.less_than:
        return f"100명 중 {format_number(figure.value)}명 미만"
    return natural_frequency_ko(figure.value)


def months_in_words_ko(months: float) -> str:
    """'약 3년 5개월' for 40.7; '약 6개월' for 5.6; '1년' for 12."""
    years, rest, exact = years_and_months(months)
    approx = "" if exact else "약 "
    if years == 0:
        return f"{approx}{rest}개월"
    if rest == 0:
        return f"{approx}{years}년"
    return f"{approx}{years}년 {rest}개월"


def months_with_exact_ko(months: float) -> str:
    """'약 3년 5개월(40.7개월)'; '11개월', never '11개월(11개월)'."""
    words = months_in_words_ko(months)
    exact = f"{format_number(months)}개월"
    return words if words == exact else f"{words}({exact})"


def timeframe_in_words_ko(months: float) -> str:
    """'2년 후', '18개월 후'."""
    whole = round_half_up(months)
    if whole % 12 == 0:
        return f"{whole // 12}년 후"
    return f"{whole}개월 후"


# The English bands (phrases.frequency_band) in the words of Korean drug labels (see the module's note).
FREQUENCY_WORDS_KO = {
    "very_common": "매우 흔함",
    "common": "흔함",
    "uncommon": "때때로",
    "uncommon_or_rare": "때때로 또는 드묾",
    "rare": "드묾",
    "none_seen": "관찰되지 않음",
}


def frequency_word_ko(percent: float, less_than: bool = False) -> str:
    return FREQUENCY_WORDS_KO[frequency_band(percent, less_than)]


def key_fact_value_ko(value: float, unit: str) -> str:
    """Years are ages (65세) or times (5년): Korean words them differently, so the Korean key-fact text
    writes the unit after {value} and gets the bare number here."""
    if unit == "years":
        return format_number(value)
    return months_in_words_ko(value) if unit == "months" else natural_frequency_ko(value)


# What a median or rate measured, without hazard ratios (phrases.MEDIAN_MEANINGS, RATE_MEANINGS in Korean).
MEDIAN_MEANINGS_KO = {
    "pfs_median": "암이 자라거나 퍼지지 않고",
    "os_median": "",
    "brain_pfs_median": "뇌의 암이 자라지 않고",
}
RATE_ENDINGS_KO = {
    "pfs_rate": "암이 자라거나 퍼지지 않은 채 살아 있었습니다.",
    "os_rate": "살아 있었습니다.",
}
RESPONSE_ENDINGS_KO = {
    "response_rate": "암이 줄어들었습니다.",
    "complete_response": "검사에서 더 이상 암이 보이지 않았습니다.",
    "brain_response_rate": "뇌의 암이 줄어들었습니다.",
}
LONGER_THAN_MIDDLE_KO = "많은 사람은 이 중간값보다 더 오래 삽니다."


def result_sentence_ko(measure: str, timeframe_months: float | None, parts: list[tuple[str, Figure]]) -> str:
    """Every group's figure in one plain Korean sentence, like phrases._bare_result_sentence: `parts` are
    (Korean arm label, figure) in the study's order. Every count and time ends in 명 or 월/년, so the particles
    이 and 이었습니다 always fit."""
    if measure in MEDIAN_MEANINGS_KO:
        (first_label, first), *others = parts
        what = MEDIAN_MEANINGS_KO[measure]
        sentence = (f"{first_label} 군에서는 절반의 사람이 {what + ' ' if what else ''}"
                    f"{months_with_exact_ko(first.value)} 이상 살았습니다.")
        for label, figure in others:
            sentence += f" {label} 군에서는 이 기간이 {months_with_exact_ko(figure.value)}이었습니다."
        return sentence + (f" {LONGER_THAN_MIDDLE_KO}" if measure == "os_median" else "")
    frequencies = ", ".join(f"{label} 군에서는 {figure_frequency_ko(figure)}" for label, figure in parts)
    if measure in RATE_ENDINGS_KO:
        if timeframe_months is None:
            raise ValueError(f"a rate ({measure}) needs its time frame")
        return f"{timeframe_in_words_ko(timeframe_months)}, {frequencies}이 {RATE_ENDINGS_KO[measure]}"
    if measure in RESPONSE_ENDINGS_KO:
        return f"{frequencies}에서 {RESPONSE_ENDINGS_KO[measure]}"
    raise ValueError(f"no Korean sentence for measure {measure!r}")


# Caveat kinds (phrases.CAVEAT_WORDS) in Korean: the caveat travels with the figure in Korean too.
CAVEAT_WORDS_KO = {
    "interim": "중간 분석의 초기 결과로, 바뀔 수 있음",
    "survival_not_known_yet": "전체 생존기간은 아직 알 수 없음",
    "exploratory": "작은 집단이나 탐색적 분석으로, 덜 확실함",
    "post_hoc": "연구가 끝난 뒤에 정한 집단의 결과(사후 분석)로, 덜 확실함",
    "press_release": "보도자료뿐이며 정식 논문이 아님",
    "conference_only": "학회 발표뿐이며 아직 학술지 논문이 아님",
    "open_label": "공개 연구: 참여자가 자신이 받는 치료를 알고 있었음",
    "may_be_chance": "차이가 우연일 수 있음",
}
