"""The Korean overlay and terms: missing and out-of-date Korean text are reported with file:line, wrong overlay
items are refused, and nothing in data/ko/ can break the English data."""
import shutil
from pathlib import Path

import pytest

from mbc_guide.cli import main
from mbc_guide.korean_overlay import FIGURE, _numbers_in_words, check_parity, english_fingerprint, english_texts
from mbc_guide.korean_terms import check_terms
from mbc_guide.registry import load_registry

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def data(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(REPO / "data", copy)
    return copy


def write_overlay(data: Path, kind: str, text: str) -> None:
    (data / "ko" / f"{kind}.yaml").write_text(text, encoding="utf-8")


def line_with(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def parity(data: Path):
    return check_parity(load_registry(data), data)


def messages(errors) -> list[str]:
    return [str(error) for error in errors]


def test_a_missing_korean_string_is_reported_with_file_and_line(data):
    write_overlay(data, "subtypes", "# nothing translated yet\n[]\n")
    gaps = messages(parity(data).gaps)
    english_line = line_with(data / "subtypes.yaml", "name: HER2-positive metastatic breast cancer")
    fingerprint = english_fingerprint("HER2-positive metastatic breast cancer")
    assert (f"data/ko/subtypes.yaml:2: her2-positive.name: missing Korean text (English at data/subtypes.yaml:"
            f"{english_line}, from_english: '{fingerprint}')") in gaps


def test_a_stale_korean_string_is_reported_where_it_is(data):
    fingerprint = english_fingerprint("HER2-positive metastatic breast cancer")
    write_overlay(data, "subtypes", f"- id: her2-positive\n  field: name\n  from_english: {fingerprint}\n"
                                    "  ko: HER2 양성 전이성 유방암\n")
    before = parity(data)
    assert before.files["subtypes"].translated == 1
    assert not [gap for gap in messages(before.gaps) if "her2-positive.name:" in gap]
    english = data / "subtypes.yaml"
    english.write_text(english.read_text(encoding="utf-8").replace(
        "name: HER2-positive metastatic breast cancer", "name: HER2-positive breast cancer that has spread"), encoding="utf-8")
    after = parity(data)
    assert after.files["subtypes"].out_of_date == 1
    assert after.files["subtypes"].translated == 0
    stale = [gap for gap in messages(after.gaps) if "her2-positive.name:" in gap]
    assert stale == [f"data/ko/subtypes.yaml:3: her2-positive.name: Korean text out of date (English changed since "
                     f"translation; English at data/subtypes.yaml:{line_with(english, 'name: HER2-positive breast')}, "
                     f"now from_english: '{english_fingerprint('HER2-positive breast cancer that has spread')}')"]


def test_a_missing_string_points_beside_its_entrys_other_korean(data):
    fingerprint = english_fingerprint("HER2-positive metastatic breast cancer")
    write_overlay(data, "subtypes", f"# one string\n- id: her2-positive\n  field: name\n  from_english: {fingerprint}\n"
                                    "  ko: HER2 양성 전이성 유방암\n")
    gaps = messages(parity(data).gaps)
    assert any(gap.startswith("data/ko/subtypes.yaml:2: her2-positive.short_name: missing Korean text") for gap in gaps)


def test_items_named_by_id_follow_their_item(registry):
    fields = {(text.kind, text.entry_id, text.field) for text in english_texts(registry)}
    trial = next(iter(registry.trials.values()))
    assert ("trials", trial.id, f"arms[{trial.arms[0].id}].label") in fields
    subtype = registry.subtypes["her2-positive"]
    assert ("subtypes", "her2-positive", f"questions[{len(subtype.questions) - 1}]") in fields
    assert ("glossary", "her2", "term") in fields  # a plain-text field readers see
    assert ("reviews", "handouts/her2-positive.md", "reviewed_by") in fields  # named in the page's review line
    assert not [field for field in fields if field[0] == "evidence"]  # the team's record
    assert {field[2] for field in fields if field[0] == "reviews"} == {"reviewed_by"}  # dates are not words


def test_a_review_without_korean_reviewer_is_reported_with_file_and_line(data):
    overlay = data / "ko" / "reviews.yaml"
    item = (f"- id: handouts/her2-positive.md\n  field: reviewed_by\n  from_english: "
            f"'{english_fingerprint('Site editorial team')}'\n  ko: 사이트 편집팀\n")
    assert item in overlay.read_text(encoding="utf-8")
    overlay.write_text(overlay.read_text(encoding="utf-8").replace(item, ""), encoding="utf-8")
    report = parity(data)
    english = data / "reviews.yaml"
    english_line = line_with(english, "page: handouts/her2-positive.md") + 3
    assert "reviewed_by: Site editorial team" in english.read_text(encoding="utf-8").splitlines()[english_line - 1]
    end = len(overlay.read_text(encoding="utf-8").splitlines())
    assert messages(report.gaps) == [
        f"data/ko/reviews.yaml:{end}: handouts/her2-positive.md.reviewed_by: missing Korean text (English at "
        f"data/reviews.yaml:{english_line}, from_english: '{english_fingerprint('Site editorial team')}')"]
    assert report.files["reviews"].missing == 1


def test_a_korean_reviewer_whose_english_changed_is_out_of_date(data):
    english = data / "reviews.yaml"
    text = english.read_text(encoding="utf-8")
    page_line = line_with(english, "page: her2-positive.md")
    lines = text.splitlines(keepends=True)
    assert lines[page_line + 2] == "  reviewed_by: Site editorial team\n"
    new_reviewer = "Breast cancer nurses' team"
    lines[page_line + 2] = f"  reviewed_by: {new_reviewer}\n"
    english.write_text("".join(lines), encoding="utf-8")
    report = parity(data)
    overlay = data / "ko" / "reviews.yaml"
    fingerprint_line = line_with(overlay, "- id: her2-positive.md") + 2
    assert messages(report.gaps) == [
        f"data/ko/reviews.yaml:{fingerprint_line}: her2-positive.md.reviewed_by: Korean text out of date (English "
        f"changed since translation; English at data/reviews.yaml:{page_line + 3}, now from_english: "
        f"'{english_fingerprint(new_reviewer)}')"]
    assert report.files["reviews"].out_of_date == 1


@pytest.mark.parametrize("item, message", [
    ("- id: her2-postive\n  field: name\n  from_english: '000000000000'\n  ko: 이름\n",
     "data/ko/subtypes.yaml:1: her2-postive.name: no entry with id 'her2-postive' in the English data"),
    ("- id: her2-positive\n  field: nmae\n  from_english: '000000000000'\n  ko: 이름\n",
     "data/ko/subtypes.yaml:2: her2-positive.nmae: no string 'nmae' in 'her2-positive' in the English data"),
    ("- id: her2-positive\n  field: name\n  from_english: '000000000000'\n  ko: ' '\n",
     "data/ko/subtypes.yaml:4: her2-positive.ko: Korean text is empty"),
    ("- id: her2-positive\n  field: name\n  from_english: '000000000000'\n  ko: 이름\n  en: name\n",
     "data/ko/subtypes.yaml:5: her2-positive.en: unknown field 'en'"),
    ("- id: her2-positive\n  field: name\n  from_english: 123456789012\n  ko: 이름\n",
     "data/ko/subtypes.yaml:3: her2-positive.from_english: write the fingerprint in quotes"),
    ("- id: her2-positive\n  field: name\n  from_english: abc\n  ko: 이름\n",
     "data/ko/subtypes.yaml:3: her2-positive.from_english: String should match pattern"),
    ("- id: her2-positive\n  field: name\n  from_english: '000000000000'\n  ko: <b>이름</b>\n",
     "data/ko/subtypes.yaml:4: her2-positive.ko: contains markup '<b>'"),
])
def test_wrong_overlay_items_are_refused_with_their_line(data, item, message):
    write_overlay(data, "subtypes", item)
    errors = messages(parity(data).errors)
    assert [error for error in errors if error.startswith(message)], errors


def test_a_reviewer_item_for_a_page_without_review_dates_is_refused(data):
    write_overlay(data, "reviews", "- id: handouts/her2-postive.md\n  field: reviewed_by\n  from_english: '000000000000'\n"
                                   "  ko: 사이트 편집팀\n")
    assert ("data/ko/reviews.yaml:1: handouts/her2-postive.md.reviewed_by: no entry with id 'handouts/her2-postive.md' "
            "in the English data; remove the item or fix its id or field") in messages(parity(data).errors)


def test_a_string_translated_twice_is_refused(data):
    item = "- id: her2-positive\n  field: name\n  from_english: '000000000000'\n  ko: 이름\n"
    write_overlay(data, "subtypes", item + item)
    assert "data/ko/subtypes.yaml:6: her2-positive.name: translated twice; the first is on line 1" in messages(parity(data).errors)


def test_a_translation_keeps_the_value_slot_and_adds_no_figure(data, registry):
    fact_id, fact = next((key, value) for key, value in registry.key_facts.items() if "{value}" in value.text["en"])
    english = fact.text["en"]
    write_overlay(data, "key_facts", f"- id: {fact_id}\n  field: text\n  from_english: '{english_fingerprint(english)}'\n"
                                     "  ko: 약 987명이 참여했습니다.\n")
    errors = messages(parity(data).errors)
    assert f"data/ko/key_facts.yaml:4: {fact_id}.text: the Korean text needs {{value}} where the number goes, as the English has" in errors
    assert any(error.startswith(f"data/ko/key_facts.yaml:4: {fact_id}.text: the number 987 is not in the English text")
               for error in errors)


def test_korean_written_beside_the_english_is_sent_to_the_overlay(data):
    english = data / "subtypes.yaml"
    english.write_text(english.read_text(encoding="utf-8").replace(
        "  short_name: HER2-positive\n", "  short_name:\n    en: HER2-positive\n    ko: HER2 양성\n", 1), encoding="utf-8")
    errors = messages(parity(data).errors)
    line = line_with(english, "short_name:")
    assert (f"data/subtypes.yaml:{line}: her2-positive.short_name: Korean text belongs in data/ko/subtypes.yaml with "
            f"from_english: '{english_fingerprint('HER2-positive')}', not beside the English") in errors


def test_a_broken_overlay_never_breaks_the_english_data(data):
    write_overlay(data, "treatments", "- id: [unclosed\n")
    assert load_registry(data).treatments  # the English check does not read data/ko/
    assert any(error.startswith("data/ko/treatments.yaml:") for error in messages(parity(data).errors))


def test_the_real_overlay_and_terms_are_valid(registry):
    report = check_parity(registry, REPO / "data")
    assert report.errors == []
    assert check_terms(registry, REPO / "data") == []
    assert report.files["glossary"].translated >= 1


def test_terms_refuse_figures_unknown_glossary_ids_and_two_words_for_one_term(data):
    terms = data / "ko" / "terms.yaml"
    text = terms.read_text(encoding="utf-8")
    text = text.replace("  glossary: adc\n", "  glossary: adcc\n").replace(
        "explanation: 치료를 시작한 뒤 암이 자라거나 퍼지지 않고 살아 있는 기간입니다.",
        "explanation: 치료를 시작한 뒤 암이 자라거나 퍼지지 않고 살아 있는 기간으로, 보통 12개월입니다.")
    terms.write_text(text, encoding="utf-8")
    glossary = data / "ko" / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("ko: 전체 생존기간", "ko: 전체생존"), encoding="utf-8")
    errors = messages(check_terms(load_registry(data), data))
    assert f"data/ko/terms.yaml:{line_with(terms, 'glossary: adcc')}: adc.glossary: unknown glossary id 'adcc'" in errors
    assert any(error.startswith(f"data/ko/terms.yaml:{line_with(terms, '보통 12개월')}: pfs.explanation: has the figure '12개월'")
               for error in errors)
    os_line = line_with(terms, "ko: 전체 생존기간")
    assert (f"data/ko/terms.yaml:{os_line}: os.ko: the Korean glossary calls 'os' '전체생존' (data/ko/glossary.yaml); "
            "use one word for it") in errors


def test_a_term_must_say_where_it_was_seen(data):
    terms = data / "ko" / "terms.yaml"
    terms.write_text("- id: x\n  ko: 엑스\n  en: x\n  kind: cancer\n  explanation: 설명\n  seen_in:\n"
                     "  - source: 어딘가\n    quote: 엑스\n", encoding="utf-8")
    errors = messages(check_terms(load_registry(data), data))
    assert [error for error in errors if error.startswith("data/ko/terms.yaml:7: x.seen_in[0]: say where the term was seen")], errors


def test_ko_status_lists_counts_and_is_a_report_unless_strict(data, capsys):
    assert main(["ko-status", "--data-dir", str(data), "--strict"]) == 0  # every string has its Korean
    capsys.readouterr()
    write_overlay(data, "key_facts", "[]\n")  # a file's Korean not written yet
    assert main(["ko-status", "--data-dir", str(data)]) == 0
    table = capsys.readouterr().out
    assert "data/ko/treatments.yaml" in table and table.splitlines()[-1].startswith("all")
    assert main(["ko-status", "--data-dir", str(data), "--strict"]) == 1
    capsys.readouterr()
    assert main(["ko-status", "--data-dir", str(data), "--details"]) == 0
    assert "missing Korean text" in capsys.readouterr().err


def test_ko_status_fails_on_a_wrong_overlay_file(data, capsys):
    write_overlay(data, "subtypes", "- id: her2-positive\n  field: name\n")
    assert main(["ko-status", "--data-dir", str(data)]) == 1
    assert "data/ko/subtypes.yaml:1: her2-positive.from_english: required field is missing" in capsys.readouterr().err


@pytest.mark.parametrize("english, korean, refused", [
    ("Approved in May 2026.", "2026년 5월에 허가되었습니다.", None),
    ("Two to four kinds.", "2~4가지입니다.", None),
    ("Approved in May 2026.", "2026년 6월에 허가되었습니다.", "6"),
    ("Two kinds.", "3가지입니다.", "3"),
    ("You may feel tired.", "5명 중", "5"),
    ("No one knows.", "1명도", "1"),
])
def test_months_and_counts_written_as_words_may_be_digits_in_korean(english, korean, refused):
    extra = set(FIGURE.findall(korean)) - set(FIGURE.findall(english)) - _numbers_in_words(english)
    assert extra == ({refused} if refused else set())
