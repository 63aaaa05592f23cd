from __future__ import annotations

import datetime as dt
import itertools

import pytest

from atazan.legislature.domain.calendar import add_months
from atazan.legislature.domain.process import (
    TRANSITIONS,
    Action,
    BillState,
    Move,
    Stage,
    Tally,
    TransitionRefused,
    advance,
)
from atazan.rules.domain.bill import BillKind
from atazan.rules.domain.checks import Violation
from atazan.rules.domain.institutions import RuleError

D = dt.date(2026, 10, 1)
ALL_PRESENT = 145


def tally(yes: int, present: int = 140) -> Tally:
    return Tally(yes=yes, no=present - yes, abstain=0, present=present, total=145)


def run(kind: BillKind, *moves: Move) -> BillState:
    state = BillState(kind=kind)
    for move in moves:
        state, _ = advance(state, move)
    return state


def test_an_ordinary_law_from_introduction_to_publication() -> None:
    state = run(
        BillKind.ORDINARY,
        Move(Action.INTRODUCE, D),
        Move(Action.FIRST_READING, D + dt.timedelta(days=7), tally=tally(90)),
        Move(Action.ADOPTION_VOTE, D + dt.timedelta(days=14), tally=tally(73)),
        Move(Action.PRESENT, D + dt.timedelta(days=24)),
        Move(Action.SIGN, D + dt.timedelta(days=30)),
        Move(Action.PUBLISH, D + dt.timedelta(days=31)),
    )
    assert state.stage is Stage.PUBLISHED


def test_72_votes_do_not_adopt_a_law_and_it_returns_to_the_initiator() -> None:
    state, step = advance(
        BillState(kind=BillKind.ORDINARY, stage=Stage.INTRODUCED), Move(Action.ADOPTION_VOTE, D, tally=tally(72))
    )
    assert state.stage is Stage.NOT_ADOPTED
    assert step.article == "61(4)" and "at least 73" in step.note


def test_a_constitutional_law_needs_97() -> None:
    start = BillState(kind=BillKind.CONSTITUTIONAL, stage=Stage.INTRODUCED)
    assert advance(start, Move(Action.ADOPTION_VOTE, D, tally=tally(96)))[0].stage is Stage.NOT_ADOPTED
    state, step = advance(start, Move(Action.ADOPTION_VOTE, D, tally=tally(97)))
    assert state.stage is Stage.ADOPTED and step.article == "61(3)"


def test_a_vote_without_quorum_is_refused_and_changes_nothing() -> None:
    start = BillState(kind=BillKind.ORDINARY, stage=Stage.INTRODUCED)
    with pytest.raises(TransitionRefused) as refused:
        advance(start, Move(Action.ADOPTION_VOTE, D, tally=tally(96, present=96)))
    assert refused.value.article == "58(5)" and refused.value.rule == "quorum"


def test_introduction_is_refused_with_the_failing_check_and_a_stop_is_recorded() -> None:
    violation = Violation("no_retroactive_worsening", "5(5)", "Constitution 2026, Art. 5(5): ...")
    with pytest.raises(TransitionRefused) as refused:
        advance(BillState(kind=BillKind.ORDINARY), Move(Action.INTRODUCE, D, violations=[violation]))
    assert refused.value.article == "5(5)"
    state, step = advance(BillState(kind=BillKind.ORDINARY), Move(Action.STOP, D, violations=[violation]))
    assert state.stage is Stage.STOPPED and step.article == "5(5)"
    with pytest.raises(TransitionRefused, match="stop_without_violation"):
        advance(BillState(kind=BillKind.ORDINARY), Move(Action.STOP, D))


