"""Candidate eligibility (Constitution 2026, Art. 54(3)), the 30% rule and the order of mandates (Art. 97-1(5))."""

from datetime import date

import pytest

from atazan.elections.domain.alphabet import kazakh_sort_key
from atazan.elections.domain.candidates import (
    Candidate,
    Gender,
    OrderSource,
    age_on,
    candidate_eligibility,
    elected_candidates,
)
from atazan.elections.domain.errors import CandidateRuleError

DAY = date(2026, 8, 30)


def cand(
    key: str, name: str, *, born: date = date(1970, 1, 1), gender: Gender = Gender.MALE, **kw: object
) -> Candidate:
    return Candidate(key=key, full_name=name, birth_date=born, gender=gender, resident_since=date(1990, 1, 1), **kw)  # type: ignore[arg-type]


def test_eligible_candidate_has_no_reasons() -> None:
    verdict = candidate_eligibility(cand("1", "Әлиев Асқар"), DAY)
    assert verdict.eligible and verdict.reasons == ()


def test_age_is_counted_on_election_day_and_25th_birthday_is_enough() -> None:
    assert candidate_eligibility(cand("1", "Х", born=date(2001, 8, 30)), DAY).eligible
    verdict = candidate_eligibility(cand("1", "Х", born=date(2001, 8, 31)), DAY)
    assert not verdict.eligible and "24 years old" in verdict.reasons[0] and "Art. 54(3)" in verdict.reasons[0]


def test_leap_day_birthday_reaches_age_on_28_february() -> None:
    assert age_on(date(2000, 2, 29), date(2025, 2, 28)) == 25
    assert age_on(date(2000, 2, 29), date(2025, 2, 27)) == 24


def test_every_failed_condition_is_reported() -> None:
    c = Candidate("9", "Х", date(2005, 1, 1), Gender.FEMALE, citizen=False, resident_since=date(2020, 1, 1))
    verdict = candidate_eligibility(c, DAY)
    assert len(verdict.reasons) == 3
    assert "citizen" in verdict.reasons[0] and "since 2016-08-30" in verdict.reasons[2]


def test_kazakh_alphabet_puts_specific_letters_after_their_base_letters() -> None:
    names = ["Ұлан", "Өмір", "Оспан", "Әсет", "Бек", "Айгүл", "Ілияс", "Ысқақ", "Ушаков", "Үмбет", "Қанат", "Кәрім"]
    assert sorted(names, key=kazakh_sort_key) == [
        "Айгүл", "Әсет", "Бек", "Кәрім", "Қанат", "Оспан", "Өмір", "Ушаков", "Ұлан", "Үмбет", "Ысқақ", "Ілияс",
    ]  # fmt: skip


def test_cec_fallback_is_alphabetical_and_keeps_30_per_cent() -> None:
    # 10 men first in alphabetical order, women later: the CEC passes over men so that 3 of 10 mandates go to women.
    men = [cand(f"m{i}", f"А{chr(0x0430 + i)} Ер") for i in range(12)]
    women = [cand(f"w{i}", f"Я{chr(0x0430 + i)} Әйел", gender=Gender.FEMALE) for i in range(3)]
    sel = elected_candidates([*women, *men], seats=10, on_day=DAY)
    assert sel.source is OrderSource.CEC_ALPHABETICAL
    assert [c.key for c in sel.elected] == [f"m{i}" for i in range(7)] + ["w0", "w1", "w2"]
    assert sel.quota.met and sel.quota.required == 3


def test_party_order_is_followed_and_a_30_per_cent_breach_is_reported() -> None:
    people = [cand(str(i), f"Name {i}") for i in range(5)] + [cand("y", "Young", born=date(1998, 1, 1))]
    sel = elected_candidates(people, seats=4, on_day=DAY, party_order=["3", "2", "1", "0", "y"])
    assert sel.source is OrderSource.PARTY
    assert [c.key for c in sel.elected] == ["3", "2", "1", "0"]
    assert not sel.quota.met
    assert any("30% rule not met" in n for n in sel.notes)


def test_young_person_counts_towards_30_per_cent_once() -> None:
    young_woman = cand("y", "A", born=date(1998, 1, 1), gender=Gender.FEMALE, disability=True)
    sel = elected_candidates(
        [young_woman, cand("b", "B"), cand("c", "C")], seats=3, on_day=DAY, party_order=["y", "b", "c"]
    )
    assert sel.quota.represented == 1 and sel.quota.met  # 1 of 3 = 33%


def test_party_order_naming_someone_not_on_the_list_is_refused() -> None:
    with pytest.raises(CandidateRuleError, match="'zz'"):
        elected_candidates([cand("a", "A")], seats=1, on_day=DAY, party_order=["zz"])


def test_more_mandates_than_candidates_leaves_seats_unfilled() -> None:
    sel = elected_candidates([cand("a", "A", gender=Gender.FEMALE)], seats=3, on_day=DAY)
    assert sel.unfilled == 2 and len(sel.elected) == 1
