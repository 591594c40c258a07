"""The Korean edition's gate: with ko among the editions, the build stops on every data string without its current
Korean text and on every page that has no counterpart in the other edition, one line each."""
from __future__ import annotations

from pathlib import Path

from .korean_dates import korean_date_problems
from .korean_overlay import check_parity
from .korean_terms import check_terms
from .languages import DEFAULT_LANGUAGE, KOREAN
from .registry import Registry
from .ui_strings import catalogue_problems


def korean_text_problems(registry: Registry, data_dir: Path, data_prefix: str) -> list[str]:
    """The overlay's own lines: errors in the Korean files and terms, sources' dates the Korean pages cannot print,
    missing and out-of-date strings (`ko-status --details`), then the site's own words without Korean
    (src/mbc_guide/ui_strings.yaml)."""
    report = check_parity(registry, data_dir, data_prefix=data_prefix)
    problems = [*report.errors, *check_terms(registry, data_dir, data_prefix=data_prefix),
                *korean_date_problems(registry), *report.gaps]
    return [str(problem) for problem in problems] + catalogue_problems(KOREAN)


def unpaired_pages(docs_dir: Path, language: str = KOREAN) -> list[str]:
    """An English page without its Korean page (the reader of /ko/ would miss it), and a Korean page without its
    English page (a misspelt file name, or a page English readers lack)."""
    shown = docs_dir.name
    english, other = docs_dir / DEFAULT_LANGUAGE, docs_dir / language
    english_pages = {page.relative_to(english).as_posix() for page in english.rglob("*.md")}
    other_pages = {page.relative_to(other).as_posix() for page in other.rglob("*.md")} if other.is_dir() else set()
    lines = [f"{shown}/{DEFAULT_LANGUAGE}/{page}: no Korean page; write {shown}/{language}/{page} (the same macros, in "
             f"Korean), or take {language} out of extra.editions in mkdocs.yml" for page in sorted(english_pages - other_pages)]
    lines += [f"{shown}/{language}/{page}: no English page {shown}/{DEFAULT_LANGUAGE}/{page}; every Korean page mirrors "
              "an English one with the same path" for page in sorted(other_pages - english_pages)]
    return lines