def test_objection_overridden_with_97_then_signed() -> None:
    objected = run(
        BillKind.ORDINARY,
        Move(Action.INTRODUCE, D),
        Move(Action.ADOPTION_VOTE, D, tally=tally(80)),
        Move(Action.PRESENT, D),
        Move(Action.OBJECT, D + dt.timedelta(days=20)),
    )
    assert objected.stage is Stage.OBJECTED
    lost, step = advance(objected, Move(Action.OVERRIDE_VOTE, D + dt.timedelta(days=30), tally=tally(96)))
    assert lost.stage is Stage.OBJECTION_ACCEPTED and step.article == "56(2)"
    won, _ = advance(objected, Move(Action.OVERRIDE_VOTE, D + dt.timedelta(days=30), tally=tally(97)))
    assert won.stage is Stage.OVERRIDDEN
    signed, _ = advance(won, Move(Action.SIGN, add_months(D + dt.timedelta(days=30), 1)))
    assert signed.stage is Stage.SIGNED
    with pytest.raises(TransitionRefused, match="signature_deadline"):
        advance(won, Move(Action.SIGN, add_months(D + dt.timedelta(days=30), 1) + dt.timedelta(days=1)))


def test_override_of_a_constitutional_law_needs_three_quarters() -> None:
    objected = BillState(kind=BillKind.CONSTITUTIONAL, stage=Stage.OBJECTED, objected_on=D)
    assert advance(objected, Move(Action.OVERRIDE_VOTE, D, tally=tally(108, 145)))[0].stage is Stage.OBJECTION_ACCEPTED
    assert advance(objected, Move(Action.OVERRIDE_VOTE, D, tally=tally(109, 145)))[0].stage is Stage.OVERRIDDEN


def test_override_deadline_is_one_month_and_lapse_only_after_it() -> None:
    objected = BillState(kind=BillKind.ORDINARY, stage=Stage.OBJECTED, objected_on=dt.date(2027, 1, 31))
    last_day = dt.date(2027, 2, 28)
    assert advance(objected, Move(Action.OVERRIDE_VOTE, last_day, tally=tally(100)))[0].stage is Stage.OVERRIDDEN
    with pytest.raises(TransitionRefused, match="override_deadline"):
        advance(objected, Move(Action.OVERRIDE_VOTE, last_day + dt.timedelta(days=1), tally=tally(100)))
    with pytest.raises(TransitionRefused, match="may still vote"):
        advance(objected, Move(Action.OBJECTION_LAPSE, last_day))
    assert (
        advance(objected, Move(Action.OBJECTION_LAPSE, last_day + dt.timedelta(days=1)))[0].stage
        is Stage.OBJECTION_ACCEPTED
    )


def test_presentation_within_ten_days_of_adoption() -> None:
    adopted = BillState(kind=BillKind.ORDINARY, stage=Stage.ADOPTED, adopted_on=D)
    assert advance(adopted, Move(Action.PRESENT, D + dt.timedelta(days=10)))[0].stage is Stage.SENT_TO_PRESIDENT
    with pytest.raises(TransitionRefused) as refused:
        advance(adopted, Move(Action.PRESENT, D + dt.timedelta(days=11)))
    assert refused.value.article == "60(5)"


def test_court_review_suspends_the_signing_period() -> None:
    sent = BillState(kind=BillKind.ORDINARY, stage=Stage.SENT_TO_PRESIDENT, presented_on=D)
    with pytest.raises(TransitionRefused, match="signature_deadline"):
        advance(sent, Move(Action.SIGN, add_months(D, 1) + dt.timedelta(days=1)))
    referred, _ = advance(sent, Move(Action.COURT_REFER, D + dt.timedelta(days=5), referred_by="prime_minister"))
    back, _ = advance(referred, Move(Action.COURT_DECIDE, D + dt.timedelta(days=25), compliant=True))
    assert back.stage is Stage.SENT_TO_PRESIDENT and back.review_days == 20
    assert advance(back, Move(Action.SIGN, add_months(D, 1) + dt.timedelta(days=20)))[0].stage is Stage.SIGNED
    with pytest.raises(TransitionRefused, match="signature_deadline"):
        advance(back, Move(Action.SIGN, add_months(D, 1) + dt.timedelta(days=21)))


