# Two commands for everyone: `make site` builds the site, `make test` runs every test.
# Both create the virtual environment .venv and install the pinned packages when needed.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
NODE_TOOLS := node_modules/.installed

.PHONY: setup site publish pages serve lint test test-fast check schema evidence browser java node clean mutation

# Everything the build and the tests need: .venv, Chromium, Java and the Nu HTML checker.
setup: $(INSTALLED) browser $(NODE_TOOLS)

# The site, with every handout printed to PDF by Chromium (installed when missing).
site: $(INSTALLED) browser
	$(BIN)/mbc-guide build --pdfs

# The pages only, without PDFs and without Chromium: quicker, for checking a change.
pages: $(INSTALLED)
	$(BIN)/mbc-guide build

# A folder to upload to a static host, public/, behind a strict security policy (README: Publishing). It refuses
# placeholders for the publisher and the web address (mkdocs.yml), one line each. HOST=netlify (default; also Cloudflare Pages): a _headers file. HOST=github-pages: the policy in each page.
HOST ?= netlify
publish: $(INSTALLED) browser
	$(BIN)/mbc-guide publish --host $(HOST)

# Live preview at http://127.0.0.1:8000: rebuilds on save; a failed rebuild keeps the last good build showing.
serve: $(INSTALLED)
	$(BIN)/mbc-guide serve

lint: $(INSTALLED)
	$(BIN)/mbc-guide lint

check: $(INSTALLED)
	$(BIN)/mbc-guide check

# Two workers (pytest-xdist), in random order (pytest-randomly prints its seed first; `--randomly-seed=N` repeats
# an order); the slowest tests are listed last. The built site and handout PDFs are made once for both workers.
# Each worker takes the next test when it is free; tests marked with one xdist_group share a worker (and what they
# measured once).
PYTEST_RUN := $(BIN)/pytest -n 2 --dist loadgroup --durations=20

test: setup
	$(PYTEST_RUN)

# Every test except the browser suite: no Chromium needed (Java and the Nu HTML checker are, as for `make test`).
test-fast: $(INSTALLED) $(NODE_TOOLS)
	$(PYTEST_RUN) --ignore=tests/browser -q

# Mutation score of the core modules (README: Mutation testing): slow (hours on two shared cores), so never part
# of `make test`; it resumes where it stopped.
# One worker at low priority; the fast unit tests only. MUTANTS="mbc_guide.numbers*" narrows the run.
mutation: $(INSTALLED)
	$(BIN)/python scripts/mutation.py $(MUTANTS)

# The editors' JSON Schemas in schemas/, from the models and the ids in data/.
schema: $(INSTALLED)
	$(BIN)/mbc-guide schema

# data/evidence.yaml: the evidence entries data/ cites, copied from ../shared/evidence/.
evidence: $(INSTALLED)
	$(BIN)/python scripts/make_evidence_record.py

# Handout PDFs and browser tests use Debian's Chromium; install it when missing (as root, or with sudo).
# Java runs the Nu HTML checker; Node's npm installs it (package.json, package-lock.json).
# $(call apt_install,CHECK,PACKAGES): install Debian packages when the shell command CHECK fails (as root, or with
# sudo); CHECK looks for what the packages provide, so an installed machine runs no apt-get.
define apt_install
	@$(1) >/dev/null 2>&1 || { \
	  echo "Installing Debian's $(2) (apt-get)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(2) >/dev/null; }
endef
# The Korean pages' font (Hangul in the Korean handout PDFs): Noto Sans CJK from Debian's fonts-noto-cjk.
KOREAN_FONT := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

browser:
	$(call apt_install,command -v chromium,chromium)
	$(call apt_install,test -e $(KOREAN_FONT),fonts-noto-cjk)

java:
	$(call apt_install,command -v java,default-jre-headless)

node:
	$(call apt_install,command -v npm,nodejs npm)

# The checker only (--omit=dev leaves out Lighthouse, which benchmarks/lighthouse.py installs); vnu-jar's
# install script would download a Java runtime, which `java` provides instead.
$(NODE_TOOLS): package.json package-lock.json | java node
	npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_TOOLS)

$(INSTALLED): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(INSTALLED)

clean:
	rm -rf site public .site-building-* .pytest_cache
