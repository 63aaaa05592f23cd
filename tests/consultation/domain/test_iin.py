import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atazan.consultation.domain.errors import InvalidIin
from atazan.consultation.domain.iin import Sex, iin_check_digit, iin_make, iin_validate


def test_first_weight_set_gives_the_check_digit():
    # 9*1 + 1*4 + 1*6 + 3*7 + 1*11 = 51; 51 mod 11 = 7 (worked by hand)
    facts = iin_validate("900101300017")
    assert facts.birth_date == dt.date(1990, 1, 1)
    assert facts.sex is Sex.MALE


def test_second_weight_set_is_used_when_the_first_remainder_is_ten():
    # first set: 9+4+6+21+80+11 = 131 ≡ 10; second set: 27+6+8+27+8+2 = 78 ≡ 1 (worked by hand)
    assert iin_check_digit("90010130081") == 1
    assert iin_validate("900101300811").birth_date == dt.date(1990, 1, 1)


def test_wrong_check_digit_names_the_rule():
    with pytest.raises(InvalidIin, match="check digit"):
        iin_validate("900101300018")


@pytest.mark.parametrize(
    ("iin", "rule"),
    [("12345", "12 digits"), ("90010130001a", "12 digits"), ("901301300017", "birth date"), ("900101700017", "7th")],
)
def test_format_date_and_century_rules(iin, rule):
    with pytest.raises(InvalidIin, match=rule):
        iin_validate(iin)


def test_century_digit_gives_century_and_sex():
    iin = iin_make(dt.date(2005, 6, 30), Sex.FEMALE, 17)
    assert iin is not None and iin[6] == "6"
    facts = iin_validate(iin)
    assert facts.birth_date == dt.date(2005, 6, 30) and facts.sex is Sex.FEMALE


def test_future_birth_refused():
    iin = iin_make(dt.date(2030, 1, 1), Sex.MALE, 5)
    assert iin is not None
    with pytest.raises(InvalidIin, match="future"):
        iin_validate(iin, today=dt.date(2026, 1, 1))


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2025, 12, 31)), st.integers(0, 9999))
def test_made_numbers_validate_and_any_single_digit_change_is_caught(born, serial):
    iin = iin_make(born, Sex.MALE, serial)
    if iin is None:
        return
    assert iin_validate(iin).birth_date == born
    wrong = iin[:11] + str((int(iin[11]) + 1) % 10)
    with pytest.raises(InvalidIin):
        iin_validate(wrong)
