"""Thin views for the comparative table and its downloads."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from atazan.messages.render import render as msg_render

from .comparison import (
    REPEALED,
    ComparisonNotOffered,
    comparison_get,
    rows_get,
    table_csv_lines,
    table_docx,
    table_sections,
)
from .domain.align import Relation
from .domain.stats import OFFICIAL_DESCRIBED, Comparison

RELATIONS = [r.value for r in Relation]


def _get(from_year: int, to_year: int, lang: str) -> Comparison:
    try:
        return comparison_get(from_year, to_year, lang)
    except ComparisonNotOffered as exc:
        raise Http404(str(exc)) from exc


@require_GET
def compare_table(request: HttpRequest, from_year: int, to_year: int, lang: str) -> HttpResponse:
    """One section of the 2026 Constitution at a time (?section=II; the repealed 1995 articles at
    ?section=repealed), with every section's link and count; the whole table is the CSV and DOCX downloads."""
    c = _get(from_year, to_year, lang)
    chosen = {r for r in request.GET.getlist("relation") if r in RELATIONS}
    stats = c.stats.as_json()
    counts = {r: sum(1 for e in c.entries() if e.relation.value == r) for r in RELATIONS}
    groups = [
        (s, [r for r in s.rows if not chosen or r["relation"] in chosen])
        for s in table_sections(from_year, to_year, lang)
    ]
    wanted = request.GET.get("section", "")
    keys = [s.key for s, _ in groups]
    if wanted and wanted not in keys:
        raise Http404(f"no section {wanted!r} in the comparative table")
    # without a section asked for: the first one holding a row of the chosen relations
    current = wanted or next((s.key for s, rows in groups if rows), keys[0])
    at = keys.index(current)
    query = urlencode([("relation", r) for r in sorted(chosen)])
    context = {
        "from_year": from_year,
        "to_year": to_year,
        "lang": lang,
        "other_lang": "kaz" if lang == "rus" else "rus",
        "rows": groups[at][1],
        "section": groups[at][0],
        "sections": [{"key": s.key, "heading": s.heading, "count": len(rows)} for s, rows in groups],
        "previous": groups[at - 1][0] if at > 0 else None,
        "next": groups[at + 1][0] if at + 1 < len(groups) else None,
        "repealed": REPEALED,
        "total": sum(len(rows) for _, rows in groups),
        "query": query,
        "relations": [(r, counts[r], r in chosen) for r in RELATIONS],
        "chosen": sorted(chosen),
        "stats": stats,
        "official": stats["official_january_draft"],
        "why_figures_differ": msg_render(c.stats.why_figures_differ_msg()),
        "official_described": msg_render(OFFICIAL_DESCRIBED),
    }
    return render(request, "texts/compare.html", context)


@require_GET
def compare_csv(request: HttpRequest, from_year: int, to_year: int, lang: str) -> StreamingHttpResponse:
    """The whole comparative table, every row, streamed."""
    _get(from_year, to_year, lang)
    resp = StreamingHttpResponse(
        table_csv_lines(rows_get(from_year, to_year, lang)), content_type="text/csv; charset=utf-8"
    )
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
