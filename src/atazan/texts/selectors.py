"""Reads: expressions, their outline, articles with their parts, and full-text search."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TypeVar

from django.db import connection
from django.db.models import Q, QuerySet

from .domain.snippets import Part, mark, snippet
from .domain.stemming import term_forms
from .models import Expression, Provision, Work

MAX_TERMS = 8
_WORD = re.compile(r"\w+", re.UNICODE)
T = TypeVar("T")

# The official texts change only when `atazan texts load` stores a new expression, yet they are the most read pages:
# each process keeps the articles and search results it has built, keyed by the stored expressions' identity and
# digest, so a reload (new id, new digest or new import time) is seen on the next request.
# Bounded per kind: articles are a few hundred in all, but anyone can send any number of distinct searches (each result
# holds up to 100 paragraphs), so searches get a small pool of their own that a flood of queries merely recycles.
_MEMO: dict[str, dict[Hashable, object]] = {"article": {}, "expression": {}, "search": {}}
_MEMO_SIZE = {"article": 1024, "expression": 16, "search": 128}


TextsState = tuple[tuple[object, ...], ...]


def texts_state() -> TextsState:
    """What identifies the stored texts: every expression's id, text digest, import time, year, language and date
    (one small query). A view reads it once and passes it to the readers below."""
    return tuple(
        Expression.objects.order_by("id").values_list(
            "id", "text_sha256", "imported_at", "work__year", "language", "date"
        )
    )


def texts_version(state: TextsState | None = None) -> str:
    """A short fingerprint of texts_state(), for keys of rendered pages kept in the cache."""
    return hashlib.sha256(repr(texts_state() if state is None else state).encode()).hexdigest()[:16]


def _memo(key: tuple[str, *tuple[Hashable, ...]], build: Callable[[], T], state: TextsState | None = None) -> T:
    pool = _MEMO[key[0]]
    full = (texts_state() if state is None else state, key)
    found = pool.get(full)
    if found is None:
        found = build()
        if len(pool) >= _MEMO_SIZE[key[0]]:
            pool.clear()
        pool[full] = found
    return found  # type: ignore[return-value]


def expression_remembered(*, year: int, lang: str, state: TextsState) -> Expression:
    """expression_get() for a page view: found in `state`, the instance kept by the process."""
    found = [row for row in state if row[3] == year and row[4] == lang]
    if not found:
        raise Expression.DoesNotExist(f"no {lang} expression of the {year} Constitution is stored")
    pk = max(found, key=lambda row: row[5])[0]  # the latest date, as expression_get orders
    return _memo(("expression", pk), lambda: Expression.objects.select_related("work").get(pk=pk), state)


def works_list() -> QuerySet[Work]:
    return Work.objects.prefetch_related("expressions").order_by("year")


def expressions_list() -> QuerySet[Expression]:
    return Expression.objects.select_related("work").order_by("work__year", "language", "-date")


def expression_get(*, year: int, lang: str) -> Expression:
    """The latest stored expression of the `year` Constitution in `lang`. Raises Expression.DoesNotExist."""
    expr = expressions_list().filter(work__year=year, language=lang).order_by("-date").first()
    if expr is None:
        raise Expression.DoesNotExist(f"no {lang} expression of the {year} Constitution is stored")
    return expr


@dataclass
class ArticleRef:
    num: str
    eid: str
    repealed: bool
    first_words: str


@dataclass
class SectionOutline:
    num: str
    eid: str
    heading: str
    notes: list[dict[str, str]]
    articles: list[ArticleRef] = field(default_factory=list)


def expression_outline(*, expression: Expression) -> list[SectionOutline]:
    """Sections with their articles, in document order (two queries)."""
    sections: dict[int, SectionOutline] = {}
    for s in expression.provisions.filter(kind=Provision.Kind.SECTION).order_by("order"):
        sections[s.pk] = SectionOutline(num=s.num, eid=s.eid, heading=s.heading, notes=s.notes)
    for a in expression.provisions.filter(kind=Provision.Kind.ARTICLE).order_by("order"):
        words = a.text.split()
        first = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
        sections[a.parent_id or 0].articles.append(ArticleRef(a.num, a.eid, a.repealed, first))
    return list(sections.values())


@dataclass
class SubparagraphView:
    eid: str
    num: str
    text: str
    lead_in: str


@dataclass
class ParagraphView:
    eid: str
    num: str
    lines: list[str]  # the paragraph's own text; subparagraphs and closing text apart
    subparagraphs: list[SubparagraphView]
    wrap_up: list[str]


@dataclass
class ArticleView:
    expression: Expression
    provision: Provision
    section: Provision
    paragraphs: list[ParagraphView]
    notes: list[dict[str, str]]
    previous_num: str | None
    next_num: str | None

    @property
    def num(self) -> str:
        return self.provision.num


def article_get(*, expression: Expression, num: str, state: TextsState | None = None) -> ArticleView:
    """One article with its paragraphs and subparagraphs. Raises Provision.DoesNotExist."""
    return _memo(("article", expression.pk, num), lambda: _article_build(expression, num), state)


def _article_build(expression: Expression, num: str) -> ArticleView:
    art = expression.provisions.select_related("parent").get(kind=Provision.Kind.ARTICLE, num=num)
    parts = list(expression.provisions.filter(article_num=num).exclude(pk=art.pk).order_by("order"))
    paragraphs: list[ParagraphView] = []
    by_pk: dict[int, ParagraphView] = {}
    for p in parts:
        if p.kind == Provision.Kind.PARAGRAPH:
            view = ParagraphView(eid=p.eid, num=p.num, lines=[], subparagraphs=[], wrap_up=[])
            by_pk[p.pk] = view
            paragraphs.append(view)
    for p in parts:
        if p.kind == Provision.Kind.SUBPARAGRAPH and p.parent_id in by_pk:
            by_pk[p.parent_id].subparagraphs.append(SubparagraphView(p.eid, p.num, p.text, p.heading))
    for p in parts:
        if p.kind == Provision.Kind.PARAGRAPH:
            _split_paragraph_text(by_pk[p.pk], p.text)
    nums = list(
        expression.provisions.filter(kind=Provision.Kind.ARTICLE).order_by("order").values_list("num", flat=True)
    )
    i = nums.index(num)
    assert art.parent is not None  # noqa: S101 - an article row always has its section as parent
    return ArticleView(
        expression=expression,
        provision=art,
        section=art.parent,
        paragraphs=paragraphs,
        notes=art.notes,
        previous_num=nums[i - 1] if i > 0 else None,
        next_num=nums[i + 1] if i + 1 < len(nums) else None,
    )


def _split_paragraph_text(view: ParagraphView, full_text: str) -> None:
    """Recover the paragraph's own lines and closing lines from its stored full text (see Paragraph.full_text)."""
    lines = full_text.split("\n")
    if not view.subparagraphs:
        view.lines = lines
        return
    own = len(lines)
    markers = {f"{s.num} {s.text}" for s in view.subparagraphs} | {s.lead_in for s in view.subparagraphs if s.lead_in}
    for k, line in enumerate(lines):
        if line in markers:
            own = k
            break
    view.lines = lines[:own]
    last = f"{view.subparagraphs[-1].num} {view.subparagraphs[-1].text}"
    tail = [k for k, line in enumerate(lines) if line == last]
    view.wrap_up = lines[tail[-1] + 1 :] if tail else []


