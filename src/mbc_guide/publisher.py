"""Who publishes the site: organisation, contact, reviewers and web address, from mkdocs.yml.

A local preview builds with placeholders (and says so); a publishing build (`mbc-guide build --publish`) refuses them.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

PUBLISH_VARIABLE = "MBC_PUBLISH"
PLACEHOLDER_MARK = "PLACEHOLDER"
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "localhost", "127.0.0.1")
PUBLISHER_FIELDS = ("organisation", "contact", "reviewers", "funding")


def is_publishing(environment: Mapping[str, str]) -> bool:
    return environment.get(PUBLISH_VARIABLE) == "1"


def placeholder_problems(extra: Mapping[str, Any], site_url: str | None) -> list[str]:
    """One line per setting that is missing or still a placeholder."""
    problems = []
    publisher = extra.get("publisher") or {}
    for name in PUBLISHER_FIELDS:
        value = publisher.get(name)
        text = " ".join(value) if isinstance(value, list) else str(value or "")
        if not text.strip() or PLACEHOLDER_MARK in text:
            problems.append(f"mkdocs.yml: extra.publisher.{name}: still a placeholder; fill it in before publishing "
                            "(a local preview with `make site` works without it)")
    host = (site_url or "").split("//")[-1].split("/")[0].split(":")[0]
    if not host or any(host == h or host.endswith("." + h) for h in PLACEHOLDER_HOSTS):
        problems.append(f"mkdocs.yml: site_url: {site_url or '(empty)'} is a placeholder address; set the site's real "
                        "address before publishing (handouts print it and their QR codes point to it)")
    return problems
