"""The preview shows the current build errors over the page in a real browser, and clears them once fixed."""
import signal

from playwright.sync_api import expect
from test_preview import REBUILT, Preview, free_port


def test_preview_overlay_lists_errors_and_clears_when_fixed(project_copy, browser):
    port = free_port()
    preview = Preview(project_copy, port)
    page = browser.new_page()
    try:
        preview.wait_for_line(REBUILT)
        preview.wait_for_line(r"^preview: open ")
        page.goto(f"http://127.0.0.1:{port}/glossary.html")
        page.wait_for_selector("h1")
        assert page.locator("#preview-errors").count() == 0

        glossary = project_copy / "data" / "glossary.yaml"
        good = glossary.read_text()
        glossary.write_text(good.replace("  term: interstitial lung disease", "  trem: interstitial lung disease"))
        line = next(n for n, text in enumerate(glossary.read_text().splitlines(), 1) if "trem:" in text)
        overlay = page.wait_for_selector("#preview-errors", timeout=180_000)  # the page reloads after the rebuild
        assert overlay.get_attribute("role") == "alert"
        items = page.locator("#preview-errors li").all_inner_texts()
        assert f"data/glossary.yaml:{line}: ild.trem: unknown field 'trem'; did you mean 'term'?" in items
        expect(page.locator("#preview-errors h2")).to_contain_text("last good build")

        glossary.write_text(good)
        page.wait_for_selector("#preview-errors", state="detached", timeout=180_000)
        assert "interstitial lung disease" in page.locator("main").inner_text()
    finally:
        page.close()
        assert preview.stop(signal.SIGTERM, 60) == 0
