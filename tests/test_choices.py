"""Every choice the site makes from data, checked both ways on the built pages: what must be shown is shown, and
nothing else is. Expectations are derived here from the data and the evidence rules, not from the code that makes
the pages; a few are written out by hand for options whose study and notes are settled (see HAND_CHECKED_*).

- access notes: per option, exactly the notes whose indication (subtype and line) is one of the option's, and each
  note agrees with its entry in ../shared/evidence/access.yaml (country, medicine, date, type of cancer);
- caveats: per study result, exactly the caveats its data calls for (interim, survival not known yet, subgroup or
  exploratory, post hoc, open-label, single-arm or pooled, each `caveats:` kind and sentence), and no other study's;
- headline results: every option tested in a study where it was an arm shows a result of such a study;
- urgent boxes: per option, the alerts of its medicines' serious risks, then those shown with every option.
"""
from __future__ import annotations

import datetime as dt
import re
from html import unescape
from pathlib import Path

import pytest
import yaml

from mbc_guide import phrases
from mbc_guide.caveats import DESIGN_WORDS, DESIGN_WORDS_KO
from mbc_guide.korean_numbers import CAVEAT_WORDS_KO
from mbc_guide.languages import korean_registry
from mbc_guide.evidence import shared_evidence_dir
from mbc_guide.phrases import CAVEAT_WORDS
from mbc_guide.registry import load_registry
from page_parts import parts, section

REPO = Path(__file__).resolve().parent.parent
OPTION_IDS = sorted(load_registry(REPO / "data").treatments)
SUBTYPE_HANDOUTS = ("her2-positive", "hr-positive-her2-negative", "triple-negative")

# Written out by hand: options whose notes and studies are settled, so the derived rules are checked against a
# known answer too. HER2-positive notes must never reach the HER2-low option (the bug this suite once missed).
HAND_CHECKED_NOTES = {
    "tdxd-pertuzumab": ({"tdxd-us-first"}, {"tdxd-us-her2-low"}),
    "tdxd-her2-low": ({"tdxd-us-her2-low"}, {"tdxd-us-first", "tdxd-us-her2-positive-later"}),
    "tdxd-later": ({"tdxd-us-her2-positive-later"}, {"tdxd-us-first", "tdxd-us-her2-low"}),
}
# (study, result) each option's card and grid column show: DESTINY-Breast09 compared the first two head to head.
HAND_CHECKED_HEADLINES = {
    "tdxd-pertuzumab": ("destiny-breast09", "db09-pfs-median"),
    "thp": ("destiny-breast09", "db09-pfs-median"),
    "ribociclib-hormone": ("monaleesa-2", "ml2-pfs-median"),
    "sacituzumab-tnbc-later": ("ascent", "ascent-pfs-median"),
}
HAND_CHECKED_CAVEATS = {  # (study, result): caveat words that must be there, and ones that must not
    ("destiny-breast09", "db09-pfs-median"): ({CAVEAT_WORDS["interim"], CAVEAT_WORDS["survival_not_known_yet"]}, set()),
    ("cleopatra", "cleopatra-pfs-median"): (set(), {CAVEAT_WORDS["interim"], CAVEAT_WORDS["survival_not_known_yet"]}),
    ("destiny-breast12", "db12-pfs-median"): ({DESIGN_WORDS["single_arm"]}, {CAVEAT_WORDS["interim"]}),
    ("her2climb-brain", "her2climb-brain-pfs"): ({CAVEAT_WORDS["exploratory"]}, {CAVEAT_WORDS["interim"]}),
}


def html_of(built_site: Path, page: str) -> str:
    return (built_site / page).read_text()


def option_page(built_site: Path, treatment: str) -> str:
    return html_of(built_site, f"options/{treatment}.html")


# --- access notes -------------------------------------------------------------------------------------------------

def expected_notes(registry, treatment) -> set[str]:
    uses = {(subtype, line) for subtype in treatment.subtypes for line in treatment.lines}
    return {note.id for note in registry.access.values() if note.medicine in treatment.medicines
            and any((i.subtype, i.line) in uses for i in note.indications)}


def note_items(html: str) -> list[str]:
    """The text of each item of the page's approval and coverage list."""
    lists = re.findall(r'<ul class="access-notes".*?</ul>', html, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", item)).strip()
            for found in lists for item in re.findall(r"<li>(.*?)</li>", found, re.S)]


