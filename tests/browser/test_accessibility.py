"""Every page in a real browser: axe (WCAG 2.2 AA and best practice), 320 and 1280 px, light and dark,
no sideways scrolling, no console errors, no request leaving localhost."""
import pytest
from playwright.sync_api import expect

from settled import settle
from site_pages import PAGES, widths_for

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# Only violations come back with every node they concern; what passed stays in the browser.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
# The rules whose answer depends on colour: all that can change when the reader switches to the dark scheme (the
# switch changes the colours only, not the page's elements, names or layout).
COLOUR_RULES = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
                "resultTypes": ["violations"]}
WIDTHS = (1280, 320)
SCHEMES = {"light": "default", "dark": "slate"}  # Material's name for each, on <body data-md-color-scheme>


def axe_violations(page, axe_script, options=AXE_OPTIONS) -> list[str]:
    """axe's findings on the page as it is now; axe is added to the page once and run again after a change."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_script)
    results = page.evaluate("(options) => axe.run(document, options)", options)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}x: {v['nodes'][0]['target']})" for v in results["violations"]]


# Opens every fold (or closes those the page opened with closed), remembering how the page opened each: axe checks
# only what is shown, and a reader who opens a fold meets its content in both schemes.
SET_FOLDS = """(open) => document.querySelectorAll('details').forEach((fold) => {
  if (!('openedAs' in fold.dataset)) fold.dataset.openedAs = String(fold.open);
  fold.open = open || fold.dataset.openedAs === 'true';
})"""


def problems_at_each_width(page, axe_script, scheme: str, widths, options=AXE_OPTIONS) -> dict[str, list[str]]:
    """axe's findings and sideways scrolling at each width in turn (1280 px, then narrowed to 320 px as a phone
    would be), each view once it has settled (contrast is measured on the page at rest, not halfway through a fade).
    At the widest width every fold is open, so what the folds hold is checked in both schemes; at the others the
    page is as it opens (a fold's content is the same at every width, and opening them all doubles axe's work)."""
    problems = {}
    for width in widths:
        page.set_viewport_size({"width": width, "height": 900})
        page.evaluate(SET_FOLDS, width == max(widths))
        settle(page)
        found = axe_violations(page, axe_script, options)
        sideways = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if sideways > 0:
            found.append(f"the page scrolls sideways by {sideways}px")
        if found:
            problems[f"{width}px-{scheme}"] = found
    return problems


def switch_to_dark(page) -> None:
    """The palette switch in the header, activated without the pointer: a pointer left on it would show its tooltip
    over the page, which a reader who moved on does not see (and the tab is shared: reader_tab.py). A click on the
    switch itself is tested under the security policy, and reaching it by keyboard in test_keyboard."""
    page.locator("label.md-header__button:not([hidden])[for^='__palette']").evaluate("label => label.click()")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES["dark"])


@pytest.mark.parametrize("page_path", PAGES)
def test_page_is_accessible_and_self_contained(reader_tab, axe_script, page_path):
    """The page opened in the light scheme: every rule at 1280 px and narrowed to 320 px; then switched to dark with
    the header's switch: the colour rules at 320 px and widened to 1280 px again; each view once settled.
    A Korean page other than the home page: the same at 320 px only (site_pages.widths_for)."""
    widths = widths_for(page_path, WIDTHS)
    with reader_tab.recording() as seen:
        page = reader_tab.open(page_path, widths[0], "light", height=900)
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES["light"])
        problems = problems_at_each_width(page, axe_script, "light", widths)
        switch_to_dark(page)
        problems |= problems_at_each_width(page, axe_script, "dark", widths[::-1], COLOUR_RULES)

    assert problems == {}
    assert seen.console_errors == []
    assert seen.outside_requests == []


def test_a_reader_whose_system_is_dark_gets_the_dark_scheme(browser, site_url):
    """Material picks the scheme from the system's preference on the first visit (the palette's media queries)."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(f"{site_url}/index.html")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES["dark"])
    context.close()
