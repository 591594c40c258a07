"""Every page in a real browser: axe (WCAG 2.2 AA and best practice), 320 and 1280 px, light and dark,
no sideways scrolling, no console errors, no request leaving localhost."""
import pytest
from playwright.sync_api import expect
from axe_playwright_python.sync_playwright import Axe

from settled import settle
from site_pages import PAGES

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# Only violations come back with every node they concern; what passed stays in the browser.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
WIDTHS = (1280, 320)
SCHEMES = {"light": "default", "dark": "slate"}  # Material's name for each, on <body data-md-color-scheme>


@pytest.fixture(scope="module")
def axe_script():
    return Axe().axe_script


def axe_violations(page, axe_script) -> list[str]:
    """axe's findings on the page as it is now; axe is added to the page once and run again after a change."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_script)
    results = page.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}x: {v['nodes'][0]['target']})" for v in results["violations"]]


def problems_at_each_width(page, axe_script, scheme: str) -> dict[str, list[str]]:
    """axe's findings and sideways scrolling, at 1280 px and then narrowed to 320 px as a phone would be, each view
    once it has settled (contrast is measured on the page at rest, not halfway through a fade)."""
    problems = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        settle(page)
        found = axe_violations(page, axe_script)
        sideways = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if sideways > 0:
            found.append(f"the page scrolls sideways by {sideways}px")
        if found:
            problems[f"{width}px-{scheme}"] = found
    return problems


@pytest.mark.parametrize("page_path", PAGES)
def test_page_is_accessible_and_self_contained(browser, site_url, axe_script, page_path):
    """Each view of a page: loaded once per colour scheme (in its own browser context, as Material keeps the scheme
    it chose on first load), checked at 1280 px, then narrowed to 320 px as a phone would be and checked again;
    each view once it has settled."""
    outside, console_errors, problems = [], [], {}
    for scheme in SCHEMES:
        context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900}, color_scheme=scheme)
        page = context.new_page()
        page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(site_url) and not request.url.startswith("data:") else None)
        page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
        page.goto(f"{site_url}/{page_path}")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
        problems |= problems_at_each_width(page, axe_script, scheme)
        context.close()

    assert problems == {}
    assert console_errors == []
    assert outside == []