def note_shown_by(registry, item: str) -> str | None:
    """The note an item shows, known by its country, medicine, as-of date, indication words and status."""
    shown = [note.id for note in registry.access.values() if item.startswith(
        f"{phrases.country_name(note.country)}, {registry.medicines[note.medicine].name['en']} "
        f"(as of {note.as_of.strftime('%B %Y')}; for {phrases.indications_in_words(note.indications, registry.subtypes)}): "
        f"{note.status['en']}")]
    assert len(shown) <= 1, (item, shown)
    return shown[0] if shown else None


def unconfirmed_lines(registry, treatment, expected: set[str]) -> list[str]:
    """The lines an option's list gives where no note applies, derived from the data, in the page's order: a country
    with no note for this use; each medicine whose notes are all for other uses; the medicines with no Korean note
    for this use (their Korean status could not be confirmed: a statement, not a gap), unless no medicine of the
    option has one: then the country line says it once."""
    notes = [registry.access[n] for n in expected]
    countries = [f"{phrases.country_name(country)}: we could not confirm approval"
                 f"{' or national health insurance coverage' if country == 'kr' else ''} for this use in our sources."
                 for country in ("kr", "us") if country not in {note.country for note in notes}]
    names = [registry.medicines[m].name["en"] for m in treatment.medicines]
    other_uses = [f"{phrases.sentence_case(name)}: no approval or coverage note applies to this use. The notes on "
                  f"this site for {name} are for other types of breast cancer or other lines of treatment."
                  for m, name in zip(treatment.medicines, names)
                  if not any(note.medicine == m for note in notes)
                  and any(note.medicine == m for note in registry.access.values())]
    kr_missing = [name for m, name in zip(treatment.medicines, names)
                  if not any(note.medicine == m and note.country == "kr" for note in notes)]
    korea = [f"Korea, {kr_missing[0] if len(kr_missing) == 1 else ', '.join(kr_missing[:-1]) + ' and ' + kr_missing[-1]}: "
             f"we could not confirm {'its' if len(kr_missing) == 1 else 'their'} approval or national health insurance "
             f"coverage for this use. Ask your care team."] if kr_missing and len(kr_missing) < len(names) else []
    return countries + other_uses + korea


@pytest.mark.parametrize("treatment_id", OPTION_IDS)
def test_option_page_shows_exactly_the_access_notes_of_its_indications(built_site, registry, treatment_id):
    treatment = registry.treatments[treatment_id]
    items = note_items(option_page(built_site, treatment_id))
    shown = [note_shown_by(registry, item) for item in items]
    expected = expected_notes(registry, treatment)
    assert sorted(filter(None, shown)) == sorted(expected), "notes shown vs notes for this option's indications"
    unmatched = [item for item, note in zip(items, shown) if note is None]
    assert unmatched == unconfirmed_lines(registry, treatment, expected)


@pytest.mark.parametrize("treatment_id", sorted(HAND_CHECKED_NOTES))
def test_hand_checked_options_show_their_notes_and_not_those_of_other_uses(built_site, registry, treatment_id):
    must, must_not = HAND_CHECKED_NOTES[treatment_id]
    shown = {note_shown_by(registry, item) for item in note_items(option_page(built_site, treatment_id))}
    assert must <= shown and not must_not & shown


def test_no_page_shows_an_access_note_on_a_card_of_another_use(built_site, registry):
    """Wherever an option's card shows notes (a subtype page, the comparison page, a handout), they are its own."""
    wrong = []
    for page in sorted(built_site.rglob("*.html")):
        for card in parts(page.read_text(), "option-card"):
            option = registry.treatments[card.attrs["data-option"]]
            for note in registry.access.values():
                if note.status["en"] in card.text and note.id not in expected_notes(registry, option):
                    wrong.append((page.relative_to(built_site).as_posix(), option.id, note.id))
    assert wrong == []


@pytest.fixture(scope="module")
def access_evidence():
    shared = shared_evidence_dir(REPO)
    if shared is None:
        pytest.skip("no ../shared/evidence/ beside the project (set MBC_EVIDENCE_DIR)")
    return {entry["id"]: entry for entry in yaml.safe_load((shared / "access.yaml").read_text())}


CANCER_WORDS = {  # how the evidence's claims name each type of cancer
    "her2-positive": ("HER2-positive", "HER2+"),
    "hr-positive-her2-negative": ("HR+", "HR-positive", "ER+", "HER2-low", "hormone receptor"),
    "triple-negative": ("TNBC", "triple-negative", "HER2-low"),
}


def evidence_date(entry) -> tuple[dt.date, str] | None:
    """The first day the evidence's date can mean, and how a reader sees its year."""
    found = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(entry.get("date") or ""))
    if not found:
        return None
    year, month, day = (int(part) if part else 1 for part in found.groups())
    return dt.date(year, month, day), found.group(1)


