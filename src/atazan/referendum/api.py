"""Referendum API under /api/referendum/: results, units, precincts, forensics, review queue, exports, uploads."""

from __future__ import annotations

from typing import Any, Literal

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.errors import HttpError
from ninja.security import django_auth

from atazan.accounts.services import PermissionRefused, permission_require
from atazan.api_errors import ApiError
from atazan.audit.selectors import audit_proof_published
from atazan.referendum import forensics_cache, selectors, services
from atazan.referendum.domain.adoption import MAJORITY_SOURCE, UNITS_SOURCE, VALIDITY_SOURCE
from atazan.referendum.domain.electorate import ADDITIONS_NOTE
from atazan.referendum.domain.protocol import Protocol, ProtocolError
from atazan.referendum.domain.units import UnknownUnitError
from atazan.referendum.models import Precinct, ProtocolReview, Question, Unit
from atazan.referendum.nist_export import question_nist_report, question_nist_xml
from atazan.web.http_cache import shared_cache

# Each simulation redraws every precinct: 500 take ~20 s on the national data, the most one request may ask.
FORENSICS_MAX_SIMULATIONS = 500
router = Router(tags=["referendum"])
# Public answers: ETag, a short shared max-age and 304s (web.http_cache); a cache in front serves the viewers
cached = decorate_view(shared_cache("referendum"))


class QuestionOut(Schema):
    slug: str
    title: str
    voting_date: str
    kind: str
    text_ru: str
    text_en: str
    synthetic: bool
    source_note: str


class ProtocolIn(Schema):
    precinct: str
    unit: str
    district: str = ""
    registered: int
    took_part: int
    yes: int
    no: int
    invalid: int
    not_counted: int
    ballots_received: int | None = None
    ballots_issued: int | None = None
    ballots_unused: int | None = None
    abroad: bool = False
    signature: str | None = None
    public_key: str | None = None


class CorrectionIn(ProtocolIn):
    reason: str


class ProtocolRejectionOut(Schema):
    precinct: str
    rule: str
    message: str
    source: str


class ProtocolFilingOut(Schema):
    accepted: int
    unchanged: int
    conflicts: int
    rejected: list[ProtocolRejectionOut]


class ProtocolCorrectionOut(Schema):
    precinct: str
    version: int
    signature_status: str


def _question(slug: str) -> Question:
    try:
        return selectors.question_get(slug)
    except Question.DoesNotExist:
        raise Http404(f"no referendum question {slug!r}") from None


def _question_out(q: Question) -> QuestionOut:
    return QuestionOut(
        slug=q.slug,
        title=q.title,
        voting_date=q.voting_date.isoformat(),
        kind=q.kind,
        text_ru=q.text_ru,
        text_en=q.text_en,
        synthetic=q.synthetic,
        source_note=q.source_note,
    )


@cached
@router.get("/questions", response=list[QuestionOut], summary="Referendum questions")
def questions(request: HttpRequest) -> list[QuestionOut]:
    return [_question_out(q) for q in selectors.question_list()]


@cached
@router.get("/questions/{slug}/result", summary="National result and the adoption rule's outcome")
def result(request: HttpRequest, slug: str) -> dict[str, Any]:
    """The same JSON as `atazan referendum tally --json`, plus the outcome explained with its legal sources."""
    q = _question(slug)
    r, signatures = selectors.live_for(q)
    return {
        **r.as_json(),
        "question": _question_out(q).dict(),
        "kind": q.kind,
        "national_majority": r.outcome.national_majority,
        "turnout": str(r.outcome.turnout),
        "yes_share": str(r.outcome.yes_share),
        "precincts_counted": r.totals.precincts,
        "units_with_majority_list": list(r.outcome.units_with_majority),
        "explanation": r.outcome.explanation(provisional=not r.complete),
        "completeness": [m.render() for m in r.completeness_msgs()],
        "sources": {"validity": VALIDITY_SOURCE, "majority": MAJORITY_SOURCE, "units": UNITS_SOURCE},
        "open_reviews": selectors.reviews_count(q),
        "signatures": signatures,
        "synthetic": q.synthetic,
    }


