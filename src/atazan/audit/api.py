from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from atazan.audit.selectors import audit_chain_verify, audit_entries

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


class VerifyOut(Schema):
    entries: int
    intact: bool
    first_break_seq: int | None
    kind: str | None
    message: str | None


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


@router.get("/verify", response=VerifyOut, summary="Recompute the hash chain and report the first break")
def verify(request: HttpRequest) -> VerifyOut:
    count, brk = audit_chain_verify()
    return VerifyOut(
        entries=count,
        intact=brk is None,
        first_break_seq=brk.seq if brk else None,
        kind=str(brk.kind) if brk else None,
        message=brk.message if brk else None,
    )
