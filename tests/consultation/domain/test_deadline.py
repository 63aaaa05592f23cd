"""The answer deadline: fifteen working days after registration (APPC Art. 76), on Kazakhstan's calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from atazan.consultation.domain.deadline import (
    ANSWER_TERMS,
    CalendarUnknown,
    answer_deadline,
    answer_term_on,
    holidays,
    is_working_day,
    last_arrival_overdue,
    registration_day,
    working_days_between,
)

D = dt.date


def test_fifteen_working_days_counted_from_the_day_after_registration():
    # Wed 8 Oct 2025: the count starts on Thu 9 Oct (Art. 76(2)); Republic Day, Sat 25 Oct, moves the day off to
    # Mon 27 Oct, so the fifteenth working day is Thu 30 Oct
    deadline = answer_deadline(D(2025, 10, 8))
    assert deadline.due == D(2025, 10, 30)
    assert working_days_between(D(2025, 10, 8), deadline.due) == 15
    assert deadline.term.working_days == 15 and "Art. 76" in deadline.term.source


def test_the_term_is_a_dated_parameter_from_the_code_s_entry_into_force():
    assert answer_term_on(D(2026, 1, 5)).valid_from == D(2021, 7, 1)
    assert all(t.verified and t.read_from for t in ANSWER_TERMS)
    with pytest.raises(CalendarUnknown) as refused:
        answer_term_on(D(2021, 6, 30))
    assert refused.value.message.code == "deadline.before_appc"


def test_holidays_falling_on_a_weekend_move_the_day_off_to_the_next_working_day():
    days = holidays(2026)
    # Nauryz 21-23 March 2026 is Saturday to Monday: the Saturday and the Sunday give Tuesday 24 and Wednesday 25 off
    assert {D(2026, 3, 21), D(2026, 3, 22), D(2026, 3, 23), D(2026, 3, 24), D(2026, 3, 25)} <= days
    assert not is_working_day(D(2026, 3, 25)) and is_working_day(D(2026, 3, 26))
    # Orthodox Christmas is a religious holiday: no day off in its place when it falls on a weekend (2024: Sunday)
    assert D(2024, 1, 7) in holidays(2024) and D(2024, 1, 8) not in holidays(2024)


def test_constitution_day_follows_the_constitution_in_force():
    # 1995 text: the day of its referendum, 30 August; the 2026 text (in force 1 July 2026): 15 March; in 2026 neither
    assert D(2025, 8, 30) in holidays(2025) and D(2025, 9, 1) in holidays(2025)  # a Saturday: Monday off
    assert D(2026, 8, 31) not in holidays(2026) and D(2026, 3, 16) not in holidays(2026)
    assert D(2027, 3, 15) in holidays(2027) and D(2027, 8, 30) not in holidays(2027)


def test_a_year_with_no_known_calendar_is_refused_not_guessed():
    with pytest.raises(CalendarUnknown) as refused:
        answer_deadline(D(2027, 12, 20))  # the count runs into 2028, whose Kurban Ait is not in the table
    assert refused.value.message.code == "deadline.no_calendar"


def test_an_appeal_arriving_on_a_non_working_day_is_registered_on_the_next_working_day():
    assert registration_day(D(2026, 3, 21)) == D(2026, 3, 26)
    assert registration_day(D(2026, 3, 26)) == D(2026, 3, 26)


@pytest.mark.parametrize("today", [D(2026, 1, 20), D(2026, 3, 30), D(2026, 5, 12), D(2026, 12, 3)])
def test_the_overdue_cutoff_agrees_with_each_appeal_s_own_deadline(today):
    cutoff = last_arrival_overdue(today)
    for n in range(0, 60):
        arrived = today - dt.timedelta(days=n)
        overdue = answer_deadline(registration_day(arrived)).due < today
        assert overdue == (arrived <= cutoff), arrived


def test_the_2022_amendments_moved_a_holiday_from_17_december_to_25_october():
    assert D(2021, 12, 17) in holidays(2021) and D(2021, 10, 25) not in holidays(2021)
    assert D(2022, 12, 17) not in holidays(2022) and D(2022, 10, 25) in holidays(2022)
