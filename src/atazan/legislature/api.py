"""JSON API of the legislature: bills with their timeline and votes, the constitutional check, the People's Council
and the Vice President. Mounted at /api/legislature/."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import translation
from ninja import Body, Router, Schema, Status

from atazan.api_errors import ApiError, IsoDate, body_refusal, problem
from atazan.legislature import selectors
from atazan.legislature.models import Bill, Vote
from atazan.rules.articles import articles_in_force
from atazan.rules.domain.bill import BillFormatError, BillKind, CourtOpinion, GovernmentOpinion, bill_from_dict
from atazan.rules.domain.checks import bill_violations
from atazan.rules.domain.parameters import ParameterError
from atazan.rules.translation import violation_render

router = Router(tags=["legislature"])
_PROVISION_FLAGS = (
    "adds_duties",
    "worsens_position",
    "establishes_liability",
    "increases_liability",
    "mitigates_liability",
)
READER_LANGUAGES = ("kk", "ru", "en")


def _reader_language(lang: str) -> str:
    """``?lang`` when it names one of the site's languages, else the one Accept-Language chose (LocaleMiddleware)."""
    if lang in READER_LANGUAGES:
        return lang
    active = (translation.get_language() or "en")[:2]
    return active if active in READER_LANGUAGES else "en"


class ViolationOut(Schema):
    """A violation in the reader's language (``?lang=kk|ru|en`` or Accept-Language): ``message`` says it, ``quote``
    is the official sentence it rests on (Russian for English readers, ``quote_language``), ``url`` its article."""

    rule: str
    article: str
    message: str
    constitution: str = ""
    act: str | None = None
    quote: str | None = None
    quote_language: str | None = None
    quote_provision: str | None = None
    url: str | None = None


class CheckOut(Schema):
    violations: list[ViolationOut]


class BillRow(Schema):
    number: str
    title: str
    initiator: str
    kind: str
    stage: str
    synthetic: bool


class EventOut(Schema):
    seq: int
    action: str
    stage_from: str
    stage_to: str
    on: dt.date
    actor: str
    article: str
    rule: str
    note: str
    refused: bool
    vote_id: int | None


class PartyOut(Schema):
    party: str
    yes: int
    no: int
    abstain: int
    absent: int


class VoteOut(Schema):
    id: int
    subject: str
    held_on: dt.date
    total: int
    present: int
    yes: int
    no: int
    abstain: int
    result: str
    majority_minimum: int
    quorum_minimum: int
    article: str
    explanation: str
    seated: int | None
    vacant: int
    election: str | None
    by_party: list[PartyOut]


class BallotOut(Schema):
    mandate: int | None
    deputy: str
    party: str
    choice: str


class VoteDetailOut(VoteOut):
    ballots: list[BallotOut]


class SeatOut(Schema):
    mandate: int
    key: str
    name: str
    party: str


class DeputiesOut(Schema):
    on: dt.date
    election: str | None
    simulated: bool
    total: int
    seated: int
    vacant: int
    deputies: list[SeatOut]


class BillOut(BillRow):
    summary: str
    initiator_detail: str
    draft: dict[str, Any]
    checks: list[ViolationOut]
    events: list[EventOut]
    votes: list[VoteOut]


def _vote(vote: Vote) -> VoteOut:
    return VoteOut(
        id=vote.pk,
        subject=vote.subject,
        held_on=vote.held_on,
        total=vote.total,
        present=vote.present,
        yes=vote.yes,
        no=vote.no,
        abstain=vote.abstain,
        result=vote.result,
        majority_minimum=vote.majority_minimum,
        quorum_minimum=vote.quorum_minimum,
        article=vote.article,
        explanation=vote.explanation,
        seated=vote.seated,
        vacant=vote.vacant,
        election=vote.election.slug if vote.election_id else None,
        by_party=[PartyOut(**p.__dict__) for p in selectors.vote_by_party(vote=vote)],
    )


@router.get("/bills", response=list[BillRow], summary="All bills with their current stage")
def bills(request: HttpRequest, stage: str = "") -> list[BillRow]:
    return [
        BillRow(
            number=b.number, title=b.title, initiator=b.initiator, kind=b.kind, stage=b.stage, synthetic=b.synthetic
        )
        for b in selectors.bills_list(stage=stage or None)
    ]


