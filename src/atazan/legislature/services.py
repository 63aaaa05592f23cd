"""Writes of the legislature context. Every official step goes through ``domain.process.advance`` and is appended to
the audit chain; a refused step is recorded too (marked refused) and then raised.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from atazan.accounts.services import actor_authorize
from atazan.audit.services import audit_append
from atazan.legislature.domain.process import Action, BillState, Move, Stage, Tally, TransitionRefused, advance
from atazan.legislature.models import (
    Ballot,
    Bill,
    BillEvent,
    PeoplesCouncilDecision,
    PeoplesCouncilMember,
    PeoplesCouncilSession,
    VicePresidentDelegation,
    VicePresidentNomination,
    Vote,
)
from atazan.rules.domain.bill import bill_from_dict, bill_to_dict
from atazan.rules.domain.checks import bill_violations
from atazan.rules.domain.institutions import (
    RuleError,
    VoteOutcome,
    kurultai_seats,
    peoples_council_composition,
    peoples_council_decision,
    vice_president_consent,
)


@dataclass(frozen=True)
class BallotRow:
    deputy: str
    party: str
    choice: str  # yes | no | abstain | absent


def _tally(ballots: Iterable[BallotRow], total: int) -> Tally:
    rows = list(ballots)
    names = [row.deputy for row in rows]
    if len(set(names)) != len(names):
        duplicate = next(name for name in names if names.count(name) > 1)
        raise RuleError(f"deputy {duplicate!r} appears twice in the vote; voting is personal (Art. 55(1))")
    bad = [row for row in rows if row.choice not in Ballot.Choice.values]
    if bad:
        raise RuleError(f"deputy {bad[0].deputy!r}: unknown choice {bad[0].choice!r}")
    if len(rows) > total:
        raise RuleError(f"{len(rows)} ballots but the Kurultai has {total} deputies")
    count = {choice: sum(1 for row in rows if row.choice == choice) for choice in Ballot.Choice.values}
    present = count["yes"] + count["no"] + count["abstain"]
    return Tally(yes=count["yes"], no=count["no"], abstain=count["abstain"], present=present, total=total)


def _state(bill: Bill) -> BillState:
    return BillState(kind=bill_from_dict(bill.draft).kind, stage=Stage(bill.stage), last_on=bill.last_on,
                     adopted_on=bill.adopted_on, presented_on=bill.presented_on, referred_on=bill.referred_on,
                     review_days=bill.review_days, objected_on=bill.objected_on, overridden_on=bill.overridden_on,
                     signed_on=bill.signed_on)


def _vote_row(*, outcome: VoteOutcome, tally: Tally, subject: str, held_on: dt.date, ballots: list[BallotRow],
              bill: Bill | None = None, event: BillEvent | None = None,
              nomination: VicePresidentNomination | None = None) -> Vote:
    article = outcome.quorum_article if outcome.result.value == "no_quorum" else outcome.majority_article
    vote = Vote.objects.create(
        bill=bill, event=event, nomination=nomination, subject=subject, held_on=held_on, total=tally.total,
        present=tally.present, yes=tally.yes, no=tally.no, abstain=tally.abstain, result=outcome.result.value,
        majority_minimum=outcome.majority_minimum, quorum_minimum=outcome.quorum_minimum, article=article,
        explanation=outcome.explain())
    Ballot.objects.bulk_create(Ballot(vote=vote, deputy=row.deputy, party=row.party, choice=row.choice)
                               for row in ballots)
    return vote


@transaction.atomic
def bill_submit(*, actor: str | User, number: str, draft: Mapping[str, Any], summary: str = "",
                initiator_detail: str = "", synthetic: bool = False,
                decision: PeoplesCouncilDecision | None = None) -> Bill:
    """Register a bill (stage draft) and run the constitutional checks on it; raises ``BillFormatError`` on bad
    input. The violations found are stored with the bill and decide whether it can be introduced."""
    actor = actor_authorize(actor, "legislature.bill.submit")  # docs/security.md
    parsed = bill_from_dict(draft)
    violations = [v.as_dict() for v in bill_violations(parsed)]
    bill = Bill.objects.create(
        number=number, title=parsed.title, summary=summary, initiator=parsed.initiator,
        initiator_detail=initiator_detail, kind=parsed.kind.value, draft=bill_to_dict(parsed), violations=violations,
        synthetic=synthetic, peoples_council_decision=decision)
    audit_append(actor=actor, action="legislature.bill.submit", target=f"bill:{number}",
                 payload={"draft": bill.draft, "violations": violations})
    return bill


def bill_advance(*, actor: str | User, bill: Bill, action: Action, on: dt.date, ballots: list[BallotRow] | None = None,
                 compliant: bool | None = None, referred_by: str | None = None,
                 referring_deputies: int | None = None) -> BillEvent:
    """Move ``bill`` by ``action`` on ``on``. Votes are given deputy by deputy (``ballots``) and counted here.

    A refused move is stored as a refused event (so nothing asked is lost) and ``TransitionRefused`` is raised.
    """
    actor = actor_authorize(actor, "legislature.bill.transition")  # docs/security.md
    with transaction.atomic():
        bill = Bill.objects.select_for_update().get(pk=bill.pk)
        state = _state(bill)
        draft = bill_from_dict(bill.draft)
        # The checks are run as of the step's date: the Constitution in force then decides.
        checked = bill_violations(draft) if action in (Action.INTRODUCE, Action.STOP,
                                                       Action.COURT_OPINION_REQUEST) else []
        tally = _tally(ballots, kurultai_seats(on)) if ballots is not None else None
        move = Move(action, on, tally=tally, violations=checked, compliant=compliant, referred_by=referred_by,
                    referring_deputies=referring_deputies)
        seq = bill.events.count() + 1
        refusal_error: TransitionRefused | None = None
        try:
            new, step = advance(state, move)
        except TransitionRefused as refused:
            refusal_error = refused
            refusal = BillEvent.objects.create(
                bill=bill, seq=seq, action=action.value, stage_from=state.stage.value, stage_to=state.stage.value,
                on=on, actor=actor, article=refused.article, rule=refused.rule, note=refused.message, refused=True)
            audit_append(actor=actor, action="legislature.bill.refused", target=f"bill:{bill.number}",
                         payload={"action": action.value, "rule": refused.rule, "article": refused.article,
                                  "event": refusal.seq})
        else:
            event = BillEvent.objects.create(
                bill=bill, seq=seq, action=action.value, stage_from=step.stage_from.value,
                stage_to=step.stage_to.value, on=on, actor=actor, article=step.article, note=step.note)
            for name in ("stage", "last_on", "adopted_on", "presented_on", "referred_on", "review_days",
                         "objected_on", "overridden_on", "signed_on"):
                value = getattr(new, name)
                setattr(bill, name, value.value if isinstance(value, Stage) else value)
            bill.save()
            if step.vote is not None and tally is not None:
                _vote_row(outcome=step.vote, tally=tally, subject=action.value, held_on=on, ballots=ballots or [],
                          bill=bill, event=event)
            audit_append(actor=actor, action=f"legislature.bill.{action.value}", target=f"bill:{bill.number}",
                         payload={"from": step.stage_from.value, "to": step.stage_to.value, "on": on.isoformat(),
                                  "article": step.article,
                                  "vote": None if tally is None else {"yes": tally.yes, "no": tally.no,
                                                                      "abstain": tally.abstain,
                                                                      "present": tally.present}})
            return event
    # The refused attempt is committed above (kept for review); the caller learns why.
    assert refusal_error is not None
    raise refusal_error


@transaction.atomic
def peoples_council_member_add(*, actor: str | User, name: str, group: str, age: int, term_start: dt.date,
                               synthetic: bool = False) -> PeoplesCouncilMember:
    """Add a member; refused (``RuleError``) if the group is full, unknown, or the member under age."""
    actor = actor_authorize(actor, "legislature.peoples_council.record")  # docs/security.md
    current = [(m.name, m.group, m.age) for m in PeoplesCouncilMember.objects.all()]
    problems = peoples_council_composition(members=[*current, (name, group, age)], as_of=term_start)
    if problems:
        raise RuleError(f"Art. {problems[0].article}: {problems[0].message}")
    member = PeoplesCouncilMember.objects.create(name=name, group=group, age=age, term_start=term_start,
                                                 synthetic=synthetic)
    audit_append(actor=actor, action="legislature.peoples_council.member_add", target=f"pc-member:{member.pk}",
                 payload={"name": name, "group": group})
    return member


@transaction.atomic
def peoples_council_session_open(*, actor: str | User, number: int, held_on: dt.date, title: str, present: int,
                                 synthetic: bool = False) -> PeoplesCouncilSession:
    actor = actor_authorize(actor, "legislature.peoples_council.record")  # docs/security.md
    members = PeoplesCouncilMember.objects.count()
    if present > members:
        raise RuleError(f"session {number}: {present} present but the Council has {members} members")
    probe = peoples_council_decision(yes=0, present=present, as_of=held_on)
    session = PeoplesCouncilSession.objects.create(number=number, held_on=held_on, title=title, present=present,
                                                   members=probe.total, quorum_minimum=probe.quorum_minimum,
                                                   synthetic=synthetic)
    audit_append(actor=actor, action="legislature.peoples_council.session", target=f"pc-session:{number}",
                 payload={"present": present, "quorum": probe.quorum_minimum})
    return session


@transaction.atomic
def peoples_council_decide(*, actor: str | User, session: PeoplesCouncilSession, title: str, kind: str, yes: int,
                           no: int, abstain: int, bill_number: str | None = None,
                           bill_draft: Mapping[str, Any] | None = None) -> PeoplesCouncilDecision:
    """Take a decision (quorum two thirds; more than half of those present). An adopted legislative initiative is
    sent to the Kurultai as a bill (Constitution 2026, Arts. 60(1), 71(2))."""
    actor = actor_authorize(actor, "legislature.peoples_council.record")  # docs/security.md
    if yes + no + abstain > session.present:
        raise RuleError(f"session {session.number}: {yes + no + abstain} votes but {session.present} present")
    outcome = peoples_council_decision(yes=yes, present=session.present, as_of=session.held_on)
    if outcome.result.value == "no_quorum":
        raise RuleError(f"session {session.number}: {outcome.explain()}")
    decision = PeoplesCouncilDecision.objects.create(
        session=session, title=title, kind=kind, yes=yes, no=no, abstain=abstain, adopted=outcome.passed,
        majority_minimum=outcome.majority_minimum, article=outcome.majority_article, explanation=outcome.explain())
    audit_append(actor=actor, action="legislature.peoples_council.decision", target=f"pc-decision:{decision.pk}",
                 payload={"title": title, "kind": kind, "yes": yes, "adopted": outcome.passed})
    if outcome.passed and kind == PeoplesCouncilDecision.Kind.LEGISLATIVE_INITIATIVE:
        if bill_number is None or bill_draft is None:
            raise RuleError("a legislative initiative needs the bill it sends to the Kurultai")
        draft = {**bill_draft, "initiator": "peoples_council", "date": session.held_on.isoformat()}
        bill_submit(actor=actor, number=bill_number, draft=draft, synthetic=session.synthetic, decision=decision,
                    initiator_detail=f"People's Council, session {session.number}: {title}")
    return decision


@transaction.atomic
def vice_president_nominate(*, actor: str | User, candidate: str, on: dt.date, party_member: bool = False,
                            synthetic: bool = False) -> VicePresidentNomination:
    """The President nominates a Vice President (Constitution 2026, Art. 46(2)). A party member cannot hold the
    office (Art. 49(2))."""
    actor = actor_authorize(actor, "legislature.vice_president.record")  # docs/security.md
    if party_member:
        raise RuleError(f"{candidate}: Art. 49(2): the Vice President may not be a member of a political party")
    vice_president_consent(yes=0, present=0, as_of=on)  # raises if there is no such office on that date
    nomination = VicePresidentNomination.objects.create(candidate=candidate, nominated_on=on, synthetic=synthetic)
    audit_append(actor=actor, action="legislature.vice_president.nominate", target=f"vp:{nomination.pk}",
                 payload={"candidate": candidate, "on": on.isoformat()})
    return nomination


@transaction.atomic
def vice_president_consent_vote(*, actor: str | User, nomination: VicePresidentNomination, on: dt.date,
                                ballots: list[BallotRow]) -> Vote:
    """The Kurultai's consent vote: a majority of all deputies (Arts. 46(2), 49(1), 56(7))."""
    actor = actor_authorize(actor, "legislature.vice_president.record")  # docs/security.md
    if nomination.status != VicePresidentNomination.Status.NOMINATED:
        raise RuleError(f"nomination of {nomination.candidate} is {nomination.status}, not awaiting consent")
    tally = _tally(ballots, kurultai_seats(on))
    outcome = vice_president_consent(yes=tally.yes, present=tally.present, total=tally.total, as_of=on)
    if outcome.result.value == "no_quorum":
        raise RuleError(f"consent vote on {nomination.candidate}: {outcome.explain()}")
    vote = _vote_row(outcome=outcome, tally=tally, subject="vice_president_consent", held_on=on, ballots=ballots,
                     nomination=nomination)
    nomination.status = (VicePresidentNomination.Status.CONSENTED if outcome.passed
                         else VicePresidentNomination.Status.REFUSED)
    nomination.save(update_fields=["status"])
    audit_append(actor=actor, action="legislature.vice_president.consent", target=f"vp:{nomination.pk}",
                 payload={"yes": tally.yes, "result": outcome.result.value, "article": outcome.majority_article})
    return vote


