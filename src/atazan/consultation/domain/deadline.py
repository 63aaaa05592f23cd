"""When an answer to a proposal is due: working days under the Administrative Procedural and Process Code.

A proposal is an appeal considered in the simplified administrative procedure (APPC of 29 June 2020 No. 350-VI,
Art. 87(1): "Рассмотрение сообщений, предложений, откликов и запросов осуществляется в порядке упрощенной
административной процедуры"), which follows Section 3 with the features of Chapter 12 (Art. 87(2)); Chapter 12 sets
no term of its own, so Art. 76 applies:

- Art. 76(1): "Срок административной процедуры, возбужденной на основании обращения, составляет пятнадцать рабочих
  дней со дня регистрации обращения, если иное не предусмотрено законами Республики Казахстан."
- Art. 76(2): the term runs from the day after registration.
- Art. 76(5): a term ending on a non-working day ends on the next working day (always true here: we count working
  days).
- Art. 76(3): the head of the body may extend it, by a reasoned decision, to at most two months (not modelled: an
  extension is not recorded by atazan yet).

Text read from the official Russian text as republished from zan.gov.kz (kazakhstan-law/codes,
``02-codes/2020/0629-administrativnyi-protsedurno-protsessualnyi-kodeks-respubliki-ka-144260/rus/sec003.md``, commit
eca354039ddd550b40ec44cbf2c98c80112052bb: Art. 76 as worded by Law No. 241-VIII of 17.12.2025; the 2024-01-01
version, commit 123a2115af59693dab0a508defd6d332c88b0840 ``rus.md``, had the same fifteen working days counted from
the appeal's arrival). The APPC is in force from 1 July 2021 (its footnote: Art. 175(1)). The text is not yet in
``shared/data``, so ``ANSWER_TERMS`` marks each value with where it was read.

Working days: Monday to Friday except public holidays (``holidays``). The list of holidays is the Law "On holidays
in the Republic of Kazakhstan" of 13 December 2001 No. 267-II as we know it — **an assumption**, its text is not in
our sources — except Constitution Day, which both Constitutions set themselves (1995 Art. 90(2), 2026 Art. 94(2)
in shared/data: "День принятия Конституции на республиканском референдуме объявляется государственным праздником"):
30 August (referendum of 1995) until the 2026 Constitution took force on 1 July 2026, then 15 March (referendum of
2026). Kurban Ait moves every year; its dates are a table, and a year missing from it is refused (fail closed),
never guessed. Transfers of days off the Government decrees each year are not modelled.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from .messages import Msg, msg

__all__ = [
    "ANSWER_TERMS",
    "AnswerTerm",
    "CalendarUnknown",
    "Deadline",
    "answer_deadline",
    "answer_term_on",
    "holidays",
    "is_working_day",
    "last_arrival_overdue",
    "registration_day",
    "working_days_after",
    "working_days_between",
]


@dataclass(frozen=True, slots=True)
class AnswerTerm:
    """A dated parameter: from ``valid_from`` an answer is due within ``working_days`` working days."""

    valid_from: dt.date
    working_days: int
    source: str  # the article, as cited on the page
    read_from: str  # where its text was read; "" when unverified
    verified: bool


ANSWER_TERMS: tuple[AnswerTerm, ...] = (
    AnswerTerm(
        valid_from=dt.date(2021, 7, 1),  # APPC in force (its Art. 175(1))
        working_days=15,
        source="APPC of 29.06.2020 No. 350-VI, Art. 76(1)-(2), Art. 87(1)",
        read_from="kazakhstan-law/codes 02-codes/2020/0629-…-144260/rus/sec003.md @ eca35403 (zan.gov.kz text)",
        verified=True,
    ),
)


def answer_term_on(day: dt.date) -> AnswerTerm:
    """The term in force on ``day`` (the registration date)."""
    found = [t for t in ANSWER_TERMS if t.valid_from <= day]
    if not found:
        raise CalendarUnknown(msg("deadline.before_appc", "no answer term is known for appeals registered before "
                                                          "{date} (the APPC's entry into force)",
                                  date=ANSWER_TERMS[0].valid_from.isoformat()))  # fmt: skip
    return max(found, key=lambda t: t.valid_from)


class CalendarUnknown(ValueError):  # noqa: N818 - a refusal, named for what is missing
    """The calendar of a year is not known well enough to count working days in it (fail closed)."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.render())
        self.message = message


# Law No. 267-II "On holidays" (assumption, see the module's docstring): fixed non-working days, (month, day).
# Since 2022 Independence Day is 16 December only and Republic Day (25 October) is again a holiday.
_FIXED: tuple[tuple[int, int], ...] = ((1, 1), (1, 2), (3, 8), (3, 21), (3, 22), (3, 23), (5, 1), (5, 7), (5, 9),
                                       (7, 6), (10, 25), (12, 16))  # fmt: skip
