"""The bill state machine: introduction, readings, adoption, presentation, signature or objection, override,
Constitutional Court review, publication; and, for constitutional amendments, the Court's opinion before a
referendum.

``advance`` is the only way a bill moves. It computes vote outcomes itself from the tally and the dated
parameters, checks deadlines, and refuses any other move with ``TransitionRefused`` naming the rule and article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from atazan.legislature.domain.calendar import add_months
from atazan.rules.domain.bill import BillKind
from atazan.rules.domain.checks import Violation
from atazan.rules.domain.institutions import RuleError, VoteOutcome, vote_decide
from atazan.rules.domain.parameters import ParameterSet, default_parameters


class Stage(StrEnum):
    DRAFT = "draft"
    STOPPED = "stopped"
    INTRODUCED = "introduced"
    FIRST_READING = "first_reading"
    ADOPTED = "adopted"
    NOT_ADOPTED = "not_adopted"
    SENT_TO_PRESIDENT = "sent_to_president"
    UNDER_COURT_REVIEW = "under_court_review"
    STRUCK_DOWN = "struck_down"
    OBJECTED = "objected"
    OVERRIDDEN = "overridden"
    OBJECTION_ACCEPTED = "objection_accepted"
    SIGNED = "signed"
    PUBLISHED = "published"
    AWAITING_COURT_OPINION = "awaiting_court_opinion"
    REFERENDUM_PROPOSED = "referendum_proposed"


class Action(StrEnum):
    INTRODUCE = "introduce"
    STOP = "stop"
    FIRST_READING = "first_reading"
    ADOPTION_VOTE = "adoption_vote"
    PRESENT = "present"
    COURT_REFER = "court_refer"
    COURT_DECIDE = "court_decide"
    SIGN = "sign"
    OBJECT = "object"
    OVERRIDE_VOTE = "override_vote"
    OBJECTION_LAPSE = "objection_lapse"
    PUBLISH = "publish"
    COURT_OPINION_REQUEST = "court_opinion_request"
    COURT_OPINION = "court_opinion"


# The provision each action is governed by (Constitution 2026), cited when the action is refused.
ACTION_ARTICLE: dict[Action, str] = {
    Action.INTRODUCE: "60(1)",
    Action.STOP: "61(5)",
    Action.FIRST_READING: "61(6)",
    Action.ADOPTION_VOTE: "61(4)",
    Action.PRESENT: "60(5)",
    Action.COURT_REFER: "73(1)",
    Action.COURT_DECIDE: "75(1)",
    Action.SIGN: "46(3)",
    Action.OBJECT: "46(3)",
    Action.OVERRIDE_VOTE: "56(2)",
    Action.OBJECTION_LAPSE: "56(2)",
    Action.PUBLISH: "5(4)",
    Action.COURT_OPINION_REQUEST: "93",
    Action.COURT_OPINION: "93",
}

LAW_KINDS = frozenset({BillKind.ORDINARY, BillKind.CONSTITUTIONAL})
ALL_KINDS = frozenset(BillKind)

# (stage, action) -> (kinds allowed, stages it may lead to). Everything else is refused.
TRANSITIONS: dict[tuple[Stage, Action], tuple[frozenset[BillKind], tuple[Stage, ...]]] = {
    (Stage.DRAFT, Action.INTRODUCE): (LAW_KINDS, (Stage.INTRODUCED,)),
    (Stage.DRAFT, Action.STOP): (ALL_KINDS, (Stage.STOPPED,)),
    (Stage.DRAFT, Action.COURT_OPINION_REQUEST): (frozenset({BillKind.AMENDMENT}), (Stage.AWAITING_COURT_OPINION,)),
    (Stage.AWAITING_COURT_OPINION, Action.COURT_OPINION): (
        frozenset({BillKind.AMENDMENT}), (Stage.REFERENDUM_PROPOSED, Stage.STOPPED)),
    (Stage.INTRODUCED, Action.FIRST_READING): (LAW_KINDS, (Stage.FIRST_READING, Stage.NOT_ADOPTED)),
    (Stage.INTRODUCED, Action.ADOPTION_VOTE): (LAW_KINDS, (Stage.ADOPTED, Stage.NOT_ADOPTED)),
    (Stage.FIRST_READING, Action.ADOPTION_VOTE): (LAW_KINDS, (Stage.ADOPTED, Stage.NOT_ADOPTED)),
    (Stage.ADOPTED, Action.PRESENT): (LAW_KINDS, (Stage.SENT_TO_PRESIDENT,)),
    (Stage.SENT_TO_PRESIDENT, Action.COURT_REFER): (LAW_KINDS, (Stage.UNDER_COURT_REVIEW,)),
    (Stage.UNDER_COURT_REVIEW, Action.COURT_DECIDE): (LAW_KINDS, (Stage.SENT_TO_PRESIDENT, Stage.STRUCK_DOWN)),
    (Stage.SENT_TO_PRESIDENT, Action.SIGN): (LAW_KINDS, (Stage.SIGNED,)),
    (Stage.SENT_TO_PRESIDENT, Action.OBJECT): (LAW_KINDS, (Stage.OBJECTED,)),
    (Stage.OBJECTED, Action.OVERRIDE_VOTE): (LAW_KINDS, (Stage.OVERRIDDEN, Stage.OBJECTION_ACCEPTED)),
    (Stage.OBJECTED, Action.OBJECTION_LAPSE): (LAW_KINDS, (Stage.OBJECTION_ACCEPTED,)),
    (Stage.OVERRIDDEN, Action.SIGN): (LAW_KINDS, (Stage.SIGNED,)),
    (Stage.SIGNED, Action.PUBLISH): (LAW_KINDS, (Stage.PUBLISHED,)),
}

FINAL_STAGES = frozenset({Stage.STOPPED, Stage.NOT_ADOPTED, Stage.STRUCK_DOWN, Stage.OBJECTION_ACCEPTED,
                          Stage.PUBLISHED, Stage.REFERENDUM_PROPOSED})

COURT_REFERRERS = ("president", "kurultai_chair", "prime_minister", "deputies")


class TransitionRefused(Exception):
    """An illegal move of a bill; ``rule`` and ``article`` name what it breaks."""

    def __init__(self, rule: str, article: str, message: str) -> None:
        super().__init__(f"Art. {article} ({rule}): {message}")
        self.rule = rule
        self.article = article
        self.message = message


@dataclass(frozen=True)
class Tally:
    """A recorded vote: ``present`` are the deputies registered at the sitting, ``total`` all deputies."""

    yes: int
    no: int
    abstain: int
    present: int
    total: int

    def __post_init__(self) -> None:
        if min(self.yes, self.no, self.abstain) < 0:
            raise RuleError(f"negative vote count in {self}")
        if self.yes + self.no + self.abstain > self.present:
            raise RuleError(f"{self.yes + self.no + self.abstain} votes cast but only {self.present} present")
        if self.present > self.total:
            raise RuleError(f"{self.present} present but the body has {self.total} members")


@dataclass(frozen=True)
class BillState:
    """Where a bill stands and the dates its deadlines run from."""

    kind: BillKind
    stage: Stage = Stage.DRAFT
    last_on: dt.date | None = None
    adopted_on: dt.date | None = None
    presented_on: dt.date | None = None
    referred_on: dt.date | None = None
    review_days: int = 0
    objected_on: dt.date | None = None
    overridden_on: dt.date | None = None
    signed_on: dt.date | None = None


@dataclass(frozen=True)
class Step:
    """One transition as it happened: to be recorded with who and when."""

    action: Action
    stage_from: Stage
    stage_to: Stage
    on: dt.date
    article: str
    note: str
    vote: VoteOutcome | None = None
    violations: tuple[Violation, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Move:
    """What the actor asks for, with the facts the action needs."""

    action: Action
    on: dt.date
    tally: Tally | None = None
    violations: Sequence[Violation] = ()
    compliant: bool | None = None
    referred_by: str | None = None
    referring_deputies: int | None = None


def adoption_majority(kind: BillKind) -> str:
    """Constitution 2026, Art. 61(3) (constitutional laws: two thirds) and 61(4) (laws: majority of all)."""
    return "legislature.majority.constitutional_law" if kind is BillKind.CONSTITUTIONAL else \
        "legislature.majority.ordinary_law"


def override_majority(kind: BillKind) -> str:
    """Constitution 2026, Art. 56(2): three quarters (constitutional laws) or two thirds (laws) of all deputies."""
    return "legislature.majority.override_constitutional_law" if kind is BillKind.CONSTITUTIONAL else \
        "legislature.majority.override_ordinary_law"


def signature_deadline(state: BillState, params: ParameterSet) -> dt.date:
    """Last day for the President to sign or object: one month from presentation (Art. 46(3)), extended by the
    days the law spent before the Constitutional Court (Art. 74(2) suspends the period)."""
    assert state.presented_on is not None
    months = params.integer("legislature.signature_months", state.presented_on)
    return add_months(state.presented_on, months) + dt.timedelta(days=state.review_days)


def override_deadline(state: BillState, params: ParameterSet) -> dt.date:
    """Last day for the repeated vote on the President's objections (Art. 56(2))."""
    assert state.objected_on is not None
    return add_months(state.objected_on, params.integer("legislature.override_months", state.objected_on))


