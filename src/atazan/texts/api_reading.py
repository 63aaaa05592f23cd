"""Reading API under /api/texts/: works, expressions, sections, articles (with paragraphs) and search."""

from __future__ import annotations

from datetime import date

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from . import selectors
from .models import Expression, Provision

router = Router(tags=["texts"])


class WorkOut(Schema):
    uri: str
    year: int
    adopted: date
    expressions: list[str]


class ExpressionOut(Schema):
    uri: str
    year: int
    language: str
    date: date
    title: str
    source: str
    preamble: str
    url: str
    akn_url: str


class ArticleRefOut(Schema):
    num: str
    eid: str
    repealed: bool


class SectionOut(Schema):
    num: str
    eid: str
    heading: str
    articles: list[ArticleRefOut]


class SubparagraphOut(Schema):
    eid: str
    num: str
    text: str
    lead_in: str


class ParagraphOut(Schema):
    eid: str
    num: str
    text: str
    subparagraphs: list[SubparagraphOut]
    wrap_up: str


class NoteOut(Schema):
    kind: str
    text: str
    provision: str = ""


class ArticleOut(Schema):
    expression: str
    num: str
    eid: str
    section: str
    repealed: bool
    text: str
    paragraphs: list[ParagraphOut]
    notes: list[NoteOut]
    url: str


class SearchHitOut(Schema):
    year: int
    language: str
    article_num: str
    eid: str
    num: str
    text: str
    highlighted: list[tuple[str, bool]]
    url: str


def _expr(year: int, lang: str) -> Expression:
    try:
        return selectors.expression_get(year=year, lang=lang)
    except Expression.DoesNotExist as exc:
        raise Http404(str(exc)) from exc


def _expression_out(e: Expression) -> ExpressionOut:
    return ExpressionOut(
        uri=e.uri,
        year=e.work.year,
        language=e.language,
        date=e.date,
        title=e.title,
        source=e.source,
        preamble=e.preamble,
        url=e.get_absolute_url(),
        akn_url=f"{e.get_absolute_url()}akn.xml",
    )


@router.get("/works", response=list[WorkOut])
def works(request: HttpRequest) -> list[WorkOut]:
    return [
        WorkOut(uri=w.uri, year=w.year, adopted=w.adopted, expressions=[e.uri for e in w.expressions.all()])
        for w in selectors.works_list()
    ]


@router.get("/expressions", response=list[ExpressionOut])
def expressions(request: HttpRequest) -> list[ExpressionOut]:
    return [_expression_out(e) for e in selectors.expressions_list()]


@router.get("/expressions/{year}/{lang}", response=ExpressionOut)
def expression(request: HttpRequest, year: int, lang: str) -> ExpressionOut:
    return _expression_out(_expr(year, lang))


@router.get("/expressions/{year}/{lang}/sections", response=list[SectionOut])
def sections(request: HttpRequest, year: int, lang: str) -> list[SectionOut]:
    outline = selectors.expression_outline(expression=_expr(year, lang))
    return [
        SectionOut(
            num=s.num,
            eid=s.eid,
            heading=s.heading,
            articles=[ArticleRefOut(num=a.num, eid=a.eid, repealed=a.repealed) for a in s.articles],
        )
        for s in outline
    ]


@router.get("/expressions/{year}/{lang}/articles/{num}", response=ArticleOut)
def article(request: HttpRequest, year: int, lang: str, num: str) -> ArticleOut:
    expr = _expr(year, lang)
    try:
        view = selectors.article_get(expression=expr, num=num)
    except Provision.DoesNotExist as exc:
        raise Http404(f"no article {num} in {expr.uri}") from exc
    return ArticleOut(
        expression=expr.uri,
        num=view.num,
        eid=view.provision.eid,
        section=view.section.num,
        repealed=view.provision.repealed,
        text=view.provision.text,
        paragraphs=[
            ParagraphOut(
                eid=p.eid,
                num=p.num,
                text="\n".join(p.lines),
                wrap_up="\n".join(p.wrap_up),
                subparagraphs=[
                    SubparagraphOut(eid=s.eid, num=s.num, text=s.text, lead_in=s.lead_in) for s in p.subparagraphs
                ],
            )
            for p in view.paragraphs
        ],
        notes=[NoteOut(**n) for n in view.notes],
        url=view.provision.get_absolute_url(),
    )


@router.get("/search", response=list[SearchHitOut])
def search(
    request: HttpRequest, q: str, lang: str | None = None, year: int | None = None, limit: int = 50
) -> list[SearchHitOut]:
    """Paragraphs containing every word of `q` (word prefixes); `highlighted` splits the text into (text, is_hit)."""
    hits = selectors.provisions_search(q, lang, year, limit=max(1, min(limit, 200)))
    return [
        SearchHitOut(
            year=h.year,
            language=h.language,
            article_num=h.article_num,
            eid=h.eid,
            num=h.num,
            text="".join(s.text for s in h.segments),
            highlighted=[(s.text, s.hit) for s in h.segments],
            url=h.url,
        )
        for h in hits
    ]
