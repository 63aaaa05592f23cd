"""An append-only, hash-chained log of official actions.

Each entry's hash covers its own content and the previous entry's hash, so editing, deleting or reordering any
entry breaks every hash after it. `chain_verify` names the first entry where the chain breaks.
"""

from __future__ import annotations

import hashlib
import json
import json.encoder
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from atazan.audit.domain.messages import Msg, msg

GENESIS_HASH = "0" * 64


@dataclass(frozen=True, slots=True)
class ChainEntry:
    seq: int  # 1, 2, 3 … without gaps
    at: str  # ISO 8601 UTC timestamp
    actor: str
    action: str  # "<context>.<entity>.<verb>", e.g. "referendum.protocol.accept"
    target: str
    payload: dict[str, Any]
    prev_hash: str
    hash: str
    records_root: str = ""  # hex Merkle root of the official records the entry speaks of; "" when none


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
# CPython's C encoder, made once: json.dumps builds a new encoder per call, which is most of the cost of re-hashing
# 100,000 entries. Same output as _CANONICAL (the pure-Python path other interpreters take).
_c_make_encoder: Callable[..., Callable[[Any, int], Iterable[str]]] | None = getattr(
    json.encoder, "c_make_encoder", None
)
_C_CANONICAL = (
    _c_make_encoder(None, str, json.encoder.encode_basestring, None, ":", ",", True, False, True)
    if _c_make_encoder is not None
    else None
)


def canonical_json(value: Any) -> bytes:
    """Deterministic JSON: sorted keys, no whitespace, UTF-8 kept as is."""
    if _C_CANONICAL is not None:
        return "".join(_C_CANONICAL(value, 0)).encode()
    return _CANONICAL.encode(value).encode()


def entry_content(
    *, seq: int, at: str, actor: str, action: str, target: str, payload: dict[str, Any], records_root: str = ""
) -> bytes:
    """The entry's canonical content: what its chain hash and its Merkle leaf cover. The records the entry speaks
    of enter through their Merkle root, so one small entry can vouch for thousands of protocols; an entry without
    records has the same content (and hash) as before records existed."""
    body: dict[str, Any] = {
        "seq": seq,
        "at": at,
        "actor": actor,
        "action": action,
        "target": target,
        "payload": payload,
    }
    if records_root:
        body["records"] = records_root
    return canonical_json(body)


def entry_hash(
    *,
    seq: int,
    at: str,
    actor: str,
    action: str,
    target: str,
    payload: dict[str, Any],
    prev_hash: str,
    records_root: str = "",
) -> str:
    body = entry_content(
        seq=seq, at=at, actor=actor, action=action, target=target, payload=payload, records_root=records_root
    )
    return chain_hash(prev_hash, body)


def chain_hash(prev_hash: str, content: bytes) -> str:
    return hashlib.sha256(prev_hash.encode() + b"\n" + content).hexdigest()


class BreakKind(StrEnum):
    EDITED = "edited"  # the entry's content no longer matches its hash
    MISSING = "missing"  # a sequence number is skipped: an entry was deleted
    REORDERED = "reordered"  # the entry does not link to the one before it


@dataclass(frozen=True, slots=True)
class ChainBreak:
    seq: int
    kind: BreakKind
    message: Msg


def chain_verify(entries: Iterable[ChainEntry]) -> ChainBreak | None:
    """Check the chain in sequence order; return the first break, or None when the chain is intact."""
    expected_seq = 1
    prev_hash = GENESIS_HASH
    for e in entries:
        if e.seq != expected_seq:
            return ChainBreak(
                e.seq if e.seq < expected_seq else expected_seq,
                BreakKind.MISSING if e.seq > expected_seq else BreakKind.REORDERED,
                msg("entry {seq}: expected sequence number {seq}, found {found}", seq=expected_seq, found=e.seq),
            )
        recomputed = entry_hash(
            seq=e.seq,
            at=e.at,
            actor=e.actor,
            action=e.action,
            target=e.target,
            payload=e.payload,
            prev_hash=e.prev_hash,
            records_root=e.records_root,
        )
        if recomputed != e.hash:
            return ChainBreak(
                e.seq, BreakKind.EDITED, msg("entry {seq}: its content does not match its hash", seq=e.seq)
            )
        if e.prev_hash != prev_hash:
            return ChainBreak(
                e.seq,
                BreakKind.REORDERED,
                msg("entry {seq}: does not link to entry {previous}", seq=e.seq, previous=e.seq - 1),
            )
        prev_hash = e.hash
        expected_seq += 1
    return None
