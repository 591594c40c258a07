"""Issue 16: each class of framing mistake fails the build with one line, proved by breaking a copy of the data,
and the built site shows each fixed instance."""
import re
from html import unescape
from pathlib import Path

import pytest

from mbc_guide import clinic_sheet, phrases
from mbc_guide.cli import build_site, main
from mbc_guide.lint import frequency_words_against_rates
from mbc_guide.models import FORBIDDEN_HOST_IN_TEXT, forbidden_host
from mbc_guide.summaries import HeadlineResult, TwoValuesInOneTable, check_one_value_per_option
from project_edits import failed_build_errors
from test_data_errors import errors_for, line_of, replace_in

SUBTYPES = ("her2-positive", "hr-positive-her2-negative", "triple-negative")


def plain(html: str) -> str:
    text = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()
    return re.sub(r" ([,.:;)])", r"\1", text)


def page_text(site: Path, name: str) -> str:
    return plain((site / name).read_text())


def option_card(site: Path, page: str, option: str) -> str:
    html = (site / page).read_text()
    card = html[html.index(f'id="option-{option}"'):]
    return plain(card[:card.index('<h3 id="option-', 10) if '<h3 id="option-' in card[10:] else len(card)])


# Each class's data guard: break a copy of the data (file, text, replacement), then expect one located line.
# {line} is the line holding the last item of the case (a text in that file).
DATA_GUARDS = {
    "head-to-head study not listed by its option": (
        "treatments.yaml", "  trials: [destiny-breast09, cleopatra]", "  trials: [cleopatra]", "trials.yaml", "      treatment: thp",
        "destiny-breast09.arms[1].treatment: 'thp' was compared head to head in DESTINY-Breast09; add "
        "'destiny-breast09' to its trials in data/treatments.yaml"),
    "frequency word typed into data": (
        "treatments.yaml", '"lung inflammation, which can be serious"]\n  rated_side_effects: [db03-ild-any]',
        "lung inflammation (not common)]\n  rated_side_effects: [db03-ild-any]", "treatments.yaml", "lung inflammation (not common)",
        "tdxd-later.main_side_effects[4]: 'not common' is a frequency word; words for how often come from the rate "
        "(list the rate under rated_side_effects), never from the writer"),
    "mild for grade 2": (
        "key_facts.yaml", "had a low-grade form (grade 1 or 2)", "had a mild form (grade 1 or 2)", "key_facts.yaml", "mild form",
        "ild-mild-share.text: 'mild' is not a grade: grade 2 already has symptoms that need treatment; say 'grade 1 or 2' "
        "or 'low grade' (showing-numbers rule 11)"),
    "result without its analysis kind": (
        "trials.yaml", "      measure: pfs_median\n      analysis: interim\n", "      measure: pfs_median\n", "trials.yaml",
        "id: db09-pfs-median", "destiny-breast09.results[0].analysis: required field is missing"),
    "rate without what it counts": (
        "side_effects.yaml", "  severity: grade3_plus\n  counts: all_causes\n", "  severity: grade3_plus\n", "side_effects.yaml",
        "id: db09-serious", "db09-serious.counts: required field is missing"),
    "serious risk without its urgent box": (
        "alerts.yaml", "  medicines: [docetaxel, sacituzumab-govitecan, palbociclib,", "  medicines: [docetaxel, sacituzumab-govitecan,",
        "medicines.yaml", "  serious_risks: [infection-low-white-cells, lung-inflammation]",
        "palbociclib.serious_risks[0]: add 'palbociclib' under medicines in alert 'infection-low-white-cells' "
        "(data/alerts.yaml), so its urgent box shows"),
    "medicine without its serious risks": (
        "medicines.yaml", "  serious_risks: [immune-side-effects]\n", "", "medicines.yaml", "id: pembrolizumab",
        "pembrolizumab.serious_risks: required field is missing"),
    "source on a do-not-link host": (
        "sources.yaml", "  url: https://doi.org/10.1056/NEJMoa1607303", "  url: https://uat.mimsdev.com/palbociclib", "sources.yaml",
        "uat.mimsdev.com", "p2-nejm-2016.url: links mimsdev.com, a host readers must never be sent to (mirror, test server or "
        "repost); link the primary publication (DOI or PubMed) or an official page, or name the source without a link"),
}


@pytest.mark.parametrize("broken, old, new, shown, anchor, message", DATA_GUARDS.values(), ids=DATA_GUARDS.keys())
def test_each_framing_mistake_in_data_gives_one_line(project_copy, broken, old, new, shown, anchor, message):
    replace_in(project_copy / "data" / broken, old, new)
    line = line_of(project_copy / "data" / shown, anchor)
    assert errors_for(project_copy / "data") == [f"data/{shown}:{line}: {message}"]


