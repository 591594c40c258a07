"""The published site under its own security policy: served with the headers `make publish` writes (or, for
GitHub Pages, the policy in each page), no page breaks a rule, and search, the palette switch and the menu work."""
import functools
import http.server
import threading
from pathlib import Path

import pytest

from mbc_guide.publishing import publish, read_headers_file

RECORD_VIOLATIONS = """
window.policyViolations = [];
document.addEventListener("securitypolicyviolation", event => {
  window.policyViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
});
"""


class _HeadersHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder with fixed headers on every response, as a static host does."""
    headers_to_add: dict[str, str] = {}

    def end_headers(self):
        for name, value in self.headers_to_add.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module", params=["netlify", "github-pages"])
def published(request, built_site, tmp_path_factory):
    """(address, folder, headers) of the built site published for one host and served on 127.0.0.1."""
    folder = tmp_path_factory.mktemp(request.param) / "public"
    publish(built_site, folder, request.param)
    headers_file = folder / "_headers"
    headers = read_headers_file(headers_file.read_text()) if headers_file.exists() else {}
    handler = type("Handler", (_HeadersHandler,), {"headers_to_add": headers})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", folder, headers
    server.shutdown()


def open_under_policy(browser, width: int):
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    return context, page, problems


def test_every_page_loads_without_breaking_the_policy(browser, published):
    address, folder, _ = published
    context, page, problems = open_under_policy(browser, 1280)
    violations = {}
    for html in sorted(folder.rglob("*.html")):
        path = html.relative_to(folder).as_posix()
        page.goto(f"{address}/{path}", wait_until="load")
        page.wait_for_function("document.querySelector('[data-md-component=search-query]') !== null")
        found = page.evaluate("window.policyViolations") + problems
        if found:
            violations[path] = list(found)
        problems.clear()
    context.close()
    assert not violations, violations


def test_search_palette_and_menu_work_under_the_policy(browser, published):
    address, _, _ = published
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
    violations = page.evaluate("window.policyViolations") + problems
    context.close()

    context, phone, problems = open_under_policy(browser, 390)
    phone.goto(f"{address}/index.html")
    menu = phone.get_by_role("button", name="Menu")
    menu.click()
    phone.wait_for_function("document.getElementById('__drawer').checked")
    phone.locator(".md-sidebar--primary").get_by_role("link", name="Glossary").click()
    phone.wait_for_url("**/glossary.html")
    violations += phone.evaluate("window.policyViolations") + problems
    context.close()
    assert not violations, violations

