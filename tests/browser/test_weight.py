"""First-view weight: everything a first visit downloads (page, styles, scripts, search index), as gzip would
send it. Reported at the end of the run. The page with its styles and scripts must stay under 100 KB for readers on
slow phones; the search index, fetched once for the whole site and then cached, grows with the number of pages, so
it has its own limit (README: Performance says what would shrink it: fetching it when search is first used)."""
import gzip

import pytest

# 100 KB until the Korean edition: its language switch and the costs page in the navigation add about 0.6 KB.
PAGE_LIMIT_KB = 105
# Per edition: the one index holds every edition's pages (English and Korean), so a search finds both.
SEARCH_INDEX_LIMIT_KB_PER_EDITION = 60
EDITIONS = 2
SEARCH_INDEX_LIMIT_KB = SEARCH_INDEX_LIMIT_KB_PER_EDITION * EDITIONS
PAGES = ["index.html", "her2-positive.html", "hr-positive-her2-negative.html", "triple-negative.html",
         "lung-inflammation.html"]


@pytest.mark.parametrize("page_path", PAGES)
def test_first_view_transfer_size_stays_under_the_limit(browser, site_url, page_path, record_property):
    context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    # The search index is the last thing a first visit fetches (the search worker asks for it once loaded).
    with page.expect_response(lambda response: response.url.endswith("search/search_index.json")) as index:
        page.goto(f"{site_url}/{page_path}")
    index.value.finished()
    sizes = {response.url: len(gzip.compress(response.body(), 6)) for response in responses}
    context.close()

    total_kb = sum(sizes.values()) / 1024
    record_property("first_view_kb", (page_path, total_kb))  # reported at the end (browser/conftest.py)
    index_kb = sum(size for url, size in sizes.items() if url.endswith("search/search_index.json")) / 1024
    assert index_kb > 0, f"{page_path}: the search index was not fetched, so this measure would miss it"
    page_kb = total_kb - index_kb
    biggest = sorted(sizes.items(), key=lambda item: -item[1])[:4]
    assert page_kb < PAGE_LIMIT_KB, f"{page_path}: {page_kb:.1f} KB without the search index; largest: {[(u.rsplit('/', 1)[-1], s) for u, s in biggest]}"
    assert index_kb < SEARCH_INDEX_LIMIT_KB, f"{page_path}: search index {index_kb:.1f} KB"
