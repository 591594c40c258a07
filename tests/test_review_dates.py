"""The real review dates in data/reviews.yaml: the one test that fails once a real review is overdue, as it should
(every other test runs on copies whose review dates are set from today, tests/conftest.py)."""
import copy
import datetime as dt
from pathlib import Path

import pytest
import time_machine

from mbc_guide import clock
from mbc_guide.page_macros import SiteFacts
from mbc_guide.registry import load_registry
from mbc_guide.reviews import review_problems, reviews_due_soon

REPO = Path(__file__).resolve().parent.parent


def test_no_real_review_is_overdue():
    registry = load_registry(REPO / "data")
    overdue = [str(p) for p in review_problems(registry, list(registry.reviews), clock.today(), allow_overdue=False)]
    if overdue:
        more = f" (and {len(overdue) - 1} more pages)" if len(overdue) > 1 else ""
        pytest.fail(f"{overdue[0]}{more}; today is {clock.today()}", pytrace=False)


def test_the_print_date_and_the_review_checks_read_the_one_clock(registry):
    """Set the clock once (time-machine): the date handouts print and both review checks follow it."""
    page = next(iter(registry.reviews))
    with time_machine.travel(dt.datetime(2031, 2, 3, 12)):
        today = clock.today()
        assert today == dt.date(2031, 2, 3) and SiteFacts().built_on == today
        moved = copy.copy(registry)
        for due, overdue, soon in [(today, False, True), (today - dt.timedelta(days=1), True, False),
                                   (today + dt.timedelta(days=30), False, True), (today + dt.timedelta(days=31), False, False)]:
            moved.reviews = {page: registry.reviews[page].model_copy(update={"next_review": due})}
            problems = [str(p) for p in review_problems(moved, [page], clock.today(), allow_overdue=False)]
            warnings = [str(w) for w in reviews_due_soon(moved, clock.today())]
            assert (problems != [], warnings != []) == (overdue, soon), due
