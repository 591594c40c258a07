import functools
import http.server
import threading
from contextlib import ExitStack
from dataclasses import dataclass

import pytest

from mbc_guide.browser import CHROMIUM, CHROMIUM_ARGS, INSTALL_HINT, chromium_installed
from page_measures import PHONE, REDIRECT, Measures, measure
from search_stand_in import without_search_index
from published import StaticServer, load, open_under_policy, policy_problems, served_for_host
from reader_tab import ReaderTab


@pytest.fixture(scope="session")
def browser():
    if not chromium_installed():
        pytest.fail(f"{INSTALL_HINT}; `make test` installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def site_url(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = StaticServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def axe_script() -> str:
    """axe-core's script, read from its package once per worker for every test that runs axe."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


@pytest.fixture(scope="session")
def reader_tab(browser, site_url, built_site):
    """ReaderTab: one tab per worker for the page-wise checks that use no pointer (reader_tab.py)."""
    tab = ReaderTab(browser, site_url, built_site)
    yield tab
    tab.close()


@pytest.fixture(scope="session")
def published(built_site, tmp_path_factory):
    """host -> (address, folder, headers): the built site published for that host and served, once per run."""
    with ExitStack() as stack:
        served = {}

        def for_host(host: str):
            if host not in served:
                folder = tmp_path_factory.mktemp(host) / "public"
                served[host] = stack.enter_context(served_for_host(built_site, folder, host))
            return served[host]
        yield for_host


@dataclass(frozen=True)
class PhoneView:
    policy_problems: list[str]  # policy violations, console and page errors while the page loaded
    measures: Measures | None  # None for a moved page's redirect, which shows nothing


@pytest.fixture(scope="session")
def phone_reader(browser, published):
    """path -> PhoneView: each page as a reader on a phone meets it on the published site (with the headers
    `make publish` writes for Netlify), loaded once for every test that asks. Tests that use it share one xdist
    group ("phone-measures"), so a run loads each page once."""
    address, folder, _ = published("netlify")
    context, page, problems = open_under_policy(browser, PHONE["width"], PHONE["height"])
    without_search_index(context, folder)
    seen = {}

    def view(path: str) -> PhoneView:
        if path not in seen:
            load(page, f"{address}/{path}")
            broken = policy_problems(page, problems)
            redirect = REDIRECT in (folder / path).read_text(encoding="utf-8")
            seen[path] = PhoneView(broken, None if redirect else measure(page))
        return seen[path]
    yield view
    context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def pytest_terminal_summary(terminalreporter):
    """Each page's first-view size, as its test recorded it (a report property, so no state is shared)."""
    from test_weight import PAGE_LIMIT_KB, SEARCH_INDEX_LIMIT_KB

    sizes = dict(value for outcome in ("passed", "failed") for report in terminalreporter.stats.get(outcome, [])
                 if getattr(report, "when", "") == "call"
                 for name, value in getattr(report, "user_properties", []) if name == "first_view_kb")
    if sizes:
        terminalreporter.section(f"first-view transfer size, gzip (limits: {PAGE_LIMIT_KB} KB for the page, "
                                 f"{SEARCH_INDEX_LIMIT_KB} KB for the search index)")
        for page, size in sorted(sizes.items()):
            terminalreporter.line(f"{size:7.1f} KB  {page}")
