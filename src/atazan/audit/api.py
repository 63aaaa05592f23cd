from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

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


@router.get("/entries", response=list[EntryOut], summary="Audit entries, oldest first")
@paginate
def entries(request: HttpRequest, action: str = "", target: str = "") -> Any:
    return audit_entries(action_prefix=action, target=target).order_by("seq")


@router.get("/verify", response=VerifyOut, summary="Recompute the hash chain and report the first break")
def verify(request: HttpRequest) -> VerifyOut:
    count, brk = audit_chain_verify()
    return VerifyOut(entries=count, intact=brk is None, first_break_seq=brk.seq if brk else None,
                     kind=str(brk.kind) if brk else None, message=brk.message if brk else None)
