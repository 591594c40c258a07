"""First-view weight: everything a first visit downloads (page, styles, scripts, search index), as gzip would
send it. Reported at the end of the run; each page must stay under 120 KB for readers on slow phones."""
import gzip

import pytest

LIMIT_KB = 120
PAGES = ["index.html", "her2-positive.html", "hr-positive-her2-negative.html", "triple-negative.html",
         "lung-inflammation.html"]


@pytest.mark.parametrize("page_path", PAGES)
def test_first_view_transfer_size_stays_under_the_limit(browser, site_url, page_path, record_property):
    context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(f"{site_url}/{page_path}", wait_until="networkidle")
    sizes = {response.url: len(gzip.compress(response.body(), 6)) for response in responses}
    context.close()

    total_kb = sum(sizes.values()) / 1024
    record_property("first_view_kb", (page_path, total_kb))  # reported at the end (browser/conftest.py)
    biggest = sorted(sizes.items(), key=lambda item: -item[1])[:4]
    assert total_kb < LIMIT_KB, f"{page_path}: {total_kb:.1f} KB; largest: {[(u.rsplit('/', 1)[-1], s) for u, s in biggest]}"
