from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from atazan.api_errors import ApiError
from atazan.audit.selectors import audit_entries

router = Router(tags=["audit"])


class EntryOut(Schema):
    seq: int
    at: datetime
    actor: str
    action: str
    target: str
    payload: dict[str, Any]
    prev_hash: str
    hash: str


class AuditFindingOut(Schema):
    code: str = Field(description="Stable code, e.g. `chain.edited`, `record.deleted`")
    seq: int | None = Field(description="The entry concerned, when there is one")
    message: str


class VerifyOut(Schema):
    entries: int
    intact: bool
    first_break_seq: int | None
    kind: str | None
    message: str | None
    findings: list[AuditFindingOut] = Field(
        description="Chain breaks and records changed or deleted behind the log's back"
    )


class CheckpointOut(Schema):
    origin: str = Field(description="`atazan-audit-log/1`")
    size: int = Field(description="Number of entries the checkpoint covers (entries 1…size)")
    root: str = Field(description="RFC 9162 Merkle tree hash of those entries, hex")
    time: str = Field(description="When it was signed, ISO 8601 UTC")
    public_key: str = Field(description="Ed25519 public key of the signer, hex; compare it with the published one")
    key_id: str
    signature: str = Field(description="Ed25519 signature over `note`, hex")
    note: str = Field(description="The exact signed text: origin, size, base64 root and time, one per line")


class RecordProofOut(Schema):
    key: str
    digest: str
    position: int
    count: int
    path: list[str]


class ProofOut(Schema):
    format: str
    checkpoint: CheckpointOut
    entry: dict[str, Any]
    leaf_index: int
    entry_path: list[str]
    record: RecordProofOut | None
    hashes: int
    hash_bytes: int


class ConsistencyOut(Schema):
    first: int
    second: int
    proof: list[str] = Field(description="RFC 9162 §2.1.4 consistency proof, hex hashes")
    checkpoint: CheckpointOut


_ERRORS: dict[int, Any] = {404: ApiError, 409: ApiError}


def _checkpoint() -> Any:
    from atazan.audit.keys import AuditKeyError
    from atazan.audit.selectors import AuditLogBroken, audit_checkpoint

    try:
        return audit_checkpoint()
    except AuditKeyError as exc:
        raise HttpError(404, "no checkpoint is published: no audit signing key is configured on this server") from exc
    except AuditLogBroken as exc:
        raise HttpError(409, f"the audit log does not verify, no checkpoint is signed: {exc}") from exc


class EntriesFilter(Schema):
    action: str = Field("", max_length=100, description="Only actions starting with this, e.g. `referendum.`")
    target: str = Field("", max_length=300, description="Only entries about this record")
    after_seq: int = Field(0, ge=0, le=2**62, description="Only entries after this sequence number (for paging)")
    limit: int = Field(100, ge=1, le=1000)


class EntriesPage(Schema):
    entries: list[EntryOut]
    next_after_seq: int | None


@router.get("/entries", response=EntriesPage, summary="Audit entries, oldest first, paged by sequence number")
def entries(request: HttpRequest, filters: Query[EntriesFilter]) -> Any:
    rows = list(
        audit_entries(action_prefix=filters.action, target=filters.target)
        .filter(seq__gt=filters.after_seq)
        .order_by("seq")[: filters.limit]
    )
    return {"entries": rows, "next_after_seq": rows[-1].seq if len(rows) == filters.limit else None}


@router.get(
    "/verify",
    response=VerifyOut,
    summary="Recompute the hash chain, re-read the records the log vouches for, report what broke",
)
def verify(request: HttpRequest) -> VerifyOut:
    from atazan.audit.selectors import audit_verify

    verdict = audit_verify()
    brk = verdict.chain_break
    return VerifyOut(
        entries=verdict.entries,
        intact=verdict.intact,
        first_break_seq=brk.seq if brk else None,
        kind=str(brk.kind) if brk else None,
        message=brk.message.render() if brk else None,
        findings=[AuditFindingOut(code=f.code.value, seq=f.seq, message=f.render()) for f in verdict.findings],
    )


@router.get(
    "/checkpoint",
    response={200: CheckpointOut, **_ERRORS},
    summary="The signed checkpoint of the log now (size, Merkle root, time, Ed25519 signature)",
    description=(
        "Keep it: `atazan audit verify --checkpoint FILE` later proves the log only grew since (no entry edited, "
        "removed or re-hashed, the tail not cut). The signing key lives outside the database. "
        "404 when no key is configured; 409 when the log's own chain does not verify."
    ),
)
def checkpoint(request: HttpRequest) -> Any:
    return _checkpoint().as_dict()


@router.get(
    "/proof",
    response={200: ProofOut, **_ERRORS},
    summary="Inclusion proof of the latest entry about a record or target, against the current checkpoint",
    description=(
        "`target` is a record key such as `referendum.protocol:<question>/<precinct>` (latest version) or "
        "`…/v2`, or an entry's target. Check it offline with `atazan audit check-proof FILE`."
    ),
)
def proof(request: HttpRequest, target: str = Query(..., max_length=300)) -> Any:  # type: ignore[type-arg]
    from atazan.audit.selectors import AuditLogBroken, ProofNotFound, audit_prove

    try:
        return audit_prove(target, checkpoint=_checkpoint()).as_dict()
    except ProofNotFound as exc:
        raise HttpError(404, str(exc)) from exc
    except AuditLogBroken as exc:
        raise HttpError(409, f"the stored log no longer matches the signed checkpoint: {exc}") from exc


@router.get(
    "/consistency",
    response={200: ConsistencyOut, **_ERRORS},
    summary="Consistency proof that the log of `first` entries is a prefix of the current checkpoint's log",
)
def consistency(request: HttpRequest, first: int = Query(..., ge=0, le=2**62)) -> Any:  # type: ignore[type-arg]
    from atazan.audit.selectors import audit_consistency

    cp = _checkpoint()
    if first > cp.size:
        raise HttpError(404, f"the log has {cp.size} entries, fewer than {first}")
    return {"first": first, "second": cp.size, "proof": audit_consistency(first, cp.size), "checkpoint": cp.as_dict()}