def test_every_access_note_agrees_with_its_access_evidence(registry, access_evidence):
    record = {entry["id"]: entry for entry in yaml.safe_load((REPO / "data" / "evidence.yaml").read_text())}
    problems = []
    for note in registry.access.values():
        if record.get(note.fact, {}).get("file") != "access.yaml":
            problems.append(f"{note.id}: {note.fact} is not an access.yaml entry in data/evidence.yaml")
            continue
        entry = access_evidence[note.fact]
        if entry["country"] != note.country.upper():
            problems.append(f"{note.id}: country {note.country} but the evidence is for {entry['country']}")
        if registry.medicines[note.medicine].name["en"].lower() not in entry["medicine"].lower():
            problems.append(f"{note.id}: the evidence is about {entry['medicine']}")
        dated = evidence_date(entry)
        if dated and note.as_of < dated[0]:
            problems.append(f"{note.id}: as of {note.as_of}, before the evidence's date {entry['date']}")
        if entry["kind"] in ("approval", "coverage"):
            if dated and dated[1] not in note.status["en"]:
                problems.append(f"{note.id}: the status does not give the year of the {entry['kind']} ({entry['date']})")
            named = [i.subtype for i in note.indications if any(w in entry["claim"] for w in CANCER_WORDS[i.subtype])]
            if not named:
                problems.append(f"{note.id}: the evidence's claim names none of the note's types of cancer")
    assert problems == []


# --- caveats per study result ---------------------------------------------------------------------------------------

# Each edition's caveat words and the words a later result of the same study refers back with.
EDITION_WORDS = {
    "en": (CAVEAT_WORDS, DESIGN_WORDS, ("aveats: see above.", "Study notes: see above.")),
    "ko": (CAVEAT_WORDS_KO, DESIGN_WORDS_KO, ("주의할 점: 위 참고.", "연구 참고 사항: 위 참고.")),
}


def expected_caveats(trial, result, language: str = "en") -> set[str]:
    """The caveat words a result's data calls for, from the fields that decide them."""
    caveat_words, design_words, _ = EDITION_WORDS[language]
    kinds = set(result.caveats)
    if trial.status == "interim" or result.analysis == "interim":
        kinds.add("interim")
    if trial.overall_survival == "not_known_yet" and trial.kind not in ("single_arm", "pooled"):
        kinds.add("survival_not_known_yet")
    if trial.kind == "subgroup" or result.analysis == "exploratory":
        kinds.add("exploratory")
    if result.analysis == "post_hoc":
        kinds.add("post_hoc")
    if trial.open_label:
        kinds.add("open_label")
    words = {caveat_words[kind] for kind in kinds}
    return words | ({design_words[trial.kind]} if trial.kind in design_words else set())


def every_caveat(language: str = "en") -> set[str]:
    caveat_words, design_words, _ = EDITION_WORDS[language]
    return set(caveat_words.values()) | set(design_words.values())


def results_by_key(registry) -> dict[str, tuple]:
    return {f"result-{trial.id}-{result.id}": (trial, result)
            for trial in registry.trials.values() for result in trial.results}


def caveats_in(text: str, candidates: set[str]) -> set[str]:
    return {words for words in candidates if words in text}


def result_cards(built_site: Path, registry, language: str | None = None):
    """(page, trial, result, text) for every result pictured on every page (of one edition), in page order."""
    keys = results_by_key(registry)
    for page in sorted(built_site.rglob("*.html")):
        if language and (page.relative_to(built_site).parts[0] == "ko") != (language == "ko"):
            continue
        for card in parts(page.read_text(), "result"):
            if card.attrs.get("id") in keys:
                yield page.relative_to(built_site).as_posix(), *keys[card.attrs["id"]], card.text


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_result_card_gives_exactly_the_caveats_its_data_calls_for(built_site, registry, language):
    """Each caveat and each study note is given in full at the first result of its study on a page; a later result
    of the same study gives only what is new and refers back ("Caveats: see above.", "Study notes: see above.") for
    what was given, never for something that was not. In each edition, in its own words."""
    registry = korean_registry(registry, REPO / "data") if language == "ko" else registry
    words, back = every_caveat(language), EDITION_WORDS[language][2]
    sentences = {c[language] for trial in registry.trials.values() for c in trial.caveats}
    wrong, said_on_page, notes_on_page, cards = [], {}, set(), 0
    for page, trial, result, text in result_cards(built_site, registry, language):
        cards += 1
        expected = expected_caveats(trial, result, language)
        own_sentences = {c[language] for c in trial.caveats}
        refers_back = any(words_back in text for words_back in back)
        shown = caveats_in(text, words)
        said_before = said_on_page.setdefault((page, trial.id), set())
        if shown - expected:
            wrong.append((page, result.id, "not for this result", sorted(shown - expected)))
        if expected - shown and not (expected - shown <= said_before and refers_back):
            wrong.append((page, result.id, "missing and not given above", sorted(expected - shown - said_before)))
        if refers_back and not (said_before or (page, trial.id) in notes_on_page and own_sentences):
            wrong.append((page, result.id, "refers back to nothing given above"))
        said_before.update(shown)
        rest = text
        for own in own_sentences:  # one study's sentence may hold another's ("shown at a conference in 2025.")
            rest = rest.replace(own, "")
        others = [s for s in sentences if s in rest]
        missing = [s for s in own_sentences if s not in text]
        if missing and not ((page, trial.id) in notes_on_page and refers_back):
            wrong.append((page, result.id, "study notes missing and not given above", missing))
        if others:
            wrong.append((page, result.id, "other studies' notes", others))
        if not missing:
            notes_on_page.add((page, trial.id))
    assert cards > len(registry.trials), "result cards were found on the pages"
    assert wrong == []


