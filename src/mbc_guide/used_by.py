"""Where each source is used, on the sources page: known only once every page is rendered (mkdocs_plugin fills it
in after the last page). A page uses a source it cites from data, or whose address its own words link (the lint
allows a writer's outside link only to a source's address). A source used on several pages folds its links, so a
keyboard reader passes a source in one Tab rather than one for each page that uses it."""
import posixpath
from collections.abc import Iterable

from .lint import LINK
from .models import Source
from .ui_strings import ui_text


def sources_by_address(sources: Iterable[Source]) -> dict[str, set[str]]:
    """Each address a source is read at (its own, or where it was read) -> the ids of the sources read there."""
    by_address: dict[str, set[str]] = {}
    for source in sources:
        for address in {source.url, source.read_in_url} - {None}:
            by_address.setdefault(address, set()).add(source.id)
    return by_address


def linked_sources(markdown: str, by_address: dict[str, set[str]]) -> set[str]:
    """The sources whose address a page's Markdown links in its own words."""
    return {source for match in LINK.finditer(markdown) for source in by_address.get(match.group(2), ())}


def used_on(pages: dict[str, str], here: str, language: str) -> str:
    """The "Used on" line of one source: pages maps each page's address to its title; here is the sources page's
    folder, to which the links are relative."""
    links = [f'<a href="{posixpath.relpath(url, here or ".")}">{title}</a>' for url, title in sorted(pages.items())]
    if len(links) > 1:
        return (f'<details class="used-on"><summary>{ui_text("sources.used_on_pages", language, count=len(links))}'
                f'</summary><p>{", ".join(links)}</p></details>')
    shown = links[0] if links else ui_text("sources.no_page_yet", language)
    return f'<p class="used-on">{ui_text("sources.used_on", language)} {shown}</p>'
