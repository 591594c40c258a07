"""The published site under its own security policy: served with the headers `make publish` writes (or, for
GitHub Pages, the policy in each page), no page breaks a rule, and search, the palette switch and the menu work."""
import pytest

from published import load, open_under_policy, policy_problems

HOSTS = ("netlify", "github-pages")
# GitHub Pages carries the same policy in a <meta> tag of each page (tests/test_publishing.py checks every page has
# it, before any script, with the same script hashes): these pages prove the browser applies it, one of each kind.
META_POLICY_PAGES = ("index.html", "ko/index.html", "glossary.html", "handouts/her2-positive.html",
                     "options/tdxd-pertuzumab.html", "ko/studies/destiny-breast09.html", "404.html")


def _every_page(folder):
    return sorted(html.relative_to(folder).as_posix() for html in folder.rglob("*.html"))


@pytest.mark.xdist_group("phone-measures")  # each page is loaded once for these checks and the page-length tests
def test_every_page_loads_without_breaking_the_policy(phone_reader, published):
    _, folder, headers = published("netlify")
    assert "Content-Security-Policy" in headers
    broken = {path: found for path in _every_page(folder) if (found := phone_reader(path).policy_problems)}
    assert not broken, broken


def test_a_script_the_policy_has_no_hash_for_is_reported(browser, published):
    """The check can fail: an inline script the policy does not allow, run while the page loads, is reported."""
    address, folder, _ = published("netlify")
    page_not_allowed = folder / "not-allowed.html"
    page_not_allowed.write_text("<!doctype html><title>Not allowed</title><script>document.title = 'ran'</script>")
    context, page, problems = open_under_policy(browser, 390)
    try:
        load(page, f"{address}/{page_not_allowed.name}")
        found = policy_problems(page, problems)
    finally:
        context.close()
        page_not_allowed.unlink()  # the published folder is every policy test's: no page of ours is left in it
    assert any(problem.startswith("script-src") for problem in found), found


def test_pages_with_the_policy_in_a_meta_tag_break_no_rule(browser, published):
    address, folder, _ = published("github-pages")
    context, page, problems = open_under_policy(browser, 1280)
    broken = {}
    for path in META_POLICY_PAGES:
        assert (folder / path).exists(), path
        load(page, f"{address}/{path}")
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1, path
        if found := policy_problems(page, problems):
            broken[path] = found
    context.close()
    assert not broken, broken


@pytest.mark.parametrize("host", HOSTS)
def test_search_palette_and_menu_work_under_the_policy(browser, published, host):
    address, _, _ = published(host)
    context, page, problems = open_under_policy(browser, 1280)
    page.goto(f"{address}/index.html")
    page.locator(".md-search__input").click()
    page.keyboard.type("pneumonitis", delay=30)  # Material searches on key events, as a reader types
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    found = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(link => link.href)")
    assert any("lung-inflammation.html" in link for link in found), found
    page.keyboard.press("Escape")

    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    toggle = page.locator("label.md-header__button:not([hidden])[for^='__palette']")
    toggle.click()
    page.wait_for_function(f"document.body.dataset.mdColorScheme !== {scheme!r}")
    violations = policy_problems(page, problems)
    context.close()

    context, phone, problems = open_under_policy(browser, 390)
    phone.goto(f"{address}/index.html")
    menu = phone.get_by_role("button", name="Menu")
    menu.click()
    phone.wait_for_function("document.getElementById('__drawer').checked")
    phone.locator(".md-sidebar--primary").get_by_role("link", name="Glossary").click()
    phone.wait_for_url("**/glossary.html")
    violations += policy_problems(phone, problems)
    context.close()
    assert not violations, violations
