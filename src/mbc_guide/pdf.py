"""Handout PDFs: headless Chromium prints every handout page of a built site in A4 and US Letter, next to it."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .browser import CHROMIUM, CHROMIUM_ARGS, INSTALL_HINT, chromium_installed
from .handouts import HANDOUT_FOLDER, PAPERS, is_handout, pdf_path

# The page margins of handout.css's @page rule, repeated because Chromium's PDF call sets its own.
MARGINS = {"top": "6mm", "bottom": "9mm", "left": "9mm", "right": "9mm"}
FOOTER = ('<div style="width:100%;font-size:12pt;font-family:sans-serif;text-align:center;color:#000">'
          'Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>')


class ChromiumMissing(RuntimeError):
    pass


# Every sheet prints its head (date, web address, QR code) from handout_head.html; a moved page's redirect does not.
HANDOUT_HEAD = 'class="handout-head'


def handout_pages(site_dir: Path) -> list[Path]:
    folder = site_dir / HANDOUT_FOLDER
    return sorted(page for page in folder.glob("*.html") if is_handout(f"{HANDOUT_FOLDER}/{page.stem}.md")
                  and HANDOUT_HEAD in page.read_text(encoding="utf-8"))


def render_handouts(site_dir: Path, chromium: str = CHROMIUM, browser: Any = None) -> list[Path]:
    """Write <handout>-a4.pdf and <handout>-letter.pdf beside each handout page; return the PDFs written.
    `browser` is a running Playwright browser to reuse (the tests have one); otherwise Chromium is started."""
    if browser is not None:
        return _print_all(browser, site_dir)
    if not chromium_installed(chromium):
        raise ChromiumMissing(INSTALL_HINT)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            return _print_all(launched, site_dir)
        finally:
            launched.close()


def _print_all(browser: Any, site_dir: Path) -> list[Path]:
    written = []
    page = browser.new_page()
    for html in handout_pages(site_dir):
        page.goto(html.as_uri(), wait_until="load")
        for suffix, paper in PAPERS.items():
            pdf = Path(pdf_path(str(html), suffix))
            page.pdf(path=str(pdf), format=paper, margin=MARGINS, print_background=True,
                     display_header_footer=True, header_template="<span></span>", footer_template=FOOTER)
            written.append(pdf)
    page.close()
    return written
