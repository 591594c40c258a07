"""Live preview for writers: rebuild on every change and reload the browser.

Every rebuild prints one line ("rebuilt in 0.9 s") with its warnings; a failed rebuild prints its located,
one-line errors, leaves the last good build in place and shows the errors over the page in the browser
(an overlay injected only into preview builds). The temporary folder goes when the preview stops, by Ctrl+C or a kill.
"""
from __future__ import annotations

import io
import json
import signal
import sys
import tempfile
import time
from contextlib import redirect_stderr
from pathlib import Path

from .building import build_site
from .page_reuse import PageReuse
from .mkdocs_plugin import OVERLAY_FOLDER  # served by the preview only; the published site never has it

# What a change in should rebuild the preview, besides mkdocs.yml and content/.
WATCHED = ("content", "data", "macros", "overrides", "src")
OVERLAY_SCRIPT = Path(__file__).with_name("preview_overlay.js")

FAILED = "preview: the browser keeps showing the last good build, with these errors over it; fix the lines above and save"
WAITING_PAGE = ("<!doctype html><html lang=\"en\"><title>Preview</title><body><h1>The site has errors</h1>"
                "<p>The terminal lists them, one line each. Fix them and save: this page reloads by itself.</p>"
                f"<script src=\"/{OVERLAY_FOLDER}/overlay.js\"></script></body></html>")


class _Both(io.TextIOBase):
    """Writes to the terminal and keeps a copy, so the errors printed can also be shown in the browser."""

    def __init__(self, terminal) -> None:
        self.terminal, self.copy = terminal, io.StringIO()

    def write(self, text: str) -> int:
        self.terminal.write(text)
        return self.copy.write(text)

    def flush(self) -> None:
        self.terminal.flush()


class PreviewBuilder:
    """Builds the preview into one folder that the server keeps serving; a failed build leaves it as it was."""

    def __init__(self, config_file: Path, site_dir: Path):
        self.config_file = config_file
        self.site_dir = site_dir
        self.reuse = PageReuse()  # a rebuild redoes only the pages that changed

    def __call__(self) -> bool:
        # Never raise: mkdocs' live server would print a traceback, or stop on SystemExit.
        started = time.monotonic()
        printed = _Both(sys.stderr)
        with redirect_stderr(printed), self.reuse.installed():
            result = build_site(self.config_file, self.site_dir, preview=True)
        self.reuse.finish(result is not None)
        seconds = time.monotonic() - started
        if result is None:
            errors = [line for line in printed.copy.getvalue().splitlines() if line.strip()]
            self._write_overlay(errors, [])
            print(f"preview: rebuild failed after {seconds:.1f} s with {len(errors)} "
                  f"{'error' if len(errors) == 1 else 'errors'}", file=sys.stderr)
            print(FAILED, file=sys.stderr)
            return False
        warnings = result.warnings
        self._write_overlay([], warnings)
        count = f", {len(warnings)} {'warning' if len(warnings) == 1 else 'warnings'}" if warnings else ""
        print(f"preview: rebuilt in {seconds:.1f} s{count}", file=sys.stderr)
        for line in (*warnings, *result.notes):
            print(line, file=sys.stderr)
        return True

    def _write_overlay(self, errors: list[str], warnings: list[str]) -> None:
        folder = self.site_dir / OVERLAY_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "overlay.js").write_text(OVERLAY_SCRIPT.read_text(encoding="utf-8"), encoding="utf-8")
        (folder / "errors.json").write_text(json.dumps({"errors": errors, "warnings": warnings}), encoding="utf-8")


def _stop_on_signals() -> None:
    """A killed preview (SIGTERM) stops as Ctrl+C does, so its temporary folder is removed. Ctrl+C (SIGINT) stops
    it even when it was started with SIGINT ignored, as a shell's background job is: Python then leaves SIGINT
    ignored, and the preview would never stop on it."""
    def stop(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, signal.default_int_handler)


def serve(config_file: Path, host: str = "127.0.0.1", port: int = 8000) -> int:
    from mkdocs.livereload import LiveReloadServer

    _stop_on_signals()
    project = config_file.resolve().parent
    try:
        with tempfile.TemporaryDirectory(prefix="mbc-preview-") as scratch:
            site_dir = Path(scratch) / "site"
            builder = PreviewBuilder(config_file, site_dir)
            if not builder():
                (site_dir / "index.html").write_text(WAITING_PAGE)
            return _serve(LiveReloadServer(builder=builder, host=host, port=port, root=str(site_dir)), config_file, project)
    except KeyboardInterrupt:  # stopped during the first build
        return 0


def _serve(server, config_file: Path, project: Path) -> int:
    server.watch(str(config_file.resolve()))
    for folder in WATCHED:
        if (project / folder).exists():
            server.watch(str(project / folder))
    listen = server.server_activate

    def listen_then_say_open() -> None:  # "open" only once the port listens, so opening it at once is not refused
        listen()
        print(f"preview: open {server.url} ; it rebuilds when you save a page or a data file (Ctrl+C stops it)")

    server.server_activate = listen_then_say_open
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0