_REFORM_2022 = 2022  # the year the 2022 amendments to Law No. 267-II took effect (assumption, as the list)
# Religious holidays: non-working, but a day off is not transferred when they fall on a weekend (Labour Code of
# 23.11.2015, Art. 85 — assumption, text not in our sources).
_ORTHODOX_CHRISTMAS = (1, 7)
# Kurban Ait, first day (set each year by the Government on the Spiritual Administration's date) — assumption.
KURBAN_AIT: dict[int, dt.date] = {
    2021: dt.date(2021, 7, 20),
    2022: dt.date(2022, 7, 9),
    2023: dt.date(2023, 6, 28),
    2024: dt.date(2024, 6, 16),
    2025: dt.date(2025, 6, 6),
    2026: dt.date(2026, 5, 27),
    2027: dt.date(2027, 5, 16),
}
NEW_CONSTITUTION_IN_FORCE = dt.date(2026, 7, 1)  # Constitution 2026, Art. 94 (FACTS.md)


def _constitution_day(year: int) -> dt.date | None:
    """1995 Constitution Art. 90(2) with the referendum of 30.08.1995, until the 2026 Constitution took force on
    1 July 2026; then its Art. 94(2) with the referendum of 15.03.2026. In 2026 neither day was a holiday: 15 March came
    before the new Constitution took force, and 30 August after the old one lost it."""
    if year < NEW_CONSTITUTION_IN_FORCE.year:
        return dt.date(year, 8, 30)
    if year == NEW_CONSTITUTION_IN_FORCE.year:
        return None
    return dt.date(year, 3, 15)


@functools.cache
def holidays(year: int) -> frozenset[dt.date]:
    """The non-working days of ``year`` besides Saturdays and Sundays: holidays, and the weekdays off that replace a
    state holiday falling on a weekend (the next working day). Raises CalendarUnknown for a year whose Kurban Ait is
    not in the table."""
    if year not in KURBAN_AIT:
        raise CalendarUnknown(msg("deadline.no_calendar", "the calendar of public holidays for {year} is not known",
                                  year=str(year)))  # fmt: skip
    state = {dt.date(year, m, d) for m, d in _FIXED}
    if year < _REFORM_2022:  # before 2022: Independence Day on 16 and 17 December, no Republic Day holiday
        state = (state - {dt.date(year, 10, 25)}) | {dt.date(year, 12, 17)}
    constitution = _constitution_day(year)
    if constitution is not None:
        state.add(constitution)
    days = set(state)
    days.add(dt.date(year, *_ORTHODOX_CHRISTMAS))
    days.add(KURBAN_AIT[year])
    for holiday in sorted(state):
        if holiday.weekday() >= 5:
            off = holiday + dt.timedelta(days=1)
            while off.weekday() >= 5 or off in days:
                off += dt.timedelta(days=1)
            days.add(off)
    return frozenset(days)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in holidays(day.year)


def working_days_after(start: dt.date, count: int) -> dt.date:
    """The ``count``-th working day after ``start`` (``start`` itself not counted: APPC Art. 76(2))."""
    day = start
    left = count
    while left > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days in (start, end]; negative when ``end`` is before ``start``."""
    if end < start:
        return -working_days_between(end, start)
    return sum(1 for n in range(1, (end - start).days + 1) if is_working_day(start + dt.timedelta(days=n)))


@dataclass(frozen=True, slots=True)
class Deadline:
    registered_on: dt.date
    due: dt.date
    term: AnswerTerm

    def overdue_on(self, today: dt.date, *, answered_on: dt.date | None = None) -> bool:
        """Past the due date with no answer (or answered after it)."""
        return (answered_on or today) > self.due

    def working_days_left(self, today: dt.date) -> int:
        return working_days_between(today, self.due)


def registration_day(arrived_on: dt.date) -> dt.date:
    """An appeal arriving on a non-working day is registered on the next working day (APPC Art. 64(3))."""
    day = arrived_on
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def last_arrival_overdue(today: dt.date) -> dt.date:
    """The latest arrival date whose answer was due before ``today``: every appeal that arrived on or before it and is
    still unanswered is overdue (registration day, then due date, never decrease as the arrival date grows)."""
    day = today - dt.timedelta(days=1)
    while answer_deadline(registration_day(day)).due >= today:
        day -= dt.timedelta(days=1)
    return day


def answer_deadline(registered_on: dt.date) -> Deadline:
    """The last day for the official answer to an appeal registered on ``registered_on`` (APPC Art. 76)."""
    term = answer_term_on(registered_on)
    return Deadline(registered_on=registered_on, due=working_days_after(registered_on, term.working_days), term=term)
