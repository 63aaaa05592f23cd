from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from django.db import connection, transaction

from atazan.audit.domain.chain import GENESIS_HASH, canonical_json, chain_hash, entry_content
from atazan.audit.domain.log import records_root
from atazan.audit.domain.merkle import leaf_hash
from atazan.audit.models import AuditEntry, AuditRecord

# Any constant works: it only has to be the same for every writer of the chain.
_PG_ADVISORY_LOCK_KEY = 0x41544144


def audit_append(
    *,
    actor: str,
    action: str,
    target: str,
    payload: dict[str, Any] | None = None,
    records: Sequence[tuple[str, str]] | None = None,
) -> AuditEntry:
    """Append an official action to the chain and return its entry.

    `records` lists the official records the action wrote, each as (key, content digest): key
    `<kind>:<locator>` with a kind a resolver in `<context>/audit_records.py` can re-read, digest from
    `audit.domain.log.content_digest` (or the kind's own digest). The entry's hash covers their Merkle root, and
    `atazan audit verify` re-reads each record and names any changed or deleted behind the log's back.

    Runs inside the caller's transaction when there is one, so the action and its audit entry commit together.
    Writers are serialised (PostgreSQL advisory lock; SQLite's write lock) so that sequence numbers never fork.
    """
    clean_payload = _json_roundtrip(payload or {})
    pairs = [(str(k), str(d)) for k, d in records or ()]
    root = records_root(pairs)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_PG_ADVISORY_LOCK_KEY])
        last = AuditEntry.objects.order_by("-seq").values_list("seq", "hash").first()
        seq = last[0] + 1 if last else 1
        prev_hash = last[1] if last else GENESIS_HASH
        at = datetime.now(UTC).replace(microsecond=0)
        content = entry_content(
            seq=seq,
            at=at.isoformat(),
            actor=actor,
            action=action,
            target=target,
            payload=clean_payload,
            records_root=root,
        )
        entry = AuditEntry.objects.create(
            seq=seq,
            at=at,
            actor=actor,
            action=action,
            target=target,
            payload=clean_payload,
            prev_hash=prev_hash,
            hash=chain_hash(prev_hash, content),
            records_root=root,
            leaf=leaf_hash(content).hex(),
        )
        if pairs:
            AuditRecord.objects.bulk_create(
                [AuditRecord(entry=entry, position=i, key=k, digest=d) for i, (k, d) in enumerate(pairs)],
                batch_size=1000,
            )
        return entry


def _json_roundtrip(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload as the database will give it back, so the hash is computed over what is stored."""
    import json

    result: dict[str, Any] = json.loads(canonical_json(payload))
    return result
