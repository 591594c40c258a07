"""Live preview: a change rebuilds the site; a mistake prints its located line and the last good build stays."""
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from mbc_guide.preview import PreviewBuilder


def test_failed_rebuild_keeps_the_last_good_build(project_copy, capsys):
    site = project_copy / "preview" / "site"
    builder = PreviewBuilder(project_copy / "mkdocs.yml", site)
    builder()
    good = (site / "index.html").read_text()
    page = project_copy / "content" / "index.md"
    page.write_text(page.read_text() + "\n{{ nosuchmacro() }}\n")
    assert builder() is False
    assert (site / "index.html").read_text() == good
    err = capsys.readouterr().err
    assert "content/index.md:" in err and "the browser keeps showing the last good build" in err


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def wait_for(condition, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_rebuilds_on_a_data_edit_and_survives_a_mistake(project_copy):
    port = free_port()
    url = f"http://127.0.0.1:{port}/glossary.html"
    log = project_copy / "preview.log"
    with log.open("w") as output:
        server = subprocess.Popen([sys.executable, "-m", "mbc_guide.cli", "serve", "--port", str(port)],
                                  cwd=project_copy, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        assert wait_for(lambda: "Inflammation and scarring of the lungs" in fetch(url)), log.read_text()
        glossary = project_copy / "data" / "glossary.yaml"
        glossary.write_text(glossary.read_text().replace("Inflammation and scarring of the lungs",
                                                         "Swelling and scarring of the lungs"))
        assert wait_for(lambda: "Swelling and scarring of the lungs" in fetch(url)), log.read_text()

        glossary.write_text(glossary.read_text().replace("  term: interstitial lung disease", "  trem: interstitial lung disease"))
        assert wait_for(lambda: "ild.trem: unknown field 'trem'" in log.read_text()), log.read_text()
        assert wait_for(lambda: "Swelling and scarring of the lungs" in fetch(url), 10), "the last good build must stay"
        assert "Traceback" not in log.read_text()
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:  # Ctrl+C lets a rebuild in progress finish, which a loaded machine can make slow: not what is tested
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
