"""A signed checkpoint of the audit log: its size, its Merkle root and a time, signed with Ed25519.

The same idea as a Certificate Transparency signed tree head (RFC 9162 §4.10) in the plain-text "signed note" form
transparency logs publish: whoever keeps a checkpoint can later check that the log they are shown still begins
with exactly the entries the checkpoint signed. The signing key lives outside the database, so an operator who can
rewrite every row cannot make a checkpoint for a rewritten log.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from nacl.exceptions import BadSignatureError, CryptoError
from nacl.signing import SigningKey, VerifyKey

from atazan.audit.domain.merkle import HASH_SIZE

LOG_ORIGIN = "atazan-audit-log/1"


class CheckpointError(ValueError):
    """A checkpoint that cannot be read; the message says which field."""


@dataclass(frozen=True, slots=True)
class Checkpoint:
    size: int
    root: bytes
    time: str  # ISO 8601, UTC, seconds
    public_key: bytes  # Ed25519, 32 bytes
    signature: bytes  # Ed25519 over `note_body`, 64 bytes

    def as_dict(self) -> dict[str, Any]:
        return {
            "origin": LOG_ORIGIN,
            "size": self.size,
            "root": self.root.hex(),
            "time": self.time,
            "public_key": self.public_key.hex(),
            "key_id": key_id(self.public_key),
            "signature": self.signature.hex(),
            "note": note_body(self.size, self.root, self.time).decode(),
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2, sort_keys=True) + "\n"


def key_id(public_key: bytes) -> str:
    """A short, stable name of a public key for people to compare: 8 bytes of its SHA-256, hex."""
    return hashlib.sha256(public_key).hexdigest()[:16]


def note_body(size: int, root: bytes, time: str) -> bytes:
    """Exactly the bytes signed: origin, size, root (base64) and time, one per line."""
    return f"{LOG_ORIGIN}\n{size}\n{base64.b64encode(root).decode()}\n{time}\n".encode()


def checkpoint_sign(*, size: int, root: bytes, time: str, key: SigningKey) -> Checkpoint:
    signature = key.sign(note_body(size, root, time)).signature
    return Checkpoint(size, root, time, bytes(key.verify_key), bytes(signature))


def checkpoint_signature_valid(checkpoint: Checkpoint, *, public_key: bytes | None = None) -> bool:
    """Is the signature the key's over this size, root and time? `public_key` pins the key the reader trusts; without
    it the key written in the checkpoint is used (which only proves the checkpoint was not altered since signing)."""
    key = public_key if public_key is not None else checkpoint.public_key
    if public_key is not None and public_key != checkpoint.public_key:
        return False
    try:
        VerifyKey(key).verify(note_body(checkpoint.size, checkpoint.root, checkpoint.time), checkpoint.signature)
    except (BadSignatureError, CryptoError, ValueError, TypeError):
        return False
    return True


def _hex(value: object, field: str, size: int) -> bytes:
    if not isinstance(value, str):
        raise CheckpointError(f"checkpoint field {field!r} must be hex text")
    try:
        raw = bytes.fromhex(value)
    except ValueError as exc:
        raise CheckpointError(f"checkpoint field {field!r} is not hex") from exc
    if len(raw) != size:
        raise CheckpointError(f"checkpoint field {field!r} must be {size} bytes, not {len(raw)}")
    return raw


def checkpoint_from_dict(data: object) -> Checkpoint:
    """Read a checkpoint written by `Checkpoint.as_dict`; raise `CheckpointError` naming the bad field."""
    if not isinstance(data, dict):
        raise CheckpointError("a checkpoint is a JSON object")
    if "checkpoint" in data and isinstance(data["checkpoint"], dict):  # a proof or a bundle footer holding one
        data = data["checkpoint"]
        assert isinstance(data, dict)
    if data.get("origin") != LOG_ORIGIN:
        raise CheckpointError(f"not a checkpoint of {LOG_ORIGIN} (origin {data.get('origin')!r})")
    size = data.get("size")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise CheckpointError("checkpoint field 'size' must be a whole number ≥ 0")
    time = data.get("time")
    if not isinstance(time, str) or not time or "\n" in time:
        raise CheckpointError("checkpoint field 'time' must be one line of text")
    return Checkpoint(
        size=size,
        root=_hex(data.get("root"), "root", HASH_SIZE),
        time=time,
        public_key=_hex(data.get("public_key"), "public_key", 32),
        signature=_hex(data.get("signature"), "signature", 64),
    )


def checkpoint_from_json(text: str | bytes) -> Checkpoint:
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise CheckpointError(f"not JSON: {exc}") from exc
    return checkpoint_from_dict(data)
