"""The individual identification number (IIN, ЖСН / ИИН) of a person in Kazakhstan, checked without any register.

Layout (shared/domain/FACTS.md, "Citizen appeals"; Law of 12 January 2007 No. 223-III "On national registers of
identification numbers"): digits 1-6 are the birth date YYMMDD, digit 7 gives the century of birth and sex
(1/2: 19th century, 3/4: 20th, 5/6: 21st; odd male, even female), digits 8-11 are the registration number and
digit 12 is a check digit: the weighted sum of the first eleven digits with weights 1..11, modulo 11; where that
gives 10, the weights 3..11,1,2 are used instead; where that gives 10 again, no valid number exists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .messages import Msg, msg

IIN_LENGTH = 12
WEIGHTS_FIRST: tuple[int, ...] = tuple(range(1, 12))
WEIGHTS_SECOND: tuple[int, ...] = (*range(3, 12), 1, 2)

# Seventh digit → (first year of the century, sex). Digit 0 and 7-9 are not issued to people.
CENTURY_SEX: dict[int, tuple[int, str]] = {
    1: (1800, "male"),
    2: (1800, "female"),
    3: (1900, "male"),
    4: (1900, "female"),
    5: (2000, "male"),
    6: (2000, "female"),
}


class IinError(ValueError):
    """An IIN that cannot be a person's: names the offending value (masked) and the rule it breaks: ``rule_msg`` (a
    ``Msg`` with a stable ``code`` that says what to do next), ``rule`` its English rendering."""

    def __init__(self, *, iin: str, rule: Msg) -> None:
        self.masked = iin_mask(iin)
        self.rule_msg = rule
        self.code = rule.code
        self.rule = rule.render()
        super().__init__(f"IIN {self.masked}: {self.rule}")


@dataclass(frozen=True)
class Iin:
    value: str
    birth_date: dt.date
    sex: str


def iin_mask(iin: str) -> str:
    """Enough of an IIN to recognise it in an error message, not enough to reveal it: the last two digits."""
    text = "".join(ch for ch in str(iin) if not ch.isspace())
    if len(text) <= 2:
        return "*" * len(text)
    return "*" * (len(text) - 2) + text[-2:]


def check_digit(first_eleven: str) -> int | None:
    """The 12th digit for these eleven digits, or None when both weightings leave a remainder of 10."""
    if len(first_eleven) != IIN_LENGTH - 1 or not (first_eleven.isascii() and first_eleven.isdigit()):
        raise ValueError("check_digit needs exactly eleven ASCII digits")
    digits = [ord(ch) - 48 for ch in first_eleven]
    for weights in (WEIGHTS_FIRST, WEIGHTS_SECOND):
        remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if remainder != 10:
            return remainder
    return None


def iin_parse(raw: str, *, today: dt.date | None = None) -> Iin:
    """Validate ``raw`` (spaces ignored) and return what it encodes; raise IinError naming the rule broken.

    Checks, in order: 12 ASCII digits; the century/sex digit; a real calendar birth date; a birth date not after
    ``today`` (when given); the check digit.
    """
    value = "".join(ch for ch in str(raw) if not ch.isspace())
    if len(value) != IIN_LENGTH or not (value.isascii() and value.isdigit()):
        raise IinError(iin=value, rule=msg("iin_length", "an IIN is exactly 12 digits: enter all 12 digits of the IIN"))
    century_digit = ord(value[6]) - 48
    if century_digit not in CENTURY_SEX:
        raise IinError(iin=value, rule=msg(
            "iin_century", "digit 7 (century and sex) is {digit}; only 1-6 are issued to people: check the number",
            digit=century_digit,
        ))  # fmt: skip
    century, sex = CENTURY_SEX[century_digit]
    try:
        birth = dt.date(century + int(value[0:2]), int(value[2:4]), int(value[4:6]))
    except ValueError:
        raise IinError(iin=value, rule=msg(
            "iin_date", "digits 1-6 are not a calendar date YYMMDD in digit 7's century: check the number"
        )) from None  # fmt: skip
    if today is not None and birth > today:
        raise IinError(iin=value, rule=msg(
            "iin_future", "the birth date it encodes ({date}) is in the future: check the number", date=birth
        ))  # fmt: skip
    expected = check_digit(value[:11])
    if expected is None:
        raise IinError(iin=value, rule=msg(
            "iin_no_check_digit", "both weightings give a remainder of 10: no valid IIN has these eleven digits; "
            "check the number"
        ))  # fmt: skip
    if expected != ord(value[11]) - 48:
        raise IinError(iin=value, rule=msg(
            "iin_check_digit", "the check digit (12th) does not match the first eleven digits: check the number "
            "for a mistyped digit"
        ))  # fmt: skip
    return Iin(value=value, birth_date=birth, sex=sex)


def iin_complete(first_eleven: str) -> str | None:
    """The full IIN for these eleven digits, or None when no check digit exists (used to make synthetic IINs)."""
    digit = check_digit(first_eleven)
    return None if digit is None else first_eleven + str(digit)


def iin_matches_birth_date(iin: Iin, birth_date: dt.date) -> bool:
    """Whether a birth date stated elsewhere (a form, an identity provider's claim) agrees with the IIN's."""
    return iin.birth_date == birth_date


def age_on(iin: Iin, day: dt.date) -> int:
    """Full years of age on ``day``."""
    years = day.year - iin.birth_date.year
    if (day.month, day.day) < (iin.birth_date.month, iin.birth_date.day):
        years -= 1
    return years
