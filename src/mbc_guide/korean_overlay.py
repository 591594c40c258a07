"""The Korean overlay: Korean text for every reader-facing string in data/, kept in data/ko/<file>.yaml by id.

Each overlay item names an entry (`id`; in reviews.yaml, whose entries have none, the page), a reader-facing string
in it (`field`, e.g. `questions[2]`, `arms[tdxd-pertuzumab].label`), the Korean text (`ko`) and the fingerprint of
the English it was translated from (`from_english`). The parity check reports, one located line each:
- a string without Korean text: `data/ko/treatments.yaml:LINE: id.field: missing Korean text`;
- Korean text whose English changed since: `...: Korean text out of date (English changed since translation)`;
- an item whose id or field names no English string, a field translated twice, Korean written inside data/.
It is a report (`mbc-guide ko-status`); the English build does not read it.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, Field

from .errors import DataError
from .loading import Located, _load_file
from .models import DATA_FILES, LANGUAGES, PlainText, Strict
from .registry import Registry
from .yaml_source import line_of

OVERLAY_FOLDER = "ko"
# Files without reader-facing words to translate: the evidence record (read by the team).
UNTRANSLATED_FILES = ("evidence",)
TRANSLATED_FILES = tuple(name for name in DATA_FILES if name not in UNTRANSLATED_FILES)
# Plain-text fields readers see as words (most reader-facing strings are `Text`, found by their shape); a page's
# reviewer is named in its review line, so a Korean page names the reviewer in Korean.
TRANSLATED_PLAIN_FIELDS = {"glossary": ("term",), "trials": ("name",), "sources": ("read_in",),
                           "reviews": ("reviewed_by",)}
FINGERPRINT_LENGTH = 12


def english_fingerprint(text: str) -> str:
    """The first 12 hex digits of the English text's SHA-256: any change to the words changes it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def _quoted(value: object) -> object:
    # YAML reads an all-digit fingerprint as a number (and drops leading zeros): it must be quoted.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError("write the fingerprint in quotes, as ko-status prints it: from_english: '...'")
    return value


Fingerprint = Annotated[str, BeforeValidator(_quoted), Field(pattern=rf"^[0-9a-f]{{{FINGERPRINT_LENGTH}}}$",
                        description="english_fingerprint() of the English text translated, in quotes")]


def _korean_written(value: str) -> str:
    if not value.strip():
        raise ValueError("Korean text is empty; write it, or leave the item out until it is translated")
    return value


# An entry's id, or for reviews.yaml (whose entries are named by their page) the page: handouts/her2-positive.md.
EntryKey = Annotated[str, Field(pattern=r"^([a-z0-9]+(-[a-z0-9]+)*|[\w.-]+(/[\w.-]+)*\.md)$",
                                description="the entry's id in the English data file (reviews.yaml: its page)")]


class KoreanText(Strict):
    """One translated string: which entry and field, the Korean, and the English it was translated from."""

    id: EntryKey
    field: str = Field(pattern=r"^[a-z_]+(\[[a-z0-9-]+\]|\.[a-z_]+)*$",
                       description="the string's place in the entry: name, questions[2], arms[arm-id].label")
    from_english: Fingerprint
    ko: Annotated[PlainText, AfterValidator(_korean_written)]


@dataclass(frozen=True)
class EnglishText:
    kind: str
    entry_id: str
    field: str
    text: str
    path: str
    line: int | None

    @property
    def key(self) -> tuple[str, str]:
        return self.entry_id, self.field

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass
class FileStatus:
    strings: int = 0
    translated: int = 0
    missing: int = 0
    out_of_date: int = 0


@dataclass
class ParityReport:
    files: dict[str, FileStatus] = field(default_factory=dict)
    # Missing and stale strings: the work left for translators.
    gaps: list[DataError] = field(default_factory=list)
    # Overlay files that are wrong in themselves (unreadable, unknown ids or fields, Korean inside data/).
    errors: list[DataError] = field(default_factory=list)


