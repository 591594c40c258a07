"""Live preview: a change rebuilds the site; a mistake prints its located line and the last good build stays."""
import datetime as dt
import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from mbc_guide import clock
from mbc_guide.preview import PreviewBuilder


def test_failed_rebuild_keeps_the_last_good_build_and_lists_its_errors_for_the_browser(project_copy, capsys):
    site = project_copy / "preview" / "site"
    builder = PreviewBuilder(project_copy / "mkdocs.yml", site)
    assert builder() is True
    good = (site / "index.html").read_text()
    assert '<script src="/_preview/overlay.js"></script></body>' in good
    assert json.loads((site / "_preview" / "errors.json").read_text())["errors"] == []
    capsys.readouterr()
    page = project_copy / "content" / "en" / "index.md"
    page.write_text(page.read_text() + "\n{{ nosuchmacro() }}\n")
    line = len(page.read_text().splitlines())
    assert builder() is False
    assert (site / "index.html").read_text() == good
    error = f"content/en/index.md:{line}: unknown macro or variable 'nosuchmacro'; see the writer's guide for the list of macros"
    assert json.loads((site / "_preview" / "errors.json").read_text())["errors"] == [error]
    err = capsys.readouterr().err.splitlines()
    assert err[0] == error
    assert re.fullmatch(r"preview: rebuild failed after \d+\.\d s with 1 error", err[1])
    assert err[2] == ("preview: the browser keeps showing the last good build, with these errors over it; fix the "
                      "lines above and save")


def test_every_rebuild_prints_its_time_and_warnings(project_copy, capsys, next_review):
    build = PreviewBuilder(project_copy / "mkdocs.yml", project_copy / "preview" / "site")
    assert build() is True
    before = capsys.readouterr().err.splitlines()
    first = re.fullmatch(r"preview: rebuilt in \d+\.\d s(?:, (\d+) warnings?)?", before[0])
    assert first, before
    count = int(first.group(1) or 0)
    assert len(before) == 1 + count + 1, "each warning on its own line, then the note on the evidence folder"

    reviews = project_copy / "data" / "reviews.yaml"
    soon = clock.today() + dt.timedelta(days=10)
    reviews.write_text(reviews.read_text().replace(f"next_review: {next_review}", f"next_review: {soon}", 1))
    assert build() is True
    err = capsys.readouterr().err.splitlines()
    assert re.fullmatch(rf"preview: rebuilt in \d+\.\d s, {count + 1} warnings?", err[0]), err
    line = next(n for n, text in enumerate(reviews.read_text().splitlines(), 1) if str(soon) in text)
    assert sorted(set(err[1:]) - set(before[1:])) == [
        f"data/reviews.yaml:{line}: index.md.next_review: warning: review is due on {soon}, within 30 days; plan the "
        "check against the evidence"]
    assert err[-1] == "evidence: no ../shared/evidence/ beside the project; figures were checked against data/evidence.yaml only"


def test_the_published_site_has_no_preview_overlay(built_site):
    assert [page for page in built_site.rglob("*.html") if "_preview" in page.read_text()] == []
    assert not (built_site / "_preview").exists()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read().decode()


class Preview:
    """`mbc-guide serve` in its own process; its output is read line by line as it comes, so a test waits for the
    line that says what it waits for (a rebuild, an error), never for a fixed time."""

    def __init__(self, project: Path, port: int, scratch: Path | None = None, sigint_ignored: bool = False):
        environment = dict(os.environ, PYTHONUNBUFFERED="1")  # each line as it is printed, through the pipe
        if scratch:
            environment["TMPDIR"] = str(scratch)
        # As a shell starts a background job (`make serve &`, or any command under a script's `&`).
        ignore_sigint = (lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if sigint_ignored else None
        self.process = subprocess.Popen([sys.executable, "-m", "mbc_guide.cli", "serve", "--port", str(port)],
                                        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                        start_new_session=True, env=environment, preexec_fn=ignore_sigint)
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)  # the process ended

    def wait_for_line(self, pattern: str, seconds: float = 180) -> str:
        """The next output line matching the pattern (earlier lines are kept in self.log)."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                break
            self.log.append(line)
            if re.search(pattern, line):
                return line
        raise AssertionError(f"no line matching {pattern!r}; the preview printed:\n" + "\n".join(self.log))

    def stop(self, signal_number: int, seconds: float) -> int:
        os.killpg(self.process.pid, signal_number)
        try:
            return self.process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            while (line := self.lines.get()) is not None:
                self.log.append(line)
            raise AssertionError(f"the preview did not stop within {seconds} s; it printed:\n" + "\n".join(self.log))


def test_ctrl_c_stops_a_preview_started_with_sigint_ignored(project_copy, tmp_path):
    """Started where SIGINT is ignored (a background job), the preview still stops on Ctrl+C and cleans up."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    preview = Preview(project_copy, free_port(), scratch, sigint_ignored=True)
    preview.wait_for_line(r"^preview: open ")
    assert preview.stop(signal.SIGINT, 120) == 0
    assert list(scratch.glob("mbc-preview-*")) == [], "Ctrl+C must remove the preview's temporary folder"


REBUILT = r"^preview: rebuilt in \d+\.\d s(, \d+ warnings?)?$"


def test_a_killed_preview_leaves_no_temporary_folder(project_copy, tmp_path):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    port = free_port()
    preview = Preview(project_copy, port, scratch)
    try:
        preview.wait_for_line(REBUILT)
        preview.wait_for_line(r"^preview: open ")
        assert "Start here" in fetch(f"http://127.0.0.1:{port}/index.html")
        assert len(list(scratch.glob("mbc-preview-*"))) == 1
    finally:
        assert preview.stop(signal.SIGTERM, 20) == 0
    assert list(scratch.glob("mbc-preview-*")) == []  # (Jinja's own template cache may stay: it is reused)
    assert not any("Traceback" in line for line in preview.log)
    assert [p.name for p in project_copy.glob(".site-building-*")] == []


def test_serve_rebuilds_on_a_data_edit_and_survives_a_mistake(project_copy, tmp_path):
    """Also: each rebuild prints its line, and Ctrl+C leaves no temporary folder (a kill is tested above)."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    port = free_port()
    url = f"http://127.0.0.1:{port}/glossary.html"
    preview = Preview(project_copy, port, scratch)
    try:
        preview.wait_for_line(REBUILT)
        preview.wait_for_line(r"^preview: open ")
        assert "Inflammation and scarring of the lungs" in fetch(url)
        glossary = project_copy / "data" / "glossary.yaml"
        glossary.write_text(glossary.read_text().replace("Inflammation and scarring of the lungs",
                                                         "Swelling and scarring of the lungs"))
        preview.wait_for_line(REBUILT)
        assert "Swelling and scarring of the lungs" in fetch(url)

        glossary.write_text(glossary.read_text().replace("  term: interstitial lung disease", "  trem: interstitial lung disease"))
        line = preview.wait_for_line(r"ild\.trem: unknown field 'trem'")
        assert line.startswith("data/glossary.yaml:") and line.endswith(": ild.trem: unknown field 'trem'; did you mean 'term'?")
        preview.wait_for_line(r"^preview: the browser keeps showing the last good build")
        assert "Swelling and scarring of the lungs" in fetch(url), "the last good build must stay"
    finally:
        # Ctrl+C lets a rebuild in progress finish, which a loaded machine can make slow; it must still end cleanly.
        assert preview.stop(signal.SIGINT, 300) == 0
    assert not any("Traceback" in line for line in preview.log)
    assert list(scratch.glob("mbc-preview-*")) == []
