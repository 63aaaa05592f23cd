"""Thin views: the elections list, an election's results page, the "what if" calculator, the NIST export, results by
region, a party's list, and the operator's pages (imports, seat allocation, mandates)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from atazan.accounts.services import permission_allowed, permission_require
from atazan.elections import selectors, services
from atazan.elections.domain import ElectionsError, Method, allocate
from atazan.elections.domain.allocation import AllocationInput, PartyList
from atazan.elections.domain.bounds import allocation_input_bounds_check
from atazan.elections.domain.errors import InputFormatError
from atazan.elections.domain.mandates import EndGround
from atazan.elections.models import Election
from atazan.elections.models import PartyList as PartyListModel
from atazan.elections.translation import error_render, ground_label, ground_ref, method_label


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
    context: dict[str, Any] = {
        "election": election,
        "methods": [(m.value, method_label(m)) for m in Method],
        "law_method": Method.HARE,
        "timeline": selectors.mandate_timeline(election=election),
    }
    try:
        context["view"] = selectors.election_allocation_view(election=election)
    except ElectionsError as error:
        context["error"] = error_render(error)
    context["lists"] = list(election.party_lists.all())
    context["deputies"] = selectors.deputies_by_party(election=election)
    context["events"] = selectors.mandate_events(election=election)
    context["rejected"] = selectors.rejected_rows(election=election)
    context["pending_review"] = selectors.review_pending(election=election)
    context["stored"] = selectors.allocation_latest(election=election)
    context["can_operate"] = permission_allowed(request.user, "elections.results.import")
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
    lists = tuple(
        PartyList(pl.party, whole(f"votes_{pl.registration_order}", pl.votes), pl.registration_order)
        for pl in election.party_lists.all()
    )
    # Changing a list's votes changes the number who took part by the same amount (other ballots stay as they were).
    other_ballots = election.took_part - sum(pl.votes for pl in election.party_lists.all())
    took_part = max(other_ballots, 0) + sum(max(pl.votes, 0) for pl in lists)
    inp = AllocationInput(seats=seats, took_part=took_part, lists=lists, threshold=threshold)
    allocation_input_bounds_check(inp)  # the country's bounds, as the CLI and the API keep them
    return inp, method


@require_GET
def whatif(request: HttpRequest, slug: str) -> HttpResponse:
    election = _election(slug)
    context: dict[str, Any] = {"election": election}
    try:
        inp, method = _whatif_input(request, election)
        context["view"] = selectors.allocation_view(allocate(inp, method), selectors.election_colors(election=election))
        context["method"] = method
        context["method_label"] = method_label(method)
        official = selectors.election_allocation_view(election=election).allocation.seats
        context["changes"] = [
            (party, official.get(party, 0), seats, seats - official.get(party, 0))
            for party, seats in context["view"].allocation.seats.items()
        ]
    except ElectionsError as error:
        context["error"] = error_render(error)
    template = "elections/_whatif.html" if request.headers.get("HX-Request") else "elections/whatif.html"
    return render(request, template, context)


@require_GET
def nist_export(request: HttpRequest, slug: str) -> HttpResponse:
    report = selectors.nist_report(election=_election(slug))
    response = JsonResponse(report, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{slug}-nist-1500-100.json"'
    return response


@require_GET
def nist_export_xml(request: HttpRequest, slug: str) -> HttpResponse:
    from atazan.standards.nist_xml import report_xml

    body = report_xml(selectors.nist_report(election=_election(slug)))
    response = HttpResponse(body, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}-nist-1500-100.xml"'
    return response


# ---------------------------------------------------------------------------------------------------------------------
# public pages: results by region, a party's list


@require_GET
def regions(request: HttpRequest, slug: str) -> HttpResponse:
    """The 20 units on a tile map, coloured by the leading list or by one list's share (``?party=<reg. no.>``)."""
    election = _election(slug)
    party = None
    raw = request.GET.get("party", "").strip()
    if raw.isdigit():
        party = election.party_lists.filter(registration_order=int(raw)).first()
    context = {
        "election": election,
        "map": selectors.region_map(election=election, party=party),
        "lists": list(election.party_lists.all()),
    }
    template = "elections/_region_map.html" if request.headers.get("HX-Request") else "elections/regions.html"
    return render(request, template, context)


