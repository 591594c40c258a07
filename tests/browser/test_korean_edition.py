"""The Korean edition in the run's built site (the real project builds both editions), in a real browser, opened from
disk as from a USB stick (axe, 320 px, dark, keyboard and no outside request are checked on its pages with the
English ones: site_pages.py lists both editions): a Korean tooltip on a phone, the language switch both ways,
offline search of Korean words, and the Korean handout PDFs (lang, Korean font embedded, at most 2 pages on A4 and
Letter, QR code to the /ko/ page).
Lean on purpose: one page load serves several checks."""
import html
import re
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import zxingcpp
from playwright.sync_api import expect

from mbc_guide.handouts import PAPERS
from test_handout_pdfs import PRINTED_GROUP, printed  # noqa: F401 (a fixture: every handout of both editions, printed once)

SITE_URL = "https://mbc-guide.example.org/"
# Issue 20's words, as Korean pages use them.
SEARCH_WORDS = ["탈모", "폐렴", "간질성 폐질환", "열"]
PAGE_POINTS = {"a4": (595.3, 841.9), "letter": (612, 792)}
HANGUL = re.compile("[\uac00-\ud7a3]")


def open_from_disk(browser, site: Path, path: str, **options):
    return open_page(browser, site.as_uri(), path, **options)


def open_page(browser, root: str, path: str, **options):
    """A page of the site at `root`, with every request that leaves the site and every console error noted."""
    context = browser.new_context(**options)
    page = context.new_page()
    outside, errors = [], []
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith(root) and not request.url.startswith("data:") else None)
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{root}/{path}", wait_until="load")
    return context, page, outside, errors


def test_a_korean_term_with_a_particle_opens_its_korean_tooltip_on_focus_on_a_phone(browser, built_site, site_url):
    """'간질성 폐질환(폐렴)이라고': the word takes focus, its Korean definition shows, Escape closes it (WCAG 1.4.13)."""
    built = (built_site / "ko" / "lung-inflammation.html").read_text(encoding="utf-8")
    title = html.unescape(re.search(r'<abbr title="([^"]*)" tabindex="0">간질성 폐질환\(폐렴\)</abbr>이라고', built).group(1))
    context, page, outside, errors = open_page(browser, site_url, "ko/lung-inflammation.html",
                                               viewport={"width": 390, "height": 844})
    word = page.locator(".md-content abbr[tabindex='0']", has_text="간질성 폐질환(폐렴)").first
    assert word.evaluate("e => e.nextSibling.textContent.startsWith('이라고')")
    word.focus()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=3000)
    assert tooltip.inner_text().strip() == title and HANGUL.search(title)
    box, viewport = tooltip.bounding_box(), page.viewport_size
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], box
    page.keyboard.press("Escape")
    page.wait_for_function("![...document.querySelectorAll('.md-tooltip2')].some("
                           "t => getComputedStyle(t).opacity !== '0' && getComputedStyle(t).visibility === 'visible')")
    context.close()
    assert outside == [] and errors == []


def test_language_switch_goes_to_the_same_page_both_ways(browser, built_site):
    context, page, outside, errors = open_from_disk(browser, built_site, "ko/options/thp.html",
                                                    viewport={"width": 1280, "height": 900})
    for target, ending in (("English", "/options/thp.html"), ("한국어", "/ko/options/thp.html")):
        page.locator(".md-header .md-select").hover()
        page.get_by_role("link", name=target, exact=True).click()
        page.wait_for_url(f"**{ending}")
        assert page.url.endswith(ending) and (target == "한국어") == ("/ko/" in page.url)
        expect(page.locator("html")).to_have_attribute("lang", "ko" if target == "한국어" else "en")
    context.close()
    assert outside == [] and errors == []