@transaction.atomic
def vice_president_appoint(*, actor: str | User, nomination: VicePresidentNomination, on: dt.date) -> None:
    actor = actor_authorize(actor, "legislature.vice_president.record")  # docs/security.md
    if nomination.status != VicePresidentNomination.Status.CONSENTED:
        raise RuleError(f"Art. 49(1): {nomination.candidate} cannot be appointed without the Kurultai's consent")
    nomination.status = VicePresidentNomination.Status.APPOINTED
    nomination.appointed_on = on
    nomination.save(update_fields=["status", "appointed_on"])
    audit_append(actor=actor, action="legislature.vice_president.appoint", target=f"vp:{nomination.pk}",
                 payload={"on": on.isoformat()})


@transaction.atomic
def vice_president_delegate(*, actor: str | User, nomination: VicePresidentNomination, on: dt.date, domain: str,
                            description: str) -> VicePresidentDelegation:
    """The President asks the Vice President to represent him (Art. 49(3))."""
    actor = actor_authorize(actor, "legislature.vice_president.record")  # docs/security.md
    if nomination.status != VicePresidentNomination.Status.APPOINTED:
        raise RuleError(f"Art. 49(3): only an appointed Vice President can be asked to represent the President; "
                        f"{nomination.candidate} is {nomination.status}")
    delegation = VicePresidentDelegation.objects.create(vice_president=nomination, assigned_on=on, domain=domain,
                                                        description=description)
    audit_append(actor=actor, action="legislature.vice_president.delegate", target=f"vp:{nomination.pk}",
                 payload={"domain": domain, "on": on.isoformat()})
    return delegation


def vice_president_refusals(*, since: dt.date | None = None) -> int:
    """Refusals of consent so far; after a repeated refusal the President may dissolve the Kurultai (Art. 46(2))."""
    rows = VicePresidentNomination.objects.filter(status=VicePresidentNomination.Status.REFUSED)
    if since is not None:
        rows = rows.filter(nominated_on__gte=since)
    return rows.count()
