"""Thin views for reading the Constitutions; the comparison pages live in views_comparison (texts-B)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import selectors
from .akn_export import expression_akn_bytes
from .domain.timeline import ExpressionDateError
from .models import Expression, Language, Provision


def _expression_or_404(year: int, lang: str) -> Expression:
    try:
        return selectors.expression_get(year=year, lang=lang)
    except Expression.DoesNotExist as exc:
        raise Http404(str(exc)) from exc


def _common(request: HttpRequest) -> dict[str, Any]:
    # The interface language is independent of the text's: no official English text exists (SOURCES.md), so an
    # English interface shows the Russian or Kazakh text with a note saying so.
    return {"ui_is_english": (get_language() or "").startswith("en"), "text_languages": Language.choices}


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "texts/index.html", {**_common(request), "works": selectors.works_list()})


@require_GET
def expression_read(request: HttpRequest, year: int, lang: str) -> HttpResponse:
    expr = _expression_or_404(year, lang)
    context = {
        **_common(request),
        "expression": expr,
        "outline": selectors.expression_outline(expression=expr),
        "other_lang": "kaz" if lang == "rus" else "rus",
    }
    return render(request, "texts/expression.html", context)


def _counterparts(year: int, lang: str, num: str) -> list[dict[str, Any]] | None:
    """The other Constitution's counterpart(s) of an article with the diff, from the comparison module if present."""
    try:
        from .comparison import article_counterparts

        get_template("texts/_counterpart.html")
    except (ImportError, TemplateDoesNotExist):
        return None  # the comparison (texts-B) is not installed yet: the page shows the text alone
    return article_counterparts(year, lang, num)


@require_GET
def article_read(request: HttpRequest, year: int, lang: str, num: str) -> HttpResponse:
    # the most read page: one query (the stored texts' state) when the article has been built before
    state = selectors.texts_state()
    try:
        expr = selectors.expression_remembered(year=year, lang=lang, state=state)
    except Expression.DoesNotExist as exc:
        raise Http404(str(exc)) from exc
    try:
        article = selectors.article_get(expression=expr, num=num, state=state)
    except Provision.DoesNotExist as exc:
        raise Http404(f"no article {num} in {expr.uri}") from exc
    context = {
        **_common(request),
        "texts_version": selectors.texts_version(state),
        "expression": expr,
        "article": article,
        "other_lang": "kaz" if lang == "rus" else "rus",
        "counterpart": _counterparts(year, lang, num),
        "permalink": request.build_absolute_uri(article.provision.get_absolute_url()),
        "participation": _participation(year, num),
    }
    return render(request, "texts/article.html", context)


def _participation(year: int, num: str) -> dict[str, object] | None:
    """Proposals, campaigns and Commission decisions about an article of the 2026 Constitution (the consultation
    was on its draft), or None for the 1995 text or where the consultation is not installed."""
    if year != 2026:
        return None
    try:
        from atazan.consultation.selectors import article_participation
    except ImportError:
        return None
    return article_participation(num)


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    lang = request.GET.get("lang", "")
    lang = lang if lang in Language.values else ""
    year_raw = request.GET.get("year", "")
    year = int(year_raw) if year_raw in ("1995", "2026") else None
    state = selectors.texts_state() if query else ()  # the empty form reads nothing
    hits = selectors.provisions_search(query, lang or None, year, state=state) if query else []
    context = {
        **_common(request),
        "texts_version": selectors.texts_version(state) if query else "",
        "query": query,
        "lang": lang,
        "year": year,
        "hits": hits,
    }
    template = "texts/_search_results.html" if request.headers.get("HX-Request") else "texts/search.html"
    return render(request, template, context)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _plain(text: str, status: int) -> HttpResponse:
    return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")


@require_GET
def expression_akn(request: HttpRequest, year: int, lang: str) -> HttpResponse:
    """The AKN XML of the stored expression; with `?date=YYYY-MM-DD`, of the expression in force that day."""
    expr = _expression_or_404(year, lang)
    raw = request.GET.get("date", "")
    on = None
    if raw:
        try:
            on = date.fromisoformat(raw) if _ISO_DAY.fullmatch(raw) else None
        except ValueError:
            on = None
        if on is None:
            return _plain(_("The date must be a day written YYYY-MM-DD, e.g. 2023-03-19."), 400)
    try:
        data = expression_akn_bytes(expr, on=on)
    except ExpressionDateError:
        message = _("No expression of this text is dated on or before %(date)s; the text held starts on %(first)s.")
        return _plain(message % {"date": raw, "first": expr.date.isoformat()}, 404)
    response = HttpResponse(data, content_type="application/akn+xml; charset=utf-8")
    suffix = f"-{raw}" if raw else ""
    response["Content-Disposition"] = f'attachment; filename="constitution-{year}-{lang}{suffix}.akn.xml"'
    return response
