"""/api/consultation/: proposals as open data (no personal data) and the dashboard's figures."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from atazan.api_errors import ApiError, problem
from atazan.consultation import selectors
from atazan.consultation.domain.analysis import ProposalRecord, proposals_analyze
from atazan.consultation.domain.errors import ConsultationError
from atazan.consultation.domain.intake import registration_number_parse
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
def proposals(
    request: HttpRequest,
    page: int = Query(1, ge=1, le=100_000),
    status: str = Query("", max_length=20),
    region: str = Query("", max_length=40),
) -> list[ProposalOut]:
    """A page of 50 visible proposals, newest first, without personal data."""
    result = selectors.proposals_page(selectors.proposals_public(status=status, region=region), page=page)
    ids = [p.pk for p in result.rows]
    rows = Proposal.objects.filter(pk__in=ids).prefetch_related("articles").order_by("-submitted_at", "-id")
    return [_out(p) for p in rows]


@router.get("/proposals/{number}", response=ProposalOut)
def proposal(request: HttpRequest, number: str) -> ProposalOut:
    """One visible proposal; 404 alike for a number that is hidden, missing or cannot be a number at all."""
    try:
        number = registration_number_parse(number)
    except ConsultationError:
        raise Http404 from None
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


# Bounds of one analysis over HTTP: the CLI (`atazan consultation analyze`) takes files of any size; a request is
# answered within seconds. A request over a bound, or breaking a rule of the CSV contract, gets 400 naming the record
# and the rule (a body that does not fit the schema at all gets ninja's 422); never a server error.
ANALYZE_MAX_PROPOSALS = 2000
ANALYZE_MAX_TEXT = 10_000
ANALYZE_MAX_TOTAL = 1_000_000


class AnalyzeProposalIn(Schema):
    id: str = Field(..., min_length=1, max_length=64)
    text: str = Field(..., min_length=1, max_length=ANALYZE_MAX_TEXT)


class AnalyzeIn(Schema):
    proposals: list[AnalyzeProposalIn] = Field(..., min_length=1, max_length=ANALYZE_MAX_PROPOSALS)


class AnalyzeThemeOut(Schema):
    label: str
    proposals: list[str]


class AnalyzeOut(Schema):
    duplicate_groups: list[list[str]]
    themes: list[AnalyzeThemeOut]
    articles: dict[str, list[str]]


def _analyze_refusal(record: str, rule: str) -> Status[ApiError]:
    return problem(400, "consultation.analyze_refused", f"{record}: {rule}", record=record, rule=rule)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (JSON "\\ud800") is not a character
        return False
    return True


@router.post("/analyze", response={200: AnalyzeOut, 400: ApiError})
def analyze(request: HttpRequest, body: AnalyzeIn) -> Status:
    """The CLI contract over HTTP (language-agnostic fallback engine): at most 2,000 proposals, 10,000 characters
    each and 1,000,000 in all; ids unique; a text must say something (appeals with no essence are not considered)."""
    seen: dict[str, int] = {}
    total = 0
    records = []
    for n, item in enumerate(body.proposals):
        record = f"proposals[{n}] (id {item.id!r})"
        if not _encodable(item.id) or not _encodable(item.text):
            return _analyze_refusal(record, "id and text must be valid Unicode text (no lone surrogates)")
        if item.id in seen:
            return _analyze_refusal(record, f"id must be unique (first used by proposals[{seen[item.id]}])")
        seen[item.id] = n
        if not item.text.strip():
            return _analyze_refusal(record, "text is required: an appeal with no essence is not considered")
        total += len(item.text)
        if total > ANALYZE_MAX_TOTAL:
            return _analyze_refusal(record, f"at most {ANALYZE_MAX_TOTAL:,} characters of text in one request")
        records.append(ProposalRecord(id=item.id, text=item.text))
    report = proposals_analyze(records, embedder=CharNgramEmbedder()).as_json()
    return Status(200, AnalyzeOut(**report))  # type: ignore[arg-type]