HitSegment = Part  # a plain or matching piece of a paragraph's text (domain.snippets)


@dataclass
class SearchHit:
    year: int
    language: str
    article_num: str
    eid: str
    num: str
    segments: list[HitSegment]
    url: str
    # about 30 words around the first match, for the results page; `segments` keep the whole paragraph (the API)
    snippet: list[HitSegment] = field(default_factory=list)


def search_terms(query: str) -> list[str]:
    return [t.lower() for t in _WORD.findall(query)][:MAX_TERMS]


def highlight(text: str, terms: list[str]) -> list[HitSegment]:
    """Split `text` into plain and matching segments; a term matches words that start with it (any case)."""
    return mark(text, terms) if terms else [HitSegment(text, False)]


def _matching(qs: QuerySet[Provision], terms: list[tuple[str, ...]]) -> QuerySet[Provision]:
    """Paragraphs holding, for every term, a word that starts with one of the term's forms (``term_forms``: the stem,
    and for a Kazakh stem ending in қ, к or п also its voiced form: «құқық» or «құқығ»)."""
    vendor = connection.vendor
    if vendor == "sqlite":
        # FTS5 prefix queries: every term must start a word ("президент*" finds «Президента», «Президентом»).
        # (FTS5 joins parenthesised groups with an explicit AND only)
        match = " AND ".join("(" + " OR ".join(f'"{f}"*' for f in forms) + ")" for forms in terms)
        return qs.extra(  # noqa: S610 - the match string is a bound parameter
            where=["texts_provision.id IN (SELECT rowid FROM texts_provision_fts WHERE texts_provision_fts MATCH %s)"],
            params=[match],
        )
    if vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        raw = " & ".join("(" + " | ".join(f"{f}:*" for f in forms) + ")" for forms in terms)
        return qs.annotate(search=SearchVector("text", config="simple")).filter(
            search=SearchQuery(raw, config="simple", search_type="raw")
        )
    cond = Q()
    for forms in terms:
        either = Q()
        for f in forms:
            either |= Q(text__icontains=f)
        cond &= either
    return qs.filter(cond)


def provisions_search(
    query: str,
    language: str | None = None,
    year: int | None = None,
    *,
    limit: int = 100,
    state: TextsState | None = None,
) -> list[SearchHit]:
    """Paragraphs whose text contains every word of `query` in any of its forms (its stem as a word prefix), in
    document order.

    SQLite: the FTS5 table from migration 0002; PostgreSQL: to_tsvector/to_tsquery with the 'simple' configuration
    (the stemming is done on the terms, the same on both engines). Terms are words only: operators in `query` are
    ignored.
    """
    # Each term is matched by its stem (texts.domain.stemming), so every word form finds the same paragraphs:
    # «Курултая» what «Курултай» finds, «Құрылтайда» what «Құрылтай» finds.
    terms = list(dict.fromkeys(term_forms(t, language) for t in search_terms(query)))
    if not terms:
        return []
    key = ("search", tuple(terms), language, year, limit)
    return _memo(key, lambda: _search_build(terms, language, year, limit), state)


def _search_build(terms: list[tuple[str, ...]], language: str | None, year: int | None, limit: int) -> list[SearchHit]:
    qs = Provision.objects.filter(kind=Provision.Kind.PARAGRAPH).select_related("expression__work")
    if language:
        qs = qs.filter(expression__language=language)
    if year:
        qs = qs.filter(expression__work__year=year)
    rows = _matching(qs, terms).order_by("-expression__work__year", "expression__language", "order")[:limit]
    prefixes = [f for forms in terms for f in forms]
    hits = []
    for p in rows:
        expr = p.expression
        hits.append(
            SearchHit(
                year=expr.work.year,
                language=expr.language,
                article_num=p.article_num,
                eid=p.eid,
                num=p.num,
                segments=highlight(p.text, prefixes),
                url=p.get_absolute_url(),
                snippet=snippet(p.text, prefixes),
            )
        )
    return hits
