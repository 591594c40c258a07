"""Every page shows what its data names: the options on each subtype page, the option grid, glossary, sources, reviews."""
import datetime as dt
import re
from collections import Counter
from pathlib import Path
from decimal import ROUND_HALF_UP, Decimal
from html import unescape

import pytest
from page_parts import parts

from mbc_guide import clock, phrases
from mbc_guide.cli import build_site
from mbc_guide.languages import korean_registry
from mbc_guide.option_facts import alerts_for
from mbc_guide import clinic_sheet
from mbc_guide.repetition import SENTENCE_END
from mbc_guide.summaries import headlines_side_by_side, option_groups

SUBTYPE_PAGES = ("her2-positive", "hr-positive-her2-negative", "triple-negative")


def plain(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def option_headings(html: str) -> list[str]:
    return re.findall(r'<div class="option-card" data-option="([a-z0-9-]+)"', html)


@pytest.mark.parametrize("subtype", SUBTYPE_PAGES)
def test_each_subtype_page_lists_exactly_the_options_its_data_names(built_site, registry, subtype):
    html = (built_site / registry.subtypes[subtype].page.replace(".md", ".html")).read_text()
    shown = option_headings(html)
    assert len(shown) == len(set(shown)), "an option is shown twice"
    assert sorted(shown) == sorted(t.id for t in registry.treatments_for(subtype))


BRIEF_FOLD = re.compile(r'<details class="info option-briefs">\s*<summary>(.*?)</summary>(.*?)</details>', re.S)


def test_later_options_in_brief_are_each_named_in_a_fold_with_their_study_and_every_arm(built_site, registry):
    """The HR-positive overview folds its later options by situation: each fold's summary names every option in it,
    and each brief says who it was tested in and what the study found for every arm, with its caveats."""
    from mbc_guide.option_facts import compared_result
    html = (built_site / "hr-positive-her2-negative.html").read_text()
    folds = BRIEF_FOLD.findall(html)
    later = [t for t in registry.treatments_for("hr-positive-her2-negative") if "first" not in t.lines]
    briefed = {}
    for summary, body in folds:
        for option in re.findall(r'data-option="([a-z0-9-]+)" data-line="later" data-brief', body):
            briefed[option] = body
            assert registry.treatments[option].name["en"] in unescape(summary), option
    assert sorted(briefed) == sorted(t.id for t in later)
    for treatment in later:
        group = [t for t in later if t.topic == treatment.topic]
        shown = compared_result(registry, treatment, group)
        text = plain(briefed[treatment.id])
        # Who it was tested in: the option's own words where data has them, else its study's population.
        who = treatment.tested_after["en"] if treatment.tested_after else shown.trial.population["en"]
        assert plain(who) in text, treatment.id
        assert phrases.result_sentence(shown.trial, shown.result) in text, treatment.id


def test_every_option_page_shows_how_it_is_given_and_its_access_notes(built_site, registry):
    for treatment in registry.treatments.values():
        text = plain((built_site / "options" / f"{treatment.id}.html").read_text())
        for medicine in treatment.medicines:
            assert registry.medicines[medicine].given.schedule["en"] in text, (treatment.id, medicine)
            for note in registry.access_for(medicine, treatment.id):
                assert f"(as of {note.as_of.strftime('%B %Y')}; for " in text, (treatment.id, note.id)
                assert note.status["en"] in text, (treatment.id, note.id)


@pytest.fixture(scope="module")
def grid_html(built_site):
    return "".join((built_site / f"compare/{subtype}.html").read_text() for subtype in SUBTYPE_PAGES)


@pytest.mark.parametrize("subtype", SUBTYPE_PAGES)
def test_option_grid_shows_every_option_with_every_row_value(grid_html, registry, subtype):
    for treatment in registry.treatments_for(subtype):
        assert f'data-option="{treatment.id}"' in grid_html, treatment.id
    text = plain(grid_html)
    for treatment in registry.treatments_for(subtype):
        expected = [treatment.clinic_visits["en"], treatment.hair_loss["en"], treatment.time_on_treatment["en"]]
        expected += [effect["en"] for effect in treatment.main_side_effects[1:]]
        expected += [registry.medicines[m].given.schedule["en"] for m in treatment.medicines]
        headline = side_by_side(registry, subtype)[treatment.id]
        tested = any(t.results and treatment.id in {a.treatment for a in t.arms} for t in registry.trials.values())
        assert bool(headline) == tested, f"{treatment.id}: a result exactly when it was an arm of a study with results"
        if tested:  # which study it is, is checked in test_choices.py without the code that chooses it
            expected.append(phrases.result_sentence(headline.trial, headline.result))
        # Each sentence is on its type's compare page; one another option already gave is said once, there.
        missing = [sentence for value in expected for sentence in SENTENCE_END.split(value) if sentence not in text]
        assert missing == [], treatment.id


def side_by_side(registry, subtype):
    headlines = {}
    for group in option_groups(registry, subtype):
        headlines |= headlines_side_by_side(registry, group.treatments)
    return headlines


def test_option_grid_rows_line_up_with_its_columns(grid_html):
    for table in re.findall(r'<table class="option-grid">.*?</table>', grid_html, re.S):
        columns = table.count('<th scope="col" data-option=')
        rows = re.findall(r"<tr><th scope=\"row\">.*?</tr>", table, re.S)
        assert len(rows) == 8
        # A cell that spans neighbouring options (they share the answer) counts once per column it covers.
        spans = [row.count("<td>") + sum(int(n) for n in re.findall(r'<td colspan="(\d+)">', row)) for row in rows]
        assert spans == [columns] * len(rows)


def test_option_grid_says_a_shared_answer_once_for_neighbouring_options(grid_html, registry):
    """DESTINY-Breast09 compared T-DXd with pertuzumab and THP: the first HER2-positive table gives its result once."""
    table = re.findall(r'<table class="option-grid">.*?</table>', grid_html, re.S)[0]
    assert 'data-option="tdxd-pertuzumab"' in table and 'data-option="thp"' in table
    found = re.search(r'<th scope="row">Study result</th><td colspan="2">(.*?)</td>', table, re.S)
    assert found, "the study result spans both columns"
    assert "On THP, this was" in plain(found.group(1)) and "DESTINY-Breast09 study: early result" in plain(found.group(1))
    assert plain(table).count("Half of the people on trastuzumab deruxtecan with pertuzumab") == 1


@pytest.mark.parametrize("page", [*SUBTYPE_PAGES, "lung-inflammation"])
def test_pages_draw_their_numbers_as_pictures(built_site, page):
    html = (built_site / f"{page}.html").read_text()
    assert 'class="median-chart"' in html if page in SUBTYPE_PAGES else 'class="icon-array icon-array--harm"' in html


def test_lung_page_pictures_fill_one_icon_per_person_of_each_pictured_rate(built_site, registry):
    html = (built_site / "lung-inflammation.html").read_text()
    pictured = html[html.index('<details class="across-studies-fold">'):]  # the pictures fold with the table
    filled = [int(n) for n in re.findall(r'data-filled="(\d+)" data-partial="(?:true|false)"', pictured)][:4]
    partial = re.findall(r'data-partial="(true|false)"', pictured)[:4]
    expected = [figure.value for rate in ("db09-ild-any", "db04-ild-any")
                for figure in registry.side_effects[rate].values.values()]
    assert filled == [0 if value < 1 else int(Decimal(str(value)).quantize(Decimal(1), ROUND_HALF_UP)) for value in expected]
    assert partial == ["true" if 0 < value < 1 else "false" for value in expected]


def test_lung_page_lists_every_ild_rate_on_the_same_100_people(built_site, registry):
    text = plain((built_site / "lung-inflammation.html").read_text())
    for rate in registry.rates_for_effect("ild"):
        for figure in rate.values.values():
            value = f"{figure.value:g}%"
            assert re.search(rf"(?<![\d.]){re.escape(value)}", text), (rate.id, value)  # "1%" is not in "12.1%"
    assert "Do not compare rows from different studies with each other" in text
    assert "Call your care team straight away, day or night, if you have:" in text


def test_every_urgent_box_on_every_page_says_its_alert_in_the_entry_s_words(built_site, registry):
    """Grouped or alone, full or in short: each alert's part of a box names every symptom of its entry, under the
    entry's opening line. Every alert is on the urgent symptoms page."""
    korean = korean_registry(registry, Path(__file__).resolve().parent.parent / "data")
    pages = {}
    for page in built_site.rglob("*.html"):
        address = page.relative_to(built_site).as_posix()
        language, alerts = ("ko", korean.alerts) if address.startswith("ko/") else ("en", registry.alerts)
        html = page.read_text()
        boxes = html.split('<div class="urgent-box"')[1:]
        for box in boxes:
            for alert_id in re.findall(r'data-alert="([a-z0-9-]+)"', box.split('<div class="urgent-box"')[0]):
                alert = alerts[alert_id]
                text = plain(box)
                assert alert.title[language] in text, (address, alert_id)
                assert [s[language] for s in alert.symptoms if s[language] not in text] == [], (address, alert_id)
                pages.setdefault(alert_id, set()).add(address)
    assert set(pages) == set(registry.alerts)
    for edition in ("", "ko/"):
        assert all(f"{edition}urgent-symptoms.html" in shown for shown in pages.values()), edition
        assert {f"{edition}lung-inflammation.html", f"{edition}options/tdxd-pertuzumab.html"} <= pages["lung-inflammation"]


@pytest.mark.parametrize("subtype", SUBTYPE_PAGES)
def test_subtype_handout_shows_every_option_each_first_one_with_its_study_and_the_questions(built_site, registry, subtype):
    text = plain((built_site / "handouts" / f"{subtype}.html").read_text())
    for table in clinic_sheet.first_options(registry, subtype):
        for column in table.columns:
            assert phrases.sentence_case(column.treatment.name["en"]) in text, column.treatment.id
        for cell in filter(None, table.studies):
            assert f"{cell.trial.name} study (reported" in text
            for figure in cell.result.values.values():
                assert f"({figure.value:g} months)" in text or f"{figure.value:g}" in text, (cell.trial.id, figure)
            for caveat in clinic_sheet.caveats(cell.trial, cell.result):
                assert caveat in text[text.index(f"{cell.trial.name} study (reported"):], (cell.trial.id, caveat)
    for treatment in clinic_sheet.later_options(registry, subtype):
        assert phrases.sentence_case(treatment.name["en"]) + ":" in text, treatment.id
    # The subtype's suggested questions, from data, to tick on page 2.
    for question in registry.subtypes[subtype].questions:
        assert question["en"] in text, question["en"]
    # The urgent box: in full, the alerts of the options described with side effects (the first options); by name,
    # with the symptom cards' address, those that only the later options named on page 2 need.
    described = {m for t in clinic_sheet.first_options(registry, subtype) for c in t.columns for m in c.treatment.medicines}
    later = {m for t in clinic_sheet.later_options(registry, subtype) for m in t.medicines}
    alerts = [a for a in registry.alerts.values() if a.every_option or described & set(a.medicines)]
    urgent = text[text.index("Call your care team straight away, day or night, if you have:"):text.index("First treatment")]
    for alert in alerts:
        # Under its own opening line, word for word; plain() leaves a space where </strong> closed the name
        assert f"{alert.title['en']}:" in urgent, alert.id
        assert f"{alert.name['en']} : " + "; ".join(s["en"] for s in alert.symptoms) + "." in urgent, alert.id
    for alert in registry.alerts.values():
        if alert not in alerts and later & set(alert.medicines):
            name = alert.name["en"]
            assert name[:1].lower() + name[1:] in urgent and "handouts/symptom-cards.html" in urgent, alert.id
            assert "; ".join(s["en"] for s in alert.symptoms) not in urgent, alert.id  # named once, not in full
    assert "The aim of treatment:" in text and "does not say which option is right for you" in text
    for field in ("Option we talked about:", "Next appointment:", "Tests before next visit:", "My own questions", "Notes"):
        assert field in text, field


def test_handout_index_links_every_handout_page_and_no_pdf_a_pages_build_did_not_make(built_site):
    """`make pages` and the preview print no PDFs, so they link to none (the browser suite checks `make site`)."""
    html = (built_site / "handouts" / "index.html").read_text()
    handouts = sorted(p.stem for p in (built_site / "handouts").glob("*.html")
                      if p.stem != "index" and 'http-equiv="refresh"' not in p.read_text())  # not the moved page's redirect
    assert len(handouts) == 4
    for name in handouts:
        assert f'href="{name}.html"' in html, name
    linked = [page.name for page in built_site.rglob("*.html") if re.search(r'href="[^"]*\.pdf"', page.read_text())]
    assert linked == []


def test_symptom_card_sheet_has_a_card_per_alert_with_its_words_and_every_medicine_it_covers(built_site, registry):
    html = (built_site / "handouts" / "symptom-cards.html").read_text()
    assert html.count('class="pocket-card"') == len(registry.alerts)
    for alert in registry.alerts.values():
        section = html[html.index(f'id="card-{alert.id}"'):].split("</section>")[0]
        card = plain(section)
        assert f'-title">{alert.name["en"]}</h2>' in section, alert.id
        for medicine in alert.medicines:
            assert registry.medicines[medicine].name["en"] in card
        assert alert.medicines or "For everyone, with any cancer medicine." in card
        # The entry's words as every urgent box states them: title, each symptom, what to do.
        for line in [alert.title["en"] + ":", *(s["en"] for s in alert.symptoms), alert.action["en"]]:
            assert line in card, (alert.id, line)
        assert "My care team's phone:" in card and "Out of hours:" in card
    # Emergency numbers once on the sheet, from the support data.
    assert plain(html).count("In an emergency, call 119 (Korea), 911 (United States) or 999 (United Kingdom).") == 1


def test_sources_page_lists_every_source_with_the_pages_that_use_it(built_site, registry):
    html = (built_site / "sources.html").read_text()
    for source in registry.sources.values():
        assert f'id="source-{source.id}"' in html
    entry = html[html.index('id="source-db09-nejm-2025"'):]
    entry = entry[:entry.index("</li>")]
    # Used on several pages: their links fold under one label, one Tab stop for a keyboard reader.
    pages = re.search(r'<details class="used-on"><summary>Used on (\d+) pages</summary><p>(.*?)</p></details>', entry)
    assert pages and 'href="her2-positive.html"' in pages[2]
    assert pages[2].count("<a ") == int(pages[1])
    assert "<!-- used-by:" not in html


@pytest.mark.parametrize("edition", ["", "ko/"])
def test_sources_page_folds_every_source_under_its_study_with_a_heading_per_part(built_site, registry, edition):
    """159 sources in one list were 328 Tab stops and dozens of phone screens; folded by study, a reader opens the
    study they want. Each source sits in one fold, the fold's count is its entries, and each part is in the table
    of contents."""
    html = (built_site / f"{edition}sources.html").read_text()
    folds = parts(html, "source-group")
    held = [attrs["id"] for fold in folds for attrs in fold.inside if attrs.get("id", "").startswith("source-")]
    assert set(held) == {f"source-{source}" for source in registry.sources}
    assert len(held) == len(set(held)), "a source is in two folds"
    by_id = {fold.attrs["id"]: fold for fold in folds}
    db09 = by_id["sources-destiny-breast09"]
    listed = sum(attrs.get("id", "").startswith("source-") for attrs in db09.inside)
    count = {"": f"DESTINY-Breast09: {listed} sources", "ko/": f"DESTINY-Breast09: 출처 {listed}개"}[edition]
    assert db09.text.startswith(count) and {"id": "source-db09-nejm-2025"} in db09.inside
    notes = Counter(note.country for note in registry.access.values())
    if not edition:
        assert {fold.attrs["id"]: fold.text.split(" notes")[0] for fold in folds if "access" in fold.attrs["id"]} == {
            f"access-sources-{code}": f"{phrases.country_name(code)}: {n}" for code, n in notes.items()}
    contents = re.findall(r'href="#([a-z-]+)" class="md-nav__link"', html)
    assert {"study-sources", "other-sources", "approval-and-insurance-sources"} <= set(contents)
    # Outside the folds, a keyboard reader meets no entry's link.
    unfolded = re.sub(r'<details class="source-group".*?</ol>\s*</details>|<details class="source-group".*?</ul>\s*</details>',
                      "", html[html.index("<article"):html.index("</article>")], flags=re.S)
    assert 'id="source-' not in unfolded and "https://" not in unfolded


@pytest.mark.parametrize("edition", ["", "ko/"])
def test_a_source_a_page_links_in_its_own_words_is_listed_as_used_there(built_site, edition):
    """The support page links the WHO's palliative care guide in its text: the sources page says so, not "no page
    yet" (it did before for 8 such sources)."""
    html = (built_site / f"{edition}sources.html").read_text()
    entry = html[html.index('id="source-who-palliative-guide-2007"'):]
    entry = entry[:entry.index("</li>")]
    assert re.search(r'class="used-on">[^<]*<a href="support.html">', entry), entry[-300:]


def test_a_page_with_urgent_boxes_lists_where_their_words_come_from(built_site, registry):
    """An urgent box's words come from a medicine's guide or label: the page's source list names it, as it names a
    figure's study (the urgent page listed no source before, and the 9 alerts' sources were used on "no page yet")."""
    urgent_page = (built_site / "urgent-symptoms.html").read_text()
    assert {f'id="source-{alert.source}"' for alert in registry.alerts.values()} <= set(
        re.findall(r'id="source-[a-z0-9-]+"', urgent_page))
    for treatment in registry.treatments.values():
        html = (built_site / f"options/{treatment.id}.html").read_text()
        for alert in alerts_for(registry, treatment.medicines):
            assert f'id="source-{alert.source}"' in html, (treatment.id, alert.id)


def test_each_source_links_an_address_once(built_site):
    """Where a source was read at its own address, "Read in" names the journal without a second link to it: two
    links in a row to one page are two Tab stops and two announcements for the same thing."""
    entries = {}
    for page in ("sources.html", "studies/monarch-3.html"):
        found = dict(re.findall(r'<li id="source-([a-z0-9-]+)">(.*?)</li>', (built_site / page).read_text(), re.S))
        assert found, page
        for entry in found.values():
            outside = re.findall(r'<a href="(http[^"]+)"', entry)
            assert len(outside) == len(set(outside)), f"{page}: {entry[:120]}"
        entries[page] = found
    assert "Read in: Annals of Oncology (PubMed 38729566)." in plain(entries["sources.html"]["m3-annonc-2024"])


def test_no_page_counts_one_thing_in_the_plural(built_site):
    """"Show the 1 sources of this page" reads as a mistake: a fold of one source or word says so in the singular."""
    pages = list(built_site.rglob("*.html"))
    plural_one = {f"{page.relative_to(built_site)}: {found}" for page in pages
                  for found in re.findall(r"\b1 (?:sources|words|options|pages)\b", plain(page.read_text()))}
    assert sorted(plural_one) == []
    assert "Show the source of this page" in plain((built_site / "studies/pembrolizumab-label-pooled.html").read_text())


def test_every_page_shows_review_dates(built_site):
    for page in built_site.glob("*.html"):
        if page.name != "404.html":
            assert "Next review due:" in page.read_text(), page.name


def test_pages_explain_the_words_they_use(built_site):
    text = plain((built_site / "studies" / "keynote-355.html").read_text())
    assert "Words used on this page" in text
    assert "combined positive score (CPS) A PD-L1 test score" in text


def test_undefined_abbreviation_fails_the_build_naming_page_and_word(project_copy, capsys):
    page = project_copy / "content" / "en" / "about.md"
    page.write_text(page.read_text() + "\nThe XYZQ test is new.\n")
    assert not build_site(project_copy / "mkdocs.yml", project_copy / "site")
    assert "content/en/about.md: 'XYZQ' is not defined in data/glossary.yaml; add it there" in capsys.readouterr().err.splitlines()


def test_glossary_term_no_page_uses_fails_the_build(project_copy, capsys):
    glossary = project_copy / "data" / "glossary.yaml"
    glossary.write_text(glossary.read_text() + "- id: unused\n  term: spleen\n  definition: An organ.\n")
    line = len(glossary.read_text().splitlines()) - 1
    assert not build_site(project_copy / "mkdocs.yml", project_copy / "site")
    assert f"data/glossary.yaml:{line}: unused.term: 'spleen' is not used on any page; remove it or use it" in capsys.readouterr().err.splitlines()


def test_overdue_review_fails_the_build_unless_overridden_outside_ci(project_copy, capsys, monkeypatch, next_review):
    reviews = project_copy / "data" / "reviews.yaml"
    overdue = clock.today() - dt.timedelta(days=1)
    reviews.write_text(reviews.read_text().replace(f"next_review: {next_review}", f"next_review: {overdue}", 1))
    line = next(n for n, text in enumerate(reviews.read_text().splitlines(), 1) if str(overdue) in text)
    monkeypatch.delenv("MBC_ALLOW_OVERDUE_REVIEWS", raising=False)
    assert not build_site(project_copy / "mkdocs.yml", project_copy / "site")
    assert (f"data/reviews.yaml:{line}: index.md.next_review: review was due on {overdue}; check the page against the "
            "evidence and update the dates") in capsys.readouterr().err.splitlines()

    monkeypatch.setenv("MBC_ALLOW_OVERDUE_REVIEWS", "1")
    monkeypatch.setenv("CI", "true")
    assert not build_site(project_copy / "mkdocs.yml", project_copy / "site"), "the override never works in CI"
    monkeypatch.delenv("CI")
    assert build_site(project_copy / "mkdocs.yml", project_copy / "site")


def test_page_without_review_dates_fails_the_build(project_copy, capsys):
    (project_copy / "content" / "en" / "new-page.md").write_text("# New page\n")
    mkdocs = project_copy / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text().replace("  - About this site: about.md\n", "  - About this site: about.md\n  - New: new-page.md\n"))
    assert not build_site(mkdocs, project_copy / "site")
    assert ("data/reviews.yaml: new-page.md: no review dates for this page; add last_reviewed, next_review and "
            "reviewed_by") in capsys.readouterr().err.splitlines()


