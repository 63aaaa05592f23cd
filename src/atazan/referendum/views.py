"""Thin views: each page asks the selectors and renders; charts are SVG drawn on the server."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from atazan.referendum import charts, selectors
from atazan.referendum.domain.adoption import MAJORITY_SOURCE, UNITS_SOURCE, VALIDITY_SOURCE
from atazan.referendum.domain.forensics import KSP_REFERENCE
from atazan.referendum.domain.synthetic import OFFICIAL_SOURCE
from atazan.referendum.domain.units import ABROAD_SOURCE
from atazan.referendum.models import Precinct, Question, Unit


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
    result = selectors.result_for(question)
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
        "signatures": selectors.signature_counts(question),
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
    context["tile_map"] = charts.tile_map(
        selectors.units_all(), context["result"].units, measure=measure, url_for=urls, language=get_language() or "en"
    )
    return render(request, "referendum/question.html", context)


@require_GET
def live(request: HttpRequest, slug: str) -> HttpResponse:
    """The summary fragment htmx polls while protocols arrive."""
    return render(request, "referendum/_summary.html", _summary_context(request, _question(slug)))


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
    page = Paginator(selectors.unit_precincts(q, u), 200).get_page(request.GET.get("page"))
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
    return render(
        request,
        "referendum/precinct.html",
        {
            "question": q,
            "precinct": p,
            "unit_name": _unit_name(p.unit, get_language() or "en"),
            "versions": versions,
            "current": next((v for v in versions if v.is_current), None),
        },
    )


@require_GET
def forensics(request: HttpRequest, slug: str) -> HttpResponse:
    q = _question(slug)
    f = selectors.forensics_for(q, simulations=50)
    return render(
        request,
        "referendum/forensics.html",
        {
            "question": q,
            "f": f,
            "turnout_svg": charts.histogram_svg(f.turnout.counts, title="Precincts by turnout", x_label="turnout"),
            "yes_svg": charts.histogram_svg(f.yes.counts, title="Precincts by yes share", x_label="yes share"),
            "heatmap_svg": charts.heatmap_svg(f.grid, title="Voters by turnout and yes share"),
            "reference": KSP_REFERENCE,
            "units": [
                {
                    "name": _unit_name(u, get_language() or "en"),
                    "turnout_svg": charts.histogram_svg(
                        f.per_unit_turnout[u.code].counts, title=u.name_en, x_label="turnout", width=300, height=80
                    ),
                    "yes_svg": charts.histogram_svg(
                        f.per_unit_yes[u.code].counts, title=u.name_en, x_label="yes share", width=300, height=80
                    ),
                }
                for u in selectors.units_all()
                if u.code in f.per_unit_turnout
            ],
        },
    )


@require_GET
def review(request: HttpRequest, slug: str) -> HttpResponse:
    q = _question(slug)
    return render(request, "referendum/review.html", {"question": q, "reviews": selectors.reviews_open(q)})
