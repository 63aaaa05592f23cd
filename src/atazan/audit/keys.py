"""The key that signs the audit log's checkpoints. It lives in a file outside the database (never in a table), named
by `ATAZAN_AUDIT_KEY_FILE` (default: `audit-signing.key` in the var directory); whoever can rewrite the database
but cannot read this file cannot sign a checkpoint for a rewritten log. `atazan demo` creates one when missing; in
production create it once (`atazan audit keygen`), keep it readable by the platform's user only, and back it up
apart from the database."""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from nacl.signing import SigningKey

KEY_FILE_SETTING = "ATAZAN_AUDIT_KEY_FILE"


class AuditKeyError(RuntimeError):
    """The signing key is missing or unreadable; the message names the file and the setting."""


def audit_key_path() -> Path:
    configured = os.environ.get(KEY_FILE_SETTING, "") or getattr(settings, KEY_FILE_SETTING, "")
    return Path(configured) if configured else Path(settings.VAR_DIR) / "audit-signing.key"


def audit_signing_key() -> SigningKey:
    """The signing key from its file; `AuditKeyError` when there is none or it is not a key."""
    path = audit_key_path()
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        raise AuditKeyError(
            f"no audit signing key at {path}: create one with `atazan audit keygen` or set {KEY_FILE_SETTING}"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AuditKeyError(f"cannot read the audit signing key {path}: {exc}") from exc
    try:
        seed = bytes.fromhex(text)
    except ValueError:
        seed = b""
    if len(seed) != 32:
        raise AuditKeyError(f"{path} is not an audit signing key (64 hex digits of an Ed25519 seed)")
    return SigningKey(seed)


def audit_public_key() -> bytes | None:
    """The public half of the signing key, or None when no key is configured."""
    try:
        return bytes(audit_signing_key().verify_key)
    except AuditKeyError:
        return None


def audit_key_create() -> tuple[Path, bool]:
    """Create the key file if missing (readable by its owner only); return (path, created)."""
    path = audit_key_path()
    if path.exists():
        return path, False
    path.parent.mkdir(parents=True, exist_ok=True)
    seed = bytes(SigningKey.generate())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(seed.hex() + "\n")
    return path, True
