"""/api/consultation/: proposals as open data (no personal data) and the dashboard's figures."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from atazan.consultation import selectors
from atazan.consultation.domain.analysis import ProposalRecord, proposals_analyze
from atazan.consultation.domain.themes import CharNgramEmbedder
from atazan.consultation.models import Proposal, Visibility

router = Router(tags=["consultation"])


class ProposalOut(Schema):
    registration_number: str
    kind: str
    region: str
    language: str
    text: str
    submitted_at: dt.datetime
    status: str
    answer: str
    answered_at: dt.datetime | None
    duplicate_group: str
    support_count: int
    synthetic: bool
    articles: list[str]


def _out(p: Proposal) -> ProposalOut:
    return ProposalOut(
        registration_number=p.registration_number, kind=p.kind, region=p.region, language=p.language, text=p.text,
        submitted_at=p.submitted_at, status=p.status, answer=p.answer, answered_at=p.answered_at,
        duplicate_group=p.duplicate_group, support_count=p.support_count, synthetic=p.synthetic,
        articles=[a.article for a in p.articles.all()],
    )  # fmt: skip


@router.get("/proposals", response=list[ProposalOut])
def proposals(request: HttpRequest, page: int = 1, status: str = "", region: str = "") -> list[ProposalOut]:
    """A page of 50 visible proposals, newest first, without personal data."""
    result = selectors.proposals_page(selectors.proposals_public(status=status, region=region), page=page)
    ids = [p.pk for p in result.rows]
    rows = Proposal.objects.filter(pk__in=ids).prefetch_related("articles").order_by("-submitted_at", "-id")
    return [_out(p) for p in rows]


@router.get("/proposals/{number}", response=ProposalOut)
def proposal(request: HttpRequest, number: str) -> ProposalOut:
    return _out(get_object_or_404(Proposal, registration_number=number, visibility=Visibility.VISIBLE))


class SimilarIn(Schema):
    text: str


class SimilarOut(Schema):
    registration_number: str
    score: float


@router.post("/similar", response=list[SimilarOut])
def similar(request: HttpRequest, body: SimilarIn) -> list[SimilarOut]:
    """Existing proposals most like a draft (score 0..1, for display)."""
    return [SimilarOut(registration_number=p.registration_number, score=round(s, 3))
            for p, s in selectors.proposals_similar(body.text)]  # fmt: skip


@router.get("/stats")
def stats(request: HttpRequest) -> dict[str, list[tuple[str, int]]]:
    return selectors.dashboard_counts()


class AnalyzeIn(Schema):
    proposals: list[dict[str, str]]


@router.post("/analyze")
def analyze(request: HttpRequest, body: AnalyzeIn) -> dict[str, object]:
    """The CLI contract over HTTP (language-agnostic fallback engine, at most 2,000 proposals)."""
    records = [ProposalRecord(id=str(r.get("id", "")), text=str(r.get("text", ""))) for r in body.proposals[:2000]]
    return proposals_analyze(records, embedder=CharNgramEmbedder()).as_json()