def option_page_text(site: Path, option: str) -> str:
    """The article of an option's own page, without the menu and table of contents that repeat its headings."""
    html = (site / "options" / f"{option}.html").read_text()
    return plain(html[html.index("<article"):html.index("</article>")])


# 1. Head to head: one study's figures for both arms; one value per option and table; cross-study mark.



def test_one_option_never_shows_two_values_for_one_outcome_in_a_table(registry):
    cleopatra, db09 = registry.trials["cleopatra"], registry.trials["destiny-breast09"]
    mixed = {"thp": HeadlineResult(cleopatra, cleopatra.results[0]), "tdxd-pertuzumab": HeadlineResult(db09, db09.results[0])}
    with pytest.raises(TwoValuesInOneTable) as caught:
        check_one_value_per_option(mixed)
    assert str(caught.value) == ("option 'thp' would show two values for pfs_median in one table (CLEOPATRA 18.5, "
                                 "DESTINY-Breast09 26.9); use the head-to-head study for both")


def test_grid_and_handout_use_the_head_to_head_study_and_mark_different_studies(built_site):
    grid = "".join((built_site / f"compare/{subtype}.html").read_text() for subtype in SUBTYPES)
    her2_first = plain(re.findall(r'<table class="option-grid">.*?</table>', grid, re.S)[0])
    # Both options show DESTINY-Breast09's figures, in one cell that spans both columns (said once).
    assert "18.5 months" not in her2_first and her2_first.count("(26.9 months)") == 1
    assert re.search(r'<td colspan="2">[^<]*26\.9 months', re.findall(r'<table class="option-grid">.*?</table>', grid, re.S)[0])
    assert "Different studies: do not compare" not in her2_first
    tables = [plain(t) for t in re.findall(r'<table class="option-grid">.*?</table>', grid, re.S)]
    cdk = next(t for t in tables if "Ribociclib" in t and "Palbociclib" in t)
    # Said once per table, at its results row; each cell still names its own study and analysis.
    assert cdk.count("Different studies: do not compare.") == 1
    assert "MONALEESA-2, updated analysis" in cdk and "PALOMA-2, main analysis" in cdk
    pd_l1 = next(t for t in tables if "Pembrolizumab with chemotherapy" in t)
    # ASCENT-04 compared both options: one cell gives its result for both.
    assert "KEYNOTE-355" not in pd_l1 and pd_l1.count("From the ASCENT-04 study") == 1
    handout = page_text(built_site, "handouts/her2-positive.html")
    assert "18.5 months" not in handout


# 2. Access notes belong to an indication and show only there.

def test_an_access_note_must_name_its_indication(project_copy):
    access = project_copy / "data" / "access.yaml"
    text = access.read_text()
    start = text.index("- id: palbociclib-us\n")
    block = text[start:text.index("\n- id:", start + 1) + 1]
    access.write_text(text.replace(block, re.sub(r"  indications:\n(  - .*\n(    .*\n)?)+", "", block)))
    assert errors_for(project_copy / "data") == [
        f"data/access.yaml:{line_of(access, '- id: palbociclib-us')}: palbociclib-us.indications: required field is missing"]


def test_notes_for_another_indication_are_not_shown_and_the_page_says_none_applies(built_site):
    access = option_page_text(built_site, "palbociclib-maintenance").split("Is it approved")[1].split("Questions to ask")[0]
    assert "letrozole" not in access and "as of" not in access
    assert "Palbociclib: no approval or coverage note applies to this use" in access


# 3. Frequency words come from the rate.





def test_frequency_word_next_to_a_contradicting_rate_fails_the_page(project_copy):
    page = project_copy / "content" / "en" / "lung-inflammation.md"
    replace_in(page, "{{ key_fact(\"ild-first-year\") }}", "Lung inflammation is not common. {{ side_effect_picture(\"db09-ild-any\") }}")
    line = line_of(page, "Lung inflammation is not common.")
    assert (f"content/en/lung-inflammation.md:{line}: 'not common' next to 'about 12 out of 100', which is very common by "
            "the leaflet convention (showing-numbers rule 11); use the word the rate gives") in failed_build_errors(project_copy)


def test_frequency_lint_accepts_words_that_fit_the_rate():
    assert list(frequency_words_against_rates("p.md", "This is uncommon: fewer than 1 out of 100 people had it.", "")) == []
    assert [str(f) for f in frequency_words_against_rates("p.md", "It was mild (grade 1 or 2).", "It was mild")] == [
        "p.md:1: 'mild' next to grade 2, which already has symptoms that need treatment; say 'grade 1 or 2' or 'low grade'"]


