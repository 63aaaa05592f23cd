"""The bill state machine: introduction, readings, adoption, presentation, signature or objection, override,
Constitutional Court review, publication; and, for constitutional amendments, the Court's opinion before a
referendum.

``advance`` is the only way a bill moves. It computes vote outcomes itself from the tally and the dated
parameters, checks deadlines, and refuses any other move with ``TransitionRefused`` naming the rule and article.
Notes and refusals are ``Msg`` of the legislature's voice (``domain.messages``), never sentences (issue 15).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from atazan.legislature.domain.calendar import add_months
from atazan.legislature.domain.messages import (
    action_label,
    cite,
    coded,
    joined,
    msg,
    referrer_label,
    stage_label,
)
from atazan.messages.domain import Msg, shown
from atazan.rules.domain.bill import BillKind
from atazan.rules.domain.checks import Violation
from atazan.rules.domain.institutions import RuleError, VoteOutcome, vote_decide
from atazan.rules.domain.parameters import ACTS, ParameterSet, default_parameters


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
    REJECTED = "rejected"
    ADOPTED_AS_PROPOSED = "adopted_as_proposed"
    REFERENDUM_CALLED = "referendum_called"
    REFERENDUM_DECLINED = "referendum_declined"
    AMENDMENT_ADOPTED = "amendment_adopted"
    AMENDMENT_NOT_ADOPTED = "amendment_not_adopted"


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
    REJECT = "reject"
    REFERENDUM_CALL = "referendum_call"
    REFERENDUM_DECLINE = "referendum_decline"
    REFERENDUM_RESULT = "referendum_result"


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
    Action.REJECT: "60(5)",
    Action.REFERENDUM_CALL: "92(1)",
    Action.REFERENDUM_DECLINE: "92(1)",
    Action.REFERENDUM_RESULT: "92(3)",
}

LAW_KINDS = frozenset({BillKind.ORDINARY, BillKind.CONSTITUTIONAL})
ALL_KINDS = frozenset(BillKind)

# (stage, action) -> (kinds allowed, stages it may lead to). Everything else is refused.
TRANSITIONS: dict[tuple[Stage, Action], tuple[frozenset[BillKind], tuple[Stage, ...]]] = {
    (Stage.DRAFT, Action.INTRODUCE): (LAW_KINDS, (Stage.INTRODUCED,)),
    (Stage.DRAFT, Action.STOP): (ALL_KINDS, (Stage.STOPPED,)),
    (Stage.DRAFT, Action.COURT_OPINION_REQUEST): (frozenset({BillKind.AMENDMENT}), (Stage.AWAITING_COURT_OPINION,)),
    (Stage.AWAITING_COURT_OPINION, Action.COURT_OPINION): (
        frozenset({BillKind.AMENDMENT}),
        (Stage.REFERENDUM_PROPOSED, Stage.STOPPED),
    ),
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
    # Art. 60(5): the Kurultai may reject a bill as a whole (before it is adopted); a failed motion changes nothing.
    (Stage.INTRODUCED, Action.REJECT): (LAW_KINDS, (Stage.REJECTED, Stage.INTRODUCED)),
    (Stage.FIRST_READING, Action.REJECT): (LAW_KINDS, (Stage.REJECTED, Stage.FIRST_READING)),
    # Art. 56(2): objections not overcome: the law is not adopted, or adopted in the wording the President proposed;
    # it then needs his signature to enter into force (Art. 61(2)).
    (Stage.ADOPTED_AS_PROPOSED, Action.SIGN): (LAW_KINDS, (Stage.SIGNED,)),
    # Art. 92(1): the President decides whether to put the amendment to a nationwide referendum; Art. 92(2)-(3).
    (Stage.REFERENDUM_PROPOSED, Action.REFERENDUM_CALL): (frozenset({BillKind.AMENDMENT}), (Stage.REFERENDUM_CALLED,)),
    (Stage.REFERENDUM_PROPOSED, Action.REFERENDUM_DECLINE): (
        frozenset({BillKind.AMENDMENT}),
        (Stage.REFERENDUM_DECLINED,),
    ),
    (Stage.REFERENDUM_CALLED, Action.REFERENDUM_RESULT): (
        frozenset({BillKind.AMENDMENT}),
        (Stage.AMENDMENT_ADOPTED, Stage.AMENDMENT_NOT_ADOPTED),
    ),
}

FINAL_STAGES = frozenset(
    {
        Stage.STOPPED,
        Stage.NOT_ADOPTED,
        Stage.STRUCK_DOWN,
        Stage.OBJECTION_ACCEPTED,
        Stage.PUBLISHED,
        Stage.REJECTED,
        Stage.REFERENDUM_DECLINED,
        Stage.AMENDMENT_ADOPTED,
        Stage.AMENDMENT_NOT_ADOPTED,
    }
)

COURT_REFERRERS = ("president", "kurultai_chair", "prime_minister", "deputies")


class Refused(RuleError):
    """Facts the legislature cannot take (impossible counts, a ballot of someone without a mandate): ``text`` says
    why (a coded ``Msg``); the exception's own text is the same in English."""

    def __init__(self, text: Msg) -> None:
        super().__init__(text.render())
        self.text = text
        self.code = text.code


