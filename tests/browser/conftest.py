import functools
import http.server
import threading

import pytest

from mbc_guide.browser import CHROMIUM, CHROMIUM_ARGS, INSTALL_HINT, chromium_installed


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
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


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