@cached
@router.get("/questions/{slug}/units/{code}", summary="One unit: totals, districts and precincts")
def unit(request: HttpRequest, slug: str, code: str) -> dict[str, Any]:
    q = _question(slug)
    try:
        u = selectors.unit_get(code)
    except Unit.DoesNotExist:
        raise Http404(f"no unit {code!r}") from None
    r = selectors.result_for(q)
    totals = r.units[code]
    comparison, lists = selectors.electorate_for_unit(q, u)
    electorate = None
    if comparison is not None:
        electorate = {
            "precincts_compared": comparison.listed_precincts,
            "published": comparison.published,
            "registered_in_protocols": comparison.registered,
            "difference": comparison.difference,
            "precincts_beyond_limit": comparison.precincts_beyond_limit,
            "day_additions_limit_bp": q.day_additions_limit_bp,
            "published_on": comparison.published_on,
            "sources": comparison.sources,
            "synthetic": comparison.synthetic,
            "note": ADDITIONS_NOTE,
        }
    return {
        "code": u.code,
        "name_en": u.name_en,
        "name_kk": u.name_kk,
        "name_ru": u.name_ru,
        "totals": {**totals.as_dict(), "yes_majority": totals.yes_majority},
        "precincts_reported": totals.precincts,
        "precincts_registered": selectors.register_size(unit=u),
        "complete": r.complete and totals.precincts == selectors.register_size(unit=u),
        "districts": {d: t.as_dict() for (c, d), t in r.districts.items() if c == code},
        "electorate": electorate,
        "precincts": [
            {**row, "published_list": (lists.get(row["precinct__number"]) or {}).get("voters")}
            for row in selectors.unit_precincts(q, u)
        ],
    }


@router.get("/questions/{slug}/precincts/{number}", summary="A precinct's protocol versions and signature status")
def precinct(request: HttpRequest, slug: str, number: str) -> dict[str, Any]:
    q = _question(slug)
    try:
        p = selectors.precinct_get(number)
    except Precinct.DoesNotExist:
        raise Http404(f"no precinct {number!r}") from None
    return {
        "number": p.number,
        "unit": p.unit.code,
        "district": p.district.name if p.district else "",
        "abroad": p.abroad,
        "label": p.label,
        "country": p.country,
        "public_key": p.public_key,
        "on_register": p.registered is not None,
        "registered": p.registered,
        "address": p.address,
        # that this precinct's current protocol is in the published audit log (check: `atazan audit check-proof`)
        "audit_proof": audit_proof_published(f"referendum.protocol:{q.slug}/{p.number}"),
        "versions": [
            {
                "version": v.version,
                "is_current": v.is_current,
                "registered": v.registered,
                "took_part": v.took_part,
                "yes": v.yes,
                "no": v.no,
                "invalid": v.invalid,
                "not_counted": v.not_counted,
                "ballots_received": v.ballots_received,
                "ballots_issued": v.ballots_issued,
                "ballots_unused": v.ballots_unused,
                "signature": v.signature,
                "signature_status": v.signature_status,
                "reason": v.reason,
                "author": v.author,
                "created_at": v.created_at.isoformat(),
            }
            for v in selectors.precinct_versions(q, p)
        ],
    }


@router.get("/questions/{slug}/forensics", summary="Turnout and yes-share distributions, integer-percentage test")
def forensics(
    request: HttpRequest, slug: str, simulations: int = Query(50, ge=1, le=FORENSICS_MAX_SIMULATIONS)
) -> dict[str, Any]:
    # once per version of the protocols, shared by every process (forensics_cache)
    f = forensics_cache.forensics_kept(_question(slug), simulations=simulations).forensics

    def test(t: Any) -> dict[str, Any]:
        return {
            "measure": t.measure,
            "precincts_tested": t.precincts_tested,
            "observed": t.observed,
            "expected": round(t.expected, 2),
            "spread": round(t.spread, 2),
            "p_value": round(t.p_value, 4),
            "simulations": t.simulations,
            "seed": t.seed,
        }

    return {
        "turnout_histogram": {"bins": f.turnout.bins, "counts": f.turnout.counts, "voters": f.turnout.weights},
        "yes_histogram": {"bins": f.yes.bins, "counts": f.yes.counts, "voters": f.yes.weights},
        "turnout_yes_grid": f.grid,
        "integer_percentage": {"turnout": test(f.integer_turnout), "yes": test(f.integer_yes)},
        "anomalies": [
            {
                "precinct": a.precinct,
                "unit": a.unit,
                "score": a.score,
                "reasons": list(a.reasons),
                "turnout": round(a.turnout, 4),
                "yes_share": round(a.yes_share, 4),
            }
            for a in f.anomalies
        ],
        "reference": "Kobak, Shpilkin, Pshenichnikov (2016), Annals of Applied Statistics 10(1)",
    }