def test_unconstitutional_law_is_struck_down_and_cannot_be_signed() -> None:
    under = BillState(kind=BillKind.ORDINARY, stage=Stage.UNDER_COURT_REVIEW, presented_on=D, referred_on=D)
    struck, step = advance(under, Move(Action.COURT_DECIDE, D, compliant=False))
    assert struck.stage is Stage.STRUCK_DOWN and step.article == "75(1)"
    with pytest.raises(TransitionRefused):
        advance(struck, Move(Action.SIGN, D))


@pytest.mark.parametrize(
    ("by", "deputies", "ok"),
    [
        ("president", None, True),
        ("kurultai_chair", None, True),
        ("prime_minister", None, True),
        ("deputies", 29, True),
        ("deputies", 28, False),
        ("government", None, False),
        ("citizen", None, False),
    ],
)
def test_who_may_refer_a_law_to_the_court_before_signature(by: str, deputies: int | None, ok: bool) -> None:
    sent = BillState(kind=BillKind.ORDINARY, stage=Stage.SENT_TO_PRESIDENT, presented_on=D)
    move = Move(Action.COURT_REFER, D, referred_by=by, referring_deputies=deputies)
    if ok:
        assert advance(sent, move)[0].stage is Stage.UNDER_COURT_REVIEW
    else:
        with pytest.raises(TransitionRefused) as refused:
            advance(sent, move)
        assert refused.value.article == "73(1)"


def test_amendment_goes_to_the_court_then_to_referendum_never_through_a_vote() -> None:
    state = run(
        BillKind.AMENDMENT,
        Move(Action.COURT_OPINION_REQUEST, D),
        Move(Action.COURT_OPINION, D + dt.timedelta(days=30), compliant=True),
    )
    assert state.stage is Stage.REFERENDUM_PROPOSED
    with pytest.raises(TransitionRefused) as refused:
        advance(BillState(kind=BillKind.AMENDMENT), Move(Action.INTRODUCE, D))
    assert refused.value.article == "92(1)"
    touching = Violation("never_amendable", "43(5)", "amends Art. 43(1)")
    with pytest.raises(TransitionRefused) as refused:
        advance(BillState(kind=BillKind.AMENDMENT), Move(Action.COURT_OPINION_REQUEST, D, violations=[touching]))
    assert refused.value.article == "43(5)"


def test_steps_cannot_go_back_in_time() -> None:
    state = run(BillKind.ORDINARY, Move(Action.INTRODUCE, D))
    with pytest.raises(TransitionRefused, match="chronology"):
        advance(state, Move(Action.ADOPTION_VOTE, D - dt.timedelta(days=1), tally=tally(100)))


def test_impossible_tallies_are_refused() -> None:
    with pytest.raises(RuleError):
        Tally(yes=100, no=50, abstain=0, present=140, total=145)
    with pytest.raises(RuleError):
        Tally(yes=1, no=0, abstain=0, present=146, total=145)


def _facts(action: Action) -> Move:
    return Move(action, D, tally=tally(140, 145), compliant=True, referred_by="president")


@pytest.mark.parametrize(
    ("stage", "action", "kind"),
    [
        (stage, action, kind)
        for stage, action, kind in itertools.product(Stage, Action, BillKind)
        if (stage, action) not in TRANSITIONS or kind not in TRANSITIONS[(stage, action)][0]
    ],
)
def test_every_illegal_transition_is_refused_citing_an_article(stage: Stage, action: Action, kind: BillKind) -> None:
    state = BillState(
        kind=kind, stage=stage, adopted_on=D, presented_on=D, objected_on=D, overridden_on=D, referred_on=D
    )
    with pytest.raises(TransitionRefused) as refused:
        advance(state, _facts(action))
    assert refused.value.article
    assert refused.value.message


def test_add_months_clips_to_the_end_of_the_month() -> None:
    assert add_months(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2026, 12, 15), 1) == dt.date(2027, 1, 15)
