from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from django.db import connection, transaction

from atazan.audit.domain.chain import GENESIS_HASH, canonical_json, chain_hash, entry_content
from atazan.audit.domain.log import records_root
from atazan.audit.domain.merkle import leaf_hash
from atazan.audit.models import AuditEntry, AuditRecord
from atazan.web.text_guard import text_fields_check

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
    rows = [AuditRecord(position=i, key=str(k), digest=str(d)) for i, (k, d) in enumerate(records or ())]
    # The text as it will be stored (bidi controls removed; NUL or over-long refused, naming the field) is the text
    # hashed: the save-time guard must find nothing left to change, or the stored entry would not match its hash.
    text_fields_check(rows)
    root = records_root([(r.key, r.digest) for r in rows])
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_PG_ADVISORY_LOCK_KEY])
        last = AuditEntry.objects.order_by("-seq").values_list("seq", "hash").first()
        entry = AuditEntry(
            seq=last[0] + 1 if last else 1,
            at=datetime.now(UTC).replace(microsecond=0),
            actor=actor,
            action=action,
            target=target,
            payload=clean_payload,
            prev_hash=last[1] if last else GENESIS_HASH,
            records_root=root,
        )
        text_fields_check([entry])
        content = entry_content(
            seq=entry.seq,
            at=entry.at.isoformat(),
            actor=entry.actor,
            action=entry.action,
            target=entry.target,
            payload=clean_payload,
            records_root=root,
        )
        entry.hash = chain_hash(entry.prev_hash, content)
        entry.leaf = leaf_hash(content).hex()
        entry.save(force_insert=True)
        for row in rows:
            row.entry = entry
        AuditRecord.objects.bulk_create(rows, batch_size=1000)
        return entry


def _json_roundtrip(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload as the database will give it back, so the hash is computed over what is stored."""
    import json

    result: dict[str, Any] = json.loads(canonical_json(payload))
    return result
