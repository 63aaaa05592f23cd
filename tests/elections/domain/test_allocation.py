"""Art. 97-1 of the Constitutional Law on Elections, paragraph by paragraph, on cases a voter can check by hand."""

from fractions import Fraction

import pytest

from atazan.elections.domain import (
    Admission,
    AllocationInput,
    Method,
    PartyList,
    Rule,
    allocate,
    allocation_input_from_mapping,
    allocation_steps,
)

MAJILIS_2023 = {
    "seats": 69,
    "took_part": 6366441,
    "threshold_percent": 5,
    "lists": [
        {"party": "AMANAT", "votes": 3431510, "registration_order": 1},
        {"party": "Auyl", "votes": 693938, "registration_order": 2},
        {"party": "Respublica", "votes": 547154, "registration_order": 3},
        {"party": "Ak Zhol", "votes": 535139, "registration_order": 4},
        {"party": "People's Party", "votes": 432920, "registration_order": 5},
        {"party": "OSDP", "votes": 331058, "registration_order": 6},
        {"party": "Baitaq", "votes": 146431, "registration_order": 7},
    ],
}


def lists(*votes: int) -> tuple[PartyList, ...]:
    return tuple(PartyList(party=chr(ord("A") + i), votes=v, registration_order=i + 1) for i, v in enumerate(votes))


def test_majilis_2023_party_list_seats_are_reproduced_exactly() -> None:
    # FACTS.md: CEC result of 19 March 2023, 69 list seats, quota 86,546.65.
    a = allocate(allocation_input_from_mapping(MAJILIS_2023))
    assert a.seats == {
        "AMANAT": 40,
        "Auyl": 8,
        "Respublica": 6,
        "Ak Zhol": 6,
        "People's Party": 5,
        "OSDP": 4,
        "Baitaq": 0,
    }
    assert a.quota == Fraction(5971719, 69)
    assert round(float(a.quota), 2) == 86546.65
    assert a.admitted == ("AMANAT", "Auyl", "Respublica", "Ak Zhol", "People's Party", "OSDP")
    # OSDP and AMANAT take the two seats left after whole parts (remainders .8252 and .6493).
    assert a.outcome("OSDP").extra == 1 and a.outcome("AMANAT").extra == 1
    assert a.outcome("Baitaq").admission is Admission.BELOW_THRESHOLD


def test_threshold_base_is_everyone_who_took_part_not_party_votes() -> None:
    # 1,000 took part, 300 ballots invalid. C has 40 votes: 5.7% of party votes but 4% of those who took part.
    a = allocate(AllocationInput(seats=10, took_part=1000, lists=lists(400, 260, 40)))
    assert a.seats == {"A": 6, "B": 4, "C": 0}


def test_exactly_five_per_cent_passes() -> None:
    # Art. 97-1(1): "пять и более процентов" — 50 of 1,000 is enough, 49 is not.
    assert allocate(AllocationInput(seats=20, took_part=1000, lists=lists(500, 450, 50))).outcome("C").admitted
    assert not allocate(AllocationInput(seats=20, took_part=1000, lists=lists(500, 451, 49))).outcome("C").admitted


def test_seven_per_cent_threshold_before_2021_is_a_parameter() -> None:
    inp = allocation_input_from_mapping({**MAJILIS_2023, "threshold_percent": 7})
    a = allocate(inp)
    assert "OSDP" not in a.admitted and "People's Party" not in a.admitted
    assert sum(a.seats.values()) == 69


def test_equal_remainders_go_to_the_list_registered_earlier() -> None:
    # B and C have equal votes and equal remainders; one seat is left for them. C registered first.
    pls = (
        PartyList("A", 500, 3),
        PartyList("B", 250, 2),
        PartyList("C", 250, 1),
    )
    a = allocate(AllocationInput(seats=3, took_part=1000, lists=pls))
    # quota 1000/3: quotients 1.5, .75, .75 → whole 1, 0, 0; two seats left: A (.5)? no — remainders .5, .75, .75
    assert a.seats == {"C": 1, "B": 1, "A": 1}
    a2 = allocate(AllocationInput(seats=2, took_part=1000, lists=pls))
    # quota 500: quotients 1, .5, .5 → one seat left, equal remainders: C (registered first) wins
    assert a2.seats == {"C": 1, "B": 0, "A": 1}


