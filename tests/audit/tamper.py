"""What an operator with write access to the database (and the project's source, but not the signing key) can do
to the log: edit rows and recompute every hash with the project's own functions."""

from __future__ import annotations

from atazan.audit.domain.chain import GENESIS_HASH, chain_hash, entry_content
from atazan.audit.domain.merkle import leaf_hash
from atazan.audit.models import AuditEntry


def rehash_from(seq: int = 1) -> None:
    """Recompute prev_hash, hash and leaf of every entry from `seq` on, as a careful attacker would."""
    prev = AuditEntry.objects.filter(seq__lt=seq).order_by("-seq").values_list("hash", flat=True).first()
    prev = prev or GENESIS_HASH
    for row in AuditEntry.objects.filter(seq__gte=seq).order_by("seq"):
        content = entry_content(
            seq=row.seq,
            at=row.at.isoformat(),
            actor=row.actor,
            action=row.action,
            target=row.target,
            payload=row.payload,
            records_root=row.records_root,
        )
        row.prev_hash, row.hash, row.leaf = prev, chain_hash(prev, content), leaf_hash(content).hex()
        AuditEntry.objects.filter(pk=row.pk).update(prev_hash=row.prev_hash, hash=row.hash, leaf=row.leaf)
        prev = row.hash


def renumber() -> None:
    """Close the gap a deleted entry leaves: 1, 2, 3 … again, then re-hash everything."""
    rows = list(AuditEntry.objects.order_by("seq").values_list("pk", flat=True))
    for i, pk in enumerate(rows, start=1):  # out of the way of the unique constraint first
        AuditEntry.objects.filter(pk=pk).update(seq=10**12 + i)
    for i, pk in enumerate(rows, start=1):
        AuditEntry.objects.filter(pk=pk).update(seq=i)
    rehash_from(1)
