"""Run by every Python process of a test run made with `pytest --today=DATE` (conftest.py puts this folder first on
PYTHONPATH and sets MBC_TEST_TODAY): the process's clock reads DATE, ticking from noon, so a build a test starts in
its own process agrees with the test about today."""
import datetime as dt
import os


def travel_to_test_day() -> None:
    import time_machine

    day = dt.date.fromisoformat(os.environ["MBC_TEST_TODAY"])
    time_machine.travel(dt.datetime.combine(day, dt.time(12)), tick=True).start()


if os.environ.get("MBC_TEST_TODAY"):
    travel_to_test_day()