@pytest.mark.parametrize("percent, word", [(12.1, "very common"), (10, "common"), (1, "common"), (0.5, "uncommon"),
                                           (0.05, "rare"), (0, "none seen")])
def test_frequency_words_follow_the_leaflet_bands(percent, word):
    assert phrases.frequency_word(percent) == word


def test_lung_words_on_the_built_site(built_site):
    for page in ("her2-positive.html", "hr-positive-her2-negative.html", "lung-inflammation.html", "compare/her2-positive.html"):
        text = page_text(built_site, page)
        assert "not common" not in text and "mild (grade 1 or 2)" not in text, page
    grid = page_text(built_site, "compare/her2-positive.html")
    assert "very common (about 12 out of 100 people in DESTINY-Breast09)" in grid


# 4. The caveat travels with the figure, in every component.



@pytest.mark.parametrize("page, words", [
    ("hr-positive-her2-negative.html", "survival not known yet; small or exploratory group, less certain; group chosen after the study (post hoc), less certain."),
    ("compare/hr-positive-her2-negative.html", "group chosen after the study (post hoc), less certain"),
    ("compare/her2-positive.html", "From the DESTINY-Breast09 study: early result (interim), may change; survival not known yet"),
    ("handouts/her2-positive.html", "Early result (interim), may change. Survival not known yet. Open-label: people knew their treatment."),
    ("compare/triple-negative.html", "From the DESTINY-Breast04 (a smaller group with hormone receptor-negative cancer) study: small or exploratory group, less certain"),
    ("studies/destiny-breast06.html", "HER2-ultralow cancer. This was a small group, so this result is less certain. "),
    ("studies/destiny-breast06.html", "small or exploratory group, less certain; the difference may be due to chance."),
    ("compare/triple-negative.html", "From the TROPION-Breast02 study (main analysis): conference only, not yet in a journal"),
    ("compare/hr-positive-her2-negative.html", "From the MONALEESA-2 study (updated analysis): press release only, not a full publication"),
    ("her2-positive.html", "survival not known yet; open-label: people knew their treatment. Only people whose cancer had not grown"),
    ("compare/triple-negative.html", "From the ASCENT-03 study (main analysis): early result (interim), may change; survival not known yet"),
])
def test_every_component_shows_the_caveat_with_the_figure(built_site, page, words):
    assert words in page_text(built_site, page)


def test_picture_captions_carry_the_caveat(built_site):
    html = (built_site / "her2-positive.html").read_text()
    captions = [plain(c) for c in re.findall(r"<figcaption>(.*?)</figcaption>", html, re.S)]
    db09 = [c for c in captions if "DESTINY-Breast09" in c]
    assert db09 and all("early result (interim), may change" in c for c in db09)


def test_ultralow_result_says_the_difference_may_be_chance(registry):
    trial = registry.trials["destiny-breast06"]
    ultralow = next(r for r in trial.results if r.id == "db06-pfs-median-her2-ultralow")
    assert "the difference may be due to chance" in phrases.result_sentence(trial, ultralow)


# 5. Say what was counted; "not reported" only where the evidence says so.



def test_labels_come_from_what_was_counted(registry):
    effects = registry.effects
    def heading(rate_id):
        rate = registry.side_effects[rate_id]
        return phrases.side_effect_heading(rate, effects[rate.effect].name["en"])
    assert heading("db09-serious") == "Severe side effects of any kind (grade 3 or higher)"
    assert heading("db09-serious-adverse-events").startswith("Serious adverse events")
    assert heading("tb01-serious") == "Severe side effects of any kind thought to be caused by the treatment (grade 3 or higher)"
    assert heading("patina-serious") == "Severe side effects of any kind (grade 3 only; grade 4 counted apart)"
    # Stopping treatment is counted over every side effect, so it has no grade of its own.
    assert heading("db09-stopped-treatment") == "Stopping treatment because of side effects"
    assert heading("cleopatra-heart-weakness") == "Weaker heart pumping (left ventricular dysfunction) (any grade)"


def test_cells_say_not_reported_only_from_data(built_site):
    lung = page_text(built_site, "lung-inflammation.html")
    assert "not reported" not in lung.replace("none reported in either group", "")
    assert "3 people died of it; the report gives no rate" in lung
    assert "The rows were not counted the same way" in lung and "are counted the same way" not in lung
    db09 = page_text(built_site, "studies/destiny-breast09.html")
    assert "Severe side effects of any kind (grade 3 or higher)" in db09
    assert "Serious side effects of any kind (grade 3 or higher)" not in db09
    ascent = page_text(built_site, "studies/ascent.html")  # chemotherapy's diarrhoea: '<1%' in the source
    assert "fewer than 1 out of 100" in ascent