class TransitionRefused(Exception):
    """An illegal move of a bill; ``rule`` and ``article`` name what it breaks, ``text`` says why (a ``Msg`` whose
    code is the rule); ``message`` is the same in English."""

    def __init__(self, rule: str, article: str, text: Msg) -> None:
        self.rule = rule
        self.article = article
        self.text = text
        self.message = text.render()
        super().__init__(f"Art. {article} ({rule}): {self.message}")


def _violation_text(violation: Violation) -> Msg:
    """A rules check's finding as a message (its own template when it has one)."""
    if violation.text is not None:
        return violation.text
    return coded(violation.rule, "{finding}", finding=violation.message)


def _refused_by(violation: Violation) -> TransitionRefused:
    text = _violation_text(violation)
    if text.code != violation.rule:
        text = coded(violation.rule, "{finding}", finding=text)
    return TransitionRefused(violation.rule, violation.article, text)


def vote_text(vote: VoteOutcome) -> Msg:
    """What a vote decided, with its figures and the article of the majority or the quorum it was held to."""
    act = Msg(ACTS[vote.act], domain="rules") if vote.act in ACTS else None
    if vote.result.value == "no_quorum":
        return msg(
            "no quorum: {present} of {total} present, at least {needed} needed ({source})",
            present=vote.present,
            total=vote.total,
            needed=vote.quorum_minimum,
            source=cite(vote.quorum_article, vote.constitution, act),
        )
    source = cite(vote.majority_article, vote.constitution, act)
    if vote.passed:
        return msg(
            "passed: {yes} in favour, at least {needed} needed ({source})",
            yes=vote.yes,
            needed=vote.majority_minimum,
            source=source,
        )
    return msg(
        "failed: {yes} in favour, at least {needed} needed ({source})",
        yes=vote.yes,
        needed=vote.majority_minimum,
        source=source,
    )


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
            raise Refused(
                coded(
                    "tally_negative",
                    "a vote count cannot be negative: {yes} in favour, {no} against, {abstain} abstained",
                    yes=self.yes,
                    no=self.no,
                    abstain=self.abstain,
                )
            )
        if self.yes + self.no + self.abstain > self.present:
            raise Refused(
                coded(
                    "tally_over_present",
                    "{cast} votes cast but only {present} present",
                    cast=self.yes + self.no + self.abstain,
                    present=self.present,
                )
            )
        if self.present > self.total:
            raise Refused(
                coded(
                    "tally_over_total",
                    "{present} present but the body has {total} members",
                    present=self.present,
                    total=self.total,
                )
            )


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
    president_wording: bool = False  # the President proposed his own wording with his objections (Art. 56(2))
    urgent: bool = False  # a Government bill for immediate consideration (Art. 60(4))


@dataclass(frozen=True)
class Step:
    """One transition as it happened: to be recorded with who and when."""

    action: Action
    stage_from: Stage
    stage_to: Stage
    on: dt.date
    article: str
    text: Msg
    vote: VoteOutcome | None = None
    violations: tuple[Violation, ...] = field(default_factory=tuple)

    @property
    def note(self) -> str:
        """The note in English (the adapters render ``text`` in the reader's language)."""
        return self.text.render()


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
    president_wording: bool = False
    referendum: ReferendumCount | None = None


