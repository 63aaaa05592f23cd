"""Thin views: the elections list, an election's results page, the "what if" calculator, the NIST export."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from atazan.elections import selectors
from atazan.elections.domain import ElectionsError, Method, allocate
from atazan.elections.domain.allocation import AllocationInput, PartyList
from atazan.elections.domain.errors import InputFormatError
from atazan.elections.models import Election

MAX_WHATIF_SEATS = 1000


def _election(slug: str) -> Election:
    try:
        return selectors.election_get(slug=slug)
    except Election.DoesNotExist as exc:
        raise Http404(slug) from exc


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "elections/index.html", {"elections": selectors.election_list()})


@require_GET
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    election = _election(slug)
    context: dict[str, Any] = {"election": election, "methods": list(Method), "law_method": Method.HARE}
    try:
        context["view"] = selectors.election_allocation_view(election=election)
    except ElectionsError as error:
        context["error"] = error
    context["lists"] = list(election.party_lists.all())
    context["deputies"] = selectors.deputies_by_party(election=election)
    context["events"] = selectors.mandate_events(election=election)
    context["rejected"] = selectors.rejected_rows(election=election)
    context["stored"] = selectors.allocation_latest(election=election)
    return render(request, "elections/detail.html", context)


def _whatif_input(request: HttpRequest, election: Election) -> tuple[AllocationInput, Method]:
    def whole(name: str, default: int) -> int:
        raw = request.GET.get(name, "").strip().replace(" ", "")
        if raw == "":
            return default
        if not raw.lstrip("-").isdigit():
            raise InputFormatError(f"must be a whole number, got {raw!r}", record=name)
        return int(raw)

    try:
        method = Method(request.GET.get("method", Method.HARE.value))
    except ValueError as exc:
        raise InputFormatError("unknown method", record="method") from exc
    raw_threshold = request.GET.get("threshold", "").strip().replace(",", ".")
    try:
        threshold = Fraction(raw_threshold) / 100 if raw_threshold else election.threshold
    except (ValueError, ZeroDivisionError) as exc:
        raise InputFormatError(f"must be a number, got {raw_threshold!r}", record="threshold_percent") from exc
    seats = whole("seats", election.seats)
    if seats > MAX_WHATIF_SEATS:
        raise InputFormatError(f"at most {MAX_WHATIF_SEATS} seats in the calculator", record="seats")
    lists = tuple(
        PartyList(pl.party, whole(f"votes_{pl.registration_order}", pl.votes), pl.registration_order)
        for pl in election.party_lists.all()
    )
    # Changing a list's votes changes the number who took part by the same amount (other ballots stay as they were).
    other_ballots = election.took_part - sum(pl.votes for pl in election.party_lists.all())
    took_part = max(other_ballots, 0) + sum(max(pl.votes, 0) for pl in lists)
    return AllocationInput(seats=seats, took_part=took_part, lists=lists, threshold=threshold), method


@require_GET
def whatif(request: HttpRequest, slug: str) -> HttpResponse:
    election = _election(slug)
    context: dict[str, Any] = {"election": election}
    try:
        inp, method = _whatif_input(request, election)
        context["view"] = selectors.allocation_view(allocate(inp, method), selectors.election_colors(election=election))
        context["method"] = method
        official = selectors.election_allocation_view(election=election).allocation.seats
        context["changes"] = [
            (party, official.get(party, 0), seats, seats - official.get(party, 0))
            for party, seats in context["view"].allocation.seats.items()
        ]
    except ElectionsError as error:
        context["error"] = error
    template = "elections/_whatif.html" if request.headers.get("HX-Request") else "elections/whatif.html"
    return render(request, template, context)


@require_GET
def nist_export(request: HttpRequest, slug: str) -> HttpResponse:
    report = selectors.nist_report(election=_election(slug))
    response = JsonResponse(report, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{slug}-nist-1500-100.json"'
    return response