@require_GET
def party(request: HttpRequest, slug: str, order: int) -> HttpResponse:
    election = _election(slug)
    try:
        plist = selectors.party_list_get(election=election, registration_order=order)
    except PartyListModel.DoesNotExist as exc:
        raise Http404(f"{slug} list {order}") from exc
    page = selectors.party_page(election=election, party_list=plist)
    return render(request, "elections/party.html", {"election": election, "page": page})


# ---------------------------------------------------------------------------------------------------------------------
# operator pages (role election_operator; the services check the permission matrix again)

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def _staff(request: HttpRequest, action: str) -> HttpResponse | None:
    """None when the user may act; else a redirect to log in (anonymous visitor) or 403 naming the role needed."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    permission_require(request.user, action)  # raises PermissionRefused (403)
    return None


def _operator_context(election: Election) -> dict[str, Any]:
    sitting = (
        election.mandates.filter(ended__isnull=True)
        .select_related("candidate", "party_list")
        .order_by("party_list__registration_order", "candidate__position")
    )
    by_party: dict[str, list[Any]] = {}
    for m in sitting:
        by_party.setdefault(m.party_list.party, []).append(m)
    return {
        "election": election,
        "sitting": list(by_party.items()),
        "grounds": [(g.value, ground_label(g), ground_ref(g)) for g in EndGround],
        "rejected": selectors.rejected_rows(election=election),
        "stored": selectors.allocation_latest(election=election),
        "has_mandates": election.mandates.exists(),
        "today": dt.date.today(),
    }


def _operator_render(
    request: HttpRequest, election: Election, result: dict[str, Any], status: int = 200
) -> HttpResponse:
    """The whole operator page with the action's outcome on top. htmx swaps in the page's #operator part (so the
    lists of deputies are fresh) and needs a 200 to swap; a plain form post gets 422 for a refusal."""
    if request.headers.get("HX-Request"):
        status = 200
    context = {**_operator_context(election), **result}
    return render(request, "elections/operator.html", context, status=status)


@require_GET
def operator(request: HttpRequest, slug: str) -> HttpResponse:
    denied = _staff(request, "elections.results.import")
    if denied is not None:
        return denied
    election = _election(slug)
    return render(request, "elections/operator.html", _operator_context(election))


def _decode_upload(upload: Any) -> tuple[str, str]:
    """(text, format) of an uploaded file; InputFormatError naming the file when it cannot be read."""
    name = str(upload.name or "upload")
    if upload.size > MAX_UPLOAD_BYTES:
        raise InputFormatError(f"the file is {upload.size} bytes; at most {MAX_UPLOAD_BYTES} are accepted", record=name)
    data = upload.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFormatError(f"the file is not UTF-8 ({exc.reason} at byte {exc.start})", record=name) from exc
    if not text.strip():
        raise InputFormatError("the file is empty", record=name)
    is_json = name.lower().endswith(".json") or text.lstrip()[:1] in ("[", "{")
    return text, "json" if is_json else "csv"


IMPORTS = {
    "lists": services.lists_register,
    "results": services.results_import,
    "candidates": services.candidates_import,
}


@require_POST
def operator_import(request: HttpRequest, slug: str) -> HttpResponse:
    """Upload the register of party lists, results (national or by region) or candidates as CSV or JSON; bad rows
    are kept for review, and results never create a list."""
    denied = _staff(request, "elections.results.import")
    if denied is not None:
        return denied
    election = _election(slug)
    kind = request.POST.get("kind", "results")
    upload = request.FILES.get("file")
    result: dict[str, Any] = {"action": "import", "import_kind": kind}
    try:
        if kind not in IMPORTS:
            raise InputFormatError("choose the register of lists, results or candidates", record="kind")
        if upload is None:
            raise InputFormatError("choose a CSV or JSON file", record="file")
        text, fmt = _decode_upload(upload)
        try:
            rows = services.rows_from_text(text, fmt=fmt, kind=kind)
        except InputFormatError as exc:
            raise InputFormatError(exc.message, record=str(upload.name), rule=exc.rule) from exc
        result["report"] = IMPORTS[kind](election=election, rows=rows, source=str(upload.name), actor=request.user)
        result["source"] = upload.name
    except ElectionsError as error:
        result["error"] = error_render(error)
        return _operator_render(request, election, result, status=422)
    return _operator_render(request, election, result)


@require_POST
def operator_review(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Close the review of a refused row with a note saying what was done (audited); the election's results are
    complete again when no refused register or results row waits."""
    denied = _staff(request, "elections.results.import")
    if denied is not None:
        return denied
    election = _election(slug)
    row = selectors.rejected_rows(election=election).filter(pk=pk).first()
    if row is None:
        raise Http404(f"{slug}: no refused row {pk} waiting for review")
    result: dict[str, Any] = {"action": "review"}
    try:
        result["reviewed"] = services.rejected_row_review(
            row=row, actor=request.user, note=request.POST.get("note", "")
        )
    except ElectionsError as error:
        result["error"] = error_render(error)
        return _operator_render(request, election, result, status=422)
    return _operator_render(request, election, result)