@dataclass(frozen=True)
class ReferendumCount:
    """The result of a referendum on amendments: citizens entitled to vote, those who took part, and for each
    oblast, city of republican significance and the capital (yes votes, those who took part)."""

    eligible: int
    took_part: int
    regions: tuple[tuple[int, int], ...]

    def __post_init__(self) -> None:
        if not (0 <= self.took_part <= self.eligible):
            raise Refused(
                coded(
                    "referendum_turnout",
                    "referendum: {took_part} took part of {eligible} entitled to vote",
                    took_part=self.took_part,
                    eligible=self.eligible,
                )
            )
        for index, (yes, voted) in enumerate(self.regions):
            if not (0 <= yes <= voted):
                raise Refused(
                    coded(
                        "referendum_region",
                        "referendum region {index}: {yes} yes of {voted} who took part",
                        index=index + 1,
                        yes=yes,
                        voted=voted,
                    )
                )
        if sum(voted for _, voted in self.regions) != self.took_part:
            raise Refused(
                coded(
                    "referendum_regions_sum",
                    "referendum: regions add up to {regions} who took part, the national figure is {took_part}",
                    regions=sum(v for _, v in self.regions),
                    took_part=self.took_part,
                )
            )


@dataclass(frozen=True)
class ReferendumOutcome:
    valid: bool
    adopted: bool
    regions_yes: int
    regions_needed: int
    turnout_needed: int
    text: Msg

    @property
    def explanation(self) -> str:
        return self.text.render()


def referendum_decide(count: ReferendumCount, on: dt.date, params: ParameterSet | None = None) -> ReferendumOutcome:
    """Constitution 2026, Art. 92(2): the referendum is valid if more than half of the citizens entitled to vote
    took part; Art. 92(3): amendments are adopted if more than half of those who took part voted yes in at least two
    thirds of the oblasts, cities of republican significance and the capital."""
    params = params or default_parameters()
    regions = params.integer("regions.count", on)
    if len(count.regions) != regions:
        raise TransitionRefused(
            "referendum_result",
            "92(3)",
            coded(
                "referendum_result",
                "the result must give all {regions} oblasts, cities of republican significance and the capital; "
                "{given} given",
                regions=regions,
                given=len(count.regions),
            ),
        )
    turnout = params.majority("referendum.validity_turnout", on)
    share = params.majority("referendum.amendment_regions_share", on)
    region_yes = params.majority("referendum.amendment_region_yes", on)
    valid = turnout.met(count.took_part, count.eligible)
    regions_yes = sum(1 for yes, voted in count.regions if voted and region_yes.met(yes, voted))
    adopted = valid and share.met(regions_yes, regions)
    text: Msg
    if not valid:
        text = msg(
            "not valid: {took_part} of {eligible} took part, more than {needed} needed (Constitution 2026, Art. 92(2))",
            took_part=count.took_part,
            eligible=count.eligible,
            needed=turnout.minimum(count.eligible) - 1,
        )
    elif adopted:
        text = msg(
            "adopted: more than half voted yes in {regions_yes} of {regions} regions, at least {needed} needed "
            "(Constitution 2026, Art. 92(3))",
            regions_yes=regions_yes,
            regions=regions,
            needed=share.minimum(regions),
        )
    else:
        text = msg(
            "not adopted: more than half voted yes in {regions_yes} of {regions} regions, at least {needed} needed "
            "(Constitution 2026, Art. 92(3))",
            regions_yes=regions_yes,
            regions=regions,
            needed=share.minimum(regions),
        )
    return ReferendumOutcome(valid, adopted, regions_yes, share.minimum(regions), turnout.minimum(count.eligible), text)


def adoption_majority(kind: BillKind) -> str:
    """Constitution 2026, Art. 61(3) (constitutional laws: two thirds) and 61(4) (laws: majority of all)."""
    return (
        "legislature.majority.constitutional_law"
        if kind is BillKind.CONSTITUTIONAL
        else "legislature.majority.ordinary_law"
    )


def override_majority(kind: BillKind) -> str:
    """Constitution 2026, Art. 56(2): three quarters (constitutional laws) or two thirds (laws) of all deputies."""
    return (
        "legislature.majority.override_constitutional_law"
        if kind is BillKind.CONSTITUTIONAL
        else "legislature.majority.override_ordinary_law"
    )


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
    return [
        action for (stage, action), (kinds, _) in TRANSITIONS.items() if stage is state.stage and state.kind in kinds
    ]