@router.get("/questions/{slug}/review", summary="Protocols awaiting review (rejected or conflicting)")
def review(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    return [
        {
            "id": r.pk,
            "precinct": r.precinct_number,
            "rule": r.rule,
            "message": r.message,
            "record": r.record,
            "source": r.source,
            "created_at": r.created_at.isoformat(),
        }
        for r in selectors.reviews_open(_question(slug))
    ]


@cached
@router.get("/questions/{slug}/nist", summary="NIST SP 1500-100 v2 ElectionReport (JSON)")
def nist(request: HttpRequest, slug: str, precincts: bool = False) -> dict[str, Any]:
    return question_nist_report(_question(slug), precincts=precincts)


@router.get(
    "/questions/{slug}/nist.xml",
    summary="NIST SP 1500-100 v2 ElectionReport (XML, valid against NIST's XSD)",
    openapi_extra={
        "responses": {
            200: {
                "description": "An ElectionReport in the namespace http://itl.nist.gov/ns/voting/1500-100/v2",
                "content": {"application/xml": {"schema": {"type": "string"}}},
            }
        }
    },
)
def nist_xml(request: HttpRequest, slug: str, precincts: bool = False) -> HttpResponse:
    body = question_nist_xml(_question(slug), precincts=precincts)
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


@router.get(
    "/questions/{slug}/bundle",
    summary="Signed publication bundle (JSON Lines); check it with `atazan referendum verify`",
    openapi_extra={
        "responses": {
            200: {
                "description": "One signed JSON record a line (JSON Lines), offered as a file to save",
                "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
            }
        }
    },
)
def bundle(request: HttpRequest, slug: str) -> HttpResponse:
    from atazan.referendum import demo

    data = selectors.bundle_for(_question(slug), authority_key=demo.authority_key())
    response = HttpResponse(data, content_type="application/x-ndjson")
    response["Content-Disposition"] = f'attachment; filename="referendum-{slug}.jsonl"'
    return response


def _domain_protocol(question: Question, payload: ProtocolIn) -> Protocol:
    try:
        resolved, abroad = selectors.registry_for(question).resolve(payload.unit)
    except UnknownUnitError as exc:
        raise HttpError(422, str(exc)) from None
    return Protocol(
        precinct=payload.precinct,
        unit=resolved.code,
        district=payload.district or ("Abroad" if abroad else ""),
        registered=payload.registered,
        took_part=payload.took_part,
        yes=payload.yes,
        no=payload.no,
        invalid=payload.invalid,
        not_counted=payload.not_counted,
        ballots_received=payload.ballots_received,
        ballots_issued=payload.ballots_issued,
        ballots_unused=payload.ballots_unused,
        abroad=abroad or payload.abroad,
    )


def _refused(exc: PermissionRefused) -> HttpError:
    return HttpError(403, str(exc))


@router.post(
    "/questions/{slug}/protocols",
    auth=django_auth,
    summary="File a precinct protocol (election commission operator)",
    response={200: ProtocolFilingOut, 403: ApiError, 404: ApiError, 422: ApiError},
)
def protocol_file(request: HttpRequest, slug: str, payload: ProtocolIn) -> ProtocolFilingOut:
    """Accept a protocol into the tally, or send it to the review queue with the rule it breaks (`rejected`).
    Requires the role election_operator (`referendum.protocol.file`, `referendum.protocol.accept`)."""
    try:
        permission_require(request.user, "referendum.protocol.file")
        q = _question(slug)
        p = _domain_protocol(q, payload)
        sig = bytes.fromhex(payload.signature) if payload.signature else None
        key = bytes.fromhex(payload.public_key) if payload.public_key else None
        report = services.protocol_accept(question=q, protocol=p, actor=request.user, signature=sig, public_key=key)
    except PermissionRefused as exc:
        raise _refused(exc) from None
    except ValueError as exc:  # a signature or key that is not hex
        raise HttpError(422, f"signature/public_key: {exc}") from None
    return ProtocolFilingOut(
        accepted=report.accepted,
        unchanged=report.unchanged,
        conflicts=report.conflicts,
        rejected=[ProtocolRejectionOut(**r.as_dict(), source=r.rule.source) for r in report.rejected],
    )


@router.post(
    "/questions/{slug}/corrections",
    auth=django_auth,
    summary="File a correction after a recount (election commission operator)",
    response={
        200: ProtocolCorrectionOut,
        400: ApiError,
        403: ApiError,
        404: ApiError,
        422: ApiError,
    },
)
def protocol_correction(request: HttpRequest, slug: str, payload: CorrectionIn) -> ProtocolCorrectionOut:
    """A new version of an accepted protocol, with a reason; the earlier version stays. Requires the role
    election_operator (`referendum.protocol.correct`)."""
    try:
        q = _question(slug)
        version = services.protocol_correct(
            question=q,
            protocol=_domain_protocol(q, payload),
            reason=payload.reason,
            author=request.user,
            signature=bytes.fromhex(payload.signature) if payload.signature else None,
        )
    except PermissionRefused as exc:
        raise _refused(exc) from None
    except ProtocolError as exc:
        raise HttpError(422, str(exc)) from None
    except ValueError as exc:
        raise HttpError(400, str(exc)) from None
    return ProtocolCorrectionOut(
        precinct=payload.precinct, version=version.version, signature_status=version.signature_status
    )


class ReviewResolveIn(Schema):
    """`action` accept: the corrected figures in `protocol` (precinct and unit of the review item); `note` is the
    reason, kept as the correction's reason when the precinct already has an accepted protocol.
    `action` dismiss: `note` says why."""

    action: Literal["accept", "dismiss"]
    note: str
    protocol: ProtocolIn | None = None


class ReviewResolveOut(Schema):
    id: int
    precinct: str
    status: str
    resolution: str
    resolved_by: str
    note: str


@router.post(
    "/questions/{slug}/review/{item_id}/resolve",
    auth=django_auth,
    summary="Resolve a protocol under review: accept a corrected protocol or dismiss (election commission operator)",
    response={
        200: ReviewResolveOut,
        400: ApiError,
        403: ApiError,
        404: ApiError,
        409: ApiError,
        422: ApiError,
    },
)
def review_resolve(request: HttpRequest, slug: str, item_id: int, payload: ReviewResolveIn) -> ReviewResolveOut:
    """Requires the role election_operator (`referendum.review.resolve`). Accepting checks every control relation;
    a protocol that still breaks one gets 422 naming the rule, and nothing changes."""
    try:
        permission_require(request.user, "referendum.review.resolve")
        q = _question(slug)
        try:
            item = ProtocolReview.objects.get(question=q, pk=item_id)
        except ProtocolReview.DoesNotExist:
            raise Http404(f"no review item {item_id} for {slug!r}") from None
        accept = None
        if payload.action == "accept":
            if payload.protocol is None:
                raise HttpError(400, "accept needs the corrected protocol in 'protocol'")
            accept = _domain_protocol(q, payload.protocol)
        resolved = services.review_resolve(review=item, actor=request.user, note=payload.note, accept=accept)
    except PermissionRefused as exc:
        raise _refused(exc) from None
    except ProtocolError as exc:
        raise HttpError(422, str(exc)) from None
    except services.ReviewRefused as exc:
        raise HttpError(409 if "already resolved" in str(exc) else 400, str(exc)) from None
    return ReviewResolveOut(
        id=resolved.pk,
        precinct=resolved.precinct_number,
        status=resolved.status,
        resolution=resolved.resolution,
        resolved_by=resolved.resolved_by,
        note=resolved.resolution_note,
    )
