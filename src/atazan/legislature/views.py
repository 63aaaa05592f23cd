from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from atazan.legislature import selectors
from atazan.legislature.models import Bill, Vote


def index(request: HttpRequest) -> HttpResponse:
    stage = request.GET.get("stage", "")[:40]
    return render(request, "legislature/index.html", {"bills": selectors.bills_list(stage=stage), "stage": stage})


def bill(request: HttpRequest, number: str) -> HttpResponse:
    try:
        item = selectors.bill_get(number=number)
    except Bill.DoesNotExist:
        raise Http404(number) from None
    votes = [(vote, selectors.vote_by_party(vote=vote)) for vote in item.votes.all()]
    return render(request, "legislature/bill.html", {
        "bill": item, "events": item.events.all(), "votes": votes, "checks": selectors.bill_checks(bill=item),
        "next_actions": selectors.bill_next_actions(bill=item)})


def vote(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Vote, pk=pk)
    return render(request, "legislature/vote.html", {
        "vote": item, "parties": selectors.vote_by_party(vote=item), "ballots": item.ballots.all()})


def peoples_council(request: HttpRequest) -> HttpResponse:
    return render(request, "legislature/peoples_council.html", selectors.peoples_council_overview())


def vice_president(request: HttpRequest) -> HttpResponse:
    return render(request, "legislature/vice_president.html", {"nominations": selectors.vice_president_overview()})
