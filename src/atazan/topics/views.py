"""Thin views: the topic index, a topic's page, the rights section, search, the editors' review and the export."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from atazan.accounts.domain.exports import csv_cell

from . import charts, corpus, neighbours, rights, selectors, services
from .domain.entrenchment import ENTRENCHED
from .domain.taxonomy import YEARS
from .models import Tag, Topic
from .worked import example_views


def _text_lang(request: HttpRequest) -> str:
    """The language of the quoted texts: ?lang=rus|kaz, else Kazakh for a Kazakh interface and Russian otherwise
    (there is no official English text)."""
    lang = request.GET.get("lang", "")
    if lang in ("rus", "kaz"):
        return lang
    return "kaz" if (get_language() or "").startswith("kk") else "rus"


def _common(request: HttpRequest) -> dict[str, Any]:
    lang = _text_lang(request)
    return {
        "text_lang": lang,
        "other_lang": "kaz" if lang == "rus" else "rus",
        "ui_is_english": (get_language() or "").startswith("en"),
        "is_editor": services.is_editor(request.user),
    }


def _topic_or_404(key: str) -> Topic:
    try:
        return selectors.topic_get(key=key)
    except Topic.DoesNotExist as exc:
        raise Http404(f"no topic {key!r}") from exc


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    tree = selectors.topic_counts()
    rows = []
    for group in tree:
        rows.append((group.topic.name, group.counts[1995], group.counts[2026], True))
        rows.extend((c.topic.name, c.counts[1995], c.counts[2026], False) for c in group.children)
    chart = (
        charts.counts_svg(
            rows,
            title=_("Paragraphs per topic: 1995 and 2026 Constitutions"),
            legend=(_("1995 Constitution"), _("2026 Constitution")),
        )
        if rows
        else ""
    )
    return render(
        request,
        "topics/index.html",
        {**_common(request), "tree": tree, "chart": chart, "coverage": selectors.coverage(), "years": YEARS},
    )


class _Later:
    """A list made when a template first reads it, and not at all when the fragment showing it comes from the cache
    (the paragraphs and word diffs of a topic are the same until a tag changes)."""

    def __init__(self, make: Callable[[], Iterable[Any]]) -> None:
        self._make = make
        self._value: list[Any] | None = None

    def _get(self) -> list[Any]:
        if self._value is None:
            self._value = list(self._make())
        return self._value

    def __iter__(self) -> Iterator[Any]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())

    def __bool__(self) -> bool:
        return bool(self._get())


class _LaterPage:
    """``page.key`` in a template: the page's dictionary made on first read (never, on a cached fragment)."""

    def __init__(self, make: Callable[[], dict[str, Any]]) -> None:
        self._make = make
        self._value: dict[str, Any] | None = None

    def __getitem__(self, key: str) -> Any:
        if self._value is None:
            self._value = self._make()
        return self._value[key]


NEIGHBOURS_SECONDS = 60  # proposals' support changes all the time: the most supported ones are a minute old at most


def _neighbours(kind: str, articles: list[str]) -> list[neighbours.Mention]:
    """The proposals or comments on these articles, kept a minute: with 10,000 proposals the query sorts thousands
    of rows by support, the same for every reader of the topic."""
    if kind == "proposals":
        from atazan.consultation.models import ProposalArticle as Linked

        make = neighbours.proposals_on
    else:
        from atazan.commission.models import Comment as Linked  # type: ignore[assignment]

        make = neighbours.comments_on
    # a new proposal or comment is listed at once; a change of support or moderation within the minute
    state = Linked.objects.aggregate(n=Count("id"), last=Max("id"))
    digest = hashlib.sha256(f"{' '.join(articles)}|{state['n']}|{state['last']}".encode()).hexdigest()[:16]
    found: list[neighbours.Mention] = cache.get_or_set(
        f"topics:{kind}:{digest}", lambda: make(articles), NEIGHBOURS_SECONDS
    )
    return found


