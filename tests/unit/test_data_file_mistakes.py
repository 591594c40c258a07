"""Mistakes a writer can make in one data file, each refused with the whole line the writer reads:
`data/FILE.yaml:LINE: FIELD: MESSAGE`. Small made-up files, so each test shows the mistake it is about."""
from pathlib import Path
from textwrap import dedent

import pytest

from mbc_guide.errors import DataErrors
from mbc_guide.loading import load_data
from mbc_guide.models import forbidden_host
from mbc_guide.registry import build_registry

SOURCE = """\
- id: made-up-source
  title: A made-up paper
  publisher: Nobody
  published: 2024
  supports: The made-up numbers.
"""


def errors_in(tmp_path: Path, files: dict[str, str]) -> list[str]:
    """The lines a writer reads for these files, in order (the other data files are left out: 'file is missing' is
    not listed)."""
    for name, text in files.items():
        (tmp_path / f"{name}.yaml").write_text(dedent(text))
    errors = DataErrors(load_data(tmp_path).errors).errors
    return [str(error) for error in errors if error.message != "file is missing"]


def reference_errors_in(tmp_path: Path, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        (tmp_path / f"{name}.yaml").write_text(dedent(text))
    loaded = load_data(tmp_path)
    return [str(error) for error in DataErrors(build_registry(loaded.entries, loaded.invalid_ids)[1]).errors]


def test_a_correct_entry_gives_no_error(tmp_path):
    assert errors_in(tmp_path, {"sources": SOURCE}) == []


NEVER_LINKED = ("links {host}, a host readers must never be sent to (mirror, test server or repost); link the primary "
                "publication (DOI or PubMed) or an official page, or name the source without a link")


@pytest.mark.parametrize("url, host", [
    ("https://mimsdev.com/paper", "mimsdev.com"),
    ("https://cache.vercel.app/paper", "vercel.app"),
    ("https://github.com:443/someone/paper", "github.com"),
    ("https://192.168.0.1/paper", "192.168.0.1"),
])
def test_a_link_to_a_host_readers_must_never_visit_is_refused(tmp_path, url, host):
    assert errors_in(tmp_path, {"sources": SOURCE + f"  url: {url}\n"}) == [
        f"data/sources.yaml:6: made-up-source.url: {NEVER_LINKED.format(host=host)}"]


@pytest.mark.parametrize("url, host", [
    ("HTTPS://WWW.GitHub.COM/x", "github.com"),
    ("http://10.0.0.1:8000/", "10.0.0.1"),
    ("https://doi.org/10.1056/made-up", None),
    ("https://notvercel.app/x", None),
    ("https://github.com.example.org/x", None),
    ("https://1.2.3.4.example.org/x", None),
])
def test_forbidden_hosts_are_matched_by_whole_name_or_subdomain(url, host):
    assert forbidden_host(url) == host


def test_the_page_a_source_was_read_in_is_checked_too(tmp_path):
    assert errors_in(tmp_path, {"sources": SOURCE + "  read_in: A repost\n  read_in_url: http://www.her2support.org/x\n"}) == [
        f"data/sources.yaml:7: made-up-source.read_in_url: {NEVER_LINKED.format(host='her2support.org')}"]


NAMED_HOST = ("names {host!r}, a host readers must never be sent to (mirror, test server or repost), even without a "
              "link; describe it ('a summary on a repost site (not linked)') or cite the primary publication")


@pytest.mark.parametrize("field, text, host", [
    ("read_in", "a together4cancer.org summary (not linked)", "together4cancer.org"),
    ("read_in", "PMC1 Table 3; uat.mimsdev.com/hongkong/drug/info/keytruda", "uat.mimsdev.com"),
    ("title", "A copy on WWW.GitHub.com", "WWW.GitHub.com"),
    ("publisher", "a preview at copy-1.vercel.app", "copy-1.vercel.app"),
])
def test_a_host_readers_must_never_visit_is_refused_in_words_too(tmp_path, field, text, host):
    line = {"title": 2, "publisher": 3, "read_in": 6}[field]
    source = SOURCE.replace("A made-up paper", text) if field == "title" else (
        SOURCE.replace("Nobody", text) if field == "publisher" else SOURCE + f"  read_in: {text}\n")
    assert errors_in(tmp_path, {"sources": source}) == [
        f"data/sources.yaml:{line}: made-up-source.{field}: {NAMED_HOST.format(host=host)}"]


def test_a_host_named_in_a_translation_is_refused_before_a_korean_particle(tmp_path):
    korean = SOURCE.replace("  supports: The made-up numbers.\n",
                            "  supports:\n    en: The numbers.\n    ko: journaljams.org와 같은 곳의 요약\n")
    assert errors_in(tmp_path, {"sources": korean}) == [
        f"data/sources.yaml:5: made-up-source.supports: {NAMED_HOST.format(host='journaljams.org')}"]


@pytest.mark.parametrize("text", ["the journal's own site (ajmc.com)", "notgithub.community",
                                  "the together4cancer.organisation"])
def test_other_hosts_and_longer_words_are_not_taken_for_a_forbidden_host(tmp_path, text):
    assert errors_in(tmp_path, {"sources": SOURCE + f"  read_in: {text}\n"}) == []


@pytest.mark.parametrize("text, markup", [
    ("Read <b>this</b>.", "<b>"),
    ("Read < / i >this.", "< / i >"),
    ("See javascript:alert(1).", "javascript:"),
    ("Tom &amp; Jerry", "&amp;"),
    ("Tom &#38; Jerry", "&#38;"),
])
def test_markup_in_text_is_refused(tmp_path, text, markup):
    assert errors_in(tmp_path, {"sources": SOURCE.replace("A made-up paper", text)}) == [
        f"data/sources.yaml:2: made-up-source.title: contains markup {markup!r}; write plain text (the site shows data "
        "as text, never as code)"]


def test_signs_that_are_not_markup_are_allowed(tmp_path):
    assert errors_in(tmp_path, {"sources": SOURCE.replace("A made-up paper", "'Fewer than 1 < 2 people, 5 > 3 & more'")}) == []


def test_text_in_another_language_needs_english_beside_it(tmp_path):
    korean_only = SOURCE.replace("  supports: The made-up numbers.\n", "  supports:\n    ko: 만든 숫자\n")
    assert errors_in(tmp_path, {"sources": korean_only}) == [
        "data/sources.yaml:5: made-up-source.supports: English text ('en') is required"]
    blank_english = SOURCE.replace("  supports: The made-up numbers.\n", "  supports:\n    en: '  '\n    ko: 만든 숫자\n")
    assert errors_in(tmp_path, {"sources": blank_english}) == [
        "data/sources.yaml:5: made-up-source.supports: English text ('en') is required"]


def test_an_unknown_language_is_named(tmp_path):
    french = SOURCE.replace("  supports: The made-up numbers.\n", "  supports:\n    en: The numbers.\n    fr: Les nombres.\n")
    assert errors_in(tmp_path, {"sources": french}) == [
        "data/sources.yaml:5: made-up-source.supports: unknown language 'fr'; use one of en, ko"]


def test_markup_in_a_translation_is_refused(tmp_path):
    korean = SOURCE.replace("  supports: The made-up numbers.\n", "  supports:\n    en: The numbers.\n    ko: <i>숫자</i>\n")
    assert errors_in(tmp_path, {"sources": korean}) == [
        "data/sources.yaml:5: made-up-source.supports: contains markup '<i>'; write plain text (the site shows data as "
        "text, never as code)"]


KEY_FACT = """\
- id: made-up-fact
  text: Half of the people got it within {value}.
  figure: {value: 5.4, fact: made-up-evidence, source: made-up-source}
  unit: months
"""


def test_a_key_fact_needs_a_place_for_its_number(tmp_path):
    assert errors_in(tmp_path, {"key_facts": KEY_FACT.replace("{value}.", "five months.")}) == [
        "data/key_facts.yaml:2: made-up-fact.text: the text needs {value} where the number goes"]


def test_a_key_fact_with_its_number_slot_is_accepted(tmp_path):
    assert errors_in(tmp_path, {"key_facts": KEY_FACT}) == []


@pytest.mark.parametrize("change, message", [
    ("unit: month", "made-up-fact.unit: Input should be 'months', 'percent' or 'years'"),
    ("unit: months\n  units: months", "made-up-fact.units: unknown field 'units'; did you mean 'unit'?"),
    ("unit: months\n  colour: red", "made-up-fact.colour: unknown field 'colour'"),
])
def test_a_wrong_or_unknown_field_is_named(tmp_path, change, message):
    assert errors_in(tmp_path, {"key_facts": KEY_FACT.replace("unit: months", change)}) == [
        f"data/key_facts.yaml:{5 if 'unit: months' in change else 4}: {message}"]


def test_a_misspelt_field_inside_a_nested_entry_is_suggested_from_the_nested_model(tmp_path):
    misspelt = KEY_FACT.replace("source: made-up-source}", "sourc: made-up-source}")
    assert errors_in(tmp_path, {"key_facts": misspelt}) == [
        "data/key_facts.yaml:3: made-up-fact.figure.sourc: unknown field 'sourc'; did you mean 'source'?",
        "data/key_facts.yaml:3: made-up-fact.figure.source: required field is missing",
    ]


def test_a_number_in_words_is_refused_with_what_was_written(tmp_path):
    assert errors_in(tmp_path, {"key_facts": KEY_FACT.replace("value: 5.4", "value: five")}) == [
        "data/key_facts.yaml:3: made-up-fact.figure.value: must be a number written in digits, not 'five'"]


def test_an_entry_without_an_id_is_named_by_its_place_and_a_review_by_its_page(tmp_path):
    reviews = """\
    - page: index.md
      last_reviewed: 2026-11-26
      next_review: someday
      reviewed_by: Editors
    """
    no_id = KEY_FACT.replace("- id: made-up-fact\n  text:", "- text:")
    errors = errors_in(tmp_path, {"reviews": reviews, "key_facts": no_id})
    assert errors == [
        "data/key_facts.yaml:1: entry 1.id: required field is missing",
        "data/reviews.yaml:3: index.md.next_review: Input should be a valid date or datetime, input is too short",
    ]


def test_a_file_that_is_not_a_list_says_how_entries_start(tmp_path):
    assert errors_in(tmp_path, {"sources": "id: made-up-source\ntitle: A made-up paper\n"}) == [
        "data/sources.yaml:1: the file must be a list of entries, each starting with '- '"]


def test_an_unknown_data_file_lists_the_expected_ones(tmp_path):
    errors = errors_in(tmp_path, {"source": SOURCE})
    assert len(errors) == 1
    assert errors[0].startswith("data/source.yaml: unknown data file; expected one of: sources.yaml, subtypes.yaml, ")


def test_a_missing_file_is_named(tmp_path):
    loaded = load_data(tmp_path)
    assert "data/trials.yaml: file is missing" in [str(error) for error in loaded.errors]
    assert loaded.entries["trials"] == [] and "trials" in loaded.unreadable_files


def test_an_invalid_entry_is_left_out_and_its_id_remembered(tmp_path):
    (tmp_path / "sources.yaml").write_text(SOURCE + SOURCE.replace("made-up-source", "broken-source").replace(
        "  published: 2024\n", ""))
    loaded = load_data(tmp_path)
    assert [located.entry.id for located in loaded.entries["sources"]] == ["made-up-source"]
    assert loaded.invalid_ids == {"broken-source"}
    assert "sources" not in loaded.unreadable_files


ALERT = """\
- id: made-up-alert
  name: Made-up risk
  title: Call your care team if you have
  symptoms: [a made-up symptom]
  action: Call.
  medicines: [made-up-medicine]
  page: made-up.md
  facts: []
  source: made-up-source
"""
MEDICINE = """\
- id: made-up-medicine
  name: Made-up medicine
  kind: A made-up kind.
  given: {route: pill, schedule: Once a day., facts: [], source: made-up-source}
  serious_risks: [made-up-alert]
"""


def test_an_urgent_box_and_its_medicine_must_name_each_other(tmp_path):
    assert reference_errors_in(tmp_path, {"sources": SOURCE, "alerts": ALERT, "medicines": MEDICINE}) == []
    without_risk = MEDICINE.replace("serious_risks: [made-up-alert]", "serious_risks: []")
    assert reference_errors_in(tmp_path, {"medicines": without_risk}) == [
        "data/alerts.yaml:6: made-up-alert.medicines[0]: add 'made-up-alert' to serious_risks of medicine "
        "'made-up-medicine' (data/medicines.yaml)"]
    (tmp_path / "medicines.yaml").write_text(MEDICINE)
    assert reference_errors_in(tmp_path, {"alerts": ALERT.replace("[made-up-medicine]", "[]")}) == [
        "data/medicines.yaml:5: made-up-medicine.serious_risks[0]: add 'made-up-medicine' under medicines in alert "
        "'made-up-alert' (data/alerts.yaml), so its urgent box shows"]


def test_an_unknown_id_is_named_with_the_closest_known_one(tmp_path):
    assert reference_errors_in(tmp_path, {"sources": SOURCE, "alerts": ALERT.replace("source: made-up-source",
                                                                                      "source: made-up-sourse"),
                                          "medicines": MEDICINE}) == [
        "data/alerts.yaml:9: made-up-alert.source: unknown source id 'made-up-sourse'; did you mean 'made-up-source'?"]


def test_an_id_used_twice_is_refused_at_the_second(tmp_path):
    assert reference_errors_in(tmp_path, {"sources": SOURCE + SOURCE}) == [
        "data/sources.yaml:6: made-up-source: duplicate id 'made-up-source'; each id must be used once"]


@pytest.mark.parametrize("words, message", [
    ("Rare side effects.", "'Rare' is a frequency word; words for how often come from the rate (list the rate under "
                           "rated_side_effects), never from the writer"),
    ("It is not common.", "'not common' is a frequency word; words for how often come from the rate (list the rate "
                          "under rated_side_effects), never from the writer"),
    ("Usually mild.", "'mild' is not a grade: grade 2 already has symptoms that need treatment; say 'grade 1 or 2' or "
                      "'low grade' (showing-numbers rule 11)"),
])
def test_words_for_how_often_in_an_urgent_box_are_refused(tmp_path, words, message):
    alert = ALERT.replace("  action: Call.", f"  action: {words}")
    assert reference_errors_in(tmp_path, {"sources": SOURCE, "alerts": alert, "medicines": MEDICINE}) == [
        f"data/alerts.yaml:5: made-up-alert.action: {message}"]


def test_frequency_words_are_found_in_lists_and_not_inside_other_words(tmp_path):
    alert = ALERT.replace("[a made-up symptom]", "[a made-up symptom, 'a fever, rarely']").replace(
        "  action: Call.", "  action: Call about bare skin or uncommonly warm hands.")
    assert reference_errors_in(tmp_path, {"sources": SOURCE, "alerts": alert, "medicines": MEDICINE}) == [
        "data/alerts.yaml:4: made-up-alert.symptoms[1]: 'rarely' is a frequency word; words for how often come from the "
        "rate (list the rate under rated_side_effects), never from the writer"]


def test_a_source_without_a_link_may_say_so_with_an_empty_url(tmp_path):
    assert errors_in(tmp_path, {"sources": SOURCE + "  url:\n  read_in_url: null\n"}) == []


def test_a_misspelt_field_inside_a_list_of_entries_is_suggested(tmp_path):
    trial = """\
    - id: study-a
      name: STUDY-A
      population: Made up.
      design: Made up.
      status: final
      overall_survival: known
      open_label: false
      published: made-up-source
      arms:
        - {id: new, labl: new medicine}
      results: []
    """
    assert errors_in(tmp_path, {"trials": trial}) == [
        "data/trials.yaml:10: study-a.arms[0].label: required field is missing",
        "data/trials.yaml:10: study-a.arms[0].labl: unknown field 'labl'; did you mean 'label'?",
    ]
