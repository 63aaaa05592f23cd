from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atazan.accounts.domain.iin import IinError, age_on, check_digit, iin_complete, iin_mask, iin_parse


def _checked(first_eleven: str) -> str:
    full = iin_complete(first_eleven)
    assert full is not None
    return full


def test_check_digit_by_hand() -> None:
    # 900321 3 0000 with weights 1..11: 9*1+0+0+3*4+2*5+1*6+3*7+0 = 58; 58 mod 11 = 3
    assert check_digit("90032130000") == 3
    assert iin_parse("900321300003").birth_date == dt.date(1990, 3, 21)


def test_second_weighting_is_used_when_the_first_gives_ten() -> None:
    # search a small range for a prefix whose first weighted remainder is 10
    cases = [f"{n:011d}" for n in range(85010150000, 85010150400)]
    firsts = [c for c in cases if sum(int(d) * w for d, w in zip(c, range(1, 12), strict=True)) % 11 == 10]
    assert firsts, "the range holds an eleven-digit prefix whose first remainder is 10"
    prefix = firsts[0]
    second = sum(int(d) * w for d, w in zip(prefix, (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), strict=True)) % 11
    assert check_digit(prefix) == (None if second == 10 else second)


def test_void_prefixes_exist_and_are_refused() -> None:
    void = next(f"900101{c}{n:04d}" for c in (3, 4) for n in range(10000) if check_digit(f"900101{c}{n:04d}") is None)
    with pytest.raises(IinError, match="both weightings"):
        iin_parse(void + "0")


@pytest.mark.parametrize(
    ("raw", "rule"),
    [
        ("12345", "exactly 12 digits"),
        ("90032130000a", "exactly 12 digits"),
        ("９００３２１３００００３", "exactly 12 digits"),  # full-width digits are not ASCII digits
        ("900321000003", "digit 7"),
        ("900321700003", "digit 7"),
        ("901321300003", "calendar date"),  # month 13
        ("010229500000", "calendar date"),  # 2001 is not a leap year
    ],
)
def test_malformed_iins_name_the_rule(raw: str, rule: str) -> None:
    with pytest.raises(IinError, match=rule) as caught:
        iin_parse(raw)
    assert raw not in str(caught.value) or len(raw) < 4  # the number is masked in the message


def test_wrong_check_digit() -> None:
    good = _checked("90032130000")
    bad = good[:11] + str((int(good[11]) + 1) % 10)
    with pytest.raises(IinError, match="check digit"):
        iin_parse(bad)


def test_future_birth_date_is_refused_and_century_decides() -> None:
    iin = _checked("30010150000")  # 2030-01-01
    with pytest.raises(IinError, match="future"):
        iin_parse(iin, today=dt.date(2026, 11, 27))
    older = _checked("30010130000")  # 1930-01-01: same six digits, the 20th century
    parsed = iin_parse(older, today=dt.date(2026, 11, 27))
    assert parsed.birth_date == dt.date(1930, 1, 1) and parsed.sex == "male"
    assert age_on(parsed, dt.date(2026, 11, 27)) == 96
    assert iin_parse(_checked("30010140000")).sex == "female"


def test_spaces_are_ignored_and_the_mask_keeps_two_digits() -> None:
    iin = _checked("90032130000")
    assert iin_parse(f" {iin[:6]} {iin[6:]} ").value == iin
    assert iin_mask(iin) == "**********" + iin[-2:]


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2025, 12, 31)), st.integers(0, 9999), st.booleans())
def test_every_completed_number_parses_back_to_its_birth_date(birth: dt.date, serial: int, female: bool) -> None:
    century = 3 if birth.year < 2000 else 5
    full = iin_complete(f"{birth:%y%m%d}{century + female}{serial:04d}")
    if full is None:
        return
    parsed = iin_parse(full, today=dt.date(2026, 1, 1))
    assert parsed.birth_date == birth
    # any single-digit change in the check digit is caught
    for d in "0123456789":
        if d != full[11]:
            with pytest.raises(IinError):
                iin_parse(full[:11] + d)
