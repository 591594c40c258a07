"""What the page_markdown events leave, kept so that a preview rebuild can put it back instead of running the
macros and the guide's checks again (page_reuse.py decides when).

Those events change the page (its Markdown, its front matter: title, review dates, search boost) and, of the guide
plugin, only what one page adds to what the edition collects: where each source is used, which glossary terms are
used, the page's held HTML blocks, and errors. A page that added an error, or could not be rendered, is never kept:
its next build runs everything again and reports it again.
"""
from __future__ import annotations

import copy
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable


@dataclass(frozen=True)
class RenderedPage:
    markdown: str
    meta: dict[str, Any]
    title: Any  # a title mkdocs-macros rendered (page.title set on the page), else _NO_TITLE
    held_blocks: tuple[str, ...]
    sources_used: tuple[tuple[str, str, str], ...]  # (source id, page address, page title)
    terms_seen: frozenset[str]

    def put_back(self, page: Any, plugin: Any) -> None:
        page.markdown = self.markdown
        page.meta = copy.deepcopy(self.meta)
        if self.title is not _NO_TITLE:
            page.title = self.title
        plugin.deferred.blocks = list(self.held_blocks)
        for source_id, url, title in self.sources_used:
            plugin.source_pages[source_id][url] = title
        plugin.terms_seen |= self.terms_seen


_NO_TITLE = object()


def rendered(page: Any, plugin: Any, run_events: Callable[[], str]) -> RenderedPage | None:
    """Run the page_markdown events on page; what they left, or None when the page reported a problem. The
    page's own sources and terms are collected apart and then added, so they are all of them, not only those no
    earlier page had (an earlier page may stop using a term that this one still uses)."""
    errors, unrendered = len(plugin.page_errors), len(plugin.unrendered_pages)
    edition_sources, edition_terms = plugin.source_pages, plugin.terms_seen
    plugin.source_pages, plugin.terms_seen = defaultdict(dict), set()
    try:
        page.markdown = run_events()
    finally:
        page_sources, page_terms = plugin.source_pages, plugin.terms_seen
        plugin.source_pages, plugin.terms_seen = edition_sources, edition_terms
        for source_id, pages in page_sources.items():
            edition_sources[source_id].update(pages)
        edition_terms |= page_terms
    if len(plugin.page_errors) != errors or len(plugin.unrendered_pages) != unrendered:
        return None
    return RenderedPage(page.markdown, copy.deepcopy(page.meta), page.__dict__.get("title", _NO_TITLE),
                        tuple(plugin.deferred.blocks),
                        tuple((source, url, title) for source, pages in page_sources.items() for url, title in pages.items()),
                        frozenset(page_terms))
