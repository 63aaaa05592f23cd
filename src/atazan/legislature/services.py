"""Writes of the legislature context. Every official step goes through ``domain.process.advance`` and is appended to
the audit chain; a refused step is recorded too (marked refused) and then raised.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from atazan.accounts.services import actor_authorize
from atazan.audit.services import audit_append
from atazan.elections.models import Election
from atazan.legislature.audit_records import bill_event_record
from atazan.legislature.domain.messages import VOICE, cite, coded, msg
from atazan.legislature.domain.process import (
    COURT_REFERRERS,
    Action,
    BillState,
    Move,
    ReferendumCount,
    Refused,
    Stage,
    Tally,
    TransitionRefused,
    advance,
    vote_text,
)
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
from atazan.legislature.selectors import Seat, deputies_on
from atazan.legislature.translation import msg_stored
from atazan.messages.domain import Msg, declare, shown
from atazan.rules.articles import articles_in_force
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
    """One deputy's vote: ``mandate`` is the deputy's mandate in the elections context (``party`` and ``key``, the
    candidate's registration key on the party list, identify it too)."""

    choice: str  # yes | no | abstain | absent
    mandate: int | None = None
    party: str = ""
    key: str = ""


@dataclass(frozen=True)
class Totals:
    """A vote recorded as totals only (no list by deputy)."""

    yes: int
    no: int
    abstain: int
    present: int


@dataclass(frozen=True)
class Counted:
    tally: Tally
    election: Election | None
    seated: int | None
    ballots: list[tuple[Seat, str]]  # every deputy in office, with the choice (absent when no ballot)


def _count_ballots(rows: list[BallotRow], on: dt.date) -> Counted:
    """Resolve each ballot to a deputy holding a mandate on ``on`` and count them against all 145 seats.

    Constitution 2026, Art. 55(1): voting is personal, so a deputy appears once. Art. 53(1) fixes the Kurultai at 145
    deputies and Arts. 58(5), 61(3)-(4) count quorum and majorities "of the total number of deputies": vacant seats
    stay in that number, so they count against adoption.
    """
    total = kurultai_seats(on)
    election, seats = deputies_on(on=on)
    if election is None:
        raise Refused(
            coded(
                "no_kurultai_election",
                "no Kurultai election on record for {on}: a vote by deputy needs the deputies' mandates (elections "
                "context); record the totals instead",
                on=on,
            )
        )
    by_mandate = {seat.mandate: seat for seat in seats}
    by_key = {(seat.party, seat.key): seat for seat in seats}
    chosen: dict[int, str] = {}
    for index, row in enumerate(rows, start=1):
        if row.choice not in Ballot.Choice.values:
            raise Refused(
                coded(
                    "ballot_choice",
                    "ballot {index}: unknown choice «{choice}» (yes, no, abstain, absent)",
                    index=index,
                    choice=shown(row.choice),
                )
            )
        seat = by_mandate.get(row.mandate) if row.mandate is not None else by_key.get((row.party, row.key))
        if seat is None:
            who = (
                msg("mandate {mandate}", mandate=str(row.mandate))
                if row.mandate is not None
                else msg("{party} {key}", party=shown(row.party), key=shown(row.key))
            )
            raise Refused(
                coded(
                    "ballot_not_seated",
                    "ballot {index}: {who} does not hold a mandate in {election} on {on} (Constitution 2026, "
                    "Art. 55(4); Constitutional Law on Elections, Art. 97-1)",
                    index=index,
                    who=who,
                    election=election.title,
                    on=on,
                )
            )
        if seat.mandate in chosen:
            raise Refused(
                coded(
                    "ballot_twice",
                    "ballot {index}: {name} ({party}) appears twice in the vote; voting is personal (Constitution "
                    "2026, Art. 55(1))",
                    index=index,
                    name=seat.name,
                    party=seat.party,
                )
            )
        chosen[seat.mandate] = row.choice
    if len(seats) > total:
        raise Refused(
            coded(
                "mandates_over_seats",
                "{mandates} mandates in office on {on} but the Kurultai has {total} seats",
                mandates=len(seats),
                on=on,
                total=total,
            )
        )
    ballots = [(seat, chosen.get(seat.mandate, "absent")) for seat in seats]
    count = {choice: sum(1 for _, c in ballots if c == choice) for choice in Ballot.Choice.values}
    present = count["yes"] + count["no"] + count["abstain"]
    tally = Tally(yes=count["yes"], no=count["no"], abstain=count["abstain"], present=present, total=total)
    return Counted(tally, election, len(seats), ballots)


def _count_totals(totals: Totals, on: dt.date) -> Counted:
    total = kurultai_seats(on)
    election, seats = deputies_on(on=on)
    seated = len(seats) if election is not None else None
    if seated is not None and totals.present > seated:
        raise Refused(
            coded(
                "present_over_seated",
                "{present} deputies present but only {seated} hold a mandate on {on} ({vacant} seats vacant)",
                present=totals.present,
                seated=seated,
                on=on,
                vacant=total - seated,
            )
        )
    tally = Tally(yes=totals.yes, no=totals.no, abstain=totals.abstain, present=totals.present, total=total)
    return Counted(tally, election, seated, [])


def _count(on: dt.date, ballots: list[BallotRow] | None, totals: Totals | None) -> Counted | None:
    if ballots is not None and totals is not None:
        raise Refused(coded("ballots_and_totals", "give either the ballots by deputy or the totals, not both"))
    if ballots is not None:
        return _count_ballots(ballots, on)
    if totals is not None:
        return _count_totals(totals, on)
    return None


def ballots_from_csv(text: str) -> list[BallotRow]:
    """Ballots from CSV with a header: ``mandate,choice`` or ``party,key,choice`` (a ``deputy`` column, if present, is
    ignored: the mandate decides who voted). Raises ``RuleError`` naming the row."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    fields = set(reader.fieldnames or [])
    if "choice" not in fields or not ({"mandate"} <= fields or {"party", "key"} <= fields):
        raise Refused(
            coded(
                "ballots_csv_header",
                "ballots CSV: the header must have 'choice' and either 'mandate' or 'party' and 'key'",
            )
        )
    rows: list[BallotRow] = []
    for line, raw in enumerate(reader, start=2):
        choice = (raw.get("choice") or "").strip().lower()
        mandate_raw = (raw.get("mandate") or "").strip()
        if mandate_raw:
            if not mandate_raw.isdigit():
                raise Refused(
                    coded(
                        "ballots_csv_mandate",
                        "ballots CSV line {line}: mandate must be a number, got «{given}»",
                        line=line,
                        given=shown(mandate_raw),
                    )
                )
            rows.append(BallotRow(choice=choice, mandate=int(mandate_raw)))
        else:
            party, key = (raw.get("party") or "").strip(), (raw.get("key") or "").strip()
            if not (party and key):
                raise Refused(
                    coded(
                        "ballots_csv_row",
                        "ballots CSV line {line}: give the mandate, or the party and the candidate key",
                        line=line,
                    )
                )
            rows.append(BallotRow(choice=choice, party=party, key=key))
    return rows


def _state(bill: Bill) -> BillState:
    return BillState(
        kind=bill_from_dict(bill.draft).kind,
        stage=Stage(bill.stage),
        last_on=bill.last_on,
        adopted_on=bill.adopted_on,
        presented_on=bill.presented_on,
        referred_on=bill.referred_on,
        review_days=bill.review_days,
        objected_on=bill.objected_on,
        overridden_on=bill.overridden_on,
        signed_on=bill.signed_on,
        president_wording=bill.president_wording,
        urgent=bill.urgent,
    )


def _vote_row(
    *,
    outcome: VoteOutcome,
    counted: Counted,
    subject: str,
    held_on: dt.date,
    bill: Bill | None = None,
    event: BillEvent | None = None,
    nomination: VicePresidentNomination | None = None,
) -> Vote:
    tally = counted.tally
    article = outcome.quorum_article if outcome.result.value == "no_quorum" else outcome.majority_article
    explanation = outcome.explain()
    if counted.seated is not None and counted.seated < tally.total:
        vacant = tally.total - counted.seated
        explanation += (
            f"; {counted.seated} deputies in office, {vacant} seat(s) vacant: quorum and majorities count "
            f"all {tally.total} seats (Constitution 2026, Arts. 53(1), 58(5), 61(3)-(4))"
        )
    vote = Vote.objects.create(
        bill=bill,
        event=event,
        nomination=nomination,
        subject=subject,
        held_on=held_on,
        election=counted.election,
        seated=counted.seated,
        by_deputy=bool(counted.ballots),
        total=tally.total,
        present=tally.present,
        yes=tally.yes,
        no=tally.no,
        abstain=tally.abstain,
        result=outcome.result.value,
        majority_minimum=outcome.majority_minimum,
        quorum_minimum=outcome.quorum_minimum,
        article=article,
        explanation=explanation,
    )
    Ballot.objects.bulk_create(
        Ballot(vote=vote, mandate_id=seat.mandate, deputy=seat.name, party=seat.party, choice=choice)
        for seat, choice in counted.ballots
    )
    return vote


@transaction.atomic
def bill_submit(
    *,
    actor: str | User,
    number: str,
    draft: Mapping[str, Any],
    summary: str = "",
    initiator_detail: str = "",
    synthetic: bool = False,
    decision: PeoplesCouncilDecision | None = None,
    temporary_act: str = "",
) -> Bill:
    """Register a bill (stage draft) and run the constitutional checks on it; raises ``BillFormatError`` on bad
    input (an amended article the Constitution in force does not have included). The violations found are stored
    with the bill and decide whether it can be introduced."""
    actor = actor_authorize(actor, "legislature.bill.submit")  # docs/security.md
    parsed = bill_from_dict(draft, articles=articles_in_force)
    if Bill.objects.filter(number=number).exists():
        raise Refused(
            coded(
                "bill_number_taken",
                "bill {number}: a bill with this number is already registered",
                number=shown(number),
            )
        )
    violations = [v.as_dict() for v in bill_violations(parsed)]
    bill = Bill.objects.create(
        number=number,
        title=parsed.title,
        summary=summary,
        initiator=parsed.initiator,
        initiator_detail=initiator_detail,
        kind=parsed.kind.value,
        draft=bill_to_dict(parsed),
        violations=violations,
        synthetic=synthetic,
        peoples_council_decision=decision,
        urgent=parsed.urgent,
        temporary_act=temporary_act,
    )
    audit_append(
        actor=actor,
        action="legislature.bill.submit",
        target=f"bill:{number}",
        payload={"draft": bill.draft, "violations": violations},
    )
    return bill


def bill_advance(
    *,
    actor: str | User,
    bill: Bill,
    action: Action,
    on: dt.date,
    ballots: list[BallotRow] | None = None,
    totals: Totals | None = None,
    compliant: bool | None = None,
    referred_by: str | None = None,
    referring_deputies: int | None = None,
    president_wording: bool = False,
    referendum: ReferendumCount | None = None,
    referendum_slug: str = "",
) -> BillEvent:
    """Move ``bill`` by ``action`` on ``on``. Votes are given deputy by deputy (``ballots``, resolved to the mandates
    of the Kurultai election in the elections context) or as ``totals``, and counted here against all 145 seats.

    A refused move is stored as a refused event (so nothing asked is lost) and ``TransitionRefused`` is raised.
    """
    actor = actor_authorize(actor, "legislature.bill.transition")  # docs/security.md
    with transaction.atomic():
        bill = Bill.objects.select_for_update().get(pk=bill.pk)
        state = _state(bill)
        draft = bill_from_dict(bill.draft)
        # The checks are run as of the step's date: the Constitution in force then decides.
        checked = (
            bill_violations(draft) if action in (Action.INTRODUCE, Action.STOP, Action.COURT_OPINION_REQUEST) else []
        )
        counted = _count(on, ballots, totals)
        tally = counted.tally if counted is not None else None
        move = Move(
            action,
            on,
            tally=tally,
            violations=checked,
            compliant=compliant,
            referred_by=referred_by,
            referring_deputies=referring_deputies,
            president_wording=president_wording,
            referendum=referendum,
        )
        seq = bill.events.count() + 1
        refusal_error: TransitionRefused | None = None
        try:
            new, step = advance(state, move)
        except TransitionRefused as refused:
            refusal_error = refused
            refusal = BillEvent.objects.create(
                bill=bill,
                seq=seq,
                action=action.value,
                stage_from=state.stage.value,
                stage_to=state.stage.value,
                on=on,
                actor=actor,
                article=refused.article,
                rule=refused.rule,
                note=refused.message,
                message=msg_stored(refused.text),
                refused=True,
            )
            audit_append(
                actor=actor,
                action="legislature.bill.refused",
                target=f"bill:{bill.number}",
                payload={
                    "action": action.value,
                    "rule": refused.rule,
                    "article": refused.article,
                    "event": refusal.seq,
                },
            )
        else:
            event = BillEvent.objects.create(
                bill=bill,
                seq=seq,
                action=action.value,
                stage_from=step.stage_from.value,
                stage_to=step.stage_to.value,
                on=on,
                actor=actor,
                article=step.article,
                note=step.note,
                message=msg_stored(step.text),
            )
            for name in (
                "stage",
                "last_on",
                "adopted_on",
                "presented_on",
                "referred_on",
                "review_days",
                "objected_on",
                "overridden_on",
                "signed_on",
                "president_wording",
            ):
                value = getattr(new, name)
                setattr(bill, name, value.value if isinstance(value, Stage) else value)
            if action is Action.REFERENDUM_CALL and referendum_slug:
                bill.referendum_slug = referendum_slug
            if action is Action.COURT_OPINION and compliant is not None:
                # Art. 93: the Court's opinion becomes part of the amendment as checked from now on.
                bill.draft = {
                    **bill.draft,
                    "constitutional_court_opinion": "compliant" if compliant else "non_compliant",
                }
                bill.violations = [v.as_dict() for v in bill_violations(bill_from_dict(bill.draft))]
            bill.save()
            if step.vote is not None and counted is not None:
                _vote_row(outcome=step.vote, counted=counted, subject=action.value, held_on=on, bill=bill, event=event)
            audit_append(
                actor=actor,
                action=f"legislature.bill.{action.value}",
                target=f"bill:{bill.number}",
                payload={
                    "from": step.stage_from.value,
                    "to": step.stage_to.value,
                    "on": on.isoformat(),
                    "article": step.article,
                    "vote": None
                    if tally is None
                    else {"yes": tally.yes, "no": tally.no, "abstain": tally.abstain, "present": tally.present},
                },
                records=[bill_event_record(event)],
            )
            return event
    # The refused attempt is committed above (kept for review); the caller learns why.
    assert refusal_error is not None
    raise refusal_error


REPLAY_CHECKED = (Action.INTRODUCE, Action.STOP, Action.COURT_OPINION_REQUEST)


def _replay_move(bill: Bill, event: BillEvent, opinion_given: bool) -> Move | None:
    """The move ``event`` recorded, rebuilt from what the bill's rows keep (None when they do not keep enough)."""
    action = Action(event.action)
    vote = Vote.objects.filter(event=event).first()
    tally = (
        Tally(yes=vote.yes, no=vote.no, abstain=vote.abstain, present=vote.present, total=vote.total)
        if vote is not None
        else None
    )
    draft = dict(bill.draft)
    if not opinion_given:
        draft.pop("constitutional_court_opinion", None)
    compliant: bool | None = None
    if action is Action.COURT_DECIDE and not event.refused:
        compliant = event.stage_to == Stage.SENT_TO_PRESIDENT.value
    if action is Action.COURT_OPINION and not event.refused:
        compliant = event.stage_to == Stage.REFERENDUM_PROPOSED.value
    referred_by = None
    if action is Action.COURT_REFER:
        referred_by = next((code for code in COURT_REFERRERS if f" by {code} before" in event.note), None)
        if referred_by is None:
            return None
    if action is Action.REFERENDUM_RESULT:
        return None  # the regions' figures are not kept on the event
    return Move(
        action,
        event.on,
        tally=tally,
        violations=bill_violations(bill_from_dict(draft)) if action in REPLAY_CHECKED else [],
        compliant=compliant,
        referred_by=referred_by,
        referring_deputies=tally.total if tally is not None else 145,
        president_wording=action is Action.OBJECT and "his own wording" in event.note,
    )


def bill_messages_fill(*, bill: Bill) -> int:
    """Give the steps recorded before notes were kept as messages (``BillEvent.message`` empty) their message, so that
    they are shown in the reader's language: the bill's steps are replayed through the domain from the facts the rows
    keep, and a step gets the message only when the replay reaches the same stage (or refusal, rule and article) as
    recorded; the replay stops at the first step it cannot rebuild. The recorded note (audited) is not changed.
    Returns how many steps were given their message; idempotent."""
    state = BillState(kind=bill_from_dict(bill.draft).kind, urgent=bill.urgent)
    filled = 0
    opinion_given = False
    for event in bill.events.order_by("seq"):
        move = _replay_move(bill, event, opinion_given)
        if move is None:
            break
        try:
            new, step = advance(state, move)
        except TransitionRefused as refused:
            if not (event.refused and refused.rule == event.rule and refused.article == event.article):
                break
            text = refused.text
        else:
            if event.refused or step.stage_to.value != event.stage_to or step.article != event.article:
                break
            state, text = new, step.text
            opinion_given = opinion_given or move.action is Action.COURT_OPINION
        if not event.message:
            event.message = msg_stored(text)
            event.save(update_fields=["message"])
            filled += 1
    return filled


@transaction.atomic
def peoples_council_member_add(
    *,
    actor: str | User,
    name: str,
    group: str,
    age: int,
    citizen: bool | None = None,
    term_start: dt.date,
    synthetic: bool = False,
) -> PeoplesCouncilMember:
    """Add a member; refused (``RuleError``) if the group is full, unknown, the member under age or not a citizen of
    Kazakhstan (Constitution 2026, Art. 70(2)). ``citizen`` must be given: citizenship is never assumed."""
    actor = actor_authorize(actor, "legislature.peoples_council.record")  # docs/security.md
    if citizen is None:
        raise Refused(
            coded(
                "citizenship_not_given",
                "member '{name}': citizenship not given; the People's Council is formed from citizens of the Republic "
                "of Kazakhstan (Constitution 2026, Art. 70(2))",
                name=shown(name),
            )
        )
    current: list[tuple[str, str, int] | tuple[str, str, int, bool]] = [
        (m.name, m.group, m.age) if m.citizen is None else (m.name, m.group, m.age, m.citizen)
        for m in PeoplesCouncilMember.objects.all()
    ]
    new = (name, group, age, citizen)
    problems = peoples_council_composition(members=[*current, new], as_of=term_start)
    if problems:
        first = problems[0]
        finding = first.text if first.text is not None else msg("{finding}", finding=first.message)
        raise Refused(coded(first.rule, "{cite}: {finding}", cite=cite(first.article), finding=finding))
    member = PeoplesCouncilMember.objects.create(
        name=name, group=group, age=age, citizen=citizen, term_start=term_start, synthetic=synthetic
    )
    audit_append(
        actor=actor,
        action="legislature.peoples_council.member_add",
        target=f"pc-member:{member.pk}",
        payload={"name": name, "group": group, "citizen": citizen},
    )
    return member


@transaction.atomic
def peoples_council_session_open(
    *, actor: str | User, number: int, held_on: dt.date, title: str, present: int, synthetic: bool = False
) -> PeoplesCouncilSession:
    actor = actor_authorize(actor, "legislature.peoples_council.record")  # docs/security.md
    members = PeoplesCouncilMember.objects.count()
    if present > members:
        raise Refused(
            coded(
                "session_over_members",
                "session {number}: {present} present but the Council has {members} members",
                number=number,
                present=present,
                members=members,
            )
        )
    probe = peoples_council_decision(yes=0, present=present, as_of=held_on)
    session = PeoplesCouncilSession.objects.create(
        number=number,
        held_on=held_on,
        title=title,
        present=present,
        members=probe.total,
        quorum_minimum=probe.quorum_minimum,
        synthetic=synthetic,
    )
    audit_append(
        actor=actor,
        action="legislature.peoples_council.session",
        target=f"pc-session:{number}",
        payload={"present": present, "quorum": probe.quorum_minimum},
    )
    return session


@transaction.atomic
def peoples_council_decide(
    *,
    actor: str | User,
    session: PeoplesCouncilSession,
    title: str,
    kind: str,
    yes: int,
    no: int,
    abstain: int,
    bill_number: str | None = None,
    bill_draft: Mapping[str, Any] | None = None,
) -> PeoplesCouncilDecision:
    """Take a decision (quorum two thirds; more than half of those present). An adopted legislative initiative is
    sent to the Kurultai as a bill (Constitution 2026, Arts. 60(1), 71(2))."""
    actor = actor_authorize(actor, "legislature.peoples_council.record")  # docs/security.md
    if yes + no + abstain > session.present:
        raise Refused(
            coded(
                "decision_over_present",
                "session {number}: {cast} votes but {present} present",
                number=session.number,
                cast=yes + no + abstain,
                present=session.present,
            )
        )
    outcome = peoples_council_decision(yes=yes, present=session.present, as_of=session.held_on)
    if outcome.result.value == "no_quorum":
        raise Refused(coded("quorum", "session {number}: {vote}", number=session.number, vote=vote_text(outcome)))
    decision = PeoplesCouncilDecision.objects.create(
        session=session,
        title=title,
        kind=kind,
        yes=yes,
        no=no,
        abstain=abstain,
        adopted=outcome.passed,
        majority_minimum=outcome.majority_minimum,
        article=outcome.majority_article,
        explanation=outcome.explain(),
    )
    audit_append(
        actor=actor,
        action="legislature.peoples_council.decision",
        target=f"pc-decision:{decision.pk}",
        payload={"title": title, "kind": kind, "yes": yes, "adopted": outcome.passed},
    )
    if outcome.passed and kind == PeoplesCouncilDecision.Kind.LEGISLATIVE_INITIATIVE:
        if bill_number is None or bill_draft is None:
            raise Refused(
                coded("initiative_without_bill", "a legislative initiative needs the bill it sends to the Kurultai")
            )
        draft = {**bill_draft, "initiator": "peoples_council", "date": session.held_on.isoformat()}
        bill_submit(
            actor=actor,
            number=bill_number,
            draft=draft,
            synthetic=session.synthetic,
            decision=decision,
            initiator_detail=f"People's Council, session {session.number}: {title}",
        )
    return decision


# A nomination's status as a refusal names it (the model's choices, as templates of the legislature's catalogue).
NOMINATION_STATUS = declare(
    "legislature",
    {"nominated": "Nominated", "consented": "Consent given", "refused": "Consent refused", "appointed": "Appointed"},
)


def _status(code: str) -> Msg:
    return VOICE.label(NOMINATION_STATUS[code]) if code in NOMINATION_STATUS else msg("«{code}»", code=shown(code))


@transaction.atomic
def vice_president_nominate(
    *, actor: str | User, candidate: str, on: dt.date, party_member: bool = False, synthetic: bool = False
) -> VicePresidentNomination:
    """The President nominates a Vice President (Constitution 2026, Art. 46(2)). A party member cannot hold the
    office (Art. 49(2))."""
    actor = actor_authorize(actor, "legislature.vice_president.record")  # docs/security.md
    if party_member:
        raise Refused(
            coded(
                "vice_president_party_member",
                "{candidate}: Art. 49(2): the Vice President may not be a member of a political party",
                candidate=shown(candidate),
            )
        )
    vice_president_consent(yes=0, present=0, as_of=on)  # raises if there is no such office on that date
    nomination = VicePresidentNomination.objects.create(candidate=candidate, nominated_on=on, synthetic=synthetic)
    audit_append(
        actor=actor,
        action="legislature.vice_president.nominate",
        target=f"vp:{nomination.pk}",
        payload={"candidate": candidate, "on": on.isoformat()},
    )
    return nomination


@transaction.atomic
def vice_president_consent_vote(
    *,
    actor: str | User,
    nomination: VicePresidentNomination,
    on: dt.date,
    ballots: list[BallotRow] | None = None,
    totals: Totals | None = None,
) -> Vote:
    """The Kurultai's consent vote: a majority of all deputies (Arts. 46(2), 49(1), 56(7))."""
    actor = actor_authorize(actor, "legislature.vice_president.record")  # docs/security.md
    if nomination.status != VicePresidentNomination.Status.NOMINATED:
        raise Refused(
            coded(
                "nomination_not_awaiting_consent",
                "nomination of {candidate} is {status}, not awaiting consent",
                candidate=nomination.candidate,
                status=_status(nomination.status),
            )
        )
    counted = _count(on, ballots, totals)
    if counted is None:
        raise Refused(
            coded(
                "vote_required",
                "consent vote on {candidate}: the vote (ballots or totals) is needed",
                candidate=nomination.candidate,
            )
        )
    tally = counted.tally
    outcome = vice_president_consent(yes=tally.yes, present=tally.present, total=tally.total, as_of=on)
    if outcome.result.value == "no_quorum":
        raise Refused(
            coded(
                "quorum",
                "consent vote on {candidate}: {vote}",
                candidate=nomination.candidate,
                vote=vote_text(outcome),
            )
        )
    vote = _vote_row(
        outcome=outcome, counted=counted, subject="vice_president_consent", held_on=on, nomination=nomination
    )
    nomination.status = (
        VicePresidentNomination.Status.CONSENTED if outcome.passed else VicePresidentNomination.Status.REFUSED
    )
    nomination.save(update_fields=["status"])
    audit_append(
        actor=actor,
        action="legislature.vice_president.consent",
        target=f"vp:{nomination.pk}",
        payload={"yes": tally.yes, "result": outcome.result.value, "article": outcome.majority_article},
    )
    return vote


@transaction.atomic
def vice_president_appoint(*, actor: str | User, nomination: VicePresidentNomination, on: dt.date) -> None:
    actor = actor_authorize(actor, "legislature.vice_president.record")  # docs/security.md
    if nomination.status != VicePresidentNomination.Status.CONSENTED:
        raise Refused(
            coded(
                "appointment_without_consent",
                "Art. 49(1): {candidate} cannot be appointed without the Kurultai's consent",
                candidate=nomination.candidate,
            )
        )
    nomination.status = VicePresidentNomination.Status.APPOINTED
    nomination.appointed_on = on
    nomination.save(update_fields=["status", "appointed_on"])
    audit_append(
        actor=actor,
        action="legislature.vice_president.appoint",
        target=f"vp:{nomination.pk}",
        payload={"on": on.isoformat()},
    )


@transaction.atomic
def vice_president_delegate(
    *, actor: str | User, nomination: VicePresidentNomination, on: dt.date, domain: str, description: str
) -> VicePresidentDelegation:
    """The President asks the Vice President to represent him (Art. 49(3))."""
    actor = actor_authorize(actor, "legislature.vice_president.record")  # docs/security.md
    if nomination.status != VicePresidentNomination.Status.APPOINTED:
        raise Refused(
            coded(
                "delegation_without_appointment",
                "Art. 49(3): only an appointed Vice President can be asked to represent the President; {candidate} "
                "is {status}",
                candidate=nomination.candidate,
                status=_status(nomination.status),
            )
        )
    delegation = VicePresidentDelegation.objects.create(
        vice_president=nomination, assigned_on=on, domain=domain, description=description
    )
    audit_append(
        actor=actor,
        action="legislature.vice_president.delegate",
        target=f"vp:{nomination.pk}",
        payload={"domain": domain, "on": on.isoformat()},
    )
    return delegation


def vice_president_refusals(*, since: dt.date | None = None) -> int:
    """Refusals of consent so far; after a repeated refusal the President may dissolve the Kurultai (Art. 46(2))."""
    rows = VicePresidentNomination.objects.filter(status=VicePresidentNomination.Status.REFUSED)
    if since is not None:
        rows = rows.filter(nominated_on__gte=since)
    return rows.count()


# The texts of a record a reader sees, and the permission that records them: its other languages are added under
# the same permission (issue 15: a bill's title, a People's Council decision, a delegation in kk and ru).
TRANSLATABLE: dict[type, tuple[str, tuple[str, ...]]] = {
    Bill: ("legislature.bill.submit", ("title", "summary", "initiator_detail", "temporary_act")),
    PeoplesCouncilSession: ("legislature.peoples_council.record", ("title",)),
    PeoplesCouncilDecision: ("legislature.peoples_council.record", ("title",)),
    VicePresidentDelegation: ("legislature.vice_president.record", ("domain", "description")),
}
TRANSLATION_LANGUAGES = ("kk", "ru")


@transaction.atomic
def translations_add(
    *,
    actor: str | User,
    record: Bill | PeoplesCouncilSession | PeoplesCouncilDecision | VicePresidentDelegation,
    translations: Mapping[str, Mapping[str, str]],
) -> None:
    """Add a record's texts in Kazakh and Russian: ``{"kk": {"title": …}, "ru": {…}}``. Variants already recorded
    are kept; the record's substance does not change, and the addition is audited. ``RuleError`` names a language
    or a field that cannot be translated."""
    permission, fields = TRANSLATABLE[type(record)]
    actor = actor_authorize(actor, permission)  # docs/security.md
    added: dict[str, dict[str, str]] = {}
    for language, texts in translations.items():
        if language not in TRANSLATION_LANGUAGES:
            raise RuleError(f"translation: {language!r} is not one of {', '.join(TRANSLATION_LANGUAGES)}")
        for field, text in texts.items():
            if field not in fields:
                raise RuleError(f"translation: {type(record).__name__}.{field} is not a text a reader sees")
            if not str(text).strip():
                raise RuleError(f"translation: the {language} {field} is empty")
            if field not in record.translations.get(language, {}):
                added.setdefault(language, {})[field] = str(text).strip()
    if not added:
        return
    merged = {lang: dict(record.translations.get(lang, {})) for lang in TRANSLATION_LANGUAGES}
    for language, texts in added.items():
        merged[language].update(texts)
    record.translations = {lang: texts for lang, texts in merged.items() if texts}
    record.save(update_fields=["translations"])
    audit_append(
        actor=actor,
        action="legislature.translation.add",
        target=f"{type(record).__name__.lower()}:{getattr(record, 'number', None) or record.pk}",
        payload={"translations": added},
    )