def _refuse_unlisted(state: BillState, action: Action) -> None:
    entry = TRANSITIONS.get((state.stage, action))
    if entry is None:
        possible = allowed_actions(state)
        allowed = (
            joined([action_label(a.value) for a in possible], sep="or") if possible else msg("nothing (final stage)")
        )
        raise TransitionRefused(
            "procedure",
            ACTION_ARTICLE[action],
            coded(
                "procedure",
                "cannot take the step “{action}” at the stage “{stage}”; allowed now: {allowed}",
                action=action_label(action.value),
                stage=stage_label(state.stage.value),
                allowed=allowed,
            ),
        )
    if state.kind not in entry[0]:
        if state.kind is BillKind.AMENDMENT:
            raise TransitionRefused(
                "amendment_by_referendum",
                "92(1)",
                coded(
                    "amendment_by_referendum",
                    "a constitutional amendment is not passed as a law (“{action}”); it goes to a "
                    "referendum with the Constitutional Court's opinion (Arts. 92-93)",
                    action=action_label(action.value),
                ),
            )
        raise TransitionRefused(
            "procedure",
            ACTION_ARTICLE[action],
            coded(
                "procedure",
                "“{action}” applies only to constitutional amendments (Art. 93)",
                action=action_label(action.value),
            ),
        )


def _vote(state: BillState, move: Move, majority: str, params: ParameterSet) -> VoteOutcome:
    if move.tally is None:
        raise TransitionRefused(
            "vote_required",
            ACTION_ARTICLE[move.action],
            coded(
                "vote_required",
                "“{action}” needs the recorded vote",
                action=action_label(move.action.value),
            ),
        )
    tally = move.tally
    return vote_decide(
        majority=majority,
        quorum="legislature.quorum",
        yes=tally.yes,
        present=tally.present,
        total=tally.total,
        as_of=move.on,
        params=params,
    )


