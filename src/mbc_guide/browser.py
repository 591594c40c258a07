"""Debian's Chromium, as the handout PDFs and the browser tests start it."""
from __future__ import annotations

import shutil

CHROMIUM = "/usr/bin/chromium"
# Without these, Chromium tries to reach Google's hosts, which a machine without a network cannot.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
INSTALL_HINT = f"{CHROMIUM} is missing: install Debian's chromium (`sudo apt-get install chromium`) and run this again"


def chromium_installed(path: str = CHROMIUM) -> bool:
    return shutil.which(path) is not None
