"""Thin views: each page asks the selectors and renders; charts are SVG drawn on the server."""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from atazan.accounts.services import permission_allowed
from atazan.referendum import charts, forensics_cache, selectors, services
from atazan.referendum.domain.adoption import MAJORITY_SOURCE, UNITS_SOURCE, VALIDITY_SOURCE
from atazan.referendum.domain.electorate import ADDITIONS_NOTE
from atazan.referendum.domain.forensics import KSP_REFERENCE
from atazan.referendum.domain.messages import msg
from atazan.referendum.domain.protocol import ProtocolError, Rejection
from atazan.referendum.domain.protocol_io import ProtocolFileError, read_csv_rows, read_json
from atazan.referendum.domain.synthetic import OFFICIAL_SOURCE
from atazan.referendum.domain.units import ABROAD_SOURCE
from atazan.referendum.forms import (
    CorrectionForm,
    ProtocolForm,
    ResolveAcceptForm,
    ResolveDismissForm,
    UploadForm,
)
from atazan.referendum.models import Precinct, ProtocolReview, ProtocolVersion, Question, Unit
from atazan.referendum.translation import msg_render, source_render


def _question(slug: str) -> Question:
    try:
        return selectors.question_get(slug)
    except Question.DoesNotExist:
        raise Http404("no such referendum question") from None


def _unit_name(unit: Unit, language: str) -> str:
    return unit.name_kk if language.startswith("kk") else unit.name_ru if language.startswith("ru") else unit.name_en


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    question = selectors.question_current()
    if question is None:
        return render(request, "referendum/empty.html")
    return redirect(question)


def _summary_context(request: HttpRequest, question: Question) -> dict[str, Any]:
    language = get_language() or "en"
    result, signatures = selectors.live_for(question)
    units = selectors.units_all()
    rows = []
    for u in units:
        t = result.units.get(u.code)
        if t is None:
            continue
        rows.append(
            {
                "unit": u,
                "name": _unit_name(u, language),
                "totals": t,
                "turnout": charts.percent(t.turnout),
                "yes_share": charts.percent(t.yes_share),
                "majority": t.yes_majority,
                "url": reverse("referendum:unit", args=[question.slug, u.code]),
            }
        )
    return {
        "question": question,
        "question_text": question.text(language),
        "result": result,
        "outcome": result.outcome,
        "turnout": charts.percent(result.totals.turnout),
        "yes_share": charts.percent(result.totals.yes_share),
        "units_with_majority": len(result.outcome.units_with_majority),
        "units_total": len(result.units),
        "rows": rows,
        "open_reviews": selectors.reviews_count(question),
        "complete": result.complete,
        "precincts_registered": result.register_size,
        "protocols_in_review": result.protocols_in_review,
        "completeness": [msg_render(m) for m in result.completeness_msgs()],
        "signatures": signatures,
        "validity_source": VALIDITY_SOURCE,
        "majority_source": MAJORITY_SOURCE,
        "units_source": UNITS_SOURCE,
        "abroad_source": ABROAD_SOURCE,
        "abroad_unit": question.abroad_unit,
        "official_source": OFFICIAL_SOURCE,
    }


@require_GET
def question(request: HttpRequest, slug: str) -> HttpResponse:
    q = _question(slug)
    context = _summary_context(request, q)
    measure = "turnout" if request.GET.get("measure") == "turnout" else "yes"
    urls = {row["unit"].code: row["url"] for row in context["rows"]}
    context["measure"] = measure
    context["can_operate"] = permission_allowed(request.user, "referendum.protocol.file")
    context["tile_map"] = charts.tile_map(
        selectors.units_all(), context["result"].units, measure=measure, url_for=urls, language=get_language() or "en"
    )
    return render(request, "referendum/question.html", context)


@require_GET
def live(request: HttpRequest, slug: str) -> HttpResponse:
    """The summary fragment htmx polls while protocols arrive."""
    return render(request, "referendum/_summary.html", _summary_context(request, _question(slug)))


