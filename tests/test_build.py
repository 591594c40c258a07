"""The real site builds strictly, shows its figures with their sources, and writer mistakes fail cleanly."""
import re
from html import unescape
from pathlib import Path

from mbc_guide.cli import build_site


def text_of(html_path: Path) -> str:
    html = html_path.read_text()
    body = html[html.index('<article'):html.index('</article>')]
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", body)))


def test_her2_page_shows_both_arms_with_time_frames(built_site):
    text = text_of(built_site / "her2-positive.html")
    assert "trastuzumab deruxtecan with pertuzumab: about 3 years and 5 months (40.7 months)" in text
    assert "THP: about 2 years and 3 months (26.9 months)" in text
    assert "palbociclib" in text and "(44.3 months)" in text
    study = text_of(built_site / "studies" / "destiny-breast09.html")
    assert "After 2 years, about 70 out of 100 people on trastuzumab deruxtecan with pertuzumab and about 52 out of 100 people on THP" in study


def test_her2_page_names_sources_and_review_date(built_site):
    html = (built_site / "her2-positive.html").read_text()
    text = text_of(built_site / "her2-positive.html")
    assert 'href="https://doi.org/10.1056/NEJMoa2508668"' in html
    assert re.search(r"DESTINY-Breast09 \( New England Journal of Medicine \(Tolaney and others\), 29 October 2025 \(online\) ; "
                     r"checked 26 November 2026\)", text)
    assert "Last reviewed:" in html and "Next review due:" in html


def test_her2_page_says_what_the_numbers_cannot_say(built_site):
    text = text_of(built_site / "her2-positive.html")
    assert "early result (interim), may change" in text
    assert "survival not known yet" in text
    assert "pictures of different studies cannot be compared" in text


def test_her2_page_shows_ild_rates_and_the_urgent_box(built_site):
    text = text_of(built_site / "her2-positive.html")
    assert "Lung inflammation about 12 1" in text  # the card's side effects: both arms of DESTINY-Breast09
    assert "Call your care team straight away, day or night, if you have: Lung inflammation : a new cough" in text  # short list
    option = text_of(built_site / "options" / "tdxd-pertuzumab.html")
    assert "Call your care team straight away, day or night, if you have:" in option  # the full box
    assert ("Deaths from lung inflammation (interstitial lung disease, ILD, or pneumonitis) judged by experts to be "
            "caused by the medicine fewer than 1 out of 100 not in our sources") in option


