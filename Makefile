# Two commands for everyone: `make site` builds the site, `make test` runs every test.
# Both create the virtual environment .venv and install the pinned packages when needed.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: site publish pages serve lint test test-fast check schema evidence browser clean

# The site, with every handout printed to PDF by Chromium (installed when missing).
site: $(INSTALLED) browser
	$(BIN)/mbc-guide build --pdfs

# The site to publish: as `site`, but refuses placeholders for the publisher and the web address (mkdocs.yml).
publish: $(INSTALLED) browser
	$(BIN)/mbc-guide build --pdfs --publish

# The pages only, without PDFs and without Chromium: quicker, for checking a change.
pages: $(INSTALLED)
	$(BIN)/mbc-guide build

# Live preview at http://127.0.0.1:8000: rebuilds on save; a failed rebuild keeps the last good build showing.
serve: $(INSTALLED)
	$(BIN)/mbc-guide serve

lint: $(INSTALLED)
	$(BIN)/mbc-guide lint

check: $(INSTALLED)
	$(BIN)/mbc-guide check

test: $(INSTALLED) browser
	$(BIN)/pytest

# Every test except the browser suite: no Chromium needed.
test-fast: $(INSTALLED)
	$(BIN)/pytest --ignore=tests/browser -q

# The editors' JSON Schemas in schemas/, from the models and the ids in data/.
schema: $(INSTALLED)
	$(BIN)/mbc-guide schema

# data/evidence.yaml: the evidence entries data/ cites, copied from ../shared/evidence/.
evidence: $(INSTALLED)
	$(BIN)/python scripts/make_evidence_record.py

# Handout PDFs and browser tests use Debian's Chromium; install it when missing (as root, or with sudo).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for handout PDFs and browser tests (apt-get)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

$(INSTALLED): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(INSTALLED)

clean:
	rm -rf site .site-building-* .pytest_cache