@pytest.mark.parametrize("key", sorted(HAND_CHECKED_CAVEATS), ids="-".join)
def test_hand_checked_results_carry_their_caveats(built_site, registry, key):
    must, must_not = HAND_CHECKED_CAVEATS[key]
    page = f"studies/{key[0]}.html"
    card = next(c for c in parts(html_of(built_site, page), "result") if c.attrs.get("id") == f"result-{key[0]}-{key[1]}")
    assert must <= caveats_in(card.text, must) and not caveats_in(card.text, must_not)


def study_named(registry, text: str) -> list:
    return [trial for trial in registry.trials.values() if f"From the {trial.name} study" in text]


def grid_cells(built_site: Path) -> dict[str, str]:
    """Option id: the text of its 'Study result' cell, from every table of the comparison pages (one per type). A
    cell that points to an option on the same page that said the same sentence ("See T-DXd.") reads as that cell."""
    cells = {}
    for page in sorted((built_site / "compare").glob("*.html")):
        tables = re.findall(r'<table class="option-grid">.*?</table>', page.read_text(encoding="utf-8"), re.S)
        assert tables, f"{page.name}: the comparison page has tables"
        on_page, names = {}, {}
        for table in tables:
            headers = re.findall(r'<th scope="col" data-option="([a-z0-9-]+)"><a [^>]*>(.*?)</a></th>', table)
            options = [option for option, _ in headers]
            names |= {unescape(name): option for option, name in headers}
            row = re.search(r'<tr><th scope="row">Study result(?:<p class="study-mark">.*?</p>)?</th>(.*?)</tr>', table, re.S)
            assert row, f"a 'Study result' row in the table of {options}"
            texts = []  # a cell shared by neighbouring options (colspan) is each one's answer
            for span, cell in re.findall(r'<td(?: colspan="(\d+)")?>(.*?)</td>', row.group(1), re.S):
                texts += [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cell)).strip()] * int(span or 1)
            assert len(texts) == len(options)
            on_page |= dict(zip(options, texts))
        for option, text in on_page.items():
            pointer = re.fullmatch(r"See (.+)\.", text)
            if pointer:
                assert pointer.group(1) in names, f"{page.name}: {option} points to an option not on the page: {text}"
                on_page[option] = on_page[names[pointer.group(1)]]
        cells |= on_page
    return cells


def test_every_grid_cell_gives_exactly_its_studys_caveats(built_site, registry):
    words, wrong = every_caveat(), []
    for option, text in grid_cells(built_site).items():
        for trial in study_named(registry, text):
            if not any(caveats_in(text, words) == expected_caveats(trial, r) for r in trial.results):
                wrong.append((option, trial.id, sorted(caveats_in(text, words))))
    assert wrong == []


@pytest.mark.parametrize("handout", SUBTYPE_HANDOUTS)
def test_every_handout_study_cell_gives_exactly_its_studys_caveats(built_site, registry, handout):
    html = html_of(built_site, f"handouts/{handout}.html")
    by_name = {trial.name: trial for trial in registry.trials.values()}
    words = {phrases.sentence_case(w) + "." for w in every_caveat()}
    wrong, cells = [], 0
    for cell in re.findall(r"<td[^>]*><strong>([^<]+) study</strong>(.*?)</td>", html, re.S):
        trial, text = by_name[cell[0]], re.sub(r"<[^>]+>", " ", cell[1])
        cells += 1
        shown = caveats_in(text, words)
        if not any(shown == {phrases.sentence_case(w) + "." for w in expected_caveats(trial, r) if w in CAVEAT_WORDS.values()}
                   for r in trial.results):
            wrong.append((trial.id, sorted(shown)))
    assert cells and wrong == []


