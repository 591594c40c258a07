"""Handout PDFs as nurses print them: at most 2 pages on A4 and Letter, 12 pt or larger, with the date, the web
address as text and a QR code that reads back as that address; subtype handouts with every urgent symptom of the
options they describe (and the urgent symptoms of the later options they only name, by name, with where to find them), every later option and the subtype's questions on page 2, fields, and lines to write on that fill
page 2; the symptom card sheet with a whole card per alert."""
import math
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import zxingcpp
from run_once import made_once
from mkdocs.config import load_config

from mbc_guide import clinic_sheet
from mbc_guide.handouts import CARDS_PAGE, PAPERS, RULED_LINES, is_handout, web_address
from mbc_guide.phrases import is_median, sentence_case
from mbc_guide.registry import load_registry

REPO = Path(__file__).resolve().parents[2]
HANDOUTS = sorted(p.stem for p in (REPO / "content" / "en" / "handouts").glob("*.md") if is_handout(f"handouts/{p.name}"))
SUBTYPE_HANDOUTS = [h for h in HANDOUTS if h != "symptom-cards"]
# Page sizes in points (1/72 inch).
PAPER_POINTS = {"a4": (595.3, 841.9), "letter": (612, 792)}
SMALLEST_TEXT_PT = 12
# One worker prints the handouts and runs every test that reads them (test_korean_edition's too); the other goes on
# with other tests instead of waiting for the printing.
PRINTED_GROUP = "printed-handouts"
pytestmark = pytest.mark.xdist_group(PRINTED_GROUP)


@pytest.fixture(scope="module")
def printed(site_sources, browser, tmp_path_factory):
    """The site with every handout printed, built once for the run as `make site` builds it (`mbc-guide build
    --pdfs`, in its own process: Playwright runs one per process), and the days Chromium's clock read before and
    after: the date each sheet prints."""
    def build_with_pdfs(folder: Path) -> None:
        days = [browser_day(browser)]
        subprocess.run([sys.executable, "-m", "mbc_guide.cli", "build", "--pdfs", "--site-dir", str(folder / "site")],
                       cwd=site_sources, check=True, capture_output=True)
        days.append(browser_day(browser))
        editions = 2 if (folder / "site" / "ko").is_dir() else 1  # Korean sheets: tests/browser/test_korean_edition.py
        assert len(list((folder / "site").rglob("*.pdf"))) == len(HANDOUTS) * len(PAPERS) * editions
        (folder / "days.txt").write_text("\n".join(days))

    folder = made_once(tmp_path_factory, "printed", build_with_pdfs)
    return folder / "site" / "handouts", set((folder / "days.txt").read_text().splitlines())


@pytest.fixture(scope="module")
def pdfs(printed):
    return printed[0]


def browser_day(browser) -> str:
    """Today as handout.js prints it on a sheet (from the browser's clock)."""
    page = browser.new_page()
    try:
        return page.evaluate("new Date().toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric'})")
    finally:
        page.close()


@pytest.fixture(scope="module")
def site_url():
    return load_config(str(REPO / "mkdocs.yml")).site_url


def page_explained(handout: str) -> str:
    """The web page a handout points to: its subtype's page; the symptom card sheet points to itself."""
    if handout == "symptom-cards":
        return "handouts/symptom-cards.md"
    explained = load_registry(REPO / "data").subtypes.get(handout)
    assert explained, f"handout {handout!r} is not named after a subtype"
    return explained.page


def pages_text(pdf: Path) -> list[str]:
    return [words(page.extract_text()) for page in pypdf.PdfReader(pdf).pages]


def words(text: str) -> str:
    """Text as printed, one space between words; a word broken after its hyphen at a line end is joined again."""
    return re.sub(r"-\s+", "-", " ".join(text.split()))


def alerts_for_sheet(registry, subtype: str) -> tuple[list, list]:
    """The alerts the subtype's sheet states in full: of every medicine of every option it describes with side effects
    (the first options), and those for all; then the alerts of the later options it only names, and no others."""
    described = [c.treatment for t in clinic_sheet.first_options(registry, subtype) for c in t.columns]
    medicines = {m for treatment in described for m in treatment.medicines}
    later = {m for treatment in clinic_sheet.later_options(registry, subtype) for m in treatment.medicines}
    full = [a for a in registry.alerts.values() if a.every_option or medicines & set(a.medicines)]
    return full, [a for a in registry.alerts.values() if a not in full and later & set(a.medicines)]


