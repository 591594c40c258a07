"""Lighthouse mobile performance of every built page (a measurement, not a test).

    npm ci                                    # once: installs the pinned lighthouse from package.json
    .venv/bin/python benchmarks/lighthouse.py # scores for site/ (build it first: make pages)

Serves the built site on 127.0.0.1, gzipped, with the headers `make publish` writes (the real policy, so a page that
breaks it scores as readers would see it), runs Lighthouse's default mobile audit (simulated slow 4G and a
4x slower CPU) with Debian's Chromium on each page, three times (--runs), keeps the median run, prints a table
and writes benchmarks/lighthouse.json. Run it with `nice` on a quiet machine: blocking time follows the load.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
TARGET = 0.95
sys.path.insert(0, str(REPO / "src"))

from mbc_guide.browser import CHROMIUM  # noqa: E402
from mbc_guide.publishing import security_headers  # noqa: E402


COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml"}


def serve(folder: Path, headers: dict[str, str]) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A static host on 127.0.0.1: the security headers on every file and text gzipped, as Netlify and GitHub Pages do."""
    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):
            path = Path(self.translate_path(self.path))
            if path.suffix not in COMPRESSED or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
                return super().do_GET()
            body = gzip.compress(path.read_bytes())
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def end_headers(self):
            for name, value in headers.items():
                self.send_header(name, value)
            super().end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def audit(url: str, report: Path) -> dict[str, float]:
    command = [str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json", f"--output-path={report}",
               "--quiet", "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300)
    result = json.loads(report.read_text())
    metrics = result["audits"]
    return {"score": result["categories"]["performance"]["score"],
            "fcp_s": metrics["first-contentful-paint"]["numericValue"] / 1000,
            "lcp_s": metrics["largest-contentful-paint"]["numericValue"] / 1000,
            "tbt_ms": metrics["total-blocking-time"]["numericValue"],
            "cls": metrics["cumulative-layout-shift"]["numericValue"]}


def median_run(runs: list[dict[str, float]]) -> dict[str, object]:
    """The run with the median score (its own timings), with every run's score and the load average beside it."""
    middle = sorted(runs, key=lambda run: run["score"])[len(runs) // 2]
    return {**middle, "scores": [run["score"] for run in runs], "load": os.getloadavg()[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=REPO / "site")
    parser.add_argument("--json", type=Path, default=REPO / "benchmarks" / "lighthouse.json")
    parser.add_argument("--runs", type=int, default=3, help="audits of each page; the median is kept (scores swing on a busy machine)")
    parser.add_argument("pages", nargs="*", help="pages to audit (default: every page of the site)")
    arguments = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("lighthouse is missing: run `npm ci` (it installs the pinned devDependencies)")
    pages = arguments.pages or sorted(p.relative_to(arguments.site).as_posix() for p in arguments.site.rglob("*.html")
                                      if p.name != "404.html")
    server, address = serve(arguments.site, security_headers(arguments.site))
    results = {}
    try:
        with tempfile.TemporaryDirectory(prefix="mbc-lighthouse-") as scratch:
            for page in pages:
                runs = [audit(f"{address}/{page}", Path(scratch) / "report.json") for _ in range(arguments.runs)]
                results[page] = row = median_run(runs)
                print(f"{row['score']:.2f}  FCP {row['fcp_s']:.1f} s  LCP {row['lcp_s']:.1f} s  TBT {row['tbt_ms']:.0f} ms"
                      f"  CLS {row['cls']:.3f}  {page}", flush=True)
    finally:
        server.shutdown()
    arguments.json.write_text(json.dumps(results, indent=2) + "\n")
    below = [page for page, row in results.items() if row["score"] < TARGET]
    print(f"\n{len(results) - len(below)} of {len(results)} pages at {TARGET} or more" + (f"; below: {', '.join(below)}" if below else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