PRECINCTS_PER_PAGE = 50


@require_GET
def unit(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    q = _question(slug)
    try:
        u = selectors.unit_get(code)
    except Unit.DoesNotExist:
        raise Http404("no such unit") from None
    result = selectors.result_for(q)
    totals = result.units[u.code]
    districts = sorted(((d, t) for (c, d), t in result.districts.items() if c == u.code), key=lambda x: x[0])
    electorate, lists = selectors.electorate_for_unit(q, u)
    # 50 rows a page: 200 rows of ten formatted cells were most of the page's time (about 0.3 s of template work)
    page = Paginator(selectors.unit_precincts(q, u), PRECINCTS_PER_PAGE).get_page(request.GET.get("page"))
    for row in page:
        row["list"] = lists.get(row["precinct__number"])
    return render(
        request,
        "referendum/unit.html",
        {
            "question": q,
            "unit": u,
            "name": _unit_name(u, get_language() or "en"),
            "totals": totals,
            "turnout": charts.percent(totals.turnout),
            "yes_share": charts.percent(totals.yes_share),
            "districts": [
                {
                    "name": d or "—",
                    "totals": t,
                    "turnout": charts.percent(t.turnout),
                    "yes_share": charts.percent(t.yes_share),
                }
                for d, t in districts
            ],
            "page": page,
            "majority_source": MAJORITY_SOURCE,
            "is_abroad_unit": u.code == q.abroad_unit,
            "abroad_source": ABROAD_SOURCE,
            "electorate": electorate,
            "additions_note": ADDITIONS_NOTE,
            "unit_registered": selectors.register_size(unit=u),
            "result_complete": result.complete,
        },
    )


@require_GET
def precinct(request: HttpRequest, slug: str, number: str) -> HttpResponse:
    q = _question(slug)
    try:
        p = selectors.precinct_get(number)
    except Precinct.DoesNotExist:
        raise Http404("no such precinct") from None
    versions = selectors.precinct_versions(q, p)
    from atazan.audit.selectors import audit_proof_published

    return render(
        request,
        "referendum/precinct.html",
        {
            # that the current protocol is in the published audit log (offline: `atazan audit check-proof`)
            "proof": audit_proof_published(f"referendum.protocol:{q.slug}/{p.number}"),
            "model_address": MODEL_ADDRESS in p.address,
            "can_correct": permission_allowed(request.user, "referendum.protocol.correct"),
            "question": q,
            "precinct": p,
            "unit_name": _unit_name(p.unit, get_language() or "en"),
            "versions": versions,
            "current": next((v for v in versions if v.is_current), None),
        },
    )


MODEL_ADDRESS = "(model address)"
LOOKUP_LIMIT = 50


@require_GET
def stations(request: HttpRequest, slug: str) -> HttpResponse:
    """Find a polling station: by the precinct's number, by settlement (unit or district) or by address text; each
    found precinct with its register address, linked to its page (protocol, versions, signature, proof)."""
    q = _question(slug)
    query = " ".join(request.GET.get("q", "").split())[:120]
    found: list[Precinct] = []
    by_number = False
    if query:
        try:
            found = [selectors.precinct_get(query)]
            by_number = True
        except Precinct.DoesNotExist:
            found = selectors.precincts_find(query, limit=LOOKUP_LIMIT + 1)
    shown = found[:LOOKUP_LIMIT]
    for p in shown:
        p.unit_display = _unit_name(p.unit, get_language() or "en")  # type: ignore[attr-defined]
    return render(request, "referendum/stations.html", {
        "question": q, "query": query, "found": shown, "more": len(found) > LOOKUP_LIMIT, "by_number": by_number,
        "model_address": MODEL_ADDRESS,
    })  # fmt: skip


def _forensics_charts(question: Question, kept: forensics_cache.Kept, language: str) -> dict[str, Any]:
    f = kept.forensics
    # the charts' titles and axes in the reader's language (a screen reader reads an SVG's <title>)
    turnout = pgettext("referendum forensics axis", "turnout")
    yes_share = pgettext("referendum forensics axis", "yes share")
    return {
        "turnout_svg": charts.histogram_svg(f.turnout.counts, title=_("Precincts by turnout"), x_label=turnout),
        "yes_svg": charts.histogram_svg(f.yes.counts, title=_("Precincts by yes share"), x_label=yes_share),
        "heatmap_svg": charts.heatmap_svg(f.grid, title=_("Voters by turnout and yes share")),
        "heatmap_rows": charts.heatmap_rows(f.grid),
        "units": [
            {
                "name": _unit_name(u, language),
                "turnout_svg": charts.histogram_svg(
                    f.per_unit_turnout[u.code].counts,
                    title=_unit_name(u, language),
                    x_label=turnout,
                    width=300,
                    height=80,
                ),
                "yes_svg": charts.histogram_svg(
                    f.per_unit_yes[u.code].counts,
                    title=_unit_name(u, language),
                    x_label=yes_share,
                    width=300,
                    height=80,
                ),
            }
            for u in selectors.units_all()
            if u.code in f.per_unit_turnout
        ],
    }


@require_GET
def forensics(request: HttpRequest, slug: str) -> HttpResponse:
    q = _question(slug)
    # computed once per version of the protocols and shared by every process (forensics_cache), never per request
    kept = forensics_cache.forensics_kept(q, simulations=50)
    language = get_language() or "en"
    # the 40 charts drawn once per version and language, not for every reader
    key = f"referendum:forensics-charts:{q.pk}:{language}:{hashlib.sha256(kept.version.encode()).hexdigest()[:16]}"
    drawn = cache.get_or_set(key, lambda: _forensics_charts(q, kept, language), 3600)
    return render(
        request,
        "referendum/forensics.html",
        {"question": q, "f": kept.forensics, "kept": kept, "reference": KSP_REFERENCE, **drawn},
    )


@require_GET
def review(request: HttpRequest, slug: str) -> HttpResponse:
    q = _question(slug)
    return render(
        request,
        "referendum/review.html",
        {
            "question": q,
            "reviews": selectors.reviews_open(q),
            "resolved": selectors.reviews_resolved(q),
            "can_resolve": permission_allowed(request.user, "referendum.review.resolve"),
        },
    )


# --- Operator pages (role election_operator; every service checks the permission matrix again) -------------------


def _operator(request: HttpRequest, action: str) -> HttpResponse | None:
    """None when the user may act; a redirect to log in for an anonymous visitor; 403 for anyone else."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not permission_allowed(request.user, action):
        raise PermissionDenied(
            f"{request.user.get_username()} may not {action}: it requires the role election_operator"
        )
    return None


def _language() -> str:
    return get_language() or "en"


def _rules(rejections: list[Rejection]) -> list[dict[str, str]]:
    return [
        {
            "precinct": r.precinct,
            "rule": r.rule.value,
            "message": msg_render(r.msg) if r.msg is not None else r.message,
            "source": source_render(r.rule.source),
            "field": r.fields[0] if r.fields else "",
        }
        for r in rejections
    ]


def _desk(
    request: HttpRequest,
    q: Question,
    *,
    entry: ProtocolForm | None = None,
    upload: UploadForm | None = None,
    outcome: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    result = selectors.result_for(q)
    if request.headers.get("HX-Request") == "true":
        status = 200  # htmx swaps only successful responses; the refusal is in the page
    return render(
        request,
        "referendum/operator.html",
        {
            "question": q,
            "entry": entry or ProtocolForm(registry=selectors.registry_for(q), language=_language()),
            "entry_violations": _rules(entry.violations) if entry is not None else [],
            "upload": upload or UploadForm(),
            "outcome": outcome,
            "counted": result.totals.precincts,
            "registered_precincts": result.register_size,
            "complete": result.complete,
            "took_part": result.totals.took_part,
            "yes": result.totals.yes,
            "open_reviews": selectors.reviews_count(q),
        },
        status=status,
    )


@require_GET
def operator(request: HttpRequest, slug: str) -> HttpResponse:
    denied = _operator(request, "referendum.protocol.file")
    if denied is not None:
        return denied
    return _desk(request, _question(slug))


def _outcome(kind: str, report: services.ImportReport, name: str) -> dict[str, Any]:
    return {
        "kind": kind,
        "name": name,
        "accepted": report.accepted,
        "unchanged": report.unchanged,
        "duplicates": report.duplicates,
        "conflicts": report.conflicts,
        "rejected": _rules(report.rejected),
    }


@require_http_methods(["POST"])
def protocol_enter(request: HttpRequest, slug: str) -> HttpResponse:
    """A protocol typed in from the paper form. It is checked before it is filed: a form that breaks a control
    relation is shown again with the rules, and nothing is stored."""
    denied = _operator(request, "referendum.protocol.file")
    if denied is not None:
        return denied
    q = _question(slug)
    form = ProtocolForm(request.POST, registry=selectors.registry_for(q), language=_language())
    if not form.is_valid():
        return _desk(request, q, entry=form, status=422)
    protocol = form.protocol()
    report = services.protocol_accept(question=q, protocol=protocol, actor=request.user, source="form")
    return _desk(request, q, outcome=_outcome("entry", report, protocol.precinct))


MAX_UPLOAD = 20 * 1024 * 1024


@require_http_methods(["POST"])
def protocol_upload(request: HttpRequest, slug: str) -> HttpResponse:
    """A file of protocols (CSV with the `atazan referendum tally` header, or JSON). Rows that break a rule go to
    the review queue with the rule; the page lists them."""
    denied = _operator(request, "referendum.protocols.import")
    if denied is not None:
        return denied
    q = _question(slug)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _desk(request, q, upload=form, status=422)
    upload = form.cleaned_data["file"]
    name = str(upload.name)[:120]
    registry = selectors.registry_for(q)
    try:
        if upload.size > MAX_UPLOAD:
            raise ProtocolFileError(msg("file_too_large", limit=MAX_UPLOAD // (1024 * 1024)))
        text = upload.read().decode("utf-8")
        parsed = (
            read_json(text, registry=registry)
            if name.lower().endswith(".json")
            else read_csv_rows(text.splitlines(True), registry=registry)
        )
    except UnicodeDecodeError:
        form.add_error("file", f"{name}: {_('not UTF-8 text; save the file as UTF-8')}")
        return _desk(request, q, upload=form, status=422)
    except ProtocolFileError as exc:
        form.add_error("file", f"{name}: {msg_render(exc.msg) if exc.msg is not None else exc}")
        return _desk(request, q, upload=form, status=422)
    report = services.protocols_import(question=q, parsed=parsed, source=f"upload:{name}", actor=request.user)
    return _desk(request, q, outcome=_outcome("upload", report, name))


def _precinct(number: str) -> Precinct:
    try:
        return selectors.precinct_get(number)
    except Precinct.DoesNotExist:
        raise Http404("no such precinct") from None


@require_http_methods(["GET", "POST"])
def protocol_correct(request: HttpRequest, slug: str, number: str) -> HttpResponse:
    """File a correction after a recount: a new version with its reason; the earlier versions stay."""
    denied = _operator(request, "referendum.protocol.correct")
    if denied is not None:
        return denied
    q = _question(slug)
    p = _precinct(number)
    current = selectors.current_version(q, p)
    if current is None:
        raise Http404("this precinct has no accepted protocol to correct")
    registry = selectors.registry_for(q)
    record = current.to_domain(
        unit=p.unit.code, district=p.district.name if p.district else "", abroad=p.abroad, number=p.number
    ).as_dict()
    initial = ProtocolForm.initial_from(record, registry)
    form = CorrectionForm(request.POST or None, initial=initial, registry=registry, language=_language())
    version = None
    if request.method == "POST" and form.is_valid():
        try:
            version = services.protocol_correct(
                question=q, protocol=form.protocol(), reason=form.cleaned_data["reason"], author=request.user
            )
        except ProtocolError as exc:  # the register's rules (exceeds_register …): kept for review, shown here
            form.violations = [exc.rejection]
    if version is not None:
        if version.pk == current.pk:
            messages.info(request, _("The figures are those of the current version; nothing was filed."))
        else:
            messages.success(request, _("Correction filed as version %(version)s.") % {"version": version.version})
        return redirect("referendum:precinct", slug=q.slug, number=p.number)
    return render(
        request,
        "referendum/correct.html",
        {
            "question": q,
            "precinct": p,
            "current": current,
            "form": form,
            "violations": _rules(form.violations),
        },
        status=422 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def review_item(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One protocol under review: accept a corrected protocol or dismiss it, with a reason."""
    denied = _operator(request, "referendum.review.resolve")
    if denied is not None:
        return denied
    q = _question(slug)
    item = get_object_or_404(ProtocolReview, question=q, pk=pk)
    registry = selectors.registry_for(q)
    initial = ProtocolForm.initial_from(item.record or {}, registry)
    if item.precinct_number and not initial.get("precinct"):
        initial["precinct"] = item.precinct_number
    action = request.POST.get("action") if request.method == "POST" else None
    accept = ResolveAcceptForm(
        request.POST if action == "accept" else None,
        initial=initial,
        registry=registry,
        language=_language(),
        # a protocol refused for its number may be accepted under the registered number it was meant for
        fixed_precinct="" if item.rule in ("unregistered_precinct", "precinct_number") else item.precinct_number,
    )
    dismiss = ResolveDismissForm(request.POST if action == "dismiss" else None)
    refusal = ""
    if item.status == ProtocolReview.Status.OPEN and action in ("accept", "dismiss"):
        form = accept if action == "accept" else dismiss
        if form.is_valid():
            try:
                services.review_resolve(
                    review=item,
                    actor=request.user,
                    note=form.cleaned_data["note"],
                    accept=accept.protocol() if action == "accept" else None,
                )
            except (ProtocolError, services.ReviewRefused) as exc:
                refusal = str(exc)
            else:
                if action == "accept":
                    messages.success(
                        request,
                        _("Precinct %(precinct)s: the corrected protocol is accepted and counted.")
                        % {"precinct": accept.protocol().precinct},
                    )
                else:
                    messages.success(request, _("The review item is dismissed."))
                return redirect("referendum:review", slug=q.slug)
    current = None
    if item.precinct_number:
        current = ProtocolVersion.objects.filter(
            question=q, precinct__number=item.precinct_number, is_current=True
        ).first()
    return render(
        request,
        "referendum/review_item.html",
        {
            "question": q,
            "item": item,
            "rule_source": _rule_source(item.rule),
            "siblings": [
                r
                for r in ProtocolReview.objects.filter(
                    question=q, precinct_number=item.precinct_number, source=item.source, status=item.status
                ).exclude(pk=item.pk)
                if r.record == item.record
            ],
            "record": item.record or {},
            "current": current,
            "accept": accept,
            "accept_violations": _rules(accept.violations),
            "dismiss": dismiss,
            "refusal": refusal,
        },
        status=422 if action and (refusal or not (accept if action == "accept" else dismiss).is_valid()) else 200,
    )


def _rule_source(rule: str) -> str:
    from atazan.referendum.domain.protocol import ProtocolRule

    try:
        return source_render(ProtocolRule(rule).source)
    except ValueError:
        return ""
