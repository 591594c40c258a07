"""The site's editions (one per language): which are built, and where a page sits in its edition.

Writers keep each edition in its folder: content/en/<path>.md is served at the site root, content/ko/<path>.md
under /ko/. Inside the build a page has three names: its source (`en/index.md`), its path in the edition
(`index.md`, the same for both editions: reviews and data name pages by it) and its served path (`index.md`,
`ko/index.md`: the address it has, from which relative links are made)."""
from __future__ import annotations

import posixpath
from typing import Any

DEFAULT = "en"
LANGUAGES = ("en", "ko")


class EditionsProblem(ValueError):
    pass


def editions(extra: Any) -> list[str]:
    """`extra.editions` of mkdocs.yml: the default edition first, then each other one at most once."""
    listed = (extra or {}).get("editions", [DEFAULT])
    if not isinstance(listed, list) or not listed or listed[0] != DEFAULT:
        raise EditionsProblem(f"mkdocs.yml: extra.editions: write a list that starts with {DEFAULT}, as in "
                              f"[{DEFAULT}] or [{', '.join(LANGUAGES)}]")
    unknown = [language for language in listed if language not in LANGUAGES]
    if unknown or len(set(listed)) != len(listed):
        raise EditionsProblem(f"mkdocs.yml: extra.editions: {listed} names an edition twice or one not in "
                              f"{', '.join(LANGUAGES)}")
    return list(listed)


def edition_of(src_uri: str) -> str:
    first = src_uri.split("/", 1)[0]
    return first if first in LANGUAGES and "/" in src_uri else DEFAULT


def in_edition(src_uri: str) -> str:
    """`en/handouts/x.md` and `ko/handouts/x.md` -> `handouts/x.md`."""
    first, _, rest = src_uri.partition("/")
    return rest if first in LANGUAGES and rest else src_uri


def source(language: str, path: str) -> str:
    return f"{language}/{path}"


def served(language: str, path: str) -> str:
    """The page's path as its address has it: the default edition at the root, the others in their folder."""
    return path if language == DEFAULT else posixpath.join(language, path)


def served_of(src_uri: str) -> str:
    return served(edition_of(src_uri), in_edition(src_uri))
