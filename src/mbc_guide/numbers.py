"""Numbers into plain words: natural frequencies out of 100, and months as years and months.

Rounding rule (written down because readers compare these numbers):
- Percentages become whole people out of 100, rounding halves up: 12.5 -> 13, 12.4 -> 12.
- A rate above 0 and below 1 % is "fewer than 1 out of 100", never "1 out of 100" or "0".
  Icon arrays draw it as one half-filled person, so the picture agrees with the words.
- Months round halves up to whole months: 40.7 -> "3 years and 5 months"; 11.5 -> "1 year".
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def round_half_up(value: float) -> int:
    # Decimal(str()) avoids binary artefacts such as 12.5 being stored as 12.4999...
    return int(Decimal(str(value)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def people_out_of_100(percent: float) -> int:
    """Whole people out of 100, halves rounded up. Rates above 0 and below 1 give 0: see `is_fewer_than_one`."""
    if not 0 <= percent <= 100:
        raise ValueError(f"a percentage must be between 0 and 100, got {percent}")
    if is_fewer_than_one(percent):
        return 0
    return round_half_up(percent)


def is_fewer_than_one(percent: float) -> bool:
    return 0 < percent < 1


def natural_frequency(percent: float) -> str:
    """'about 70 out of 100 people'."""
    if is_fewer_than_one(percent):
        return "fewer than 1 out of 100 people"
    count, exact = rounded_people(percent)
    return f"{'' if exact else 'about '}{count} out of 100 people"


def rounded_people(percent: float) -> tuple[int, bool]:
    """Whole people out of 100, and whether that is the exact figure (no "about"); every language words it."""
    count = people_out_of_100(percent)
    return count, Decimal(str(percent)) == count


def months_in_words(months: float) -> str:
    """'about 3 years and 5 months' for 40.7; 'about 6 months' for 5.6."""
    years, rest, exact = years_and_months(months)
    approx = "" if exact else "about "
    if years == 0:
        return f"{approx}{_plural(rest, 'month')}"
    if rest == 0:
        return f"{approx}{_plural(years, 'year')}"
    return f"{approx}{_plural(years, 'year')} and {_plural(rest, 'month')}"


def years_and_months(months: float) -> tuple[int, int, bool]:
    """Months rounded (halves up) as whole years and months, and whether that is the exact figure."""
    if months < 0:
        raise ValueError(f"months cannot be negative, got {months}")
    whole = round_half_up(months)
    return *divmod(whole, 12), Decimal(str(months)) == whole


def timeframe_in_words(months: float) -> str:
    """'after 2 years', 'after 18 months'."""
    whole = round_half_up(months)
    if whole % 12 == 0:
        return f"after {_plural(whole // 12, 'year')}"
    return f"after {_plural(whole, 'month')}"


def format_number(value: float) -> str:
    """The exact figure as the source gives it, without a trailing '.0'."""
    return f"{value:g}" if float(value) != int(value) else str(int(value))


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}{'' if count == 1 else 's'}"