def english_texts(registry: Registry) -> Iterator[EnglishText]:
    """Every reader-facing English string in data/, with its place in the entry and its line."""
    for kind in TRANSLATED_FILES:
        for entry_id, entry in getattr(registry, kind).items():
            located = registry.located[(kind, entry_id)]
            plain_fields = TRANSLATED_PLAIN_FIELDS.get(kind, ())
            for name, location, text in _strings_in(entry, "", (), plain_fields):
                yield EnglishText(kind, entry_id, name, text, located.shown, line_of(located.node, location))


def korean_inside_data(registry: Registry) -> Iterator[DataError]:
    """Korean belongs in the overlay, where its English fingerprint is kept; `ko:` beside the English has none."""
    for kind in TRANSLATED_FILES:
        for entry_id, entry in getattr(registry, kind).items():
            located = registry.located[(kind, entry_id)]
            for name, location, value in _text_values(entry, "", ()):
                if "ko" in value:
                    yield DataError(located.shown, line_of(located.node, location), f"{entry_id}.{name}",
                                    f"Korean text belongs in data/{OVERLAY_FOLDER}/{kind}.yaml with from_english: "
                                    f"'{english_fingerprint(value['en'])}', not beside the English")


def _is_text(value: Any) -> bool:
    return (isinstance(value, dict) and "en" in value and set(value) <= set(LANGUAGES)
            and all(isinstance(v, str) for v in value.values()))


