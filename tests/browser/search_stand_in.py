"""The page-wise checks without the whole site's search index.

Each page load has the browser fetch the search index of both editions (about 1 MB) and build it again in a worker,
about a fifth of the load's CPU, for checks that never search. These checks give the browser an index with the same
settings and no pages; the page, its scripts and the worker are as a reader gets them. Search itself is tested with
the real index (test_security_policy, test_offline, test_korean_edition)."""
import functools
import json
from pathlib import Path

INDEX = "search/search_index.json"


@functools.cache
def _empty_index(site: Path) -> str:
    """The site's index settings with no pages; read once per built site, not once per page checked."""
    settings = json.loads((site / INDEX).read_text(encoding="utf-8"))["config"]
    return json.dumps({"config": settings, "docs": []})


def without_search_index(context, site: Path) -> None:
    """Every page the context loads gets an empty index in place of site's."""
    empty = _empty_index(site)
    context.route(f"**/{INDEX}", lambda route: route.fulfill(body=empty, content_type="application/json"))
