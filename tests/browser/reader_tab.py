"""One browser tab that opens page after page as a new reader meets each, for the page-wise checks.

A page opened in a new tab costs about three times the CPU of a page opened in a tab already open (a new renderer
process and Playwright's set-up of it): about one second more a page on a two-core machine, over a hundred pages a
run. So each test worker keeps one tab, and before every page it forgets what the last page left: the stored palette
(Material keeps the reader's choice in localStorage), the window size and the system's colour scheme. Opening is a
navigation, so the document, its focus and its scroll start new. Checks that use the pointer, measure what is
transferred (the tab has the site's files in its cache) or search open their own tab."""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field

from search_stand_in import without_search_index
from settled import settle

# Run at the start of every document, before the page's own scripts: each page is a reader's first visit. (Clearing
# from the last page is too early: its media listener stores the palette again when the colour scheme changes.)
FORGET_STORAGE = "try { localStorage.clear(); sessionStorage.clear(); } catch (error) {}"


@dataclass
class Seen:
    """What the pages opened in a recording did: requests to another host and console errors."""
    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


class ReaderTab:
    def __init__(self, browser, site_url: str, site) -> None:
        self.site_url = site_url
        self._context = browser.new_context()
        without_search_index(self._context, site)  # none of its checks searches
        self._context.add_init_script(FORGET_STORAGE)
        self._page = self._context.new_page()

    def open(self, path: str, width: int, scheme: str = "light", height: int = 800):
        """The page at path, loaded and settled, in a window width x height, for a system in the light or dark scheme."""
        page = self._page
        page.set_viewport_size({"width": width, "height": height})
        page.emulate_media(color_scheme=scheme)
        page.goto(f"{self.site_url}/{path}")
        settle(page)
        return page

    @contextmanager
    def recording(self):
        """Seen: the requests that leave the site and the console errors of the pages opened inside the block."""
        seen = Seen()

        def on_request(request):
            if not request.url.startswith((self.site_url, "data:")):
                seen.outside_requests.append(request.url)

        def on_console(message):
            if message.type == "error":
                seen.console_errors.append(message.text)
        self._page.on("request", on_request)
        self._page.on("console", on_console)
        try:
            yield seen
        finally:
            self._page.remove_listener("request", on_request)
            self._page.remove_listener("console", on_console)

    def close(self) -> None:
        self._context.close()
