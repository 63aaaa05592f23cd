"""Rejection as a whole (Art. 60(5)), adoption in the President's wording (Art. 56(2)), urgent Government bills
(Art. 60(4)) and the referendum stage of an amendment (Art. 92)."""

from __future__ import annotations

import datetime as dt

import pytest

from atazan.legislature.domain.process import (
    Action,
    BillState,
    Move,
    ReferendumCount,
    Stage,
    Tally,
    TransitionRefused,
    advance,
    referendum_decide,
    temporary_acts_open,
)
from atazan.rules.domain.bill import BillKind
from atazan.rules.domain.institutions import RuleError

D = dt.date(2026, 10, 1)


def tally(yes: int, present: int = 140, total: int = 145) -> Tally:
    return Tally(yes=yes, no=present - yes, abstain=0, present=present, total=total)


@pytest.mark.parametrize(("yes", "stage"), [(73, Stage.REJECTED), (72, Stage.INTRODUCED)])
def test_rejection_as_a_whole_needs_a_majority_of_all_145(yes: int, stage: Stage) -> None:
    state, step = advance(
        BillState(kind=BillKind.ORDINARY, stage=Stage.INTRODUCED), Move(Action.REJECT, D, tally=tally(yes))
    )
    assert state.stage is stage
    assert step.article == "60(5)" and step.vote is not None and step.vote.majority_minimum == 73
    assert ("returns to its initiator" in step.note) is (stage is Stage.REJECTED)


def test_vacant_seats_count_in_all_deputies() -> None:
    # 141 deputies in office (4 seats vacant), all present: 73 are still needed, as of 145 (Arts. 53(1), 61(4)).
    state, step = advance(
        BillState(kind=BillKind.ORDINARY, stage=Stage.INTRODUCED),
        Move(Action.ADOPTION_VOTE, D, tally=tally(72, present=141)),
    )
    assert state.stage is Stage.NOT_ADOPTED and step.vote is not None and step.vote.majority_minimum == 73
    # Quorum is two thirds of 145 = 97 present, not two thirds of those in office.
    with pytest.raises(TransitionRefused) as refused:
        advance(
            BillState(kind=BillKind.ORDINARY, stage=Stage.INTRODUCED),
            Move(Action.ADOPTION_VOTE, D, tally=tally(90, present=96)),
        )
    assert refused.value.article == "58(5)"


def test_an_adopted_law_can_no_longer_be_rejected_as_a_whole() -> None:
    with pytest.raises(TransitionRefused) as refused:
        advance(
            BillState(kind=BillKind.ORDINARY, stage=Stage.ADOPTED, adopted_on=D),
            Move(Action.REJECT, D, tally=tally(100)),
        )
    assert refused.value.article == "60(5)"


def _objected(wording: bool) -> BillState:
    state = BillState(kind=BillKind.ORDINARY, stage=Stage.SENT_TO_PRESIDENT, adopted_on=D, presented_on=D)
    state, step = advance(state, Move(Action.OBJECT, D + dt.timedelta(days=10), president_wording=wording))
    assert state.president_wording is wording
    assert ("his own wording" in step.note) is wording
    return state


def test_objections_not_overcome_with_a_presidential_wording_adopt_it_and_he_signs() -> None:
    state, step = advance(_objected(True), Move(Action.OVERRIDE_VOTE, D + dt.timedelta(days=20), tally=tally(96)))
    assert state.stage is Stage.ADOPTED_AS_PROPOSED and "wording the President proposed" in step.note
    signed, step = advance(state, Move(Action.SIGN, D + dt.timedelta(days=25)))
    assert signed.stage is Stage.SIGNED and "56(2)" in step.note


def test_objections_not_overcome_without_a_wording_mean_not_adopted() -> None:
    state, step = advance(_objected(False), Move(Action.OVERRIDE_VOTE, D + dt.timedelta(days=20), tally=tally(96)))
    assert state.stage is Stage.OBJECTION_ACCEPTED and "considered not adopted" in step.note