# 6. Urgent boxes for every serious risk of every option.





@pytest.mark.parametrize("subtype", ["her2-positive", "hr-positive-her2-negative", "triple-negative"])
def test_every_option_page_overview_and_handout_shows_every_serious_risk(built_site, registry, subtype):
    page = registry.subtypes[subtype].page.replace(".md", ".html")
    overview = plain((built_site / page).read_text())
    handout = plain((built_site / "handouts" / page).read_text())
    described = {m for t in clinic_sheet.first_options(registry, subtype) for c in t.columns for m in c.treatment.medicines}
    in_full = {a for m in described for a in registry.medicines[m].serious_risks}
    for treatment in registry.treatments_for(subtype):
        option = option_page_text(built_site, treatment.id)
        for medicine in treatment.medicines:
            for alert_id in registry.medicines[medicine].serious_risks + ["emergency"]:
                alert = registry.alerts[alert_id]
                # The option's own page shows every word of the alert's entry: each symptom, and each sentence of
                # what to do (said once where several of its boxes share it); the overview lists every symptom of the
                # same entry in its short list near the top.
                assert all(plain(symptom["en"]) in option for symptom in alert.symptoms), (treatment.id, alert_id)
                assert [s for s in phrases.sentences(plain(alert.action["en"])) if s not in option] == [], (treatment.id, alert_id)
                assert "; ".join(plain(symptom["en"]) for symptom in alert.symptoms) in overview, (page, alert_id)
                # The handout lists in short, from the same entry, the symptoms of each option it describes with
                # side effects (its first options); an option it only names on page 2 has the alert named, with the
                # symptom cards' address, so no urgent symptom is left off without a word.
                if alert_id in in_full or alert.every_option:
                    assert "; ".join(symptom["en"] for symptom in alert.symptoms) in handout, (subtype, alert_id)
                else:
                    name = alert.name["en"]
                    assert name[:1].lower() + name[1:] in handout and "handouts/symptom-cards.html" in handout, (
                        subtype, treatment.id, alert_id)


def test_her2_page_mentions_the_heart_and_pembrolizumab_lists_chest_pain(built_site):
    her2 = page_text(built_site, "her2-positive.html")
    assert "heart scan" in her2
    tnbc = page_text(built_site, "triple-negative.html")
    assert "a new or worse cough, chest pain or shortness of breath" in tnbc
    assert "or after it has stopped" in tnbc


# 7. The missing option.

def test_her2_low_triple_negative_option_with_its_test_prompt(built_site):
    card = option_card(built_site, "triple-negative.html", "tdxd-her2-low-tnbc")
    assert "DESTINY-Breast04 (a smaller group with hormone receptor-negative cancer)" in card
    assert "small or exploratory group, less certain" in card
    page = page_text(built_site, "triple-negative.html")
    assert "Ask your care team whether your cancer was tested for HER2-low" in page
    assert "Is my cancer HER2-low?" in page


# 8. Sources link primary publications or official pages, never the do-not-link hosts.



@pytest.mark.parametrize("url, host", [("https://uat.mimsdev.com/x", "mimsdev.com"), ("http://47.251.13.51:8081/1", "47.251.13.51"),
                                       ("https://wwwonclivecom-b2oh4h7sc-mjhls.vercel.app/v", "vercel.app"),
                                       ("https://doi.org/10.1056/NEJMoa1607303", None)])
def test_forbidden_hosts(url, host):
    assert forbidden_host(url) == host


def test_no_page_links_a_do_not_link_host(built_site):
    links = [href for page in built_site.rglob("*.html") for href in re.findall(r'href="(https?://[^"]+)"', page.read_text())]
    assert links and [link for link in links if forbidden_host(link)] == []
    sources = page_text(built_site, "sources.html")
    assert "Palbociclib and Letrozole in Advanced Breast Cancer (Finn and others)" in sources
    assert "Source: (" not in sources and "(Robson et al." not in sources


def test_no_page_names_a_do_not_link_host_even_without_a_link(built_site):
    """What a page names a reader can type: pages, their addresses and the search index name none of those hosts
    (the theme's own scripts, which readers never read, are left out)."""
    readable = [*built_site.rglob("*.html"), *built_site.rglob("search_index.json")]
    named = {f"{path.relative_to(built_site)}: {found.group(0)}" for path in readable
             for found in FORBIDDEN_HOST_IN_TEXT.finditer(path.read_text(encoding="utf-8"))}
    assert len(readable) > 100 and sorted(named) == []