def paired_line_rows(picture, least: float = 0.33, most: float = 0.5) -> int:
    """Rows of a page picture with two dark lines side by side, each between `least` and `most` of the page's
    width: the lines to write questions and notes on. Table borders (full width) and fields (shorter) do not count."""
    grey = picture.convert("L")
    width, height = grey.size
    pixels = grey.tobytes()
    found, previous = 0, False
    for y in range(height):
        runs, run = [], 0
        for value in pixels[y * width:(y + 1) * width] + b"\xff":
            if value < 128:
                run += 1
            elif run:
                runs.append(run)
                run = 0
        hit = sum(least * width <= r <= most * width for r in runs) == 2
        found += hit and not previous
        previous = hit
    return found


def text_sizes(reader: pypdf.PdfReader) -> dict[float, int]:
    """Characters per effective font size in points (font size scaled by the text and drawing matrices)."""
    sizes: dict[float, int] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            a, b, _, _, _, _ = tm
            effective = size * math.hypot(a * cm[0] + b * cm[2], a * cm[1] + b * cm[3])
            sizes[round(effective, 1)] = sizes.get(round(effective, 1), 0) + len(text.strip())

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return sizes


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("handout", HANDOUTS)
def test_handout_fits_two_pages_of_the_paper(pdfs, handout, paper):
    reader = pypdf.PdfReader(pdfs / f"{handout}-{paper}.pdf")
    assert 1 <= len(reader.pages) <= 2, f"{handout} takes {len(reader.pages)} pages on {paper}"
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (width, height) == pytest.approx(PAPER_POINTS[paper], abs=2)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("handout", HANDOUTS)
def test_handout_text_is_12_pt_or_larger(pdfs, handout, paper):
    sizes = text_sizes(pypdf.PdfReader(pdfs / f"{handout}-{paper}.pdf"))
    assert sizes, "no extractable text"
    assert min(sizes) >= SMALLEST_TEXT_PT - 0.05, sizes


@pytest.mark.parametrize("handout", HANDOUTS)
def test_handout_prints_its_date_and_web_address_as_text(printed, site_url, handout):
    pdfs, days = printed
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(pdfs / f"{handout}-a4.pdf").pages)
    joined = "".join(text.split())  # a long address wraps across lines
    made_on = re.search(r"Made on (\d{1,2} [A-Z][a-z]+ \d{4})\.", " ".join(text.split()))
    assert made_on and made_on.group(1) in days, "the day it was printed (either side of midnight)"
    assert web_address(site_url, page_explained(handout)) in joined
    assert "Next check due" in " ".join(text.split())


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("handout", SUBTYPE_HANDOUTS)
def test_subtype_handout_puts_the_aim_and_every_urgent_symptom_first_and_the_fields_to_fill_in_last(pdfs, site_url, handout,
                                                                                                    paper):
    first, *rest = pages_text(pdfs / f"{handout}-{paper}.pdf")
    registry = load_registry(REPO / "data")
    assert "The aim of treatment:" in first
    assert "Call your care team straight away, day or night, if you have:" in words(first)
    assert "Support for you:" in first and "Helplines:" in first
    alerts, named_only = alerts_for_sheet(registry, handout)
    assert any(not a.every_option for a in alerts) and any(a.every_option for a in alerts)
    for alert in alerts:
        # Under its own opening line (the emergency entry's holds the numbers), named as in data, every symptom word
        # for word.
        assert words(alert.title["en"]) in words(first) and words(alert.name["en"]) in words(first), alert.id
        for symptom in alert.symptoms:
            assert words(symptom["en"]) in first, (alert.id, symptom["en"])
    # A later option's urgent symptoms are not left off silently: the box names each of its alerts and where they are.
    if named_only:
        pointer = first[first.index("Later options, page 2:"):]
        assert web_address(site_url, CARDS_PAGE) in words(pointer).replace(" ", ""), "the symptom cards' address"
        for alert in named_only:
            name = alert.name["en"]
            assert words(name[:1].lower() + name[1:]) in pointer, alert.id
    assert "First treatment" in first and "How it is given" in first and "Side effects, hair loss" in first
    last = rest[-1]
    for field in ("Option we talked about:", "Next appointment:", "Tests before next visit:", "My own questions",
                  "Notes", "My care team", "Name:", "Phone:", "Out of hours:"):
        assert field in last, field


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("handout", SUBTYPE_HANDOUTS)
def test_subtype_handout_page_two_lists_every_later_option_and_the_subtypes_questions(pdfs, handout, paper):
    text = " ".join(pages_text(pdfs / f"{handout}-{paper}.pdf"))
    registry = load_registry(REPO / "data")
    later = text[text.index("If the cancer grows: later options, in brief"):]
    for treatment in clinic_sheet.later_options(registry, handout):
        assert words(f"{sentence_case(treatment.name['en'])}:") in later, treatment.id
    assert "Questions you may want to ask: tick the ones you will ask" in later
    for question in registry.subtypes[handout].questions:
        assert words(question["en"]) in later, question["en"]