@router.get("/bills/{number}", response=BillOut, summary="A bill: checks with their articles, timeline, votes")
def bill(request: HttpRequest, number: str, lang: str = "") -> BillOut:
    item = get_object_or_404(Bill, number=number)
    events = [
        EventOut(
            seq=e.seq,
            action=e.action,
            stage_from=e.stage_from,
            stage_to=e.stage_to,
            on=e.on,
            actor=e.actor,
            article=e.article,
            rule=e.rule,
            note=e.note,
            refused=e.refused,
            vote_id=getattr(getattr(e, "vote", None), "pk", None),
        )
        for e in item.events.all()
    ]
    return BillOut(
        number=item.number,
        title=item.title,
        initiator=item.initiator,
        kind=item.kind,
        stage=item.stage,
        synthetic=item.synthetic,
        summary=item.summary,
        initiator_detail=item.initiator_detail,
        draft=item.draft,
        checks=[ViolationOut(**v) for v in selectors.bill_checks_rendered(bill=item, language=_reader_language(lang))],
        events=events,
        votes=[_vote(v) for v in item.votes.all()],
    )


@router.get("/votes/{vote_id}", response=VoteDetailOut, summary="A vote with its count by party and by deputy")
def vote(request: HttpRequest, vote_id: int) -> VoteDetailOut:
    item = get_object_or_404(Vote.objects.select_related("election"), pk=vote_id)
    return VoteDetailOut(
        **_vote(item).dict(),
        ballots=[
            BallotOut(mandate=b.mandate_id, deputy=b.deputy, party=b.party, choice=b.choice) for b in item.ballots.all()
        ],
    )


@router.get(
    "/deputies",
    response=DeputiesOut,
    summary="Deputies holding a Kurultai mandate on a date (elections context); vacant seats of the 145",
)
def deputies(request: HttpRequest, on: IsoDate | None = None) -> DeputiesOut:
    data = selectors.deputies_overview(on=on or dt.date.today())
    election = data["election"]
    seats = [seat for _, party_seats in data["parties"] for seat in party_seats]  # type: ignore[attr-defined]
    return DeputiesOut(
        on=data["on"],
        election=getattr(election, "slug", None),  # type: ignore[arg-type]
        simulated=bool(getattr(election, "simulated", False)),
        total=data["total"],  # type: ignore[arg-type]
        seated=data["seated"],
        vacant=data["vacant"],  # type: ignore[arg-type]
        deputies=[SeatOut(**s.__dict__) for s in seats],
    )


_TEXT: dict[str, Any] = {"type": "string", "pattern": r"\S"}
_DATE: dict[str, Any] = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_FLAG: dict[str, Any] = {"type": "boolean", "default": False}
# BILL.json as rules.domain.bill reads it (docs/legislature-check.md); checked before the domain reads it.
BILL_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["initiator"],
    "properties": {
        "title": {**_TEXT, "default": "untitled bill"},
        "initiator": _TEXT,
        "kind": {"enum": [k.value for k in BillKind], "default": BillKind.ORDINARY.value},
        "date": {**_DATE, "description": "Introduced on (default: today)"},
        "introduced_in": {**_TEXT, "default": "kurultai"},
        "fiscal_effect": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"reduces_revenue": _FLAG, "increases_spending": _FLAG},
        },
        "government_opinion": {"enum": [*(o.value for o in GovernmentOpinion), None]},
        "enters_into_force": {"anyOf": [_DATE, {"type": "null"}]},
        "provisions": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["label", "applies_from"],
                "properties": {
                    "label": _TEXT,
                    "applies_from": _DATE,
                    **dict.fromkeys(sorted(_PROVISION_FLAGS), _FLAG),
                },
            },
        },
        "amends_articles": {"type": "array", "items": {**_TEXT, "description": 'An article reference, e.g. "2(7)"'}},
        "constitutional_court_opinion": {"enum": [*(o.value for o in CourtOpinion), None]},
        "urgent": _FLAG,
        "constitutional_law_matters": {"type": "array", "items": _TEXT},
    },
}