def allowed_actions(state: BillState) -> list[Action]:
    return [action for (stage, action), (kinds, _) in TRANSITIONS.items()
            if stage is state.stage and state.kind in kinds]


def _refuse_unlisted(state: BillState, action: Action) -> None:
    entry = TRANSITIONS.get((state.stage, action))
    if entry is None:
        allowed = ", ".join(a.value for a in allowed_actions(state)) or "nothing (final stage)"
        raise TransitionRefused("procedure", ACTION_ARTICLE[action],
                                f"cannot {action.value.replace('_', ' ')} a bill at stage "
                                f"'{state.stage.value}'; allowed now: {allowed}")
    if state.kind not in entry[0]:
        if state.kind is BillKind.AMENDMENT:
            raise TransitionRefused("amendment_by_referendum", "92(1)",
                                    f"a constitutional amendment is not passed as a law ({action.value}); it goes "
                                    f"to a referendum with the Constitutional Court's opinion (Arts. 92-93)")
        raise TransitionRefused("procedure", ACTION_ARTICLE[action],
                                f"{action.value} applies only to constitutional amendments (Art. 93)")


def _vote(state: BillState, move: Move, majority: str, params: ParameterSet) -> VoteOutcome:
    if move.tally is None:
        raise TransitionRefused("vote_required", ACTION_ARTICLE[move.action],
                                f"{move.action.value} needs the recorded vote")
    tally = move.tally
    return vote_decide(majority=majority, quorum="legislature.quorum", yes=tally.yes, present=tally.present,
                       total=tally.total, as_of=move.on, params=params)


