"""Where each source is used, on the sources page: known only once every page is rendered (mkdocs_plugin fills it
in after the last page). A source used on several pages folds its links, so a keyboard reader passes a source in one
Tab rather than one for each page that uses it."""
import posixpath

from .ui_strings import ui_text


def used_on(pages: dict[str, str], here: str, language: str) -> str:
    """The "Used on" line of one source: pages maps each page's address to its title; here is the sources page's
    folder, to which the links are relative."""
    links = [f'<a href="{posixpath.relpath(url, here or ".")}">{title}</a>' for url, title in sorted(pages.items())]
    if len(links) > 1:
        return (f'<details class="used-on"><summary>{ui_text("sources.used_on_pages", language, count=len(links))}'
                f'</summary><p>{", ".join(links)}</p></details>')
    shown = links[0] if links else ui_text("sources.no_page_yet", language)
    return f'<p class="used-on">{ui_text("sources.used_on", language)} {shown}</p>'