def _text_values(value: Any, name: str, location: tuple[Any, ...]) -> Iterator[tuple[str, tuple[Any, ...], dict]]:
    """(field, YAML location, Text) for every `Text` in a value: list items with an id are named by it, so
    Korean stays with its item when items are added or moved."""
    if _is_text(value):
        yield name, location, value
    elif isinstance(value, BaseModel):
        for child in type(value).model_fields:
            yield from _text_values(getattr(value, child), f"{name}.{child}" if name else child, (*location, child))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            item_id = getattr(item, "id", None) if isinstance(item, BaseModel) else None
            yield from _text_values(item, f"{name}[{item_id or index}]", (*location, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _text_values(item, f"{name}[{key}]", (*location, key))


def _strings_in(entry: BaseModel, name: str, location: tuple[Any, ...],
                plain_fields: tuple[str, ...]) -> Iterator[tuple[str, tuple[Any, ...], str]]:
    for field_name in plain_fields:
        text = getattr(entry, field_name)
        if text:
            yield field_name, (field_name,), text
    for text_name, text_location, value in _text_values(entry, name, location):
        yield text_name, text_location, value["en"]


def load_overlay(data_dir: Path, kind: str, data_prefix: str = "data") -> tuple[list[Located], list[DataError], int]:
    """The file's items, its errors, and its last line (where a new item goes)."""
    path = data_dir / OVERLAY_FOLDER / f"{kind}.yaml"
    shown = f"{data_prefix}/{OVERLAY_FOLDER}/{kind}.yaml"
    if not path.is_file():
        return [], [DataError(shown, None, "", f"file is missing; every string of {data_prefix}/{kind}.yaml "
                                               f"needs its Korean text here (start it with [])")], 1
    items, errors, _ = _load_file(path, shown, KoreanText)
    return items, errors, max(1, len(path.read_text(encoding="utf-8").splitlines()))


def check_parity(registry: Registry, data_dir: Path, data_prefix: str = "data") -> ParityReport:
    """Compare every English string with its Korean overlay item."""
    report = ParityReport()
    english_by_kind: dict[str, dict[tuple[str, str], EnglishText]] = {kind: {} for kind in TRANSLATED_FILES}
    for english in english_texts(registry):
        english_by_kind[english.kind][english.key] = english
    report.errors.extend(korean_inside_data(registry))
    for kind in TRANSLATED_FILES:
        items, errors, last_line = load_overlay(data_dir, kind, data_prefix)
        report.errors.extend(errors)
        report.files[kind] = _compare(english_by_kind[kind], items, report, last_line)
    return report


def _compare(english: dict[tuple[str, str], EnglishText], items: list[Located], report: ParityReport,
             end_line: int) -> FileStatus:
    status = FileStatus(strings=len(english))
    translated: dict[tuple[str, str], Located] = {}
    first_line_of_id: dict[str, int] = {}
    for item in items:
        korean: KoreanText = item.entry  # type: ignore[assignment]
        key = (korean.id, korean.field)
        label = f"{korean.id}.{korean.field}"
        first_line_of_id.setdefault(korean.id, item.node.line)
        if key in translated:
            report.errors.append(item.error(("field",), label, f"translated twice; the first is on line "
                                                               f"{translated[key].node.line}"))
        elif key not in english:
            known_id = any(entry_id == korean.id for entry_id, _ in english)
            what = f"no string {korean.field!r} in {korean.id!r}" if known_id else f"no entry with id {korean.id!r}"
            report.errors.append(item.error(("id",) if not known_id else ("field",), label,
                                            f"{what} in the English data; remove the item or fix its id or field"))
        else:
            translated[key] = item
            source = english[key]
            report.errors.extend(_figures_kept(item, label, source.text, korean.ko))
            if korean.from_english != english_fingerprint(source.text):
                status.out_of_date += 1
                report.gaps.append(item.error(("from_english",), label,
                                              f"Korean text out of date (English changed since translation; English "
                                              f"at {source.where}, now from_english: '{english_fingerprint(source.text)}')"))
            else:
                status.translated += 1
    shown = items[0].shown if items else None
    for key, source in english.items():
        if key in translated:
            continue
        status.missing += 1
        path = shown or f"{Path(source.path).parent}/{OVERLAY_FOLDER}/{Path(source.path).name}"
        # The line where the Korean goes: beside the entry's other translated strings, else at the end.
        line = first_line_of_id.get(source.entry_id, end_line)
        report.gaps.append(DataError(path, line, f"{source.entry_id}.{source.field}",
                                     f"missing Korean text (English at {source.where}, "
                                     f"from_english: '{english_fingerprint(source.text)}')"))
    return status


FIGURE = re.compile(r"\d+(?:[.,]\d+)?")


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
# A month followed by a day or a year ("May 2026", "June 1"): "May" alone is as often the verb.
MONTH_DATE = re.compile(rf"\b({'|'.join(MONTHS)}) (?=\d)")
# "one" is left out: it is as often a pronoun ("no one") as a count.
COUNT_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
WORD = re.compile(r"[a-z]+")


def _numbers_in_words(english: str) -> set[str]:
    """Numbers the English writes as words: Korean writes a month as a number (May 2026 is 2026년 5월) and may
    write a count in digits (two kinds: 2가지); neither is a new figure."""
    months = {str(MONTHS.index(name) + 1) for name in MONTH_DATE.findall(english)}
    words = set(WORD.findall(english.lower()))
    return months | {str(number) for number, name in enumerate(COUNT_WORDS, 2) if name in words}


def _figures_kept(item: Located, label: str, english: str, korean: str) -> Iterator[DataError]:
    """A translation never brings a number of its own (figures come from data with their source), and keeps the
    {value} slot where data puts the number."""
    if "{value}" in english and "{value}" not in korean:
        yield item.error(("ko",), label, "the Korean text needs {value} where the number goes, as the English has")
    extra = sorted(set(FIGURE.findall(korean)) - set(FIGURE.findall(english)) - _numbers_in_words(english))
    if extra:
        yield item.error(("ko",), label, f"the number {extra[0]} is not in the English text; figures come from "
                                         "data with their source, never from a translation")


def status_table(report: ParityReport) -> str:
    """Counts per file, for `mbc-guide ko-status`."""
    rows = [f"{'file':<26}{'strings':>8}{'Korean':>8}{'missing':>9}{'out of date':>13}"]
    total = FileStatus()
    for kind, counts in report.files.items():
        rows.append(f"{f'data/{OVERLAY_FOLDER}/{kind}.yaml':<26}{counts.strings:>8}{counts.translated:>8}"
                    f"{counts.missing:>9}{counts.out_of_date:>13}")
        total.strings += counts.strings
        total.translated += counts.translated
        total.missing += counts.missing
        total.out_of_date += counts.out_of_date
    rows.append(f"{'all':<26}{total.strings:>8}{total.translated:>8}{total.missing:>9}{total.out_of_date:>13}")
    return "\n".join(rows)
