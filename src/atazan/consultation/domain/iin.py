"""Individual identification number (IIN/ЖСН/ИИН) of a citizen of Kazakhstan.

Twelve digits: YYMMDD of birth, one digit for the century of birth and sex, four registration digits and a check
digit. Source: shared/domain/FACTS.md, "Citizen appeals" (the Law on national registers of identification numbers,
2007; weights 1..11, then 3..11,1,2 when the first remainder is 10; a second remainder of 10 means "invalid").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from .errors import InvalidIin

FIRST_WEIGHTS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
SECOND_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


# Seventh digit: the century of birth and sex (odd = male, even = female).
CENTURY_DIGITS: dict[int, tuple[int, Sex]] = {
    1: (1800, Sex.MALE),
    2: (1800, Sex.FEMALE),
    3: (1900, Sex.MALE),
    4: (1900, Sex.FEMALE),
    5: (2000, Sex.MALE),
    6: (2000, Sex.FEMALE),
}


@dataclass(frozen=True)
class IinFacts:
    iin: str
    birth_date: dt.date
    sex: Sex


def iin_check_digit(first_eleven: str) -> int | None:
    """The check digit for the first eleven digits, or None where both weight sets give a remainder of 10."""
    digits = [int(c) for c in first_eleven]
    remainder = sum(d * w for d, w in zip(digits, FIRST_WEIGHTS, strict=True)) % 11
    if remainder == 10:
        remainder = sum(d * w for d, w in zip(digits, SECOND_WEIGHTS, strict=True)) % 11
        if remainder == 10:
            return None
    return remainder


def iin_validate(iin: str, *, today: dt.date | None = None) -> IinFacts:
    """Check an IIN and return the birth date and sex it encodes.

    Raises InvalidIin naming the rule: 12 digits, century/sex digit 1-6, a real birth date not in the future,
    the check digit.
    """
    value = iin.strip()
    if len(value) != 12 or not value.isascii() or not value.isdigit():
        raise InvalidIin(record=f"IIN {iin!r}", rule="an IIN has exactly 12 digits")
    century_digit = int(value[6])
    if century_digit not in CENTURY_DIGITS:
        raise InvalidIin(record=f"IIN {value}", rule="the 7th digit (century and sex) must be 1-6")
    century, sex = CENTURY_DIGITS[century_digit]
    try:
        birth = dt.date(century + int(value[0:2]), int(value[2:4]), int(value[4:6]))
    except ValueError as exc:
        raise InvalidIin(record=f"IIN {value}", rule="the first six digits must be a real birth date YYMMDD") from exc
    if today is not None and birth > today:
        raise InvalidIin(record=f"IIN {value}", rule="the birth date may not be in the future")
    expected = iin_check_digit(value[:11])
    if expected is None:
        raise InvalidIin(record=f"IIN {value}", rule="both check-digit weight sets give 10: the number is void")
    if expected != int(value[11]):
        raise InvalidIin(record=f"IIN {value}", rule="the check digit does not match", detail=f"expected {expected}")
    return IinFacts(iin=value, birth_date=birth, sex=sex)


def iin_make(birth_date: dt.date, sex: Sex, serial: int) -> str | None:
    """Build a valid IIN (for synthetic data); None when this serial gives a void number."""
    for digit, (century, s) in CENTURY_DIGITS.items():
        if s == sex and century <= birth_date.year < century + 100:
            body = f"{birth_date:%y%m%d}{digit}{serial % 10000:04d}"
            check = iin_check_digit(body)
            return None if check is None else body + str(check)
    raise ValueError(f"no century digit for {birth_date}")
