"""The built site as a static host serves it: published for one host (`make publish`) and served on 127.0.0.1
with the headers that host would send, so pages load under the site's own security policy."""
import functools
import http.server
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from mbc_guide.publishing import publish, read_headers_file

# Every policy violation a page causes, as the browser reports it (recorded from the page's first script on).
RECORD_VIOLATIONS = """
window.policyViolations = [];
document.addEventListener("securitypolicyviolation", event => {
  window.policyViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
});
"""


class StaticServer(http.server.ThreadingHTTPServer):
    """A local static host; a reader's browser that leaves a page before a file has arrived is not an error."""
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _HeadersHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder with fixed headers on every response, as a static host does."""
    headers_to_add: dict[str, str] = {}

    def end_headers(self):
        for name, value in self.headers_to_add.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass


@contextmanager
def served_for_host(built_site: Path, folder: Path, host: str):
    """(address, folder, headers): the site published into folder for host, served until the block ends."""
    publish(built_site, folder, host)
    headers_file = folder / "_headers"
    headers = read_headers_file(headers_file.read_text()) if headers_file.exists() else {}
    handler = type("Handler", (_HeadersHandler,), {"headers_to_add": headers})
    server = StaticServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", folder, headers
    finally:
        server.shutdown()


def open_under_policy(browser, width: int, height: int = 900):
    """A page that records policy violations, console errors and page errors (context, page, problems)."""
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    return context, page, problems


def load(page, url: str) -> None:
    """The page loaded (its scripts have run), then one turn of its task queue, so that the reports of violations
    its scripts caused while loading have reached the recorder."""
    page.goto(url, wait_until="load")
    page.evaluate("() => new Promise((resolve) => setTimeout(resolve))")


def policy_problems(page, problems: list[str]) -> list[str]:
    """What the page broke so far (violations, console and page errors); the errors list is emptied for the next."""
    found = page.evaluate("window.policyViolations") + problems
    problems.clear()
    return found
