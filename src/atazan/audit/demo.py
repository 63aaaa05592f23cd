"""Demo: the checkpoint signing key (a file outside the database, ATAZAN_AUDIT_KEY_FILE), created once."""

from __future__ import annotations

from rich.console import Console


def build(*, console: Console) -> None:
    from atazan.audit.domain.checkpoint import key_id
    from atazan.audit.keys import audit_key_create, audit_signing_key

    path, created = audit_key_create()
    public = bytes(audit_signing_key().verify_key)
    console.print(
        f"Audit checkpoint signing key {'created' if created else 'kept'} at {path} (public key id {key_id(public)})."
    )