def advance(state: BillState, move: Move, params: ParameterSet | None = None) -> tuple[BillState, Step]:
    """Apply ``move`` to ``state``; returns the new state and the step to record, or raises ``TransitionRefused``."""
    params = params or default_parameters()
    _refuse_unlisted(state, move.action)
    if state.last_on is not None and move.on < state.last_on:
        raise TransitionRefused(
            "chronology",
            ACTION_ARTICLE[move.action],
            coded(
                "chronology",
                "“{action}” on {on} is before the bill's previous step ({last})",
                action=action_label(move.action.value),
                on=move.on,
                last=state.last_on,
            ),
        )
    article = ACTION_ARTICLE[move.action]
    action = move.action
    new = replace(state, last_on=move.on)
    vote: VoteOutcome | None = None
    violations = tuple(move.violations)
    note: Msg

    if action is Action.INTRODUCE:
        if violations:
            raise _refused_by(violations[0])
        new = replace(new, stage=Stage.INTRODUCED)
        if state.urgent:
            note = coded(
                "introduced_urgent",
                "introduced in the Kurultai; constitutional checks passed; a Government bill for immediate "
                "consideration: until the law enters into force or the Kurultai rejects the bill, the Government may "
                "adopt temporary acts with the force of law (Art. 60(4))",
            )
        else:
            note = coded("introduced", "introduced in the Kurultai; constitutional checks passed")
    elif action is Action.STOP:
        if not violations:
            raise TransitionRefused(
                "stop_without_violation",
                article,
                coded(
                    "stop_without_violation",
                    "a bill can be stopped only for a constitutional violation; none was found",
                ),
            )
        article = violations[0].article
        new = replace(new, stage=Stage.STOPPED)
        note = coded("stopped", "{violations}", violations=joined([_violation_text(v) for v in violations], sep=";"))
    elif action is Action.COURT_OPINION_REQUEST:
        blocking = [v for v in violations if v.rule != "amendment_court_opinion"]
        if blocking:
            raise _refused_by(blocking[0])
        new = replace(new, stage=Stage.AWAITING_COURT_OPINION)
        note = coded(
            "court_opinion_requested", "sent to the Constitutional Court for its opinion on Arts. 2(7) and 43(5)"
        )
    elif action is Action.COURT_OPINION:
        if move.compliant is None:
            raise TransitionRefused(
                "opinion_required",
                article,
                coded("opinion_required", "the Court's opinion (compliant or not) is needed"),
            )
        if move.compliant:
            new = replace(new, stage=Stage.REFERENDUM_PROPOSED)
            note = coded(
                "court_opinion_compliant",
                "the Constitutional Court found the amendment compatible; it may be put to a referendum (Art. 92(1))",
            )
        else:
            new = replace(new, stage=Stage.STOPPED)
            note = coded(
                "court_opinion_incompatible",
                "the Constitutional Court found the amendment incompatible with Arts. 2(7) / 43(5)",
            )
    elif action in (Action.FIRST_READING, Action.ADOPTION_VOTE):
        vote = _vote(state, move, adoption_majority(state.kind), params)
        article = vote.majority_article if vote.result.value != "no_quorum" else vote.quorum_article
        if vote.result.value == "no_quorum":
            raise TransitionRefused("quorum", vote.quorum_article, coded("quorum", "{vote}", vote=vote_text(vote)))
        if action is Action.FIRST_READING:
            target = Stage.FIRST_READING if vote.passed else Stage.NOT_ADOPTED
            new = replace(new, stage=target)
            note = coded("first_reading", "first reading {vote}", vote=vote_text(vote))
        else:
            target = Stage.ADOPTED if vote.passed else Stage.NOT_ADOPTED
            new = replace(new, stage=target, adopted_on=move.on if vote.passed else None)
            if vote.passed:
                note = coded("adoption_vote", "adoption vote {vote}", vote=vote_text(vote))
            else:
                note = coded(
                    "adoption_vote_failed",
                    "adoption vote {vote}; the bill is returned to its initiator (Art. 60(5))",
                    vote=vote_text(vote),
                )
    elif action is Action.REJECT:
        if move.tally is None:
            raise TransitionRefused(
                "vote_required",
                article,
                coded("vote_required", "rejecting a bill as a whole needs the recorded vote"),
            )
        vote = vote_decide(
            majority="legislature.majority.rejection",
            quorum="legislature.quorum",
            yes=move.tally.yes,
            present=move.tally.present,
            total=move.tally.total,
            as_of=move.on,
            params=params,
        )
        if vote.result.value == "no_quorum":
            raise TransitionRefused("quorum", vote.quorum_article, coded("quorum", "{vote}", vote=vote_text(vote)))
        article = vote.majority_article
        if vote.passed:
            new = replace(new, stage=Stage.REJECTED)
            if state.urgent:
                note = coded(
                    "rejected_urgent",
                    "rejected as a whole: {vote}; the bill is considered not adopted and returns to its initiator; "
                    "the Government's temporary acts under Art. 60(4) cease",
                    vote=vote_text(vote),
                )
            else:
                note = coded(
                    "rejected",
                    "rejected as a whole: {vote}; the bill is considered not adopted and returns to its initiator",
                    vote=vote_text(vote),
                )
        else:
            note = coded(
                "rejection_failed",
                "motion to reject the bill as a whole {vote}; the bill stays at the stage “{stage}”",
                vote=vote_text(vote),
                stage=stage_label(state.stage.value),
            )
    elif action is Action.REFERENDUM_CALL:
        new = replace(new, stage=Stage.REFERENDUM_CALLED)
        note = coded(
            "referendum_called",
            "the President decided to put the amendment to a nationwide referendum (Arts. 46(10), 92(1))",
        )
    elif action is Action.REFERENDUM_DECLINE:
        new = replace(new, stage=Stage.REFERENDUM_DECLINED)
        note = coded(
            "referendum_declined",
            "the President decided not to call a referendum on the amendment; the decision is his (Art. 92(1))",
        )
    elif action is Action.REFERENDUM_RESULT:
        if move.referendum is None:
            raise TransitionRefused(
                "referendum_result", article, coded("referendum_result", "the referendum's result is needed")
            )
        outcome = referendum_decide(move.referendum, move.on, params)
        article = "92(3)" if outcome.valid else "92(2)"
        target = Stage.AMENDMENT_ADOPTED if outcome.adopted else Stage.AMENDMENT_NOT_ADOPTED
        new = replace(new, stage=target)
        note = coded("referendum_result", "referendum {outcome}", outcome=outcome.text)
    elif action is Action.PRESENT:
        assert state.adopted_on is not None
        days = params.integer("legislature.presentation_days", move.on)
        if (move.on - state.adopted_on).days > days:
            raise TransitionRefused(
                "presentation_deadline",
                article,
                coded(
                    "presentation_deadline",
                    "an adopted law is presented to the President within {days} days; adopted {adopted}, "
                    "presented {presented}",
                    days=days,
                    adopted=state.adopted_on,
                    presented=move.on,
                ),
            )
        new = replace(new, stage=Stage.SENT_TO_PRESIDENT, presented_on=move.on)
        note = coded("presented", "presented to the President for signature")
    elif action is Action.COURT_REFER:
        _check_referral(move, params)
        assert move.referred_by is not None
        new = replace(new, stage=Stage.UNDER_COURT_REVIEW, referred_on=move.on)
        note = coded(
            "court_referred",
            "referred to the Constitutional Court by {referrer} before signature; the signing period is suspended "
            "(Art. 74(2))",
            referrer=referrer_label(move.referred_by),
        )
    elif action is Action.COURT_DECIDE:
        assert state.referred_on is not None
        if move.compliant is None:
            raise TransitionRefused(
                "decision_required",
                article,
                coded("decision_required", "the Court's decision (compliant or not) is needed"),
            )
        days = state.review_days + (move.on - state.referred_on).days
        if move.compliant:
            new = replace(new, stage=Stage.SENT_TO_PRESIDENT, review_days=days, referred_on=None)
            note = coded("court_compliant", "the Constitutional Court found the law compliant; back with the President")
        else:
            new = replace(new, stage=Stage.STRUCK_DOWN, review_days=days, referred_on=None)
            note = coded(
                "court_struck_down",
                "the Constitutional Court found the law unconstitutional: it cannot be signed (Art. 75(1))",
            )
    elif action in (Action.SIGN, Action.OBJECT) and state.stage is Stage.SENT_TO_PRESIDENT:
        deadline = signature_deadline(state, params)
        if move.on > deadline:
            raise TransitionRefused(
                "signature_deadline",
                article,
                coded(
                    "signature_deadline",
                    "the President signs or returns a law within one month of presentation (until {deadline}); "
                    "{on} is too late",
                    deadline=deadline,
                    on=move.on,
                ),
            )
        if action is Action.SIGN:
            new = replace(new, stage=Stage.SIGNED, signed_on=move.on)
            note = coded("signed", "signed by the President")
        else:
            new = replace(new, stage=Stage.OBJECTED, objected_on=move.on, president_wording=move.president_wording)
            if move.president_wording:
                note = coded(
                    "objected_with_wording",
                    "returned by the President with objections for a repeated vote; the President proposed his own "
                    "wording (Art. 56(2))",
                )
            else:
                note = coded("objected", "returned by the President with objections for a repeated vote")
    elif action is Action.SIGN and state.stage is Stage.ADOPTED_AS_PROPOSED:
        assert state.adopted_on is not None
        deadline = add_months(state.adopted_on, params.integer("legislature.signature_months", move.on))
        if move.on > deadline:
            raise TransitionRefused(
                "signature_deadline",
                article,
                coded(
                    "signature_deadline",
                    "the law adopted in the President's wording is signed within one month (until {deadline}); "
                    "{on} is too late",
                    deadline=deadline,
                    on=move.on,
                ),
            )
        new = replace(new, stage=Stage.SIGNED, signed_on=move.on)
        note = coded(
            "signed_as_proposed",
            "signed by the President in the wording he proposed (Arts. 46(3), 56(2), 61(2))",
        )
    elif action is Action.SIGN:  # after an override
        assert state.overridden_on is not None
        deadline = add_months(state.overridden_on, params.integer("legislature.override_months", move.on))
        article = "56(2)"
        if move.on > deadline:
            raise TransitionRefused(
                "signature_deadline",
                article,
                coded(
                    "signature_deadline",
                    "after an override the President signs within one month (until {deadline})",
                    deadline=deadline,
                ),
            )
        new = replace(new, stage=Stage.SIGNED, signed_on=move.on)
        note = coded("signed_after_override", "signed by the President after the override")
    elif action is Action.OVERRIDE_VOTE:
        deadline = override_deadline(state, params)
        if move.on > deadline:
            raise TransitionRefused(
                "override_deadline",
                article,
                coded(
                    "override_deadline",
                    "the repeated vote must take place within one month of the objections (until {deadline}); "
                    "missing it means the objections are accepted",
                    deadline=deadline,
                ),
            )
        vote = _vote(state, move, override_majority(state.kind), params)
        if vote.result.value == "no_quorum":
            raise TransitionRefused("quorum", vote.quorum_article, coded("quorum", "{vote}", vote=vote_text(vote)))
        article = vote.majority_article
        if vote.passed:
            new = replace(new, stage=Stage.OVERRIDDEN, overridden_on=move.on)
            note = coded(
                "overridden",
                "objections overcome: {vote}; the President signs within one month",
                vote=vote_text(vote),
            )
        else:
            new, note = _objections_accepted(new, move.on, msg("objections not overcome: {vote}", vote=vote_text(vote)))
    elif action is Action.OBJECTION_LAPSE:
        deadline = override_deadline(state, params)
        if move.on <= deadline:
            raise TransitionRefused(
                "override_deadline",
                article,
                coded(
                    "override_deadline",
                    "the Kurultai may still vote on the objections until {deadline}",
                    deadline=deadline,
                ),
            )
        new, note = _objections_accepted(
            new,
            move.on,
            msg("no repeated vote by {deadline}: the President's objections are accepted", deadline=deadline),
        )
    else:  # Action.PUBLISH
        new = replace(new, stage=Stage.PUBLISHED)
        note = coded("published", "officially published; publication is a condition of application (Art. 5(4))")
    return new, Step(action, state.stage, new.stage, move.on, article, note, vote, violations)


