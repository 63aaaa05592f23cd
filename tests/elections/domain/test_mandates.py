"""Early end of a mandate (Constitution 2026, Art. 55) and the vacancy (Art. 97-1(6))."""

from datetime import date

import pytest

from atazan.elections.domain.candidates import Candidate, Gender
from atazan.elections.domain.errors import MandateRuleError
from atazan.elections.domain.mandates import EndGround, VacancyStatus, vacancy_fill

DAY = date(2027, 3, 1)


def person(key: str, gender: Gender = Gender.MALE, **kw: object) -> Candidate:
    return Candidate(key, f"Name {key}", date(1970, 1, 1), gender, resident_since=date(1980, 1, 1), **kw)  # type: ignore[arg-type]


def test_five_deprivation_grounds_of_art_55_4() -> None:
    deprivation = {g for g in EndGround if g.deprivation}
    assert deprivation == {
        EndGround.RESIDENCE_ABROAD,
        EndGround.CONVICTION,
        EndGround.CITIZENSHIP_ENDED,
        EndGround.LEFT_PARTY,
        EndGround.PARTY_CEASED,
    }
    assert EndGround.LEFT_PARTY.ref == "Constitution 2026, Art. 55(4) 4)"


def test_next_candidate_who_keeps_30_per_cent_takes_the_seat() -> None:
    # 10 mandates; the woman who left was one of 3. The next man would leave 2 of 10: the first woman is taken.
    sitting = [person(f"s{i}") for i in range(7)] + [person("w1", Gender.FEMALE), person("w2", Gender.FEMALE)]
    remaining = [person("n1"), person("n2"), person("w3", Gender.FEMALE)]
    out = vacancy_fill(ground=EndGround.DEATH, sitting=sitting, remaining=remaining, party_mandates=10, on_day=DAY)
    assert out.status is VacancyStatus.FILLED and out.successor is not None and out.successor.key == "w3"
    assert out.quota.met and "97-1(6)" in out.ref


def test_without_quota_pressure_the_next_in_order_takes_the_seat() -> None:
    sitting = [person(f"s{i}") for i in range(6)] + [person(f"w{i}", Gender.FEMALE) for i in range(3)]
    out = vacancy_fill(ground=EndGround.RESIGNATION, sitting=sitting, remaining=[person("n1"), person("n2")],
                       party_mandates=10, on_day=DAY)  # fmt: skip
    assert out.successor is not None and out.successor.key == "n1"


def test_party_nominee_breaking_30_per_cent_is_refused_when_someone_keeps_it() -> None:
    sitting = [person(f"s{i}") for i in range(7)] + [person("w1", Gender.FEMALE), person("w2", Gender.FEMALE)]
    remaining = [person("n1"), person("w3", Gender.FEMALE)]
    with pytest.raises(MandateRuleError, match="30% rule"):
        vacancy_fill(ground=EndGround.LEFT_PARTY, sitting=sitting, remaining=remaining, party_mandates=10,
                     on_day=DAY, nominee="n1")  # fmt: skip


def test_exhausted_list_leaves_the_seat_vacant_until_the_next_election() -> None:
    out = vacancy_fill(ground=EndGround.CONVICTION, sitting=[], remaining=[], party_mandates=1, on_day=DAY)
    assert out.status is VacancyStatus.VACANT and out.successor is None
    assert "until the next election" in out.reason


def test_ineligible_remaining_candidate_is_passed_over() -> None:
    gone = person("x", citizen=False)
    out = vacancy_fill(ground=EndGround.DEATH, sitting=[], remaining=[gone, person("y")], party_mandates=1, on_day=DAY)
    assert out.successor is not None and out.successor.key == "y"
    assert out.passed_over and "citizen" in out.passed_over[0]


def test_party_that_ceased_to_exist_cannot_name_a_successor() -> None:
    out = vacancy_fill(ground=EndGround.PARTY_CEASED, sitting=[], remaining=[person("y")], party_mandates=1, on_day=DAY)
    assert out.status is VacancyStatus.VACANT