# 9. Currency and certainty of access notes.

def test_an_old_access_note_warns(project_copy):
    access = project_copy / "data" / "access.yaml"
    replace_in(access, "  as_of: 2026-11-30\n", "  as_of: 2025-01-01\n")
    line = line_of(access, "as_of: 2025-01-01")
    result = build_site(project_copy / "mkdocs.yml", project_copy / "site")
    assert result and (f"data/access.yaml:{line}: tdxd-us-first.as_of: warning: as of 2025-01-01 is more than 6 months "
                       "older than the last review of her2-positive.md (2026-11-26); check the note against the newest "
                       "access facts: if one is newer, update the note and its as_of; if none is, keep as_of and write "
                       "the day you checked in checked:") in result.warnings


def test_an_old_check_of_an_access_note_warns_once_for_both_editions(tmp_path):
    from korean_site import korean_site_sources

    project = korean_site_sources(tmp_path)  # both editions, each built with the same plugin
    access = project / "data" / "access.yaml"
    note = "- id: tucatinib-us\n"
    text = access.read_text()
    block = text[text.index(note):text.index("\n- id: ", text.index(note) + 1)]
    access.write_text(text.replace(block, block.replace("  checked: 2026-11-30\n", "  checked: 2026-03-01\n")))
    line = line_of(access, "checked: 2026-03-01")
    result = build_site(project / "mkdocs.yml", project / "site")
    assert result
    access_warnings = [w for w in result.warnings if w.startswith("data/access.yaml")]
    assert access_warnings == [
        f"data/access.yaml:{line}: tucatinib-us.checked: warning: checked on 2026-03-01 is more than 6 months older "
        "than the last review of her2-positive.md (2026-11-26); check the note against the newest access facts: if one "
        "is newer, update the note and its as_of; if none is, keep as_of and write the day you checked in checked:"]
    assert len(result.warnings) == len(set(result.warnings))  # the placeholder warnings, too, once each


def test_uncertain_notes_say_so(built_site):
    page = option_page_text(built_site, "tdxd-her2-low")
    assert "We found no final decision" in page and "We could not fully confirm this" in page
    assert "so people pay the full cost" not in page
    abemaciclib = option_page_text(built_site, "abemaciclib-hormone")
    assert "We could not confirm when coverage as a first treatment" in abemaciclib


# 10. Smaller fixes and the publishing configuration.

def test_publishing_refuses_placeholders_while_a_preview_builds(project_copy, capsys):
    assert main(["build", "--config", str(project_copy / "mkdocs.yml"), "--site-dir", str(project_copy / "site"), "--publish"]) == 1
    err = capsys.readouterr().err
    assert ("mkdocs.yml: extra.publisher.organisation: still a placeholder; fill it in before publishing "
            "(a local preview with `make site` works without it)") in err.splitlines()
    assert ("mkdocs.yml: site_url: https://mbc-guide.example.org/ is a placeholder address; set the site's real address "
            "before publishing (handouts print it and their QR codes point to it)") in err.splitlines()
    assert "Traceback" not in err


def test_publishing_builds_once_filled_in(project_copy, monkeypatch):
    config = project_copy / "mkdocs.yml"
    text = re.sub(r"PLACEHOLDER \([^)]*\)", "Example Cancer Charity", config.read_text())
    config.write_text(text.replace("https://mbc-guide.example.org/", "https://guide.cancer-charity.kr/"))
    monkeypatch.setenv("MBC_PUBLISH", "1")
    assert build_site(config, project_copy / "site")
    assert "This site is run by Example Cancer Charity" in page_text(project_copy / "site", "about.html")


def test_smaller_fixes_on_the_built_site(built_site):
    texts = {page.relative_to(built_site).as_posix(): plain(page.read_text()) for page in built_site.rglob("*.html")}
    assert [p for p, t in texts.items() if re.search(r"\b(\d+) months \(\1 months\)", t)] == []
    assert [p for p, t in texts.items() if "PLACEHOLDER:" in t] == []
    assert "given together with chemotherapy" not in option_page_text(built_site, "sacituzumab-pembrolizumab")
    thp = option_page_text(built_site, "thp")
    assert "some people's hair loss has been permanent" in thp or "permanent" in page_text(built_site, "compare/her2-positive.html")
    assert "A time shown as a median is the middle, not a limit: many people live longer than it." in texts["her2-positive.html"]