def test_only_one_list_passes_runner_up_gets_coefficient_and_at_least_two_seats() -> None:
    # Art. 97-1(2)-(4): A passes alone; B (next largest) is admitted, quotient × 0.7, min 2, rest to A.
    a = allocate(AllocationInput(seats=100, took_part=1000, lists=lists(900, 40, 30)))
    assert a.rule is Rule.SINGLE_LIST
    assert a.quota == Fraction(940, 100)
    b = a.outcome("B")
    assert b.admission is Admission.RUNNER_UP
    # 40 / 9.4 × 0.7 = 2.978… → 2 seats; A takes everything else (98), not only its whole part 95.
    assert b.quotient == Fraction(40 * 100 * 7, 940 * 10)
    assert a.seats == {"A": 98, "B": 2, "C": 0}
    assert a.outcome("A").whole == 95


def test_runner_up_minimum_two_seats_even_with_a_tiny_vote() -> None:
    a = allocate(AllocationInput(seats=145, took_part=10_000, lists=lists(9_000, 3)))
    assert a.seats == {"A": 143, "B": 2}
    kinds = [s.kind for s in allocation_steps(a)]
    assert "minimum-two" in kinds and "leftover-to-winner" in kinds


def test_runner_up_tie_goes_to_the_list_registered_earlier() -> None:
    pls = (PartyList("A", 900, 1), PartyList("B", 30, 3), PartyList("C", 30, 2))
    a = allocate(AllocationInput(seats=10, took_part=1000, lists=pls))
    assert a.outcome("C").admission is Admission.RUNNER_UP
    assert a.outcome("B").seats == 0


def test_one_list_passing_and_no_other_votes_takes_every_seat() -> None:
    a = allocate(AllocationInput(seats=145, took_part=1000, lists=lists(990, 0)))
    assert a.rule is Rule.SOLE_LIST
    assert a.seats == {"A": 145, "B": 0}


def test_steps_cite_the_paragraphs_and_explain_every_remainder() -> None:
    a = allocate(allocation_input_from_mapping(MAJILIS_2023))
    steps = allocation_steps(a)
    refs = {s.ref for s in steps}
    assert {"Constitutional Law on Elections, Art. 97-1(1)", "Constitutional Law on Elections, Art. 97-1(4)"} <= refs
    remainder_steps = [s for s in steps if s.kind == "remainder"]
    assert len(remainder_steps) == 6
    assert remainder_steps[0].text.startswith("1. OSDP")
    assert any("86546.6522" in s.text for s in steps)


@pytest.mark.parametrize("method", [Method.DHONDT, Method.SAINTE_LAGUE, Method.DROOP])
def test_alternative_methods_are_labelled_not_the_law(method: Method) -> None:
    a = allocate(allocation_input_from_mapping(MAJILIS_2023), method)
    assert not method.is_law
    assert "not the law" in method.label
    assert all(
        s.ref.startswith("not the law")
        for s in allocation_steps(a)
        if s.kind not in {"threshold", "admitted", "excluded"}
    )
    assert sum(a.seats.values()) == 69 and a.seats["Baitaq"] == 0


def test_dhondt_favours_the_largest_list_on_2023_votes() -> None:
    a = allocate(allocation_input_from_mapping(MAJILIS_2023), Method.DHONDT)
    assert a.seats["AMANAT"] == 41 and a.seats["OSDP"] == 3


def test_droop_quota_is_one_plus_the_whole_part() -> None:
    a = allocate(AllocationInput(seats=7, took_part=95, lists=lists(53, 35, 7), threshold=Fraction(0)), Method.DROOP)
    assert a.quota == 12  # 1 + 95 // 8
    assert a.seats == {"A": 4, "B": 3, "C": 0}


def test_sainte_lague_divides_by_odd_numbers_and_dhondt_by_all() -> None:
    # Sainte-Laguë averages: A 100, 33.3, 20; B 80, 26.7, 16; C 30, 10; D 20 → the 8 largest give A 3, B 3, C 1, D 1.
    inp = AllocationInput(seats=8, took_part=230, lists=lists(100, 80, 30, 20), threshold=Fraction(0))
    assert allocate(inp, Method.SAINTE_LAGUE).seats == {"A": 3, "B": 3, "C": 1, "D": 1}
    # D'Hondt averages: A 100, 50, 33.3, 25; B 80, 40, 26.7; C 30 → A 4, B 3, C 1, D 0.
    assert allocate(inp, Method.DHONDT).seats == {"A": 4, "B": 3, "C": 1, "D": 0}