def test_search_from_disk_finds_korean_words_and_english_ones(browser, built_site):
    """Material searches on key events; typing Hangul sends none, so each word is typed and End pressed (a real
    input method sends key events: docs/korean-edition.md)."""
    context, page, outside, errors = open_from_disk(browser, built_site, "ko/index.html",
                                                    viewport={"width": 1280, "height": 900})
    found = {}
    for word in [*SEARCH_WORDS, "pneumonitis"]:
        search = page.locator(".md-search__input")
        search.click()
        search.fill("")
        page.keyboard.type(word)
        page.keyboard.press("End")
        page.locator(".md-search-result__item").first.wait_for(timeout=10000)
        found[word] = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(link => link.href)")
        page.keyboard.press("Escape")
    context.close()
    missed = [word for word in SEARCH_WORDS if not any("/ko/" in link for link in found[word])]
    assert missed == [], {word: found[word][:5] for word in missed}
    # The English edition's pages are found too: search_index.js is the merged index, not the last edition's.
    assert any("/ko/" not in link for link in found["pneumonitis"]), found["pneumonitis"]
    assert outside == [] and errors == []


@pytest.fixture(scope="module")
def korean_pdfs(printed) -> Path:
    """The Korean handouts, printed with the English ones once for the run (test_handout_pdfs)."""
    return printed[0].parent / "ko" / "handouts"


def korean_handouts(site: Path) -> list[str]:
    return sorted(p.stem for p in (site / "ko" / "handouts").glob("*.html")
                  if p.stem != "index" and 'class="handout-head' in p.read_text(encoding="utf-8"))


def fonts_of(reader: pypdf.PdfReader) -> list[pypdf.generic.DictionaryObject]:
    """Every font the pages use, each once."""
    fonts = {}
    for page in reader.pages:
        for reference in (page["/Resources"].get_object().get("/Font") or {}).values():
            font = reference.get_object()
            fonts[reference.idnum if isinstance(reference, pypdf.generic.IndirectObject) else id(font)] = font
    return list(fonts.values())


def embedded(font: pypdf.generic.DictionaryObject) -> bool:
    """pdffonts' "emb" column: a Type 3 font draws its glyphs inside the PDF; any other kind is embedded when its
    descriptor holds the font file."""
    if font["/Subtype"] == "/Type3":
        return "/CharProcs" in font
    described = font["/DescendantFonts"][0].get_object() if font["/Subtype"] == "/Type0" else font
    descriptor = (described.get("/FontDescriptor") or pypdf.generic.DictionaryObject()).get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


@pytest.mark.xdist_group(PRINTED_GROUP)
def test_korean_handouts_print_on_two_pages_with_korean_font_and_qr_to_the_korean_page(built_site, korean_pdfs):
    handouts = korean_handouts(built_site)
    assert len(handouts) == 4  # three subtypes and the symptom cards
    problems = []
    for handout in handouts:
        assert '<html lang="ko"' in (built_site / "ko" / "handouts" / f"{handout}.html").read_text(encoding="utf-8")
        for paper in PAPERS:
            pdf = korean_pdfs / f"{handout}-{paper}.pdf"
            reader = pypdf.PdfReader(pdf)
            size = tuple(float(v) for v in reader.pages[0].mediabox.upper_right)
            if not 1 <= len(reader.pages) <= 2 or size != pytest.approx(PAGE_POINTS[paper], abs=2):
                problems.append(f"{pdf.name}: {len(reader.pages)} pages of {size}")
            # Chromium embeds Noto CJK (an OpenType-CFF collection) as unnamed Type 3 fonts: every font embedded,
            # and the Hangul read back from the PDF's text, is what a printer and a screen reader need.
            fonts = fonts_of(reader)
            document = pypdfium2.PdfDocument(pdf)  # pdfium reads the text as a PDF viewer does, and quickly
            page_texts = [page.get_textpage().get_text_range() for page in document]
            text = "".join(page_texts)
            if not any(font["/Subtype"] == "/Type3" for font in fonts) or not all(map(embedded, fonts)) \
                    or not HANGUL.search(text):
                problems.append(f"{pdf.name}: Korean glyphs not embedded or not readable: "
                                f"{[(font['/Subtype'], embedded(font)) for font in fonts]}")
            if "쪽" not in page_texts[0]:
                problems.append(f"{pdf.name}: the page number is not in Korean")
            picture = document[0].render(scale=3).to_pil()
            codes = {code.text for code in zxingcpp.read_barcodes(picture)}
            wanted = f"{SITE_URL}ko/handouts/{handout}.html" if handout == "symptom-cards" else None
            if not any(code.startswith(f"{SITE_URL}ko/") for code in codes) or (wanted and wanted not in codes):
                problems.append(f"{pdf.name}: QR codes {codes} do not lead to the Korean page")
    assert problems == []
