"""Where a page of an edition is served. Writers keep each edition in its folder: content/en/<path>.md is served at
the site root, content/ko/<path>.md under /ko/. Inside the build a page has three names: its source (`ko/index.md`),
its path in the edition (`index.md`, the same in both editions: reviews and data name pages by it;
languages.page_path_in_edition) and its served path (`index.md`, `ko/index.md`: its address, from which relative
links are made)."""
from __future__ import annotations

import posixpath
import re

from .languages import DEFAULT_LANGUAGE, page_language, page_path_in_edition


def source(language: str, path: str) -> str:
    return f"{language}/{path}"


def served(language: str, path: str) -> str:
    """The default edition at the root, the others in their folder."""
    return path if language == DEFAULT_LANGUAGE else posixpath.join(language, path)


def served_of(src_uri: str) -> str:
    return served(page_language(src_uri), page_path_in_edition(src_uri))


# mkdocs.yml's line `extra.editions`: [en] or [en, ko].
EDITIONS_LINE = re.compile(r"(?m)^  editions: \[en(?P<korean>, ko)?\]$")


def builds_korean(config_text: str) -> bool:
    """Whether mkdocs.yml's text turns the Korean edition on."""
    line = EDITIONS_LINE.search(config_text)
    return bool(line and line["korean"])


def english_only(config_text: str) -> str:
    """mkdocs.yml's text with the English edition alone (`extra.editions: [en]`): a copy of the project that builds
    in half the time and needs no Korean for what it adds (tests of English writers' mistakes, the benchmark)."""
    english, changed = EDITIONS_LINE.subn("  editions: [en]", config_text)
    if not changed:
        raise ValueError("mkdocs.yml: extra.editions not found as `  editions: [en, ko]`; the copy would build both")
    return english
