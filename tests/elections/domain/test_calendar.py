"""Terms and election deadlines (Constitution 2026, Arts. 52-54, 94-95) and the dated threshold."""

from datetime import date
from fractions import Fraction

import pytest

from atazan.elections.domain.election_calendar import (
    add_months,
    extraordinary_election_latest,
    first_election_window,
    regular_election_latest,
    term_end,
)
from atazan.elections.domain.parameters import threshold_on


def test_first_kurultai_election_window_after_the_constitution_took_force() -> None:
    w = first_election_window()
    assert (w.in_force, w.call_by, w.hold_by) == (date(2026, 7, 1), date(2026, 8, 1), date(2026, 9, 1))
    assert w.held_in_time(date(2026, 8, 30)) and not w.held_in_time(date(2026, 9, 2))
    assert w.ref == "Constitution 2026, Art. 95(1)"


def test_regular_election_no_later_than_two_months_before_the_five_year_term_ends() -> None:
    first_session = date(2026, 9, 15)
    assert term_end(first_session) == date(2031, 9, 15)
    assert regular_election_latest(first_session) == date(2031, 7, 15)


def test_month_arithmetic_clamps_to_the_last_day() -> None:
    assert add_months(date(2031, 12, 31), 2) == date(2032, 2, 29)
    assert extraordinary_election_latest(date(2027, 12, 31)) == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("day", "share"),
    [
        (date(2021, 1, 10), Fraction(7, 100)),
        (date(2023, 3, 19), Fraction(5, 100)),
        (date(2026, 8, 30), Fraction(5, 100)),
    ],
)
def test_threshold_is_a_dated_parameter(day: date, share: Fraction) -> None:
    assert threshold_on(day).share == share


def test_no_threshold_before_art_97_1_existed() -> None:
    with pytest.raises(LookupError):
        threshold_on(date(1995, 12, 9))
