"""Publication dates of sources (data/sources.yaml `published`) as Korean writes them: "29 October 2025 (online)" ->
"2025년 10월 29일(온라인)". Every year and day is kept as written; only the words and the order change."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .errors import DataError
from .languages import KOREAN
from .registry import Registry

MONTHS = {name: number for number, name in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
     "December"], start=1)}
_MONTH = "(?:" + "|".join(MONTHS) + ")"
# A date as sources print it: "2025", "November 2025", "29 October 2025".
_DATE = rf"(?:\d{{1,2}} {_MONTH} \d{{4}}|{_MONTH} \d{{4}}|\d{{4}})"

NO_DATE = "날짜 없음"
NO_DATE_FORMS = {"not stated", "date not stated", "undated"}
# Notes after a date, in brackets in the data: "(online)", "(online 1 June 2025)".
NOTES = {"online": "온라인", "event": "행사", "page last updated": "페이지 최종 수정"}
# Drug-label dates, written before the date in the data: "label revised March 2023".
LABEL_NOTES = {"label changes": "허가 정보 변경", "label revised": "허가 정보 개정", "label updated": "허가 정보 갱신"}

_DATED = re.compile(rf"(?P<date>{_DATE})(?: \((?P<note>{'|'.join(NOTES)})(?: (?P<note_date>{_DATE}))?\))?")
_LABEL = re.compile(rf"(?P<note>{'|'.join(LABEL_NOTES)}) (?P<date>{_DATE})")
_ABOUT = re.compile(r"about (?P<first>\d{4}) to (?P<last>\d{4})")

READABLE_FORMS = ("'29 October 2025', 'October 2025', '2025', any of these followed by (online), (event), "
                  "(page last updated) or (online <date>), 'label revised <date>', 'about 2019 to 2020', 'not stated'")


class UnreadableDate(ValueError):
    def __init__(self, text: str):
        super().__init__(f"the date {text!r} cannot be written in Korean; write it as one of: {READABLE_FORMS}")


def korean_date(date: str) -> str:
    """One date from _DATE: "29 October 2025" -> "2025년 10월 29일"."""
    parts = date.split(" ")
    if len(parts) == 1:
        return f"{parts[0]}년"
    if len(parts) == 2:
        return f"{parts[1]}년 {MONTHS[parts[0]]}월"
    return f"{parts[2]}년 {MONTHS[parts[1]]}월 {int(parts[0])}일"


def korean_published(text: str) -> str:
    """The Korean form of a source's `published`; UnreadableDate for a form not known here."""
    if text in NO_DATE_FORMS:
        return NO_DATE
    if dated := _DATED.fullmatch(text):
        note = dated["note"] and " ".join(filter(None, [NOTES[dated["note"]],
                                                         dated["note_date"] and korean_date(dated["note_date"])]))
        return korean_date(dated["date"]) + (f"({note})" if note else "")
    if label := _LABEL.fullmatch(text):
        return f"{korean_date(label['date'])}({LABEL_NOTES[label['note']]})"
    if about := _ABOUT.fullmatch(text):
        return f"{about['first']}~{about['last']}년경"
    raise UnreadableDate(text)


def published_in(text: str, language: str) -> str:
    """What a page in this language prints for `published`: the data's English as written, or its Korean form."""
    return korean_published(text) if language == KOREAN else text


def korean_date_problems(registry: Registry) -> Iterator[DataError]:
    """One line per source whose date the Korean edition cannot print, at its line in data/sources.yaml."""
    for source_id, source in registry.sources.items():
        try:
            korean_published(source.published)
        except UnreadableDate as problem:
            yield registry.error_at("sources", source_id, ("published",), str(problem))
