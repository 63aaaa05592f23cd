"""Thin views for the comparative table and its downloads."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .comparison import ComparisonNotOffered, comparison_get, table_csv, table_docx, table_rows
from .domain.align import Relation
from .domain.stats import Comparison

RELATIONS = [r.value for r in Relation]


def _get(from_year: int, to_year: int, lang: str) -> Comparison:
    try:
        return comparison_get(from_year, to_year, lang)
    except ComparisonNotOffered as exc:
        raise Http404(str(exc)) from exc


@require_GET
def compare_table(request: HttpRequest, from_year: int, to_year: int, lang: str) -> HttpResponse:
    c = _get(from_year, to_year, lang)
    chosen = {r for r in request.GET.getlist("relation") if r in RELATIONS}
    stats = c.stats.as_json()
    counts = {r: sum(1 for e in c.entries() if e.relation.value == r) for r in RELATIONS}
    context = {
        "from_year": from_year,
        "to_year": to_year,
        "lang": lang,
        "other_lang": "kaz" if lang == "rus" else "rus",
        "rows": table_rows(c, chosen or None),
        "relations": [(r, counts[r], r in chosen) for r in RELATIONS],
        "chosen": sorted(chosen),
        "stats": stats,
        "official": stats["official_january_draft"],
    }
    return render(request, "texts/compare.html", context)


@require_GET
def compare_csv(request: HttpRequest, from_year: int, to_year: int, lang: str) -> HttpResponse:
    c = _get(from_year, to_year, lang)
    resp = HttpResponse(table_csv(c), content_type="text/csv; charset=utf-8")
    resp["Content-Disposition"] = f'attachment; filename="constitution-{from_year}-{to_year}-{lang}.csv"'
    return resp


@require_GET
def compare_docx(request: HttpRequest, from_year: int, to_year: int, lang: str) -> HttpResponse:
    c = _get(from_year, to_year, lang)
    resp = HttpResponse(
        table_docx(c), content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    resp["Content-Disposition"] = f'attachment; filename="constitution-{from_year}-{to_year}-{lang}.docx"'
    return resp