@pytest.mark.parametrize("page, level", [("her2-positive", 3), ("hr-positive-her2-negative", 4)])
def test_brief_cards_nest_under_the_section_they_are_in(built_site, page, level):
    """Under an h2 ("What if the cancer grows again?") a brief's heading is an h3; under an h3 situation, an h4."""
    html = (built_site / f"{page}.html").read_text()
    briefs = re.findall(r'data-brief="">\s*<h(\d) id="option-', html)
    assert briefs and set(briefs) == {str(level)}


def test_a_study_s_second_row_in_the_lung_table_refers_to_the_row_above_only_when_it_is_the_same_study(built_site):
    """Each study's counting and caveats are said at its first row; a row right below from the same study, counted
    the same way, says "As the row above." instead of saying them again."""
    html = (built_site / "lung-inflammation.html").read_text()
    table = re.search(r'<table class="side-effects across-studies[^"]*">.*?</table>', html, re.S).group(0)
    rows = re.findall(r'<span class="study-name">in (.*?)</span></th>\s*<td[^>]*>(.*?)</td>', table, re.S)
    pointers = [i for i, (_, counted) in enumerate(rows) if counted == "As the row above."]
    assert pointers, "DESTINY-Breast03's two groups were counted the same way"
    assert all(i > 0 and rows[i - 1][0] == rows[i][0] for i in pointers)
    assert all("Keep in mind" not in counted for i, (_, counted) in enumerate(rows) if i in pointers)


def test_a_study_page_only_rate_shows_on_its_study_page_with_both_arms_and_not_on_the_option_page(built_site, registry):
    kept = [rate for rate in registry.side_effects.values() if rate.study_page_only]
    assert kept, "the test needs a rate kept for the study page"
    for rate in kept:
        trial = registry.trials[rate.trial]
        study = plain((built_site / "studies" / f"{trial.id}.html").read_text())
        heading = phrases.side_effect_heading(rate, registry.effects[rate.effect].name["en"])
        assert f"{heading}:" in study, rate.id  # the exact-figures line names the rate...
        for arm in trial.arms:  # ...with every arm's figure, or says our sources lack it
            assert (phrases.rate_cell(rate, arm.id) in study), (rate.id, arm.id)
        for arm in trial.arms:
            if arm.treatment:
                option = plain((built_site / "options" / f"{arm.treatment}.html").read_text())
                assert heading not in option, (rate.id, arm.treatment)
