"""Today's date, from one place: review checks, review warnings and the "made on" / "printed on" dates of handouts
all ask here, so a test can set the date once (time-machine) and a check of the whole site can be run as of any day."""
from __future__ import annotations

import datetime as dt


def today() -> dt.date:
    return dt.date.today()
