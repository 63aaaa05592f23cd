from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation

from atazan.accounts.services import permission_allowed
from atazan.legislature import selectors, services
from atazan.legislature.domain.process import Action, TransitionRefused
from atazan.legislature.forms import ACTION_LABELS, VOTE_ACTIONS, BillForm, StepForm
from atazan.legislature.labels import label
from atazan.legislature.models import Bill, Vote
from atazan.legislature.translation import msg_render
from atazan.messages.domain import Msg
from atazan.rules.domain.bill import BillFormatError
from atazan.rules.domain.institutions import RuleError
from atazan.rules.translation import finding_render


def index(request: HttpRequest) -> HttpResponse:
    stage = request.GET.get("stage", "")[:40]
    return render(request, "legislature/index.html", {"bills": selectors.bills_list(stage=stage), "stage": stage})


def bill(request: HttpRequest, number: str) -> HttpResponse:
    try:
        item = selectors.bill_get(number=number)
    except Bill.DoesNotExist:
        raise Http404(number) from None
    votes = [(vote, selectors.vote_by_party(vote=vote)) for vote in item.votes.select_related("election")]
    can_record = permission_allowed(request.user, "legislature.bill.transition")
    next_actions = selectors.bill_next_actions(bill=item)
    chosen = next_actions[0] if next_actions else ""
    return render(
        request,
        "legislature/bill.html",
        {
            "chosen": chosen,
            "vote_step": chosen in {a.value for a in VOTE_ACTIONS},
            "refusal": None,
            "bill": item,
            "events": item.events.all(),
            "votes": votes,
            "checks": selectors.bill_checks_rendered(bill=item, language=translation.get_language() or "en"),
            "next_actions": next_actions,
            "next_steps": [label(ACTION_LABELS, action) for action in next_actions],
            "can_record": can_record,
            "form": _step_form(item) if can_record and selectors.bill_next_actions(bill=item) else None,
            "temporary_acts_open": selectors.bill_temporary_acts_open(bill=item),
            "referendum_question": selectors.bill_referendum_question(bill=item),
        },
    )


def vote(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Vote.objects.select_related("election", "bill"), pk=pk)
    return render(
        request,
        "legislature/vote.html",
        {
            "vote": item,
            "parties": selectors.vote_by_party(vote=item),
            "ballots": item.ballots.select_related("mandate"),
        },
    )


def deputies(request: HttpRequest) -> HttpResponse:
    try:
        on = dt.date.fromisoformat(request.GET.get("on", "")[:10])
    except ValueError:
        on = dt.date.today()
    return render(request, "legislature/deputies.html", selectors.deputies_overview(on=on))


def deputy(request: HttpRequest, mandate_id: int) -> HttpResponse:
    try:
        mandate = selectors.deputy_get(mandate_id=mandate_id)
    except selectors.Mandate.DoesNotExist:
        raise Http404(mandate_id) from None
    return render(
        request, "legislature/deputy.html", {"mandate": mandate, "ballots": selectors.deputy_ballots(mandate=mandate)}
    )


def peoples_council(request: HttpRequest) -> HttpResponse:
    return render(request, "legislature/peoples_council.html", selectors.peoples_council_overview())


def vice_president(request: HttpRequest) -> HttpResponse:
    on = dt.date.today()
    refusals, dissolution = 0, None
    if on >= dt.date(2026, 7, 1):
        refusals, outcome = selectors.vice_president_dissolution(on=on)
        language = translation.get_language() or "en"
        dissolution = {
            "allowed": not outcome.findings,
            "bars": [finding_render(f, language=language) for f in outcome.findings],
        }
    return render(
        request,
        "legislature/vice_president.html",
        {
            "nominations": selectors.vice_president_overview(),
            "refusals": refusals,
            "dissolution": dissolution,
            "on": on,
        },
    )


# --- Staff forms of the Kurultai's clerk (role kurultai_clerk; the services check the permission too) ---


