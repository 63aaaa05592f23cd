"""Every class of input that cannot be allocated is refused with an error naming the record and the rule."""

from fractions import Fraction

import pytest

from atazan.elections.domain import AllocationInput, PartyList, allocate, allocation_input_from_mapping
from atazan.elections.domain.errors import (
    DuplicatePartyError,
    DuplicateRegistrationOrderError,
    ElectionsError,
    InputFormatError,
    ListsSumAboveTurnoutError,
    ListVotesAboveTurnoutError,
    NegativeVotesError,
    NoListReachesThresholdError,
    NoListsError,
    NoSeatsError,
    ThresholdOutOfRangeError,
    TooFewSeatsForSingleListRuleError,
    TurnoutNotPositiveError,
)


def inp(
    seats: int = 10, took_part: int = 1000, threshold: Fraction = Fraction(5, 100), **votes: int
) -> AllocationInput:
    pls = tuple(PartyList(p, v, i) for i, (p, v) in enumerate(votes.items(), start=1))
    return AllocationInput(seats=seats, took_part=took_part, lists=pls, threshold=threshold)


@pytest.mark.parametrize(
    ("bad", "error", "record", "rule_words"),
    [
        (inp(A=-1, B=500), NegativeVotesError, "list 'A'", "cannot be negative"),
        (inp(A=1001, B=0), ListVotesAboveTurnoutError, "list 'A'", "more votes than"),
        (inp(A=600, B=500), ListsSumAboveTurnoutError, "lists", "together"),
        (inp(seats=0, A=600), NoSeatsError, "seats", "Art. 53(1)"),
        (inp(seats=-3, A=600), NoSeatsError, "seats", "positive"),
        (inp(A=40, B=30), NoListReachesThresholdError, "lists", "Art. 97-1(1)"),
        (inp(A=0, B=0), NoListReachesThresholdError, "lists", "threshold"),
        (inp(took_part=0, A=0), TurnoutNotPositiveError, "took_part", "took part"),
        (inp(threshold=Fraction(101, 100), A=900), ThresholdOutOfRangeError, "threshold_percent", "share"),
        (inp(), NoListsError, "lists", "at least one"),
        (inp(seats=2, A=900, B=40), TooFewSeatsForSingleListRuleError, "seats", "at least two seats"),
    ],
)
def test_bad_input_is_refused_naming_record_and_rule(
    bad: AllocationInput, error: type[ElectionsError], record: str, rule_words: str
) -> None:
    with pytest.raises(error) as caught:
        allocate(bad)
    assert caught.value.record == record
    assert rule_words in caught.value.rule
    assert record in str(caught.value)


def test_duplicate_party_is_refused() -> None:
    pls = (PartyList("A", 500, 1), PartyList("A", 300, 2))
    with pytest.raises(DuplicatePartyError, match="list 'A'"):
        allocate(AllocationInput(seats=10, took_part=1000, lists=pls))


def test_duplicate_registration_order_is_refused_because_it_decides_ties() -> None:
    pls = (PartyList("A", 500, 1), PartyList("B", 300, 1))
    with pytest.raises(DuplicateRegistrationOrderError) as caught:
        allocate(AllocationInput(seats=10, took_part=1000, lists=pls))
    assert "97-1(4)" in caught.value.rule


@pytest.mark.parametrize(
    ("data", "record"),
    [
        ([], "input"),
        ({"took_part": 5, "lists": []}, "input"),
        ({"seats": "69", "took_part": 5, "lists": []}, "seats"),
        ({"seats": 69.0, "took_part": 5, "lists": []}, "seats"),
        ({"seats": True, "took_part": 5, "lists": []}, "seats"),
        ({"seats": 69, "took_part": 5, "lists": "AMANAT"}, "lists"),
        ({"seats": 69, "took_part": 5, "lists": [{"votes": 3}]}, "lists[0]"),
        ({"seats": 69, "took_part": 5, "lists": [{"party": "X", "votes": 2.5}]}, "list 'X'"),
        ({"seats": 69, "took_part": 5, "lists": [{"party": "X"}]}, "list 'X'"),
        ({"seats": 69, "took_part": 5, "threshold_percent": "five", "lists": []}, "threshold_percent"),
    ],
)
def test_malformed_input_names_the_field(data: object, record: str) -> None:
    with pytest.raises(InputFormatError) as caught:
        allocation_input_from_mapping(data)  # type: ignore[arg-type]
    assert caught.value.record == record


def test_threshold_percent_is_read_as_the_decimal_written() -> None:
    got = allocation_input_from_mapping({"seats": 1, "took_part": 1, "threshold_percent": 7.5, "lists": []})
    assert got.threshold == Fraction(75, 1000)
    got = allocation_input_from_mapping({"seats": 1, "took_part": 1, "threshold_percent": "4.99", "lists": []})
    assert got.threshold == Fraction(499, 10000)
