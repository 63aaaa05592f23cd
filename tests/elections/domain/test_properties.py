"""Properties of every allocation, and exact agreement with independent libraries where their rules are the law's."""

from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from atazan.elections.domain import Admission, AllocationInput, Method, PartyList, Rule, allocate
from atazan.elections.domain.errors import NoListReachesThresholdError

votes_lists = st.lists(st.integers(min_value=0, max_value=2_000_000), min_size=1, max_size=14)


@st.composite
def elections(draw: st.DrawFn) -> AllocationInput:
    votes = draw(votes_lists)
    spoiled = draw(st.integers(min_value=1, max_value=300_000))  # at least one person took part
    seats = draw(st.integers(min_value=3, max_value=200))
    order = draw(st.permutations(range(1, len(votes) + 1)))
    pls = tuple(PartyList(f"P{o}", v, o) for v, o in zip(votes, order, strict=True))
    threshold = draw(st.sampled_from([Fraction(5, 100), Fraction(7, 100), Fraction(0), Fraction(1, 100)]))
    return AllocationInput(seats=seats, took_part=sum(votes) + spoiled, lists=pls, threshold=threshold)


def allocate_or_skip(inp: AllocationInput, method: Method = Method.HARE):  # type: ignore[no-untyped-def]
    try:
        return allocate(inp, method)
    except NoListReachesThresholdError:
        assume(False)
        raise


@settings(max_examples=300, deadline=None)
@given(elections(), st.sampled_from(list(Method)))
def test_seats_sum_to_the_total_and_lists_below_threshold_get_none(inp: AllocationInput, method: Method) -> None:
    a = allocate_or_skip(inp, method)
    assert sum(a.seats.values()) == inp.seats
    for o in a.outcomes:
        below = o.votes * inp.threshold.denominator < inp.threshold.numerator * inp.took_part
        if below and o.admission is not Admission.RUNNER_UP:
            assert o.seats == 0
        assert o.seats >= 0


@settings(max_examples=300, deadline=None)
@given(elections())
def test_hare_stays_within_quota_and_single_list_rule_guarantees_two(inp: AllocationInput) -> None:
    a = allocate_or_skip(inp)
    if a.rule is Rule.GENERAL:
        for o in a.outcomes:
            if o.admitted:
                q = o.quotient
                assert q is not None
                assert q.numerator // q.denominator <= o.seats <= -(-q.numerator // q.denominator)
    elif a.rule is Rule.SINGLE_LIST:
        runner = next(o for o in a.outcomes if o.admission is Admission.RUNNER_UP)
        assert runner.seats >= 2
        assert sum(1 for o in a.outcomes if o.seats) == 2


@settings(max_examples=150, deadline=None)
@given(elections(), st.randoms())
def test_input_order_does_not_matter_only_registration_order(inp: AllocationInput, rnd) -> None:  # type: ignore[no-untyped-def]
    a = allocate_or_skip(inp)
    shuffled = list(inp.lists)
    rnd.shuffle(shuffled)
    b = allocate(AllocationInput(inp.seats, inp.took_part, tuple(shuffled), inp.threshold))
    assert a.seats == b.seats


# --- agreement with `apportionment` (test-only dependency) -------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(elections(), st.sampled_from([Method.HARE, Method.DHONDT, Method.SAINTE_LAGUE]))
def test_exact_agreement_with_apportionment_where_rules_coincide(inp: AllocationInput, method: Method) -> None:
    # `apportionment` measures thresholds against party votes and knows no Art. 97-1(2), so it is given the lists
    # that Art. 97-1(1) admits, in registration order (its ties go to the earlier list, like Art. 97-1(4)).
    methods = pytest.importorskip("apportionment.methods")
    a = allocate_or_skip(inp, method)
    assume(a.rule is Rule.GENERAL)
    admitted = [o for o in a.outcomes if o.admitted]
    if method is Method.HARE:
        # `apportionment` hands seats to lists tied at the cut-off remainder, in list order, before it reaches later
        # lists with strictly larger remainders (see the test below), so ties are where the rules part.
        remainders = [o.remainder for o in admitted]
        assume(len(set(remainders)) == len(remainders))
    name = {Method.HARE: "largest_remainder", Method.DHONDT: "dhondt", Method.SAINTE_LAGUE: "saintelague"}[method]
    theirs = methods.compute(name, [o.votes for o in admitted], inp.seats, fractions=True)
    assert [int(x) for x in theirs] == [o.seats for o in admitted]


@settings(max_examples=100, deadline=None)
@given(elections())
def test_exact_agreement_with_interregnum_droop_when_it_has_no_tie(inp: AllocationInput) -> None:
    lr = pytest.importorskip("interregnum.methods.singlevote.largest_remainder")
    a = allocate_or_skip(inp, Method.DROOP)
    admitted = [o for o in a.outcomes if o.admitted]
    assume(len(admitted) >= 2)
    assume(a.seats_total - sum(o.whole for o in admitted) <= len(admitted))
    # interregnum decides equal remainders by the larger vote and still calls that deterministic; Art. 97-1(4) (and our
    # Droop, by analogy) gives them to the list registered earlier, so equal remainders are where the rules part.
    assume(len({o.remainder_numerator for o in admitted}) == len(admitted))
    result = lr.LargestRemainderAllocator("droop").calc(
        [(o.party, o.votes) for o in admitted], inp.seats, random_seed=1
    )
    assume(result.deterministic)
    theirs = {c.name: c.seats for c in result.allocation}
    assert {o.party: o.seats for o in admitted} == {p: theirs.get(p, 0) for p in (o.party for o in admitted)}


def test_equal_remainders_do_not_outrank_a_larger_one() -> None:
    # 3 seats, votes 3, 3, 8: quotients .643, .643, 1.714. The two seats left go to the largest remainders: P3 (.714)
    # and then P1 (.643, registered before P2). `apportionment` 1.0 returns [1, 1, 1] here.
    pls = (PartyList("P1", 3, 1), PartyList("P2", 3, 2), PartyList("P3", 8, 3))
    a = allocate(AllocationInput(seats=3, took_part=15, lists=pls, threshold=Fraction(1, 20)))
    assert a.seats == {"P1": 1, "P2": 0, "P3": 2}
