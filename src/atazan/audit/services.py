from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.db import connection, transaction

from atazan.audit.domain.chain import GENESIS_HASH, canonical_json, entry_hash
from atazan.audit.models import AuditEntry

# Any constant works: it only has to be the same for every writer of the chain.
_PG_ADVISORY_LOCK_KEY = 0x41544144


def audit_append(*, actor: str, action: str, target: str, payload: dict[str, Any] | None = None) -> AuditEntry:
    """Append an official action to the chain and return its entry.

    Runs inside the caller's transaction when there is one, so the action and its audit entry commit together.
    Writers are serialised (PostgreSQL advisory lock; SQLite's write lock) so that sequence numbers never fork.
    """
    clean_payload = _json_roundtrip(payload or {})
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_PG_ADVISORY_LOCK_KEY])
        last = AuditEntry.objects.order_by("-seq").first()
        seq = last.seq + 1 if last else 1
        prev_hash = last.hash if last else GENESIS_HASH
        at = datetime.now(UTC).replace(microsecond=0)
        digest = entry_hash(
            seq=seq,
            at=at.isoformat(),
            actor=actor,
            action=action,
            target=target,
            payload=clean_payload,
            prev_hash=prev_hash,
        )
        return AuditEntry.objects.create(
            seq=seq,
            at=at,
            actor=actor,
            action=action,
            target=target,
            payload=clean_payload,
            prev_hash=prev_hash,
            hash=digest,
        )


def _json_roundtrip(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload as the database will give it back, so the hash is computed over what is stored."""
    import json

    result: dict[str, Any] = json.loads(canonical_json(payload))
    return result
