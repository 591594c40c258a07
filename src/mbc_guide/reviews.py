"""Review dates: every page has one, and none is overdue (unless a writer previews locally)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .errors import DataError
from .generated_pages import index_path, is_generated
from .models import PageReview
from .registry import Registry

OVERRIDE_VARIABLE = "MBC_ALLOW_OVERDUE_REVIEWS"


def review_problems(registry: Registry, pages: Iterable[str], today: dt.date, allow_overdue: bool) -> list[DataError]:
    problems: list[DataError] = []
    pages = list(pages)
    for page in pages:
        if review_for(registry, page) is None:
            problems.append(DataError("data/reviews.yaml", None, page,
                                      "no review dates for this page; add last_reviewed, next_review and reviewed_by"))
    for page, review in registry.reviews.items():
        if page not in pages:
            problems.append(registry.error_at("reviews", page, ("page",), f"no page {page!r} in content/"))
        elif review.next_review < today and not allow_overdue:
            problems.append(registry.error_at(
                "reviews", page, ("next_review",),
                f"review was due on {review.next_review}; check the page against the evidence and update the dates"))
    return problems


def review_for(registry: Registry, page: str) -> PageReview | None:
    """A page's own review dates; a page built from data shares those of its folder's index."""
    if page in registry.reviews or not is_generated(page):
        return registry.reviews.get(page)
    return registry.reviews.get(index_path(page.split("/", 1)[0]))


DUE_SOON_DAYS = 30
STALE_ACCESS_DAYS = 183  # about 6 months
# as_of is the date of the facts readers see: a check that finds nothing newer must not move it.
HOW_TO_RECORD = ("if one is newer, update the note and its as_of; if none is, keep as_of and write the day you checked "
                 "in checked:")


def stale_access_notes(registry: Registry) -> list[DataError]:
    """Warnings for access notes last checked more than 6 months before the last review of a page that shows them
    (the pages of their indications' subtypes): approvals and coverage change. A note was last checked on its
    `checked` date where it has one (a writer found nothing newer), else on its as-of date."""
    warnings = []
    for note in registry.access.values():
        pages = dict.fromkeys(registry.subtypes[i.subtype].page for i in note.indications if i.subtype in registry.subtypes)
        for page in pages:
            review = registry.reviews.get(page)
            since = note.checked or note.as_of
            if review and (review.last_reviewed - since).days > STALE_ACCESS_DAYS:
                field, when = ("checked", f"checked on {since}") if note.checked else ("as_of", f"as of {since}")
                warnings.append(registry.error_at("access", note.id, (field,), f"warning: {when} is more than 6 months "
                                                  f"older than the last review of {page} ({review.last_reviewed}); "
                                                  f"check the note against the newest access facts: {HOW_TO_RECORD}"))
    return warnings


def reviews_due_soon(registry: Registry, today: dt.date) -> list[DataError]:
    """Warnings for pages whose review falls within the next 30 days: time to plan the check."""
    soon = today + dt.timedelta(days=DUE_SOON_DAYS)
    return [registry.error_at("reviews", page, ("next_review",), f"warning: review is due on {review.next_review}, "
                              f"within {DUE_SOON_DAYS} days; plan the check against the evidence")
            for page, review in registry.reviews.items() if today <= review.next_review <= soon]


def allow_overdue(environment: dict[str, str]) -> tuple[bool, str | None]:
    """The override works only outside CI, so a published build never carries an overdue page."""
    wanted = environment.get(OVERRIDE_VARIABLE) == "1"
    if wanted and environment.get("CI"):
        return False, f"{OVERRIDE_VARIABLE} is ignored in CI"
    return wanted, None
