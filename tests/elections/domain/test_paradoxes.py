"""Hare largest remainder's known paradoxes are lawful outcomes of Art. 97-1 and must occur (FACTS.md)."""

from fractions import Fraction

from atazan.elections.domain import AllocationInput, PartyList, allocate


def seats_of(votes: list[int], seats: int) -> list[int]:
    pls = tuple(PartyList(chr(65 + i), v, i + 1) for i, v in enumerate(votes))
    a = allocate(AllocationInput(seats=seats, took_part=sum(votes), lists=pls, threshold=Fraction(5, 100)))
    return [o.seats for o in a.outcomes]


def seats_without_threshold(votes: list[int], seats: int) -> list[int]:
    pls = tuple(PartyList(chr(65 + i), v, i + 1) for i, v in enumerate(votes))
    a = allocate(AllocationInput(seats=seats, took_part=sum(votes), lists=pls, threshold=Fraction(0)))
    return [o.seats for o in a.outcomes]


def test_alabama_paradox_one_more_seat_costs_a_list_its_seat() -> None:
    assert seats_of([53, 35, 7], 6) == [3, 2, 1]
    assert seats_of([53, 35, 7], 7) == [4, 3, 0]


def test_population_paradox_growing_list_loses_a_seat_to_a_shrinking_one() -> None:
    # B has 16 of 323 (4.95%), below 5%, so the example is run with no threshold, as in the textbook case.
    assert seats_without_threshold([182, 16, 125], 10) == [6, 0, 4]
    assert seats_without_threshold([185, 15, 152], 10) == [5, 1, 4]
