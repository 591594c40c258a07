"""What the page_markdown events leave (page_effects.py): kept whole for one page, put back as it was, and never
kept for a page that reported a problem."""
from collections import defaultdict
from types import SimpleNamespace

from mbc_guide.deferred_html import DeferredHtml
from mbc_guide.page_effects import rendered


def edition_plugin():
    return SimpleNamespace(page_errors=[], unrendered_pages=[], source_pages=defaultdict(dict), terms_seen=set(),
                           deferred=DeferredHtml())


def page(path="options/thp.md"):
    return SimpleNamespace(markdown="{{ option_page('thp') }}", meta={"title": "THP"}, url=path.replace(".md", ".html"))


def events_using(plugin, page, terms, sources, error=None):
    """The guide's events as they record a page: its terms, where each source is used, a held block, an error."""
    def run():
        plugin.terms_seen |= set(terms)
        for source in sources:
            plugin.source_pages[source][page.url] = page.meta["title"]
        plugin.deferred.start_page()
        held = plugin.deferred.hold("<div>card</div>")
        page.meta["review"] = "2026-11-30"
        if error:
            plugin.page_errors.append(error)
        return f"# THP\n\n{held}\n"
    return run


def test_a_page_keeps_every_term_and_source_it_uses_even_those_an_earlier_page_used():
    plugin = edition_plugin()
    edition_sources, edition_terms = plugin.source_pages, plugin.terms_seen
    earlier, later = page("her2-positive.md"), page()
    rendered(earlier, plugin, events_using(plugin, earlier, ["ild"], ["cleopatra"]))
    kept = rendered(later, plugin, events_using(plugin, later, ["ild", "adc"], ["cleopatra", "patina"]))
    assert kept.terms_seen == {"ild", "adc"}
    assert sorted(source for source, _, _ in kept.sources_used) == ["cleopatra", "patina"]
    # The edition's own collections, the same objects, hold both pages.
    assert plugin.source_pages is edition_sources and plugin.terms_seen is edition_terms
    assert plugin.terms_seen == {"ild", "adc"}
    assert plugin.source_pages["cleopatra"] == {"her2-positive.html": "THP", "options/thp.html": "THP"}


def test_what_was_kept_is_put_back_in_the_next_build():
    first = edition_plugin()
    shown = page()
    kept = rendered(shown, first, events_using(first, shown, ["ild"], ["patina"]))
    again, reused = edition_plugin(), page()
    kept.put_back(reused, again)
    assert (reused.markdown, reused.meta) == (shown.markdown, shown.meta)
    assert again.deferred.restore(reused.markdown) == "# THP\n\n<div>card</div>\n"
    assert again.terms_seen == {"ild"} and again.source_pages == {"patina": {"options/thp.html": "THP"}}
    reused.meta["review"] = "changed"
    assert kept.meta["review"] == "2026-11-30", "the kept front matter is a copy"


def test_a_page_that_reported_a_problem_is_not_kept():
    plugin = edition_plugin()
    shown = page()
    assert rendered(shown, plugin, events_using(plugin, shown, [], [], error="content/x.md:3: a problem")) is None
    assert plugin.page_errors == ["content/x.md:3: a problem"]
