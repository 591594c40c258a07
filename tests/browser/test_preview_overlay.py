"""The preview shows the current build errors over the page in a real browser, and clears them once fixed."""
import os
import signal

from test_preview import free_port, start_preview, wait_for


def test_preview_overlay_lists_errors_and_clears_when_fixed(project_copy, browser):
    port = free_port()
    log = project_copy / "preview.log"
    server = start_preview(project_copy, port, log)
    page = browser.new_page()
    try:
        assert wait_for(lambda: "preview: rebuilt in" in log.read_text()), log.read_text()
        page.goto(f"http://127.0.0.1:{port}/glossary.html")
        page.wait_for_selector("h1")
        assert page.locator("#preview-errors").count() == 0

        glossary = project_copy / "data" / "glossary.yaml"
        good = glossary.read_text()
        glossary.write_text(good.replace("  term: interstitial lung disease", "  trem: interstitial lung disease"))
        line = next(n for n, text in enumerate(glossary.read_text().splitlines(), 1) if "trem:" in text)
        overlay = page.wait_for_selector("#preview-errors", timeout=60_000)  # the page reloads after the rebuild
        assert overlay.get_attribute("role") == "alert"
        items = page.locator("#preview-errors li").all_inner_texts()
        assert f"data/glossary.yaml:{line}: ild.trem: unknown field 'trem'; did you mean 'term'?" in items
        assert "last good build" in page.locator("#preview-errors h2").inner_text()

        glossary.write_text(good)
        page.wait_for_selector("#preview-errors", state="detached", timeout=60_000)
        assert "interstitial lung disease" in page.locator("main").inner_text()
    finally:
        page.close()
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