def _staff(request: HttpRequest, action: str) -> HttpResponse | None:
    """None when the user may act; else a redirect to log in (anonymous) or 403."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not permission_allowed(request.user, action):
        raise PermissionDenied(f"{request.user.get_username()} may not {action}: it requires the role kurultai_clerk")
    return None


def _refusal(exc: Exception) -> dict[str, str]:
    """What the clerk is told: the rule's code (kept in data-code), the article and the reason in the page's
    language."""
    if isinstance(exc, TransitionRefused):
        return {"rule": exc.rule, "article": exc.article, "message": msg_render(exc.text)}
    text = getattr(exc, "text", None)
    if isinstance(text, Msg):
        return {"rule": text.code or type(exc).__name__, "article": "", "message": msg_render(text)}
    return {"rule": type(exc).__name__, "article": "", "message": str(exc)}


def bill_new(request: HttpRequest) -> HttpResponse:
    denied = _staff(request, "legislature.bill.submit")
    if denied is not None:
        return denied
    form = BillForm(request.POST or None, initial={"date": dt.date.today()})
    refusal: dict[str, str] | None = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            bill = services.bill_submit(
                actor=request.user,
                number=data["number"],
                draft=form.draft(),
                summary=data["summary"],
                initiator_detail=data["initiator_detail"],
                temporary_act=data["temporary_act"],
            )
        except (BillFormatError, RuleError) as exc:
            refusal = _refusal(exc)
        else:
            if data["introduce"] and bill.kind != "amendment":
                # A refusal is kept on the bill's timeline, with its rule and article.
                with contextlib.suppress(TransitionRefused, RuleError):
                    services.bill_advance(actor=request.user, bill=bill, action=Action.INTRODUCE, on=data["date"])
            return redirect(bill)
    status = 422 if request.method == "POST" else 200
    return render(request, "legislature/bill_new.html", {"form": form, "refusal": refusal}, status=status)


def _step_form(bill: Bill, data: Any = None, files: Any = None, action: str | None = None) -> StepForm:
    actions = selectors.bill_next_actions(bill=bill)
    initial = {"on": bill.last_on or dt.date.today(), "action": action or (actions[0] if actions else "")}
    return StepForm(data, files, actions=actions, initial=initial)


def bill_step(request: HttpRequest, number: str) -> HttpResponse:
    """GET: the step form (htmx: only the fields the chosen step needs). POST: record the step."""
    denied = _staff(request, "legislature.bill.transition")
    if denied is not None:
        return denied
    item = get_object_or_404(Bill, number=number)
    htmx = request.headers.get("HX-Request") == "true"
    refusal: dict[str, str] | None = None
    if request.method == "POST":
        form = _step_form(item, request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            action = Action(data["action"])
            try:
                services.bill_advance(
                    actor=request.user,
                    bill=item,
                    action=action,
                    on=data["on"],
                    ballots=form.ballots(),
                    totals=form.totals(),
                    compliant=None if not data.get("compliant") else data["compliant"] == "yes",
                    referred_by=data.get("referred_by") or None,
                    referring_deputies=data.get("referring_deputies"),
                    president_wording=bool(data.get("president_wording")),
                    referendum=form.referendum(),
                    referendum_slug=data.get("referendum_slug") or "",
                )
            except (TransitionRefused, RuleError) as exc:
                refusal = _refusal(exc)
            else:
                if htmx:
                    response = HttpResponse(status=200)
                    response["HX-Redirect"] = item.get_absolute_url()
                    return response
                return redirect(item)
    else:
        form = _step_form(item, action=request.GET.get("action"))
    chosen = (form.data.get("action") if form.is_bound else form.initial.get("action")) or ""
    context = {
        "bill": item,
        "form": form,
        "refusal": refusal,
        "chosen": chosen,
        "vote_step": chosen in {a.value for a in VOTE_ACTIONS},
    }
    if htmx:
        return render(request, "legislature/_step_form.html", context)
    return render(request, "legislature/bill_step.html", context, status=422 if refusal or form.errors else 200)
