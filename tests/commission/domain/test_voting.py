from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atazan.commission.domain.errors import CommissionError
from atazan.commission.domain.messages import phrase
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
    assert "51 needed" in str(outcome.explanation) and "People's Council" in str(outcome.source)


def test_abstentions_count_against_with_the_present_base_but_not_with_votes_cast() -> None:
    tally = Tally(130, 100, 40, 30, 30)
    assert not vote_outcome(tally).adopted
    assert vote_outcome(tally, majority=MajorityRule(base=MajorityBase.VOTES_CAST)).adopted


def test_no_quorum_adopts_nothing_even_unanimously() -> None:
    outcome = vote_outcome(Tally(130, 86, 86, 0, 0))
    assert not outcome.adopted and not outcome.quorum_met
    assert str(outcome.explanation).startswith("no quorum: 86 present, 87 needed")


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
    with pytest.raises(CommissionError, match="session 3, item 2: only members present vote") as refused:
        vote_outcome(Tally(130, 90, 60, 30, 1), record=phrase("session {session}, item {item}", session=3, item=2))
    assert refused.value.code == "votes_exceed_present"
    with pytest.raises(CommissionError, match="cannot exceed") as refused:
        vote_outcome(Tally(130, 131, 0, 0, 0))
    assert refused.value.code == "present_exceeds_members"
    with pytest.raises(CommissionError, match="votes for must not be negative") as refused:
        vote_outcome(Tally(130, 100, -1, 0, 0))
    assert refused.value.code == "count_negative"


def test_an_outcome_explains_itself_as_a_coded_message() -> None:
    adopted = vote_outcome(Tally(130, 100, 60, 30, 10)).explanation
    assert adopted.code == "adopted"
    assert (
        str(adopted)
        == "adopted: 60 for, 30 against, 10 abstained; 51 needed (more than 1/2 of the members present vote for)"
    )
    assert vote_outcome(Tally(130, 80, 60, 10, 10)).explanation.code == "no_quorum"
    assert vote_outcome(Tally(130, 100, 40, 50, 10)).explanation.code == "not_adopted"


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
