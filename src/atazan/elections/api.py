"""Elections API under /api/elections/: results, seats with every step, deputies, mandate events, NIST export,
and a "what if" allocation with the same input and output as `atazan elections allocate --json`."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Body, Field, Router, Schema, Status
from ninja.decorators import decorate_view

from atazan.api_errors import ApiError, problem
from atazan.elections import selectors
from atazan.elections.domain import ElectionsError, Method, allocate, allocation_input_from_mapping, allocation_steps
from atazan.elections.domain.bounds import MAX_LIST_PLACE, MAX_SEATS, MAX_VOTERS
from atazan.elections.models import Election
from atazan.elections.translation import error_render
from atazan.web.http_cache import shared_cache

router = Router(tags=["elections"])


class ElectionOut(Schema):
    slug: str
    title: str
    kind: str
    election_day: str
    seats: int
    took_part: int
    threshold_percent: str
    simulated: bool
    source: str


class ListOut(Schema):
    party: str
    registration_order: int
    votes: int
    admission: str
    quotient: str | None
    whole: int
    extra: int
    seats: int


class StepOut(Schema):
    kind: str
    ref: str
    text: str


class ResultsOut(Schema):
    election: ElectionOut
    complete: bool
    kept_for_review: int
    method: str
    is_law: bool
    quota: str | None
    seats: dict[str, int]
    admitted: list[str]
    lists: list[ListOut]
    steps: list[StepOut]


class AllocationOut(Schema):
    seats: dict[str, int]
    quota: str | None
    admitted: list[str]
    steps: list[StepOut]


class DeputyOut(Schema):
    party: str
    key: str
    full_name: str
    started: str


class MandateEventOut(Schema):
    day: str
    kind: str
    party: str
    ground: str
    ref: str
    note: str


def _election_out(e: Election) -> dict[str, Any]:
    return {
        "slug": e.slug, "title": e.title, "kind": e.kind, "election_day": e.election_day.isoformat(),
        "seats": e.seats, "took_part": e.took_part, "threshold_percent": str(e.threshold_percent),
        "simulated": e.simulated, "source": e.source,
    }  # fmt: skip


def _refusal(error: ElectionsError) -> Status[ApiError]:
    # Input the law cannot allocate: 400 naming the record and the rule, in the reader's language.
    # `detail` is in the reader's language; `record` and `rule` stay as the domain names them (stable, English).
    rendered = error_render(error)
    detail = f"{rendered.record}: {rendered.message} ({rendered.rule})"
    return problem(400, f"elections.{error.code}", detail, record=error.record, rule=error.rule)


@router.get("/", response=list[ElectionOut], summary="Elections")
def elections(request: HttpRequest) -> list[dict[str, Any]]:
    return [_election_out(e) for e in selectors.election_list()]


class AllocationListIn(Schema):
    party: str = Field(..., min_length=1, pattern=r"\S", description="The party's name")
    votes: int = Field(..., ge=0, le=MAX_VOTERS)
    registration_order: int = Field(None, le=MAX_LIST_PLACE, description="Defaults to the list's position")


class AllocationIn(Schema):
    """The what-if body as documented; the elections domain reads and checks it (400 naming record and rule)."""

    seats: int = Field(..., ge=1, le=MAX_SEATS, description="Seats to allocate (Art. 53(1))")
    took_part: int = Field(..., ge=1, le=MAX_VOTERS, description="Voters who took part: the threshold base")
    threshold_percent: int | float | str = Field(5, description='Per cent, e.g. 5 or "7.5" (Art. 97-1(1))')
    lists: list[AllocationListIn] = Field(..., min_length=1)


def _allocation_body() -> dict[str, Any]:
    # The body is read by the domain (exact figures, its own messages): the schema is declared, not parsed by ninja.
    schema = AllocationIn.model_json_schema()
    schema.pop("$defs", None)
    item = AllocationListIn.model_json_schema()
    item["properties"]["registration_order"].pop("default", None)
    schema["properties"]["lists"]["items"] = item
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


@router.post(
    "/allocate",
    response={200: AllocationOut, 400: ApiError},
    summary="What-if seat allocation",
    openapi_extra=_allocation_body(),
)
def allocate_whatif(request: HttpRequest, payload: dict[str, Any] = Body(...), method: Method = Method.HARE) -> Any:
    """Body as `atazan elections allocate` reads it; `method=hare` is the law (Art. 97-1), the others are not.

    Input the law cannot allocate (negative votes, duplicate parties, no list over the threshold…) gets 400 with
    the record and the rule; a body of the wrong shape gets 422 with the validation details."""
    try:
        result = allocate(allocation_input_from_mapping(payload), method)
    except ElectionsError as error:
        return _refusal(error)
    return {
        "seats": result.seats,
        "quota": str(result.quota) if result.quota is not None else None,
        "admitted": list(result.admitted),
        "steps": [s.as_dict() for s in allocation_steps(result)],
    }


@decorate_view(shared_cache("elections"))
@router.get("/{slug}", response={200: ResultsOut, 400: ApiError}, summary="Results and seats of an election")
def results(request: HttpRequest, slug: str, method: Method = Method.HARE) -> Any:
    election = get_object_or_404(Election, slug=slug)
    try:
        view = selectors.election_allocation_view(election=election, method=method)
    except ElectionsError as error:
        return _refusal(error)
    a = view.allocation
    pending = selectors.review_pending(election=election)
    return {
        "election": _election_out(election),
        # false while refused rows wait for review: the seats are provisional (fail closed, never "final" on part)
        "complete": pending == 0,
        "kept_for_review": pending,
        "method": method.value,
        "is_law": method.is_law,
        "quota": str(a.quota) if a.quota is not None else None,
        "seats": a.seats,
        "admitted": list(a.admitted),
        "lists": [
            {
                "party": o.party,
                "registration_order": o.registration_order,
                "votes": o.votes,
                "admission": o.admission.value,
                "quotient": str(o.quotient) if o.quotient is not None else None,
                "whole": o.whole,
                "extra": o.extra,
                "seats": o.seats,
            }  # fmt: skip
            for o in a.outcomes
        ],
        "steps": [s.as_dict() for s in allocation_steps(a)],  # English, as the CLI prints them
    }


@decorate_view(shared_cache("elections"))
@router.get("/{slug}/deputies", response=list[DeputyOut], summary="Deputies holding a mandate")
def deputies(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    election = get_object_or_404(Election, slug=slug)
    return [
        {
            "party": plist.party,
            "key": m.candidate.key,
            "full_name": m.candidate.full_name,
            "started": m.started.isoformat(),
        }  # fmt: skip
        for plist, mandates in selectors.deputies_by_party(election=election)
        for m in mandates
    ]


@decorate_view(shared_cache("elections"))
@router.get("/{slug}/events", response=list[MandateEventOut], summary="Mandate events over time")
def events(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    election = get_object_or_404(Election, slug=slug)
    return [
        {
            "day": ev.day.isoformat(),
            "kind": ev.kind,
            "party": ev.party_list.party,
            "ground": ev.ground,
            "ref": ev.ref,
            "note": ev.note,
        }  # fmt: skip
        for ev in selectors.mandate_events(election=election)
    ]


@decorate_view(shared_cache("elections"))
@router.get("/{slug}/nist", summary="Results as NIST SP 1500-100 v2 JSON")
def nist(request: HttpRequest, slug: str) -> dict[str, Any]:
    return selectors.nist_report(election=get_object_or_404(Election, slug=slug))
