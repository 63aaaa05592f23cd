from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atazan.commission.domain.errors import CommissionError
from atazan.commission.domain.voting import (
    Choice,
    MajorityBase,
    MajorityRule,
    QuorumRule,
    Tally,
    quorum_met,
    tally_from_choices,
    vote_outcome,
)


def test_quorum_of_two_thirds_of_130_is_87() -> None:
    # 2/3 of 130 = 86.67: 86 present is not enough, 87 is.
    assert QuorumRule().required(130) == 87
    assert not quorum_met(members_total=130, present=86)
    assert quorum_met(members_total=130, present=87)


def test_quorum_at_an_exact_share() -> None:
    assert QuorumRule(Fraction(1, 2)).required(130) == 65  # "at least half"
    assert QuorumRule(Fraction(1, 2), strict=True).required(130) == 66  # "more than half"


def test_more_than_half_of_those_present_at_the_edge() -> None:
    # 100 present: 50 for is exactly half, not more; 51 adopts.
    assert not vote_outcome(Tally(130, 100, 50, 10, 40)).adopted
    outcome = vote_outcome(Tally(130, 100, 51, 49, 0))
    assert outcome.adopted and outcome.votes_required == 51
    assert "51 needed" in outcome.explanation and "People's Council" in outcome.source


def test_abstentions_count_against_with_the_present_base_but_not_with_votes_cast() -> None:
    tally = Tally(130, 100, 40, 30, 30)
    assert not vote_outcome(tally).adopted
    assert vote_outcome(tally, majority=MajorityRule(base=MajorityBase.VOTES_CAST)).adopted


def test_no_quorum_adopts_nothing_even_unanimously() -> None:
    outcome = vote_outcome(Tally(130, 86, 86, 0, 0))
    assert not outcome.adopted and not outcome.quorum_met
    assert outcome.explanation.startswith("no quorum: 86 present, 87 needed")


def test_two_thirds_of_all_members() -> None:
    rule = MajorityRule(share=Fraction(2, 3), base=MajorityBase.ALL_MEMBERS, strict=False)
    assert not vote_outcome(Tally(130, 130, 86, 44, 0), majority=rule).adopted
    assert vote_outcome(Tally(130, 130, 87, 43, 0), majority=rule).adopted


def test_the_chairs_casting_vote_decides_a_tie_only_when_configured() -> None:
    tally = Tally(130, 100, 45, 45, 10)
    rule = MajorityRule(base=MajorityBase.VOTES_CAST, chair_casting_vote=True)
    assert not vote_outcome(tally, majority=MajorityRule(base=MajorityBase.VOTES_CAST), chair_choice=Choice.FOR).adopted
    assert not vote_outcome(tally, majority=rule, chair_choice=Choice.AGAINST).adopted
    outcome = vote_outcome(tally, majority=rule, chair_choice=Choice.FOR)
    assert outcome.adopted and outcome.by_casting_vote


def test_impossible_tallies_are_refused_naming_the_record() -> None:
    with pytest.raises(CommissionError, match="session 3, item 2: only members present vote"):
        vote_outcome(Tally(130, 90, 60, 30, 1), record="session 3, item 2")
    with pytest.raises(CommissionError, match="cannot exceed"):
        vote_outcome(Tally(130, 131, 0, 0, 0))
    with pytest.raises(CommissionError, match="negative"):
        vote_outcome(Tally(130, 100, -1, 0, 0))


def test_tally_from_choices_counts_each_choice() -> None:
    tally = tally_from_choices([Choice.FOR, Choice.FOR, Choice.ABSTAIN], members_total=5, present=4)
    assert (tally.votes_for, tally.votes_against, tally.abstained) == (2, 0, 1)


@given(
    total=st.integers(1, 300),
    num=st.integers(1, 9),
    den=st.integers(1, 9),
    strict=st.booleans(),
)
def test_quorum_threshold_is_the_smallest_sufficient_number(total: int, num: int, den: int, strict: bool) -> None:
    share = Fraction(min(num, den), den)
    rule = QuorumRule(share, strict=strict)
    n = rule.required(total)

    def enough(k: int) -> bool:
        return k > share * total if strict else k >= share * total

    assert enough(n) and not enough(n - 1)
