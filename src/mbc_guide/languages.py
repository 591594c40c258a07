"""Which language a page is in, which editions the site builds, and data text in a page's language.

English pages live at content/en/<path>.md and keep their addresses at the site root; Korean pages live at
content/ko/<path>.md and are served under /ko/. A page's language is the first folder of its source path.
Korean text for data strings comes from the overlay (data/ko/*.yaml), merged into a copy of the registry's Text
dicts once per build; the English registry is never changed (the parity check reads it).
"""
from __future__ import annotations

import copy
import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .korean_overlay import (OVERLAY_FOLDER, TRANSLATED_FILES, TRANSLATED_PLAIN_FIELDS, UNTRANSLATED_FILES, KoreanText,
                             _text_values, load_overlay)
from .models import LANGUAGES
from .registry import Registry

DEFAULT_LANGUAGE = "en"
KOREAN = "ko"


class MissingTranslation(LookupError):
    """A Korean page asked for text that has no Korean. The build gate reports missing strings before rendering,
    so this means a string the gate does not know about: never show English on a Korean page instead."""


def page_language(src_uri: str) -> str:
    """"ko" for a page under content/ko/ (src_uri "ko/options/x.md"), else "en"."""
    first = src_uri.replace("\\", "/").lstrip("/").split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def page_path_in_edition(src_uri: str) -> str:
    """The page's path without its language folder: "ko/options/x.md" -> "options/x.md", "en/index.md" -> "index.md"."""
    parts = src_uri.replace("\\", "/").lstrip("/").split("/", 1)
    return parts[1] if len(parts) == 2 and parts[0] in LANGUAGES else "/".join(parts)


def editions(extra: Mapping[str, Any] | None) -> list[str]:
    """The languages the site builds, from mkdocs.yml `extra.editions` (default: English only). English first."""
    wanted = list((extra or {}).get("editions") or [DEFAULT_LANGUAGE])
    unknown = [language for language in wanted if language not in LANGUAGES]
    if unknown:
        raise ValueError(f"mkdocs.yml: extra.editions: unknown language {unknown[0]!r}; use {', '.join(LANGUAGES)}")
    if DEFAULT_LANGUAGE not in wanted:
        raise ValueError(f"mkdocs.yml: extra.editions: the English edition ({DEFAULT_LANGUAGE!r}) is always built")
    return [DEFAULT_LANGUAGE] + [language for language in dict.fromkeys(wanted) if language != DEFAULT_LANGUAGE]


def text_in(text: Mapping[str, str], language: str) -> str:
    """A data Text in the page's language; a Korean page never falls back to English."""
    if language in text:
        return text[language]
    raise MissingTranslation(f"no {language!r} text for {text.get(DEFAULT_LANGUAGE, '')[:80]!r}; add it to "
                             f"data/{OVERLAY_FOLDER}/ (run `mbc-guide ko-status` to see every missing string)")


def korean_registry(registry: Registry, data_dir: Path, data_prefix: str = "data") -> Registry:
    """A copy of the registry whose Text dicts also carry "ko" from the overlay, and whose translated plain fields
    (glossary terms, reviewers, ...) are the Korean words. Items that name no English string are skipped here: the
    parity check reports them."""
    korean = Registry(**{kind: copy.deepcopy(getattr(registry, kind)) for kind in TRANSLATED_FILES},
                      **{kind: getattr(registry, kind) for kind in UNTRANSLATED_FILES},
                      located=registry.located)
    for kind in TRANSLATED_FILES:
        items, _errors, _ = load_overlay(data_dir, kind, data_prefix)
        table: dict[str, Any] = getattr(korean, kind)
        texts = {(entry_id, name): value for entry_id, entry in table.items()
                 for name, _, value in _text_values(entry, "", ())}
        for item in items:
            translated: KoreanText = item.entry  # type: ignore[assignment]
            if translated.field in TRANSLATED_PLAIN_FIELDS.get(kind, ()) and translated.id in table:
                table[translated.id] = table[translated.id].model_copy(update={translated.field: translated.ko})
            elif (translated.id, translated.field) in texts:
                texts[(translated.id, translated.field)][KOREAN] = translated.ko
    return korean


# The last Korean registry, with the English registry it was made from (kept, so its id is never reused).
_korean_cache: dict[tuple[int, str], tuple[Registry, Registry]] = {}


def registry_in(registry: Registry, language: str, data_dir: Path, data_prefix: str = "data") -> Registry:
    """The registry for an edition: the English one, or its Korean copy (made once per loaded registry and
    overlay: a rebuild with the same data reuses it)."""
    if language == DEFAULT_LANGUAGE:
        return registry
    overlay = data_dir / OVERLAY_FOLDER
    digest = hashlib.sha256()
    for path in sorted(overlay.glob("*.y*ml")):
        digest.update(f"\0{path.name}\0".encode())
        digest.update(path.read_bytes())
    key = (id(registry), digest.hexdigest())
    if key not in _korean_cache:
        _korean_cache.clear()  # one build's registries at a time
        _korean_cache[key] = (registry, korean_registry(registry, data_dir, data_prefix))
    return _korean_cache[key][1]
