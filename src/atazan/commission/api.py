"""/api/commission/: members, composition, sessions, votes, decisions, drafts and their diffs, the article story,
comments, and an open-data export of the whole record. Writes (vote, comment) go through the services, which check
the caller's role; they use the site's session login."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from . import selectors
from . import services as cs
from . import services_drafts as ds
from .domain.errors import CommissionError, CommissionPermissionError
from .models import AgendaItem, Comment, Decision, DraftVersion, Session

router = Router(tags=["commission"])


class MemberOut(Schema):
    seat: int
    full_name: str
    role: str
    category: str
    region: str
    position: str
    synthetic: bool


class ItemOut(Schema):
    order: int
    title: str
    titles: dict[str, str]  # the title in Kazakh ("kk") and Russian ("ru")
    articles: list[str]
    theme: str
    proposals: list[str]
    votes_for: int | None
    votes_against: int | None
    abstained: int | None
    outcome: str | None
    decision: str | None


class CommissionSessionOut(Schema):
    number: int
    date: date
    title: str
    titles: dict[str, str]  # the title in Kazakh ("kk") and Russian ("ru")
    broadcast_url: str
    present: int
    members_total: int
    quorum_required: int
    quorum_met: bool
    quorum_source: str
    majority_rule: str
    synthetic: bool
    agenda: list[ItemOut]


class ArticleChangeOut(Schema):
    kind: str
    article: str
    wording: str
    after: str


class CommissionDecisionOut(Schema):
    number: str
    session: int
    item: int
    kind: str
    summary: str
    adopted: bool
    votes_for: int
    votes_against: int
    abstained: int
    present: int
    members_total: int
    explanation: str
    rule_source: str
    changes: list[ArticleChangeOut]


class DraftOut(Schema):
    number: int
    date: date
    uri: str
    title: str
    status: str
    base: int | None
    synthetic: bool
    decisions: list[str]
    articles: int


class VoteIn(Schema):
    choice: str


class CommentIn(Schema):
    article: str
    paragraph: str = ""
    text: str


class CommentOut(Schema):
    id: int
    version: int
    article: str
    paragraph: str
    author_name: str
    text: str
    status: str


def _decision_out(d: Decision) -> dict[str, Any]:
    return {
        "number": d.number,
        "session": d.item.session.number,
        "item": d.item.order,
        "kind": d.kind,
        "summary": d.summary,
        "adopted": d.adopted,
        "votes_for": d.votes_for,
        "votes_against": d.votes_against,
        "abstained": d.abstained,
        "present": d.present,
        "members_total": d.members_total,
        "explanation": d.explanation,
        "rule_source": d.rule_source,
        "changes": [
            {"kind": c.kind, "article": c.article, "wording": c.wording, "after": c.after} for c in d.changes.all()
        ],
    }


def _session_out(number: int) -> dict[str, Any]:
    try:
        view = selectors.session_detail(number=number)
    except Session.DoesNotExist:
        raise HttpError(404, f"no session {number}") from None
    s = view.session
    return {
        "number": s.number,
        "date": s.date,
        "title": s.title,
        "titles": s.titles,
        "broadcast_url": s.broadcast_url,
        "present": view.present,
        "members_total": view.members_total,
        "quorum_required": view.quorum_required,
        "quorum_met": view.quorum_met,
        "quorum_source": str(view.quorum_source),
        "majority_rule": str(view.majority_text),
        "synthetic": s.synthetic,
        "agenda": [
            {
                "order": iv.item.order,
                "title": iv.item.title,
                "titles": iv.item.titles,
                "articles": iv.item.articles,
                "theme": iv.item.theme,
                "proposals": iv.item.proposals,
                "votes_for": iv.outcome.tally.votes_for if iv.outcome else None,
                "votes_against": iv.outcome.tally.votes_against if iv.outcome else None,
                "abstained": iv.outcome.tally.abstained if iv.outcome else None,
                "outcome": str(iv.outcome.explanation) if iv.outcome else None,
                "decision": iv.decision.number if iv.decision else None,
            }
            for iv in view.items
        ],
    }


def _draft_out(v: DraftVersion) -> dict[str, Any]:
    return {
        "number": v.number,
        "date": v.date,
        "uri": v.uri,
        "title": v.title,
        "status": v.status,
        "base": v.base.number if v.base else None,
        "synthetic": v.synthetic,
        "decisions": [d.number for d in v.decisions.all()],
        "articles": v.articles.count(),
    }


@router.get("/members", response=list[MemberOut], summary="Members of the Commission")
def members(request: HttpRequest, category: str = "", region: str = "", role: str = "") -> Any:
    return selectors.members_list(category=category, region=region, role=role)


@router.get("/composition", summary="Composition by category and region, checked against the configured rules")
def composition(request: HttpRequest) -> dict[str, object]:
    return selectors.composition_report().as_json()


@router.get(
    "/sessions", response=list[CommissionSessionOut], summary="Sessions with agenda, attendance, quorum and votes"
)
def sessions(request: HttpRequest) -> Any:
    return [_session_out(n) for n in Session.objects.order_by("number").values_list("number", flat=True)]


@router.get("/sessions/{number}", response=CommissionSessionOut, summary="One session")
def session(request: HttpRequest, number: int) -> Any:
    return _session_out(number)


@router.get("/sessions/{number}/votes", summary="Roll call of every agenda item of a session (seat → choice)")
def votes(request: HttpRequest, number: int) -> dict[str, dict[str, str]]:
    s = get_object_or_404(Session, number=number)
    out: dict[str, dict[str, str]] = {}
    for item in s.agenda.order_by("order"):
        out[str(item.order)] = {
            str(seat): choice
            for seat, choice in item.votes.order_by("member__seat").values_list("member__seat", "choice")
        }
    return out


@router.post("/sessions/{number}/items/{order}/vote", auth=django_auth, summary="Cast your own vote (members only)")
def vote(request: HttpRequest, number: int, order: int, payload: VoteIn) -> dict[str, str]:
    item = get_object_or_404(AgendaItem, session__number=number, order=order)
    try:
        v = cs.vote_cast(actor=request.user, item=item, choice=payload.choice)
    except (CommissionPermissionError, PermissionDenied) as e:
        raise HttpError(403, str(e)) from None
    except CommissionError as e:
        raise HttpError(422, str(e)) from None
    return {"member": str(v.member.seat), "choice": v.choice}


@router.get(
    "/decisions", response=list[CommissionDecisionOut], summary="Decisions with their votes and article changes"
)
def decisions(request: HttpRequest, article: str = "") -> Any:
    qs = (
        selectors.article_decisions(article)
        if article
        else Decision.objects.select_related("item__session").prefetch_related("changes")
    )
    return [_decision_out(d) for d in qs]


@router.get("/drafts", response=list[DraftOut], summary="Draft versions (dated expressions of the 2026 work)")
def drafts(request: HttpRequest) -> Any:
    return [_draft_out(v) for v in DraftVersion.objects.select_related("base").order_by("number")]


@router.get("/drafts/{number}", summary="One draft version with its articles")
def draft(request: HttpRequest, number: int) -> dict[str, Any]:
    v = get_object_or_404(DraftVersion, number=number)
    return {**_draft_out(v), "articles": [{"num": a.num, "wording": a.wording} for a in v.articles.order_by("order")]}


@router.get("/drafts/{old}/diff/{new}", summary="Word-level diff of two draft versions, article by article")
def draft_diff(request: HttpRequest, old: int, new: int, all: bool = False) -> dict[str, Any]:  # noqa: A002
    a = get_object_or_404(DraftVersion, number=old)
    b = get_object_or_404(DraftVersion, number=new)
    return {
        "old": a.uri,
        "new": b.uri,
        "articles": [d.as_json() for d in selectors.drafts_compare(old=a, new=b, changed_only=not all)],
    }


@router.get("/articles/{num}/story", summary="Where an article of the 2026 Constitution came from")
def story(request: HttpRequest, num: str, lang: str = "rus") -> dict[str, Any]:
    s = selectors.article_story(num=num, language=lang if lang in ("rus", "kaz") else "rus")
    if not s.exists:
        raise HttpError(404, f"no Article {num} in the 2026 Constitution or its drafts")
    return {
        "article": s.num,
        "language": s.language,
        "adopted": s.adopted.wording if s.adopted else None,
        "origins_1995": [{"old": list(o.old), "relation": o.relation, "similarity": o.similarity} for o in s.origins],
        "wording_1995": [{"num": a.num, "wording": a.wording} for a in s.wording_1995],
        "drafts": [
            {
                "version": st.version.number,
                "date": st.version.date,
                "wording": st.wording,
                "changed": st.changed,
                "diff": [seg.as_json() for seg in st.segments],
                "decisions": [d.number for d in st.decisions],
            }
            for st in s.steps
        ],
        "decisions": [_decision_out(d) for d in s.decisions],
        "proposals": [
            {
                "number": p.number,
                "title": p.title,
                "campaign": p.campaign,
                "campaign_size": p.campaign_size,
                "status": p.status,
            }
            for p in s.proposals
        ],
        "behind": (
            {
                "total": s.behind.total,
                "by_source": s.behind.by_source,
                "campaigns_total": s.behind.campaigns_total,
                "in_campaigns": s.behind.in_campaigns,
                "individual": s.behind.individual,
                "campaigns": [
                    {"key": c.key, "size": c.size, "language": c.language, "other_languages": list(c.other_languages)}
                    for c in s.behind.campaigns
                ],
            }
            if s.behind
            else None
        ),
        "comments": {"total": len(s.comments), "by_paragraph": s.comments_by_paragraph},
        "referendum": {"date": "2026-03-15", "url": "/referendum/"},
    }


@router.get("/comments", response=list[CommentOut], summary="Published comments (optionally for one article)")
def comments(request: HttpRequest, article: str = "") -> Any:
    qs = Comment.objects.filter(status=Comment.Status.APPROVED).select_related("version")
    if article:
        qs = qs.filter(article=article)
    return [
        {
            "id": c.pk,
            "version": c.version.number,
            "article": c.article,
            "paragraph": c.paragraph,
            "author_name": c.author_name,
            "text": c.text,
            "status": c.status,
        }
        for c in qs
    ]


@router.get("/comments/counts", summary="Published comments per article")
def comment_counts(request: HttpRequest) -> dict[str, int]:
    return selectors.comment_counts()


@router.post(
    "/drafts/{number}/comments",
    auth=django_auth,
    response=CommentOut,
    summary="Comment on an article or paragraph of a published draft (moderated)",
)
def comment(request: HttpRequest, number: int, payload: CommentIn) -> Any:
    v = get_object_or_404(DraftVersion, number=number)
    try:
        c = ds.comment_submit(
            actor=request.user, version=v, article=payload.article, paragraph=payload.paragraph, text=payload.text
        )
    except PermissionDenied as e:
        raise HttpError(403, str(e)) from None
    except CommissionError as e:
        raise HttpError(422, str(e)) from None
    return {
        "id": c.pk,
        "version": v.number,
        "article": c.article,
        "paragraph": c.paragraph,
        "author_name": c.author_name,
        "text": c.text,
        "status": c.status,
    }


@router.get("/export", summary="Open data: the whole Commission record as one JSON document")
def export(request: HttpRequest) -> dict[str, Any]:
    from .export import open_data

    return open_data()
