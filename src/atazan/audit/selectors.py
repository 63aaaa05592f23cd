from __future__ import annotations

from collections.abc import Iterator

from django.db.models import QuerySet

from atazan.audit.domain.chain import ChainBreak, ChainEntry, chain_verify
from atazan.audit.models import AuditEntry


def audit_entries(*, action_prefix: str = "", target: str = "") -> QuerySet[AuditEntry]:
    qs = AuditEntry.objects.all()
    if action_prefix:
        qs = qs.filter(action__startswith=action_prefix)
    if target:
        qs = qs.filter(target=target)
    return qs


def _as_chain(qs: QuerySet[AuditEntry]) -> Iterator[ChainEntry]:
    for row in qs.order_by("seq").iterator(chunk_size=2000):
        yield ChainEntry(
            seq=row.seq,
            at=row.at.isoformat(),
            actor=row.actor,
            action=row.action,
            target=row.target,
            payload=row.payload,
            prev_hash=row.prev_hash,
            hash=row.hash,
        )


def audit_chain_verify() -> tuple[int, ChainBreak | None]:
    """(number of entries, the first break or None)."""
    return AuditEntry.objects.count(), chain_verify(_as_chain(AuditEntry.objects.all()))