@router.post(
    "/check",
    response={200: CheckOut, 422: ApiError},
    summary="Check a bill (BILL.json, see docs/legislature-check.md) against the Constitution",
    openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": BILL_SCHEMA}}}},
)
def check(request: HttpRequest, payload: dict[str, Any] = Body(...), lang: str = "") -> Status[CheckOut | ApiError]:
    """The violations keep ``rule``, ``article`` and ``message`` (now in the reader's language) and add the quoted
    sentence. An amended article the Constitution in force does not have is refused (422 naming the field)."""
    refused = body_refusal(BILL_SCHEMA, payload, root="bill")
    if refused is not None:
        return refused
    try:
        draft = bill_from_dict(payload, default_date=dt.date.today(), articles=articles_in_force)
    except BillFormatError as exc:
        return problem(422, "legislature.bill_format", str(exc), record="bill", rule=str(exc))
    language = _reader_language(lang)
    try:
        violations = bill_violations(draft)
    except ParameterError as exc:
        # A date before the first rule the project encodes (e.g. initiative holders before 2007): no check exists.
        return problem(422, "legislature.no_rule_on_date", str(exc), field="bill.date", record="bill", rule=str(exc))
    return Status(
        200,
        CheckOut(violations=[ViolationOut(**violation_render(v, language=language)) for v in violations]),
    )


class MemberGroupOut(Schema):
    group: str
    label: str
    members: int
    seats: int


class DecisionOut(Schema):
    title: str
    kind: str
    yes: int
    no: int
    abstain: int
    adopted: bool
    article: str
    explanation: str
    bill: str | None


class SessionOut(Schema):
    number: int
    held_on: dt.date
    title: str
    present: int
    members: int
    quorum_minimum: int
    decisions: list[DecisionOut]


class PeoplesCouncilOut(Schema):
    members: int
    groups: list[MemberGroupOut]
    sessions: list[SessionOut]
    initiatives: list[BillRow]


@router.get(
    "/peoples-council",
    response=PeoplesCouncilOut,
    summary="The People's Council: groups, sessions, decisions, initiatives",
)
def peoples_council(request: HttpRequest) -> PeoplesCouncilOut:
    data = selectors.peoples_council_overview()
    sessions = [
        SessionOut(
            number=s.number,
            held_on=s.held_on,
            title=s.title,
            present=s.present,
            members=s.members,
            quorum_minimum=s.quorum_minimum,
            decisions=[
                DecisionOut(
                    title=d.title,
                    kind=d.kind,
                    yes=d.yes,
                    no=d.no,
                    abstain=d.abstain,
                    adopted=d.adopted,
                    article=d.article,
                    explanation=d.explanation,
                    bill=getattr(getattr(d, "bill", None), "number", None),
                )
                for d in s.decisions.all()
            ],
        )
        for s in data["sessions"]
    ]  # type: ignore[attr-defined]
    return PeoplesCouncilOut(
        members=data["members"],  # type: ignore[arg-type]
        groups=[
            MemberGroupOut(group=g, label=str(label), members=n, seats=size) for g, label, n, size in data["groups"]
        ],  # type: ignore[attr-defined]
        sessions=sessions,
        initiatives=[
            BillRow(
                number=b.number, title=b.title, initiator=b.initiator, kind=b.kind, stage=b.stage, synthetic=b.synthetic
            )
            for b in data["initiatives"]
        ],
    )  # type: ignore[attr-defined]


class DelegationOut(Schema):
    assigned_on: dt.date
    domain: str
    description: str


class NominationOut(Schema):
    candidate: str
    nominated_on: dt.date
    status: str
    appointed_on: dt.date | None
    synthetic: bool
    votes: list[VoteOut]
    delegations: list[DelegationOut]


@router.get(
    "/vice-president",
    response=list[NominationOut],
    summary="Vice President: nominations, consent votes, delegated representation",
)
def vice_president(request: HttpRequest) -> list[NominationOut]:
    return [
        NominationOut(
            candidate=n.candidate,
            nominated_on=n.nominated_on,
            status=n.status,
            appointed_on=n.appointed_on,
            synthetic=n.synthetic,
            votes=[_vote(v) for v in n.votes.all()],
            delegations=[
                DelegationOut(assigned_on=d.assigned_on, domain=d.domain, description=d.description)
                for d in n.delegations.all()
            ],
        )
        for n in selectors.vice_president_overview()
    ]
