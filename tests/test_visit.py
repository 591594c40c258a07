"""Getting ready for a visit: the clinic-talk handout's columns, the support numbers against the evidence,
the "Get ready" box, the "What matters to me" form and the support page, as built."""
import os
import re
from dataclasses import replace
from html import unescape
from pathlib import Path

import pytest
import yaml

from mbc_guide import clinic_sheet

REPO = Path(__file__).resolve().parent.parent
EVIDENCE = Path(os.environ.get("MBC_EVIDENCE_DIR", REPO.parent / "shared" / "evidence"))


def plain(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_options_one_study_compared_share_that_study_and_list_the_same_side_effects(registry):
    her2 = clinic_sheet.first_options(registry, "her2-positive")[0]
    assert [c.treatment.id for c in her2.columns] == ["tdxd-pertuzumab", "thp"]
    # THP's own first study is CLEOPATRA; beside the option DESTINY-Breast09 compared it with, it shows that study.
    assert [c.trial.id for c in her2.columns] == ["destiny-breast09", "destiny-breast09"]
    assert [(cell.trial.id, cell.span) for cell in her2.studies] == [("destiny-breast09", 2)]
    assert not her2.from_different_studies
    effects = [[count.effect.id for count in column.effects] for column in her2.columns]
    assert effects[0] == effects[1] and effects[0][0] == "ild" and len(effects[0]) == clinic_sheet.MOST_EFFECTS
    assert all(column.hair_loss for column in her2.columns)


def test_a_narrow_table_prints_compact_only_when_each_option_has_its_own_study(registry):
    tables = [t for s in registry.subtypes for t in clinic_sheet.first_options(registry, s)]
    for table in tables:
        own_studies = len(table.studies) == len(table.columns)
        assert clinic_sheet.is_compact(table) == (len(table.columns) <= 2 and own_studies), table.columns
    her2 = clinic_sheet.first_options(registry, "her2-positive")[0]  # one study compared both options: both arms
    assert len(her2.columns) == 2 and not clinic_sheet.is_compact(her2)
    assert any(clinic_sheet.is_compact(t) for t in clinic_sheet.first_options(registry, "hr-positive-her2-negative"))


def test_per_column_repeats_a_shared_cell_under_each_of_its_options(registry):
    table = clinic_sheet.first_options(registry, "hr-positive-her2-negative")[0]
    cells = clinic_sheet.given_cells(registry, table)
    words = clinic_sheet.per_column(cells)
    assert len(words) == len(table.columns) and any(len(c.columns) > 1 for c in cells)
    shared = next(c for c in cells if len(c.columns) > 1)
    assert [words[table.columns.index(column)] for column in shared.columns] == [shared.text] * len(shared.columns)


def test_an_option_alone_shows_its_first_listed_study(registry):
    thp = registry.treatments["thp"]
    assert thp.trials == ["destiny-breast09", "cleopatra"]
    assert clinic_sheet.study_for(registry, thp, ["thp"]).id == "destiny-breast09"
    assert clinic_sheet.study_for(registry, thp.model_copy(update={"trials": ["cleopatra"]}), ["thp"]).id == "cleopatra"


def test_options_from_different_studies_say_so(registry):
    hr = clinic_sheet.first_options(registry, "hr-positive-her2-negative")[0]
    assert hr.from_different_studies
    assert [cell.span for cell in hr.studies] == [1] * len(hr.columns)


def test_time_in_the_chair_comes_from_drips_and_injections_only(registry):
    assert clinic_sheet.chair_time(registry, registry.treatments["tdxd-pertuzumab"]) == [
        "Trastuzumab deruxtecan: the first drip takes about 90 minutes.",
        "Pertuzumab: the first drip takes about 60 minutes."]
    assert clinic_sheet.chair_time(registry, registry.treatments["elacestrant-pill"]) == []


def test_caveats_follow_the_study_and_result(registry):
    trial = registry.trials["destiny-breast09"]
    assert clinic_sheet.caveats(trial, trial.results[0]) == [
        "Early result (interim), may change.", "Survival not known yet.", "Open-label: people knew their treatment."]


def test_later_options_are_every_option_that_is_not_a_first_one(registry):
    later = clinic_sheet.later_options(registry, "her2-positive")
    assert [t.id for t in later] == ["palbociclib-maintenance", "tdxd-later", "tucatinib-combination", "tdm1-later"]


def test_every_support_number_equals_its_evidence_entry(registry):
    evidence = {entry["id"]: entry for entry in yaml.safe_load((EVIDENCE / "support.yaml").read_text())}
    for contact in registry.support.values():
        entry = evidence.get(contact.fact)
        assert entry, f"{contact.id}: no evidence entry {contact.fact!r}"
        assert contact.value == str(entry["value"]), contact.id
        assert contact.country == entry["country"].lower(), contact.id
        assert contact.checked.isoformat() == entry["added"], contact.id
    assert {c.country for c in registry.support.values() if c.kind == "emergency"} == {"kr", "us", "uk"}


def test_get_ready_box_links_the_handout_the_cards_and_the_tool(built_site):
    support = (built_site / "support.html").read_text()
    box = support[support.index('class="get-ready"'):].split("</aside>")[0]
    assert 'href="handouts/index.html"' in box and 'href="what-matters-to-me.html"' in box
    assert 'href="handouts/symptom-cards.html#card-lung-inflammation"' in box
    lung = (built_site / "lung-inflammation.html").read_text()
    assert 'href="handouts/symptom-cards.html#card-lung-inflammation"' in lung


def test_get_ready_for_a_subtype_links_its_handout_pdfs_and_presets_the_tool(registry):
    from mbc_guide.handouts import Handout
    from mbc_guide.page_macros import GuideMacros, SiteFacts
    from mbc_guide.rendering import component_environment

    site = SiteFacts(name="Guide", url="https://example.org/", handouts=[Handout("handouts/her2-positive.md", "HER2")],
                     pdfs=True)
    macros = GuideMacros(registry, component_environment(REPO / "overrides" / "components"), site)
    macros.start_page("options/tdxd-pertuzumab.md")
    html = str(macros.get_ready("her2-positive", treatment="tdxd-pertuzumab"))
    assert 'href="../handouts/her2-positive.html"' in html and 'href="../handouts/her2-positive-a4.pdf"' in html
    assert 'href="../what-matters-to-me.html?subtype=her2-positive"' in html
    assert 'href="../handouts/symptom-cards.html#card-lung-inflammation"' in html
    macros.start_page("options/palbociclib-hormone.md")
    html = str(macros.get_ready("hr-positive-her2-negative", treatment="palbociclib-hormone"))
    # Only the cards this option's medicines need: no heart card for HER2 medicines with palbociclib.
    assert set(re.findall(r"symptom-cards\.html#card-([a-z-]+)", html)) == {
        "infection-low-white-cells", "lung-inflammation", "emergency"}


def test_what_matters_form_has_a_labelled_group_per_tradeoff_and_the_questions_of_every_subtype(built_site, registry):
    html = (built_site / "what-matters-to-me.html").read_text()
    form = html[html.index("<form class=\"what-matters\""):]
    form = form[:form.index("</form>")]
    for tradeoff in registry.tradeoffs.values():
        assert f"<legend>{tradeoff.question['en']}</legend>" in form
        assert form.count(f'name="{tradeoff.id}"') == len(tradeoff.choices)
    for subtype in registry.subtypes.values():
        for question in subtype.questions:
            assert question["en"] in unescape(form)
    assert '<label for="what-matters-own-questions">' in form and '<button type="reset"' in form
    assert "Your answers stay on this device." in plain(form) and "sent anywhere" in plain(form)
    # No inline script: a strict Content-Security-Policy without 'unsafe-inline' is coming.
    assert 'src="assets/javascripts/what-matters.js"' in html


@pytest.mark.parametrize("page", ["what-matters-to-me.html", "handouts/her2-positive.html"])
def test_our_templates_load_their_scripts_from_files_not_inline(built_site, page):
    html = (built_site / page).read_text()
    assert "beforeprint" not in html and "mbc-guide:what-matters" not in html
    assert re.search(r'<script src="[./]*assets/javascripts/handout.js"></script>', html)


def test_support_page_lists_every_country_with_the_day_each_number_was_checked(built_site, registry):
    text = plain((built_site / "support.html").read_text())
    for contact in registry.support.values():
        assert f"{contact.name['en']}: {contact.value}" in text, contact.id
    # A country's list says "checked on" once when every line was checked the same day, else each line says it.
    by_country = {}
    for contact in registry.support.values():
        by_country.setdefault(contact.country, set()).add(contact.checked)
    expected = sum(1 if len(days) == 1 else sum(c.country == country for c in registry.support.values())
                   for country, days in by_country.items())
    assert text.count("Checked on 30 November 2026") == expected
    assert "alongside cancer treatment" in text and "It is not only for the end of life" in text


def test_median_pictures_say_many_people_live_longer(built_site):
    text = plain((built_site / "her2-positive.html").read_text())
    assert "many people live longer than it" in text


def test_a_row_of_median_results_of_one_kind_says_its_lead_once(registry):
    her2, = [t for t in clinic_sheet.first_options(registry, "her2-positive")]
    assert clinic_sheet.shared_lead(her2) == clinic_sheet.MEDIAN_LEADS[her2.studies[0].result.measure]
    no_study = clinic_sheet.SideBySide(her2.line, her2.topic, her2.columns, [*her2.studies, None])
    assert clinic_sheet.shared_lead(no_study) is None


def test_hair_loss_without_a_count_is_said_short_only_when_our_sources_do_not_report_it(registry):
    column = clinic_sheet.first_options(registry, "her2-positive")[0].columns[0]
    unreported = column.treatment.model_copy(update={"hair_loss": {"en": "Our sources do not report it. Ask."}})
    assert clinic_sheet.hair_loss_words(replace(column, treatment=unreported)) == "not in our sources"
    common = column.treatment.model_copy(update={"hair_loss": {"en": "Common."}})
    assert clinic_sheet.hair_loss_words(replace(column, treatment=common)) is None


def test_later_options_come_by_situation_each_once(registry):
    groups = clinic_sheet.later_groups(registry, "hr-positive-her2-negative")
    names = [clinic_sheet.later_group_name(g) for g in groups]
    assert names == ["Later treatment", "Antibody-drug conjugates", "After a CDK4/6 inhibitor",
                     "For cancer with an ESR1 change", "For cancer with a gene change",
                     "For HER2-low or HER2-ultralow cancer", "For cancer with a PIK3CA, AKT1 or PTEN change"]
    ids = [t.id for g in groups for t in g.treatments]
    assert len(ids) == len(set(ids)) and "ribociclib-hormone" not in ids
    assert clinic_sheet.later_group_name(clinic_sheet.LaterGroup("maintenance", None, [])) == "Maintenance treatment"


def test_options_given_the_same_way_share_one_cell(registry):
    hr = clinic_sheet.first_options(registry, "hr-positive-her2-negative")[0]
    cells = clinic_sheet.given_cells(registry, hr)
    # Ribociclib needs heart tracings too; abemaciclib and palbociclib are given alike and share a cell; before
    # menopause, ribociclib comes with goserelin injections.
    assert [[c.treatment.id for c in cell.columns] for cell in cells] == [
        ["ribociclib-hormone"], ["abemaciclib-hormone", "palbociclib-hormone"], ["ribociclib-premenopause"]]
    assert cells[1].names == "Abemaciclib, Palbociclib" and cells[1].text.startswith("Pills by mouth.")
    her2 = clinic_sheet.first_options(registry, "her2-positive")[0]
    assert len(clinic_sheet.given_cells(registry, her2)) == 2


def test_visits_an_earlier_table_gave_are_pointed_back_to_and_said_in_full_within_a_table(registry):
    first, immunotherapy = clinic_sheet.first_options(registry, "triple-negative")
    alone = next(c for c in first.columns if c.treatment.id == "sacituzumab-tnbc-first")
    combined = next(c for c in immunotherapy.columns if c.treatment.id == "sacituzumab-pembrolizumab")
    assert registry.treatments["sacituzumab-pembrolizumab"].clinic_visits == alone.treatment.clinic_visits
    assert alone.visits == alone.treatment.clinic_visits["en"]
    assert combined.visits == "Visits as for sacituzumab govitecan, earlier on this sheet."
    # Options given alike in one table keep their own words, so they still share one cell.
    hr = clinic_sheet.first_options(registry, "hr-positive-her2-negative")[0]
    assert [c.visits for c in hr.columns] == [c.treatment.clinic_visits["en"] for c in hr.columns]


def test_the_sheet_key_says_a_shared_lead_once(registry):
    tables = clinic_sheet.first_options(registry, "triple-negative")
    assert clinic_sheet.shows_medians(tables)
    assert clinic_sheet.sheet_lead(tables) == clinic_sheet.MEDIAN_LEADS["pfs_median"]
    mixed = replace(tables[0], studies=[None])
    assert clinic_sheet.sheet_lead([mixed, tables[1]]) is None