@require_GET
def topic(request: HttpRequest, key: str) -> HttpResponse:
    t = _topic_or_404(key)
    common = _common(request)
    lang = common["text_lang"]
    new = _Later(lambda: selectors.topic_paragraphs(topic=t, year=2026, lang=lang))
    articles = selectors.topic_articles(topic=t, year=2026)
    context = {
        **common,
        "topic": t,
        "tags_version": selectors.tags_version(),
        "children": list(t.children.order_by("order")),
        "paragraphs_2026": new,
        "paragraphs_1995": _Later(lambda: selectors.topic_paragraphs(topic=t, year=1995, lang=lang)),
        "changes": _Later(lambda: selectors.topic_comparison(topic=t, lang=lang)),
        "proposals": _neighbours("proposals", articles),
        "comments": _neighbours("comments", articles),
        "examples": example_views(t.key),
    }
    return render(request, "topics/topic.html", context)


@require_GET
def rights_section(request: HttpRequest) -> HttpResponse:
    common = _common(request)
    lang = common["text_lang"]
    page = _LaterPage(lambda: rights.rights_page(lang=lang))
    return render(request, "topics/rights.html", {**common, "tags_version": selectors.tags_version(), "page": page})


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    common = _common(request)
    query = request.GET.get("q", "").strip()[:200]
    key = request.GET.get("topic", "")
    year_raw = request.GET.get("year", "")
    year = int(year_raw) if year_raw in ("1995", "2026") else None
    chosen = Topic.objects.filter(key=key).first() if key else None
    results = (
        selectors.paragraphs_search(query=query, topic=chosen, year=year, lang=common["text_lang"])
        if (query or chosen)
        else []
    )
    topics_by_eid = {y: selectors.paragraph_topics(year=y, eids=[r.eid for r in results if r.year == y]) for y in YEARS}
    for r in results:
        r.other_topics = topics_by_eid[r.year].get(r.eid, [])
    return render(
        request,
        "topics/search.html",
        {
            **common,
            "query": query,
            "chosen": chosen,
            "year": year,
            "topics": selectors.topics_list(),
            "results": results,
        },
    )


@require_http_methods(["GET", "POST"])
def review(request: HttpRequest) -> HttpResponse:
    if not services.is_editor(request.user):
        raise PermissionDenied(_("Only a moderator or an administrator may review tags."))
    if request.method == "POST":
        ids = [int(i) for i in request.POST.getlist("tag") if i.isdigit()]
        tags = list(Tag.objects.filter(pk__in=ids).select_related("topic"))
        decision = request.POST.get("decision")
        if decision == "confirm":
            n = services.tags_confirm(actor=request.user, tags=tags)  # type: ignore[arg-type]
            messages.success(request, _("%(n)d tag(s) confirmed.") % {"n": n})
        elif decision == "reject":
            n = services.tags_reject(actor=request.user, tags=tags)  # type: ignore[arg-type]
            messages.success(request, _("%(n)d tag(s) rejected.") % {"n": n})
        return HttpResponseRedirect(request.POST.get("next") or reverse("topics:review"))
    common = _common(request)
    origin = request.GET.get("origin", "")
    queue = [
        (t, selectors.paragraph_view(t.year, t.eid, common["text_lang"]))
        for t in selectors.review_queue(origin=origin if origin in Tag.Origin.values else "")
    ]
    return render(request, "topics/review.html", {**common, "queue": queue, "origin": origin})


@require_GET
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "json"):
        raise Http404(f"no export format {fmt!r}; csv or json")
    rows = selectors.tags_export_rows()
    if fmt == "json":
        body = {
            "licence": "CC0-1.0",
            "constitute_checked": corpus.taxonomy().constitute_checked,
            "source": "atazan topics: rules and similarity suggestions over the official texts, editor decisions",
            "tags": rows,
        }
        response = HttpResponse(json.dumps(body, ensure_ascii=False, indent=1), content_type="application/json")
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv.DictWriter(response, fieldnames=list(selectors.EXPORT_FIELDS))
        writer.writeheader()
        writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
    response["Content-Disposition"] = f'attachment; filename="atazan-topic-tags.{fmt}"'
    return response


@require_GET
def never_amendable(request: HttpRequest) -> HttpResponse:
    common = _common(request)
    items = [(e, selectors.paragraph_view(e.year, e.eid, common["text_lang"])) for e in ENTRENCHED]
    return render(request, "topics/never_amendable.html", {**common, "items": items})