def test_a_lapsed_repeated_vote_adopts_the_presidential_wording_too() -> None:
    state, _ = advance(_objected(True), Move(Action.OBJECTION_LAPSE, D + dt.timedelta(days=50)))
    assert state.stage is Stage.ADOPTED_AS_PROPOSED
    with pytest.raises(TransitionRefused, match="signature_deadline"):
        advance(state, Move(Action.SIGN, D + dt.timedelta(days=50 + 40)))


def test_urgent_government_bill_keeps_temporary_acts_until_entry_into_force_or_rejection() -> None:
    state, step = advance(BillState(kind=BillKind.ORDINARY, urgent=True), Move(Action.INTRODUCE, D))
    assert "60(4)" in step.note and temporary_acts_open(state)
    rejected, step = advance(state, Move(Action.REJECT, D + dt.timedelta(days=2), tally=tally(80)))
    assert not temporary_acts_open(rejected) and "temporary acts" in step.note
    signed = BillState(kind=BillKind.ORDINARY, urgent=True, stage=Stage.SIGNED)
    assert not temporary_acts_open(signed)
    assert not temporary_acts_open(BillState(kind=BillKind.ORDINARY, stage=Stage.INTRODUCED))


def _regions(yes_regions: int, voted: int = 1000) -> tuple[tuple[int, int], ...]:
    return tuple((501 if index < yes_regions else 500, voted) for index in range(20))


@pytest.mark.parametrize(
    ("eligible", "yes_regions", "valid", "adopted"),
    [
        (39_999, 14, True, True),  # 14 of 20 regions: ceil(2/3 * 20) = 14
        (39_999, 13, True, False),
        (40_000, 20, False, False),  # exactly half took part: not valid (Art. 92(2) "more than half")
    ],
)
def test_referendum_validity_and_two_thirds_of_regions(
    eligible: int, yes_regions: int, valid: bool, adopted: bool
) -> None:
    outcome = referendum_decide(ReferendumCount(eligible=eligible, took_part=20_000, regions=_regions(yes_regions)), D)
    assert (outcome.valid, outcome.adopted) == (valid, adopted)
    assert outcome.regions_needed == 14


def test_an_amendment_goes_from_proposal_to_referendum_and_result() -> None:
    state = BillState(kind=BillKind.AMENDMENT, stage=Stage.REFERENDUM_PROPOSED)
    state, step = advance(state, Move(Action.REFERENDUM_CALL, D))
    assert state.stage is Stage.REFERENDUM_CALLED and step.article == "92(1)"
    with pytest.raises(TransitionRefused, match="referendum's result"):
        advance(state, Move(Action.REFERENDUM_RESULT, D + dt.timedelta(days=60)))
    with pytest.raises(TransitionRefused) as refused:
        advance(
            state,
            Move(
                Action.REFERENDUM_RESULT,
                D + dt.timedelta(days=60),
                referendum=ReferendumCount(eligible=100, took_part=60, regions=((30, 60),)),
            ),
        )
    assert refused.value.article == "92(3)"
    done, step = advance(
        state,
        Move(
            Action.REFERENDUM_RESULT,
            D + dt.timedelta(days=60),
            referendum=ReferendumCount(eligible=39_000, took_part=20_000, regions=_regions(15)),
        ),
    )
    assert done.stage is Stage.AMENDMENT_ADOPTED and "15 of 20" in step.note
    declined, _ = advance(
        BillState(kind=BillKind.AMENDMENT, stage=Stage.REFERENDUM_PROPOSED), Move(Action.REFERENDUM_DECLINE, D)
    )
    assert declined.stage is Stage.REFERENDUM_DECLINED


def test_impossible_referendum_counts_are_refused() -> None:
    with pytest.raises(RuleError):
        ReferendumCount(eligible=10, took_part=11, regions=((5, 11),))
    with pytest.raises(RuleError):
        ReferendumCount(eligible=100, took_part=10, regions=((6, 5), (0, 5)))
    with pytest.raises(RuleError):
        ReferendumCount(eligible=100, took_part=10, regions=((1, 5),))