# --- headline results -----------------------------------------------------------------------------------------------

def trials_with_arm(registry, treatment_id: str) -> list:
    return [t for t in registry.trials.values() if t.results and any(a.treatment == treatment_id for a in t.arms)]


@pytest.mark.parametrize("treatment_id", OPTION_IDS)
def test_every_option_tested_in_a_study_shows_a_result_of_such_a_study(built_site, registry, treatment_id):
    tested_in = trials_with_arm(registry, treatment_id)
    if not tested_in:
        pytest.skip(f"{treatment_id} was an arm of no study with results in data/")  # reported, not passed silently
    cell = grid_cells(built_site)[treatment_id]
    assert {t.id for t in study_named(registry, cell)} & {t.id for t in tested_in}, cell
    subtype = registry.subtypes[registry.treatments[treatment_id].subtypes[0]]
    card = next(c for c in parts(html_of(built_site, subtype.page.replace(".md", ".html")), "option-card")
                if c.attrs["data-option"] == treatment_id)
    assert any(t.name in card.text for t in tested_in), card.text[:200]


@pytest.mark.parametrize("treatment_id", sorted(HAND_CHECKED_HEADLINES))
def test_hand_checked_options_show_their_known_result(built_site, registry, treatment_id):
    trial_id, result_id = HAND_CHECKED_HEADLINES[treatment_id]
    trial = registry.trials[trial_id]
    result = next(r for r in trial.results if r.id == result_id)
    assert phrases.result_sentence(trial, result) in grid_cells(built_site)[treatment_id]
    subtype = registry.subtypes[registry.treatments[treatment_id].subtypes[0]]
    html = html_of(built_site, subtype.page.replace(".md", ".html"))
    card = next(c for c in parts(html, "option-card") if c.attrs["data-option"] == treatment_id)
    # A full card pictures the result (or points to the picture on its neighbour's card, for a shared study);
    # a brief card, for a later option, says it in words.
    pictured = any(a.get("id") == f"result-{trial_id}-{result_id}" or a.get("href") == f"#result-{trial_id}-{result_id}"
                   for a in card.inside)
    assert pictured or ("data-brief" in card.attrs and phrases.result_sentence(trial, result) in card.text), card.text[:300]


# --- urgent boxes ---------------------------------------------------------------------------------------------------

def urgent_boxes(html: str) -> list[tuple[str, str, list[str]]]:
    """(opening line, whole text, text of each alert in it) of every urgent box in this HTML, in page order. Alerts
    with the same opening line share one box, which says what to do and what to tell the team once."""
    boxes = []
    for chunk in re.split(r'(?=<div class="urgent-box"[ >])', html)[1:]:
        box = parts(chunk, "urgent-box")[0]
        title = parts(chunk, "urgent-box__title")[0].text
        boxes.append((title, box.text, [alert.text for alert in parts(chunk, "urgent-box__alert")]))
    return boxes


def alerts_shown(registry, box: tuple[str, str, list[str]]) -> list[str | None]:
    """The alert each part of a box shows, known by the box's opening line, its name (where the box holds several)
    and every symptom; the box must also say every sentence of what the alert says to do and all it asks to tell."""
    title, text, alert_texts = box
    shown = []
    for alert_text in alert_texts:
        found = [alert.id for alert in registry.alerts.values()
                 if title == f"{alert.title['en']}:" and all(symptom["en"] in alert_text for symptom in alert.symptoms)
                 and (len(alert_texts) == 1 or alert.name["en"] in alert_text)
                 and all(sentence in text for sentence in phrases.sentences(alert.action["en"]))
                 and all(item["en"] in text for item in alert.tell_them)]
        shown.append(found[0] if len(found) == 1 else None)
    return shown


@pytest.mark.parametrize("treatment_id", OPTION_IDS)
def test_option_page_shows_the_urgent_box_of_each_serious_risk_then_those_for_every_option(built_site, registry, treatment_id):
    treatment = registry.treatments[treatment_id]
    risks = list(dict.fromkeys(r for m in treatment.medicines for r in registry.medicines[m].serious_risks))
    for_all = [a.id for a in registry.alerts.values() if a.every_option]
    boxes = urgent_boxes(section(option_page(built_site, treatment_id), "urgent"))
    shown = [alert for box in boxes for alert in alerts_shown(registry, box)]
    assert None not in shown, boxes
    assert sorted(shown[:len(risks)]) == sorted(risks)
    assert shown[len(risks):] == [a for a in for_all if a not in risks]
