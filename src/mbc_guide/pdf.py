"""Handout PDFs: headless Chromium prints every handout page of a built site, in each edition (handouts/,
ko/handouts/), in A4 and US Letter, next to it."""
from __future__ import annotations

import asyncio
import io
import os
from pathlib import Path
from typing import Any

import pypdf

from .browser import CHROMIUM, CHROMIUM_ARGS, INSTALL_HINT, chromium_installed
from .editions import served
from .handouts import HANDOUT_FOLDER, MOST_PAGES, PAPERS, is_handout, pdf_path
from .languages import DEFAULT_LANGUAGE
from .models import LANGUAGES

# The page margins of handout.css's @page rule, repeated because Chromium's PDF call sets its own.
MARGINS = {"top": "6mm", "bottom": "9mm", "left": "7mm", "right": "7mm"}
# The page number at the foot of each page, in the sheet's language.
PAGE_NUMBER = {"en": 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>',
               "ko": '<span class="totalPages"></span>쪽 중 <span class="pageNumber"></span>쪽'}


def footer(language: str) -> str:
    return ('<div style="width:100%;font-size:12pt;font-family:sans-serif;text-align:center;color:#000">'
            f'{PAGE_NUMBER[language]}</div>')


POINTS_PER_MM = 72 / 25.4
# A ruled line is 7 mm high (handout.css). Added lines stop this far above the bottom margin, clear of the footer's
# page number, which Chromium prints just under the margin's edge.
LINE_PITCH = 7 * POINTS_PER_MM
BOTTOM = 9 * POINTS_PER_MM
FOOTER_CLEARANCE = 5 * POINTS_PER_MM
# Lines to write on, added to every block marked data-fill-lines (ruled_lines.html), as many in each.
ADD_LINES = """count => document.querySelectorAll("[data-fill-lines]").forEach(block => {
  block.querySelectorAll("[data-added-line]").forEach(line => line.remove());
  for (let i = 0; i < count; i++) {
    const line = document.createElement("div");
    line.className = "ruled-lines__line";
    line.dataset.addedLine = "";
    block.append(line);
  }
})"""


class ChromiumMissing(RuntimeError):
    pass


# Every sheet prints its head (date, web address, QR code) from handout_head.html; a moved page's redirect does not.
HANDOUT_HEAD = 'class="handout-head'


def handout_pages(site_dir: Path, language: str = DEFAULT_LANGUAGE) -> list[Path]:
    folder = site_dir / served(language, HANDOUT_FOLDER)
    return sorted(page for page in folder.glob("*.html") if is_handout(f"{HANDOUT_FOLDER}/{page.stem}.md")
                  and HANDOUT_HEAD in page.read_text(encoding="utf-8"))


def render_handouts(site_dir: Path, chromium: str = CHROMIUM) -> list[Path]:
    """Write <handout>-a4.pdf and <handout>-letter.pdf beside each handout page of the editions built;
    return the PDFs written."""
    if not chromium_installed(chromium):
        raise ChromiumMissing(INSTALL_HINT)
    return asyncio.run(_print_everything(site_dir, chromium))


# Sheets print side by side, each printer in its own browser context (so its own renderer process): Chromium lays
# out and prints a sheet on one core, and the PDF checks run in Python meanwhile. More printers than cores only
# share the same cores. (The cores this process may use, where the system tells: Linux; elsewhere all of them.)
CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
PRINTERS = max(1, min(CORES, 4))


async def _print_everything(site_dir: Path, chromium: str) -> list[Path]:
    from playwright.async_api import async_playwright

    # A Korean sheet takes about four times as long to print as an English one (its font is embedded), so the
    # editions other than the default start first and the short sheets fill in at the end.
    sheets = [(language, html) for language in LANGUAGES for html in handout_pages(site_dir, language)]
    waiting = sorted(sheets, key=lambda sheet: sheet[0] == DEFAULT_LANGUAGE)
    written: dict[Path, list[Path]] = {}

    async def printer(browser: Any) -> None:
        context = await browser.new_context()
        page = await context.new_page()
        while waiting:
            language, html = waiting.pop(0)
            await page.goto(html.as_uri(), wait_until="load")
            written[html] = []
            for suffix, paper in PAPERS.items():
                pdf = Path(pdf_path(str(html), suffix))
                pdf.write_bytes(await _print_filled(page, paper, language))
                written[html].append(pdf)
        await context.close()

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        printers = [asyncio.create_task(printer(browser)) for _ in range(min(PRINTERS, len(sheets)))]
        try:
            await asyncio.gather(*printers)
        finally:  # one printer's error stops the others before the browser closes under them
            for task in printers:
                task.cancel()
            await asyncio.gather(*printers, return_exceptions=True)
            await browser.close()
    return [pdf for _, html in sheets for pdf in written[html]]


async def _print_filled(page: Any, paper: str, language: str = DEFAULT_LANGUAGE) -> bytes:
    """The sheet, with lines to write on added until its last page is full. Lines are the only thing added or
    taken away: a sheet whose content runs over MOST_PAGES is printed as it is, for the PDF test to refuse.
    Reading a printed PDF takes a thread, so that the other printers' browser work goes on meanwhile."""
    if not await page.evaluate('document.querySelector("[data-fill-lines]") !== null'):
        return await _print(page, paper, language)
    await page.evaluate(ADD_LINES, 0)
    printed = await _print(page, paper, language)
    room = await asyncio.to_thread(_room_left, printed)
    if room is None:
        return printed
    # The lowest text is the heading over the lines already there: room under it holds those first.
    drawn = await page.evaluate('document.querySelector("[data-fill-lines]").children.length')
    lines = int((room - FOOTER_CLEARANCE) // LINE_PITCH) - drawn
    pages = await asyncio.to_thread(_page_count, printed)
    while lines > 0:  # the estimate is close; a line too many moves the last text to a new page
        await page.evaluate(ADD_LINES, lines)
        filled = await _print(page, paper, language)
        if await asyncio.to_thread(_page_count, filled) == pages:
            return filled
        lines -= 1
    await page.evaluate(ADD_LINES, 0)
    return printed


async def _print(page: Any, paper: str, language: str = DEFAULT_LANGUAGE) -> bytes:
    return await page.pdf(format=paper, margin=MARGINS, print_background=True, display_header_footer=True,
                          header_template="<span></span>", footer_template=footer(language))


def _page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def _room_left(pdf: bytes) -> float | None:
    """Points between the last line of text on the last page and the bottom margin, or None when the sheet is
    already longer than MOST_PAGES (nothing is added then)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    if len(reader.pages) > MOST_PAGES:
        return None
    lowest = [float(reader.pages[-1].mediabox.top)]

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        baseline = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.strip() and baseline > BOTTOM:  # the footer's page number sits in the margin
            lowest[0] = min(lowest[0], baseline - size * 0.3)  # below the baseline: the letters' tails

    reader.pages[-1].extract_text(visitor_text=visit)
    return lowest[0] - BOTTOM