def advance(state: BillState, move: Move, params: ParameterSet | None = None) -> tuple[BillState, Step]:
    """Apply ``move`` to ``state``; returns the new state and the step to record, or raises ``TransitionRefused``."""
    params = params or default_parameters()
    _refuse_unlisted(state, move.action)
    if state.last_on is not None and move.on < state.last_on:
        raise TransitionRefused("chronology", ACTION_ARTICLE[move.action],
                                f"{move.action.value} on {move.on.isoformat()} is before the bill's previous step "
                                f"({state.last_on.isoformat()})")
    article = ACTION_ARTICLE[move.action]
    action = move.action
    new = replace(state, last_on=move.on)
    vote: VoteOutcome | None = None
    violations = tuple(move.violations)

    if action is Action.INTRODUCE:
        if violations:
            first = violations[0]
            raise TransitionRefused(first.rule, first.article, first.message)
        new, note = replace(new, stage=Stage.INTRODUCED), "introduced in the Kurultai; constitutional checks passed"
    elif action is Action.STOP:
        if not violations:
            raise TransitionRefused("stop_without_violation", article,
                                    "a bill can be stopped only for a constitutional violation; none was found")
        article = violations[0].article
        new, note = replace(new, stage=Stage.STOPPED), "; ".join(v.message for v in violations)
    elif action is Action.COURT_OPINION_REQUEST:
        blocking = [v for v in violations if v.rule != "amendment_court_opinion"]
        if blocking:
            raise TransitionRefused(blocking[0].rule, blocking[0].article, blocking[0].message)
        new, note = replace(new, stage=Stage.AWAITING_COURT_OPINION), \
            "sent to the Constitutional Court for its opinion on Arts. 2(7) and 43(5)"
    elif action is Action.COURT_OPINION:
        if move.compliant is None:
            raise TransitionRefused("opinion_required", article, "the Court's opinion (compliant or not) is needed")
        if move.compliant:
            new, note = replace(new, stage=Stage.REFERENDUM_PROPOSED), \
                "the Constitutional Court found the amendment compatible; it may be put to a referendum (Art. 92(1))"
        else:
            new, note = replace(new, stage=Stage.STOPPED), \
                "the Constitutional Court found the amendment incompatible with Arts. 2(7) / 43(5)"
    elif action in (Action.FIRST_READING, Action.ADOPTION_VOTE):
        vote = _vote(state, move, adoption_majority(state.kind), params)
        article = vote.majority_article if vote.result.value != "no_quorum" else vote.quorum_article
        if vote.result.value == "no_quorum":
            raise TransitionRefused("quorum", vote.quorum_article, vote.explain())
        if action is Action.FIRST_READING:
            target = Stage.FIRST_READING if vote.passed else Stage.NOT_ADOPTED
            new, note = replace(new, stage=target), f"first reading {vote.explain()}"
        else:
            target = Stage.ADOPTED if vote.passed else Stage.NOT_ADOPTED
            new = replace(new, stage=target, adopted_on=move.on if vote.passed else None)
            note = f"adoption vote {vote.explain()}"
            if not vote.passed:
                note += "; the bill is returned to its initiator (Art. 60(5))"
    elif action is Action.PRESENT:
        assert state.adopted_on is not None
        days = params.integer("legislature.presentation_days", move.on)
        if (move.on - state.adopted_on).days > days:
            raise TransitionRefused("presentation_deadline", article,
                                    f"an adopted law is presented to the President within {days} days; adopted "
                                    f"{state.adopted_on.isoformat()}, presented {move.on.isoformat()}")
        new, note = replace(new, stage=Stage.SENT_TO_PRESIDENT, presented_on=move.on), \
            "presented to the President for signature"
    elif action is Action.COURT_REFER:
        _check_referral(move, params)
        new, note = replace(new, stage=Stage.UNDER_COURT_REVIEW, referred_on=move.on), \
            f"referred to the Constitutional Court by {move.referred_by} before signature; the signing period is " \
            f"suspended (Art. 74(2))"
    elif action is Action.COURT_DECIDE:
        assert state.referred_on is not None
        if move.compliant is None:
            raise TransitionRefused("decision_required", article, "the Court's decision (compliant or not) is needed")
        days = state.review_days + (move.on - state.referred_on).days
        if move.compliant:
            new, note = replace(new, stage=Stage.SENT_TO_PRESIDENT, review_days=days, referred_on=None), \
                "the Constitutional Court found the law compliant; back with the President"
        else:
            new, note = replace(new, stage=Stage.STRUCK_DOWN, review_days=days, referred_on=None), \
                "the Constitutional Court found the law unconstitutional: it cannot be signed (Art. 75(1))"
    elif action in (Action.SIGN, Action.OBJECT) and state.stage is Stage.SENT_TO_PRESIDENT:
        deadline = signature_deadline(state, params)
        if move.on > deadline:
            raise TransitionRefused("signature_deadline", article,
                                    f"the President signs or returns a law within one month of presentation "
                                    f"(until {deadline.isoformat()}); {move.on.isoformat()} is too late")
        if action is Action.SIGN:
            new, note = replace(new, stage=Stage.SIGNED, signed_on=move.on), "signed by the President"
        else:
            new, note = replace(new, stage=Stage.OBJECTED, objected_on=move.on), \
                "returned by the President with objections for a repeated vote"
    elif action is Action.SIGN:  # after an override
        assert state.overridden_on is not None
        deadline = add_months(state.overridden_on, params.integer("legislature.override_months", move.on))
        article = "56(2)"
        if move.on > deadline:
            raise TransitionRefused("signature_deadline", article,
                                    f"after an override the President signs within one month (until "
                                    f"{deadline.isoformat()})")
        new, note = replace(new, stage=Stage.SIGNED, signed_on=move.on), "signed by the President after the override"
    elif action is Action.OVERRIDE_VOTE:
        deadline = override_deadline(state, params)
        if move.on > deadline:
            raise TransitionRefused("override_deadline", article,
                                    f"the repeated vote must take place within one month of the objections (until "
                                    f"{deadline.isoformat()}); missing it means the objections are accepted")
        vote = _vote(state, move, override_majority(state.kind), params)
        if vote.result.value == "no_quorum":
            raise TransitionRefused("quorum", vote.quorum_article, vote.explain())
        article = vote.majority_article
        if vote.passed:
            new, note = replace(new, stage=Stage.OVERRIDDEN, overridden_on=move.on), \
                f"objections overcome: {vote.explain()}; the President signs within one month"
        else:
            new, note = replace(new, stage=Stage.OBJECTION_ACCEPTED), \
                f"objections not overcome: {vote.explain()}; the law is not adopted or is adopted as the " \
                f"President proposed"
    elif action is Action.OBJECTION_LAPSE:
        deadline = override_deadline(state, params)
        if move.on <= deadline:
            raise TransitionRefused("override_deadline", article,
                                    f"the Kurultai may still vote on the objections until {deadline.isoformat()}")
        new, note = replace(new, stage=Stage.OBJECTION_ACCEPTED), \
            f"no repeated vote by {deadline.isoformat()}: the President's objections are accepted"
    else:  # Action.PUBLISH
        new, note = replace(new, stage=Stage.PUBLISHED), \
            "officially published; publication is a condition of application (Art. 5(4))"
    return new, Step(action, state.stage, new.stage, move.on, article, note, vote, violations)


def _check_referral(move: Move, params: ParameterSet) -> None:
    """Constitution 2026, Art. 73(1)(2): the President, the Chair of the Kurultai, at least one fifth of all deputies
    or the Prime Minister may refer an adopted law to the Constitutional Court before signature."""
    if move.referred_by not in COURT_REFERRERS:
        raise TransitionRefused("court_referral", "73(1)",
                                f"{move.referred_by!r} may not refer a law before signature; those who may: "
                                f"{', '.join(COURT_REFERRERS)}")
    if move.referred_by == "deputies":
        total = params.integer("kurultai.seats", move.on)
        needed = params.majority("legislature.court_referral_deputies_share", move.on).minimum(total)
        if (move.referring_deputies or 0) < needed:
            raise TransitionRefused("court_referral", "73(1)",
                                    f"{move.referring_deputies or 0} deputies referred the law; at least one fifth "
                                    f"of all deputies ({needed} of {total}) is needed")
