"""Live preview for writers: rebuild on every change and reload the browser.

A failed rebuild prints its located, one-line errors and leaves the last good build in place, so the browser
keeps showing it.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from .building import build_site

# What a change in should rebuild the preview, besides mkdocs.yml and content/.
WATCHED = ("content", "data", "macros", "overrides", "src")


FAILED = "preview: the browser keeps showing the last good build; fix the lines above and save"
WAITING_PAGE = ("<!doctype html><html lang=\"en\"><title>Preview</title><body><h1>The site has errors</h1>"
                "<p>The terminal lists them, one line each. Fix them and save: this page reloads by itself.</p></body></html>")


class PreviewBuilder:
    """Builds the preview into one folder that the server keeps serving; a failed build leaves it as it was."""

    def __init__(self, config_file: Path, site_dir: Path):
        self.config_file = config_file
        self.site_dir = site_dir

    def __call__(self) -> bool:
        # Never raise: mkdocs' live server would print a traceback, or stop on SystemExit.
        if build_site(self.config_file, self.site_dir) is None:
            print(FAILED, file=sys.stderr)
            return False
        return True


def serve(config_file: Path, host: str = "127.0.0.1", port: int = 8000) -> int:
    from mkdocs.livereload import LiveReloadServer

    project = config_file.resolve().parent
    with tempfile.TemporaryDirectory(prefix="mbc-preview-") as scratch:
        site_dir = Path(scratch) / "site"
        builder = PreviewBuilder(config_file, site_dir)
        if not builder():
            site_dir.mkdir(parents=True, exist_ok=True)
            (site_dir / "index.html").write_text(WAITING_PAGE)
        return _serve(LiveReloadServer(builder=builder, host=host, port=port, root=str(site_dir)), config_file, project)


def _serve(server, config_file: Path, project: Path) -> int:
    server.watch(str(config_file.resolve()))
    for folder in WATCHED:
        if (project / folder).exists():
            server.watch(str(project / folder))
    print(f"preview: open {server.url} ; it rebuilds when you save a page or a data file (Ctrl+C stops it)")
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0