def _objections_accepted(new: BillState, on: dt.date, why: Msg) -> tuple[BillState, Msg]:
    """Constitution 2026, Art. 56(2): if the objections are not overcome the law is considered not adopted, or adopted
    in the wording the President proposed (when he proposed one)."""
    if new.president_wording:
        return replace(new, stage=Stage.ADOPTED_AS_PROPOSED, adopted_on=on), coded(
            "adopted_as_proposed",
            "{why}; the law is considered adopted in the wording the President proposed (Art. 56(2))",
            why=why,
        )
    return replace(new, stage=Stage.OBJECTION_ACCEPTED), coded(
        "objection_accepted", "{why}; the law is considered not adopted (Art. 56(2))", why=why
    )


def temporary_acts_open(state: BillState) -> bool:
    """Whether the Government may still rely on temporary acts with the force of law for an urgent bill: until the law
    enters into force (on signature, Art. 61(2)) or the Kurultai rejects the bill (Constitution 2026, Art. 60(4)).
    We read "rejects" as any outcome where the Kurultai does not adopt the bill."""
    if not state.urgent or state.stage is Stage.DRAFT:
        return False
    return state.stage not in {
        Stage.SIGNED,
        Stage.PUBLISHED,
        Stage.REJECTED,
        Stage.NOT_ADOPTED,
        Stage.OBJECTION_ACCEPTED,
        Stage.STRUCK_DOWN,
        Stage.STOPPED,
    }


def _check_referral(move: Move, params: ParameterSet) -> None:
    """Constitution 2026, Art. 73(1)(2): the President, the Chair of the Kurultai, at least one fifth of all deputies
    or the Prime Minister may refer an adopted law to the Constitutional Court before signature."""
    if move.referred_by not in COURT_REFERRERS:
        raise TransitionRefused(
            "court_referral",
            "73(1)",
            coded(
                "court_referral",
                "«{given}» may not refer a law before signature; those who may: {who}",
                given=shown(str(move.referred_by)),
                who=joined([referrer_label(code) for code in COURT_REFERRERS]),
            ),
        )
    if move.referred_by == "deputies":
        total = params.integer("kurultai.seats", move.on)
        needed = params.majority("legislature.court_referral_deputies_share", move.on).minimum(total)
        if (move.referring_deputies or 0) < needed:
            raise TransitionRefused(
                "court_referral",
                "73(1)",
                coded(
                    "court_referral",
                    "{given} deputies referred the law; at least one fifth of all deputies ({needed} of {total}) is "
                    "needed",
                    given=move.referring_deputies or 0,
                    needed=needed,
                    total=total,
                ),
            )
