"""The lung-inflammation page on a phone (390 x 844), both editions: short enough that a worried reader reaches what
happens next and the questions, with the table of every study folded; opened, the fold reads at 320 px without
sideways scrolling and passes axe. Before the fold the English page was 21.8 screens long and the Korean 17.6."""
import pytest
from playwright.sync_api import expect

from page_measures import PHONE
from published import open_under_policy, policy_problems
from settled import settle
from test_accessibility import axe_violations

PAGES = {"en": "lung-inflammation.html", "ko": "ko/lung-inflammation.html"}
SCREENS = 11  # the whole page, every fold closed (English 9.7 and Korean 8.1 when this was written)
# The sections a reader needs most, by their headings in each edition, and how far down each starts at the latest.
SECTIONS_WITHIN = {
    "en": {"What happens if my team thinks I have it?": 7, "Questions to ask your care team": 10},
    "ko": {"의료진이 폐 염증을 의심하면 어떻게 하나요?": 7, "담당 의료진에게 물어볼 질문": 10},
}
HEADING_TOPS = """() => Object.fromEntries([...document.querySelectorAll("article.md-content__inner h2")].map(h =>
  [h.textContent.trim(), (h.getBoundingClientRect().top + window.scrollY) / window.innerHeight]))"""

pytestmark = pytest.mark.xdist_group("phone-measures")


@pytest.fixture(scope="module")
def phone_page(browser, published):
    """One phone-sized page on the published site, under its security policy, for the checks below."""
    address, _, _ = published("netlify")
    context, page, problems = open_under_policy(browser, PHONE["width"], PHONE["height"])

    def opened(language: str):
        page.set_viewport_size(PHONE)
        page.goto(f"{address}/{PAGES[language]}", wait_until="load")
        settle(page)
        return page
    yield opened, problems
    context.close()


@pytest.mark.parametrize("language", PAGES)
def test_lung_page_fits_a_phone_with_the_table_of_every_study_folded(phone_reader, language):
    found = phone_reader(PAGES[language]).measures
    assert found.screens <= SCREENS, f"{PAGES[language]}: {found.screens:.1f} phone screens"


@pytest.mark.parametrize("language", PAGES)
def test_what_happens_next_and_the_questions_start_near_the_top(phone_page, language):
    opened, problems = phone_page
    page = opened(language)
    expect(page.locator("details.across-studies-fold")).not_to_have_attribute("open", "")
    tops = page.evaluate(HEADING_TOPS)
    late = {heading: round(tops.get(heading, float("inf")), 1) for heading, within in SECTIONS_WITHIN[language].items()
            if tops.get(heading, float("inf")) > within}
    assert late == {}, f"{PAGES[language]}: sections start too far down (screens): {late}"
    assert policy_problems(page, problems) == []


@pytest.mark.parametrize("language", PAGES)
def test_the_opened_fold_reads_at_320_px_and_passes_axe(phone_page, axe_script, language):
    opened, problems = phone_page
    page = opened(language)
    fold = page.locator("details.across-studies-fold")
    fold.locator("> summary").click()
    expect(fold).to_have_attribute("open", "")
    page.set_viewport_size({"width": 320, "height": PHONE["height"]})
    settle(page)
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    # Material sets folds smaller; this one, and the table in it, read at the size of the page's own sentences.
    sizes = page.evaluate("""[document.querySelector("details.across-studies-fold"),
                              document.querySelector("article.md-content__inner > p")].map(e => getComputedStyle(e).fontSize)""")
    assert sizes[0] == sizes[1], f"the fold's text is {sizes[0]}, the page's {sizes[1]}"
    assert axe_violations(page, axe_script) == []
    assert policy_problems(page, problems) == []