@pytest.mark.parametrize("handout", SUBTYPE_HANDOUTS)
def test_subtype_handout_prints_both_arms_and_the_caveats_of_every_first_study(pdfs, handout):
    text = " ".join(pages_text(pdfs / f"{handout}-letter.pdf"))
    registry = load_registry(REPO / "data")
    for table in clinic_sheet.first_options(registry, handout):
        for cell in filter(None, table.studies):
            found = text[text.index(f"{cell.trial.name} study"):]
            if is_median(cell.result):
                lead, arms = clinic_sheet.median_lines(cell.trial, cell.result)
                assert lead[1:-1] in text, (cell.trial.id, lead)  # in the cell, the row's heading or the sheet's key
                for arm in arms:
                    assert words(f"{sentence_case(arm.label)}: {arm.words}.") in found, (cell.trial.id, arm)
            for caveat in clinic_sheet.caveats(cell.trial, cell.result):
                assert words(caveat) in found, (cell.trial.id, caveat)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("handout", SUBTYPE_HANDOUTS)
def test_subtype_handout_has_ruled_lines_for_questions_and_notes(pdfs, handout, paper):
    document = pypdfium2.PdfDocument(pdfs / f"{handout}-{paper}.pdf")
    last = document[len(document) - 1].render(scale=1).to_pil()
    # Own questions and notes side by side, at the same heights: at least RULED_LINES each, more where page 2 has room.
    assert paired_line_rows(last) >= RULED_LINES
    assert empty_bottom(last) < 0.08, f"{handout} on {paper}: the bottom {empty_bottom(last):.0%} of page 2 is empty"


def empty_bottom(picture) -> float:
    """The share of a page's height under its last mark, above the footer's page number (in the bottom margin)."""
    grey = picture.convert("L")
    width, height = grey.size
    pixels = grey.tobytes()
    footer = height - int(height * 0.035)
    lowest = max((y for y in range(footer) if min(pixels[y * width:(y + 1) * width]) < 128), default=0)
    return (footer - lowest) / height


@pytest.mark.parametrize("paper", PAPERS)
def test_symptom_card_sheet_prints_a_whole_card_per_alert(pdfs, paper):
    text = " ".join(pages_text(pdfs / f"symptom-cards-{paper}.pdf"))
    registry = load_registry(REPO / "data")
    assert text.count("My care team's phone:") == text.count("Out of hours:") == len(registry.alerts)
    assert text.count("In an emergency, call 119 (Korea), 911 (United States) or 999 (United Kingdom).") == 1
    for alert in registry.alerts.values():
        for line in [alert.name, alert.title, *alert.symptoms, alert.action]:
            assert words(line["en"]) in text, (alert.id, line["en"])
        for medicine in alert.medicines:
            assert words(registry.medicines[medicine].name["en"]) in text, (alert.id, medicine)
    # The screen says an opening line shared by several cards once; on paper each card, cut out alone, carries it.
    openings = Counter(words(alert.title["en"]) for alert in registry.alerts.values())
    assert Counter({line: text.count(line) for line in openings}) >= openings  # never fewer than the cards that open with it


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("handout", HANDOUTS)
def test_handout_qr_code_reads_back_as_the_page_address(pdfs, site_url, handout, paper):
    document = pypdfium2.PdfDocument(pdfs / f"{handout}-{paper}.pdf")
    picture = document[0].render(scale=3).to_pil()
    read = [result.text for result in zxingcpp.read_barcodes(picture)]
    assert read == [web_address(site_url, page_explained(handout))]


def test_make_site_links_every_pdf_it_printed_and_only_those(pdfs):
    site = pdfs.parent  # built by `mbc-guide build --pdfs`, as `make site` builds it (the printed fixture)
    for edition in (site, site / "ko"):
        index = (edition / "handouts" / "index.html").read_text()
        for handout in HANDOUTS:
            for paper in PAPERS:
                assert f'href="{handout}-{paper}.pdf"' in index
                assert f'href="{handout}-{paper}.pdf"' in (edition / "handouts" / f"{handout}.html").read_text()
    for page in site.rglob("*.html"):
        for target in re.findall(r'href="([^"]+\.pdf)"', page.read_text()):
            assert (page.parent / target).is_file(), (page, target)