@require_POST
def operator_allocate(request: HttpRequest, slug: str) -> HttpResponse:
    denied = _staff(request, "elections.seats.allocate")
    if denied is not None:
        return denied
    election = _election(slug)
    result: dict[str, Any] = {"action": "allocate"}
    try:
        row = services.seats_allocate(election=election, actor=request.user)
    except ElectionsError as error:
        result["error"] = error_render(error)
        return _operator_render(request, election, result, status=422)
    result["allocation"] = row
    result["allocation_seats"] = [(p, n) for p, n in row.seats.items() if n]
    return _operator_render(request, election, result)


@require_POST
def operator_assign(request: HttpRequest, slug: str) -> HttpResponse:
    denied = _staff(request, "elections.mandate.assign")
    if denied is not None:
        return denied
    election = _election(slug)
    result: dict[str, Any] = {"action": "assign"}
    try:
        on_day = _day(request.POST.get("on", ""), record="on")
        result["assigned"] = services.mandates_assign(election=election, actor=request.user, on_day=on_day)
    except ElectionsError as error:
        result["error"] = error_render(error)
        return _operator_render(request, election, result, status=422)
    return _operator_render(request, election, result)


def _day(raw: str, *, record: str) -> dt.date:
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError as exc:
        raise InputFormatError(f"a date as YYYY-MM-DD, got {raw!r}", record=record) from exc


@require_POST
def operator_terminate(request: HttpRequest, slug: str) -> HttpResponse:
    """Record the end of a mandate on a ground of Constitution 2026, Art. 55(4) and fill (or not) the vacancy."""
    denied = _staff(request, "elections.mandate.vacate")
    if denied is not None:
        return denied
    election = _election(slug)
    result: dict[str, Any] = {"action": "terminate"}
    try:
        raw_pk = request.POST.get("mandate", "")
        mandate = election.mandates.select_related("candidate", "party_list").filter(
            pk=int(raw_pk) if raw_pk.isdigit() else -1
        ).first()  # fmt: skip
        if mandate is None:
            raise InputFormatError("choose a deputy holding a mandate in this election", record="mandate")
        try:
            ground = EndGround(request.POST.get("ground", ""))
        except ValueError as exc:
            raise InputFormatError("choose a ground of Constitution 2026, Art. 55(4)", record="ground") from exc
        on_day = _day(request.POST.get("on", ""), record="on")
        nominee = request.POST.get("nominee", "").strip() or None
        successor = services.mandate_terminate(
            mandate=mandate, ground=ground, on_day=on_day, actor=request.user, nominee=nominee
        )
    except ElectionsError as error:
        result["error"] = error_render(error)
        return _operator_render(request, election, result, status=422)
    mandate.refresh_from_db()
    result.update(
        {
            "ended": mandate,
            "ground_label": ground_label(ground),
            "ground_ref": ground_ref(ground),
            "successor": successor,
            "vacancy": election.mandate_events.filter(kind="vacant", party_list=mandate.party_list, day=on_day).last(),
        }
    )
    return _operator_render(request, election, result)
