"""The real review dates in data/reviews.yaml: the one test that fails once a real review is overdue, as it should
(every other test runs on copies whose review dates are set from today, tests/conftest.py)."""
from pathlib import Path

import pytest

from mbc_guide import clock
from mbc_guide.registry import load_registry
from mbc_guide.reviews import review_problems

REPO = Path(__file__).resolve().parent.parent


def test_no_real_review_is_overdue():
    registry = load_registry(REPO / "data")
    overdue = [str(p) for p in review_problems(registry, list(registry.reviews), clock.today(), allow_overdue=False)]
    if overdue:
        more = f" (and {len(overdue) - 1} more pages)" if len(overdue) > 1 else ""
        pytest.fail(f"{overdue[0]}{more}; today is {clock.today()}", pytrace=False)
