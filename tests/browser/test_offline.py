"""Opened straight from disk (a USB stick): navigation works and search finds words without any server."""


def test_navigation_and_search_work_from_disk(browser, built_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((built_site / "index.html").as_uri())
    page.get_by_role("link", name="HER2-positive", exact=True).first.click()
    assert page.url.endswith("her2-positive.html")
    assert page.get_by_role("heading", level=1).inner_text() == "HER2-positive metastatic breast cancer"

    page.locator(".md-search__input").click()
    page.keyboard.type("pneumonitis", delay=30)  # Material searches on key events, as a reader types
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10000)
    found = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(link => link.href)")
    assert any("lung-inflammation.html" in link for link in found), found
    context.close()