def test_a_moved_page_keeps_its_old_address(built_site):
    """The lung symptom card became the symptom card sheet; links and QR codes printed with the old address still work."""
    old = (built_site / "handouts" / "lung-inflammation.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=symptom-cards.html">' in old
    assert (built_site / "handouts" / "symptom-cards.html").is_file()


def test_no_request_leaves_the_site(built_site):
    """Scripts, styles, fonts and images all come from the site itself."""
    outside = []
    for path in built_site.rglob("*"):
        if path.suffix in {".html", ".css", ".js"} and path.is_file():
            text = path.read_text(errors="ignore")
            outside += [f"{path.name}: {m}" for m in re.findall(r"""(?:src=|@import\s+|url\()\s*["']?(https?://[^"')\s]+)""", text)]
            for tag in re.findall(r"<link[^>]+>", text):
                fetched = re.search(r"""href=["'](https?://[^"']+)""", tag)
                if fetched and 'rel="canonical"' not in tag:  # a canonical link names the page; nothing is fetched
                    outside.append(f"{path.name}: {fetched.group(1)}")
    assert outside == []


def test_unknown_id_in_a_page_names_the_page_and_the_id(project_copy, capsys):
    page = project_copy / "content" / "en" / "her2-positive.md"
    page.write_text(page.read_text().replace('options("her2-positive", "first")', 'options("her2-postive", "first")'))
    site = project_copy / "site"
    site.mkdir()
    (site / "keep.html").write_text("last good build")
    assert not build_site(project_copy / "mkdocs.yml", site)
    line = next(n for n, text in enumerate(page.read_text().splitlines(), 1) if "her2-postive" in text)
    assert capsys.readouterr().err.splitlines() == [
        f"content/en/her2-positive.md:{line}: options(): unknown subtype id 'her2-postive'; did you mean 'her2-positive'?"]
    assert (site / "keep.html").read_text() == "last good build", "a failed build must leave the last good site"


def test_unknown_macro_names_the_page_line_and_close_names(project_copy, capsys):
    page = project_copy / "content" / "en" / "her2-positive.md"
    page.write_text(page.read_text().replace("urgent_boxes(", "urgent_boxs("))
    line = next(n for n, l in enumerate(page.read_text().splitlines(), 1) if "urgent_boxs(" in l)
    assert not build_site(project_copy / "mkdocs.yml", project_copy / "site")
    err = capsys.readouterr().err
    assert f"content/en/her2-positive.md:{line}: unknown macro or variable 'urgent_boxs'; did you mean urgent_boxes, urgent_symptoms?" in err.splitlines()
    assert "Traceback" not in err
    assert "is not used on any page" not in err, "a page that could not render must not make its terms look unused"


def test_missing_chromium_stops_a_pdf_build_with_one_line_saying_how_to_install(project_copy, capsys, monkeypatch):
    monkeypatch.setattr("mbc_guide.pdf.chromium_installed", lambda path: False)
    site = project_copy / "site"
    site.mkdir()
    (site / "keep.html").write_text("last good build")
    assert not build_site(project_copy / "mkdocs.yml", site, pdfs=True)
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["error: /usr/bin/chromium is missing: install Debian's chromium (`sudo apt-get install chromium`) and run this again"]
    assert (site / "keep.html").read_text() == "last good build"


def test_data_error_stops_the_build_with_located_lines(project_copy, capsys):
    trials = project_copy / "data" / "trials.yaml"
    trials.write_text(trials.read_text().replace("value: 40.7,", "value: forty,"))
    assert not build_site(project_copy / "mkdocs.yml", project_copy / "site")
    err = capsys.readouterr().err
    assert re.search(r"^data/trials.yaml:\d+: destiny-breast09.results\[0\].values.tdxd-pertuzumab.value: must be a number", err, re.M)
    assert not (project_copy / "site").exists()


def test_literal_braces_can_be_shown(project_copy):
    page = project_copy / "content" / "en" / "index.md"
    page.write_text(page.read_text() + '\n\nWrite {{ "{{" }} and {{ "}}" }} like this.\n')
    site = project_copy / "site"
    assert build_site(project_copy / "mkdocs.yml", site)
    assert "Write {{ and }} like this." in (site / "index.html").read_text()


def test_her2_page_has_icon_arrays_and_median_charts_from_data(built_site):
    html = (built_site / "her2-positive.html").read_text()
    assert html.count('class="median-chart"') >= 3  # DESTINY-Breast09, PATINA and HER2CLIMB medians
    # DESTINY-Breast03 after 1 year, both arms: pictured on the option's page, in words on the overview's compact card
    later = (built_site / "options" / "tdxd-later.html").read_text()
    assert 'data-filled="76"' in later and 'data-filled="34"' in later
    assert ("about 76 out of 100 people on trastuzumab deruxtecan and about 34 out of 100 people on trastuzumab emtansine"
            in html)
    option = (built_site / "options" / "tdxd-pertuzumab.html").read_text()
    assert 'data-filled="12"' in option and 'data-filled="1"' in option  # lung inflammation, both arms
    assert "about 12 out of 100 people had lung inflammation (interstitial lung disease, ILD, or pneumonitis)" in option


def test_every_option_card_pictures_its_study_result(built_site, registry):
    for page in ("her2-positive", "hr-positive-her2-negative", "triple-negative"):
        html = (built_site / f"{page}.html").read_text()
        for card in re.findall(r'<div class="option-card".*?All about', html, re.S):
            assert 'class="median-chart"' in card or 'class="icon-array ' in card or "result--seen" in card \
                or 'class="source-note"' in card, (page, card[:80])


def test_brief_cards_give_both_arms_caveats_source_and_who_was_tested(built_site):
    """Later-line cards on the triple-negative overview are brief: no picture, but the result names every arm,
    its caveats and its source, and the card says after which treatments the option was tested."""
    html = (built_site / "triple-negative.html").read_text()
    cards = re.findall(r'<div class="option-card" data-option="[^"]+" data-line="later" data-brief="">.*?</div>', html, re.S)
    assert {re.search(r'data-option="([^"]+)"', card).group(1) for card in cards} == {
        "sacituzumab-tnbc-later", "tdxd-her2-low-tnbc", "olaparib-brca"}
    her2_low = next(card for card in cards if 'data-option="tdxd-her2-low-tnbc"' in card)
    assert "icon-array" not in her2_low and "median-chart" not in her2_low
    assert "people on trastuzumab deruxtecan" in her2_low and "On chemotherapy chosen by the doctor" in her2_low
    assert "small or exploratory group, less certain" in her2_low
    assert 'class="cite"' in her2_low
    assert "Who was it tested in?</strong> People in this group of DESTINY-Breast04 had had one or two chemotherapies" in her2_low


def test_option_page_says_who_was_tested_and_when_korean_status_is_unconfirmed(built_site):
    page = (built_site / "options" / "tdm1-later.html").read_text()
    assert "Who was it tested in?</strong> People in EMILIA and DESTINY-Breast03 had had trastuzumab and a taxane" in page
    # No Korean note for its only medicine: the country line says so, once.
    assert ("<strong>Korea</strong>: we could not confirm approval or national health insurance coverage for this use"
            " in our sources.") in page
    assert "<strong>Korea, trastuzumab emtansine</strong>" not in page
    covered = (built_site / "options" / "tdxd-later.html").read_text()
    assert "Korea, trastuzumab deruxtecan</strong>: we could not confirm" not in covered
    assert "Covered by national health insurance since 1 April 2024" in covered
