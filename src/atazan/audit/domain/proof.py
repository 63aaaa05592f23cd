"""An inclusion proof: that one entry (and, inside it, one official record) is in the log a checkpoint signed.

Two Merkle paths, each of about log2 n hashes: record → the entry's records root (an import entry vouches for up
to a chunk of protocols), then entry → the log's root. Anyone can check it with the checkpoint's public key and
this module alone (`atazan audit check-proof FILE`, no database):

1. the checkpoint's signature is valid for the key the reader trusts;
2. leaf = SHA-256(0x00 || canonical JSON of [key, digest]); folding `record.path` (RFC 9162 §2.1.3.2) gives the
   entry's `records_root`;
3. leaf = SHA-256(0x00 || the entry's canonical content); folding `entry_path` gives the checkpoint's root.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from atazan.audit.domain.chain import entry_content
from atazan.audit.domain.checkpoint import Checkpoint, CheckpointError, checkpoint_from_dict, checkpoint_signature_valid
from atazan.audit.domain.log import record_leaf
from atazan.audit.domain.merkle import inclusion_verify, leaf_hash
from atazan.audit.domain.messages import Msg, msg

PROOF_FORMAT = "atazan-audit-proof/1"


@dataclass(frozen=True, slots=True)
class RecordProof:
    key: str
    digest: str
    position: int
    count: int
    path: tuple[bytes, ...]


@dataclass(frozen=True, slots=True)
class EntryProof:
    checkpoint: Checkpoint
    entry: dict[str, Any]  # seq, at, actor, action, target, payload, records_root
    path: tuple[bytes, ...]
    record: RecordProof | None = None

    @property
    def hashes(self) -> int:
        return len(self.path) + (len(self.record.path) if self.record else 0)

    @property
    def hash_bytes(self) -> int:
        """The size of the proof proper: the hashes of both paths, 32 bytes each."""
        return 32 * self.hashes

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": PROOF_FORMAT,
            "checkpoint": self.checkpoint.as_dict(),
            "entry": self.entry,
            "leaf_index": int(self.entry["seq"]) - 1,
            "entry_path": [h.hex() for h in self.path],
            "record": None
            if self.record is None
            else {
                "key": self.record.key,
                "digest": self.record.digest,
                "position": self.record.position,
                "count": self.record.count,
                "path": [h.hex() for h in self.record.path],
            },
            "hashes": self.hashes,
            "hash_bytes": self.hash_bytes,
        }


def _entry_leaf(entry: dict[str, Any]) -> bytes:
    return leaf_hash(
        entry_content(
            seq=int(entry["seq"]),
            at=str(entry["at"]),
            actor=str(entry["actor"]),
            action=str(entry["action"]),
            target=str(entry["target"]),
            payload=dict(entry["payload"]),
            records_root=str(entry.get("records_root", "")),
        )
    )


def proof_verify(proof: EntryProof, *, public_key: bytes | None = None) -> list[Msg]:
    """What is wrong with the proof (empty: it proves the entry, and its record, are in the signed log)."""
    problems: list[Msg] = []
    cp = proof.checkpoint
    if not checkpoint_signature_valid(cp, public_key=public_key):
        problems.append(msg("the checkpoint's signature is not valid for the trusted key"))
    seq = int(proof.entry["seq"])
    if not inclusion_verify(index=seq - 1, size=cp.size, leaf=_entry_leaf(proof.entry), path=proof.path, root=cp.root):
        problems.append(
            msg(
                "entry {seq} is not in the log of {size} entries whose root the checkpoint signed",
                seq=seq,
                size=cp.size,
            )
        )
    if proof.record is not None:
        r = proof.record
        root = bytes.fromhex(str(proof.entry.get("records_root", "")) or "00")
        if not inclusion_verify(
            index=r.position, size=r.count, leaf=record_leaf(r.key, r.digest), path=r.path, root=root
        ):
            problems.append(msg("record {key} is not among the records entry {seq} vouches for", key=r.key, seq=seq))
    return problems


def _hashes(value: object, field: str) -> tuple[bytes, ...]:
    if not isinstance(value, list) or not all(isinstance(h, str) and len(h) == 64 for h in value):
        raise CheckpointError(f"proof field {field!r} must be a list of 64-digit hex hashes")
    try:
        return tuple(bytes.fromhex(h) for h in value)
    except ValueError as exc:
        raise CheckpointError(f"proof field {field!r} is not hex") from exc


def proof_from_dict(data: object) -> EntryProof:
    """Read a proof written by `EntryProof.as_dict`; `CheckpointError` names the field that is wrong."""
    if not isinstance(data, dict) or data.get("format") != PROOF_FORMAT:
        raise CheckpointError(f"not an {PROOF_FORMAT} proof")
    entry = data.get("entry")
    needed = ("seq", "at", "actor", "action", "target", "payload")
    if not isinstance(entry, dict) or any(k not in entry for k in needed) or not isinstance(entry["payload"], dict):
        raise CheckpointError("proof field 'entry' must hold seq, at, actor, action, target and payload")
    if not isinstance(entry["seq"], int) or entry["seq"] < 1:
        raise CheckpointError("proof field 'entry.seq' must be a whole number ≥ 1")
    record = data.get("record")
    record_proof = None
    if record is not None:
        if not isinstance(record, dict):
            raise CheckpointError("proof field 'record' must be an object")
        try:
            record_proof = RecordProof(
                key=str(record["key"]),
                digest=str(record["digest"]),
                position=int(record["position"]),
                count=int(record["count"]),
                path=_hashes(record.get("path"), "record.path"),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise CheckpointError(f"proof field 'record' is incomplete: {exc}") from exc
    return EntryProof(
        checkpoint=checkpoint_from_dict(data.get("checkpoint")),
        entry=entry,
        path=_hashes(data.get("entry_path"), "entry_path"),
        record=record_proof,
    )
