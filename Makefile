# Two commands for everyone: `make site` builds the site, `make test` runs every test.
# Both create the virtual environment .venv and install the pinned packages when needed.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: site serve test check browser clean

site: $(INSTALLED)
	$(BIN)/mbc-guide build

serve: $(INSTALLED)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --strict

check: $(INSTALLED)
	$(BIN)/mbc-guide check

test: $(INSTALLED) browser
	$(BIN)/pytest

# Browser tests drive Debian's Chromium; install it when missing (needs root, as on CI).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests (apt-get)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

$(INSTALLED): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(INSTALLED)

clean:
	rm -rf site .site-building-* .pytest_cache
