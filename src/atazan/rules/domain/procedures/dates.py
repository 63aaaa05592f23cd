"""Deadlines on real dates.

A period counted in months ends on the same day of the month ``n`` months later, or on that month's last day when it
has no such day (31 January + 1 month = 28 or 29 February); a period in days or hours is added as it is. The day the
period starts from is the event's own date ("within seven days of the early release" of 5 October ends on
12 October). The Constitution does not define how periods are counted; this is the reading used throughout atazan
(``atazan.legislature.domain.calendar`` counts months the same way).
"""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(start: dt.date, months: int) -> dt.date:
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def add_years(start: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    return add_months(start, 12 * years)


def age_on(born: dt.date, on: dt.date) -> int:
    """Full years of age on ``on``: one born on 29 February is a year older on 28 February of a common year."""
    years = on.year - born.year
    return years if add_years(born, years) <= on else years - 1
