"""Terms of the Kurultai and the days by which its elections must be called and held.

Periods counted in months end on the same date of the last month, or on that month's last day where it has no such
date (the general rule for terms in the Civil Code of Kazakhstan); "within" a period means on or before its last day.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from .candidates import add_years
from .parameters import KURULTAI_TERM_YEARS

__all__ = [
    "CONSTITUTION_IN_FORCE",
    "FirstElectionWindow",
    "add_months",
    "extraordinary_election_latest",
    "first_election_window",
    "regular_election_latest",
    "term_end",
]

# Constitution 2026, Art. 94(1).
CONSTITUTION_IN_FORCE = date(2026, 7, 1)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def term_end(first_session: date) -> date:
    """End of a convocation's five-year term counted from its first session.

    Constitution 2026, Art. 53(2) (five years) and Art. 52(2) (powers begin with the first session). The powers
    themselves last until the next convocation's first session opens.
    """
    return add_years(first_session, KURULTAI_TERM_YEARS)


def regular_election_latest(first_session: date) -> date:
    """Constitution 2026, Art. 54(1): regular elections no later than two months before the term ends."""
    return add_months(term_end(first_session), -2)


def extraordinary_election_latest(early_end: date) -> date:
    """Constitution 2026, Art. 54(2): extraordinary elections within two months of the early end of powers."""
    return add_months(early_end, 2)


@dataclass(frozen=True, slots=True)
class FirstElectionWindow:
    in_force: date
    call_by: date
    hold_by: date
    ref: str = "Constitution 2026, Art. 95(1)"

    def call_in_time(self, day: date) -> bool:
        return self.in_force <= day <= self.call_by

    def held_in_time(self, day: date) -> bool:
        return self.in_force <= day <= self.hold_by


def first_election_window(in_force: date = CONSTITUTION_IN_FORCE) -> FirstElectionWindow:
    """Constitution 2026, Art. 95(1): called by the President within a month and held within two months of the day
    the Constitution took force (2026-07-01, Art. 94(1))."""
    return FirstElectionWindow(in_force=in_force, call_by=add_months(in_force, 1), hold_by=add_months(in_force, 2))
