"""Checking the audit log as a whole: its hash chain, its Merkle tree against a signed checkpoint, and the official
records its entries vouch for.

What each check catches (docs/security.md, "Threat model"):
- the chain: an entry edited, deleted or reordered by someone who did not recompute the later hashes;
- a checkpoint: anything that makes the log not an append-only extension of the log the checkpoint signed — an
  entry edited and every later hash recomputed, an entry removed and the rest renumbered, the tail cut;
- the records: a protocol, an answer, a decision changed or deleted in its own table without a new entry.

Findings are message templates with named fields and a stable code; the adapter renders them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from atazan.audit.domain.chain import GENESIS_HASH, BreakKind, ChainBreak, ChainEntry, chain_hash, entry_content
from atazan.audit.domain.checkpoint import Checkpoint, checkpoint_signature_valid, key_id
from atazan.audit.domain.merkle import leaf_hash, root_hash
from atazan.audit.domain.messages import Msg, coded, msg
from atazan.messages.domain import declare, fields, same


class FindingCode(StrEnum):
    CHAIN_EDITED = "chain.edited"
    CHAIN_MISSING = "chain.missing"
    CHAIN_REORDERED = "chain.reordered"
    CHECKPOINT_SIGNATURE = "checkpoint.signature"
    CHECKPOINT_TRUNCATED = "checkpoint.truncated"
    CHECKPOINT_REWRITTEN = "checkpoint.rewritten"
    RECORD_CHANGED = "record.changed"
    RECORD_DELETED = "record.deleted"
    RECORD_UNCHECKED = "record.unchecked"


TEMPLATES: dict[FindingCode, str] = {
    FindingCode.CHAIN_EDITED: "entry {seq}: its content does not match its hash",
    FindingCode.CHAIN_MISSING: "entry {seq} is missing: a sequence number is skipped",
    FindingCode.CHAIN_REORDERED: "entry {seq}: does not link to the entry before it",
    FindingCode.CHECKPOINT_SIGNATURE: "the checkpoint's signature is not valid for key {key_id}",
    FindingCode.CHECKPOINT_TRUNCATED: (
        "the log holds {found} entries but the checkpoint of {time} signed {size}: entries were removed from the log"
    ),
    FindingCode.CHECKPOINT_REWRITTEN: (
        "entries {first}–{last} of the {size} signed at {time} no longer hash to the signed root: one of them was "
        "edited, removed or reordered and the chain re-hashed"
    ),
    FindingCode.RECORD_CHANGED: "record {key} (entry {seq}): the stored record no longer matches its logged digest",
    FindingCode.RECORD_DELETED: "record {key} (entry {seq}): the record the log speaks of is no longer stored",
    FindingCode.RECORD_UNCHECKED: "record {key} (entry {seq}): no resolver knows how to re-read records of this kind",
}
declare(
    "audit", {c.value: t for c, t in TEMPLATES.items()}
)  # the audit catalogue translates them (tests/web/test_message_catalogues.py)


@dataclass(frozen=True, slots=True)
class Finding:
    code: FindingCode
    params: tuple[tuple[str, str], ...] = ()
    seq: int | None = None

    @property
    def template(self) -> str:
        return TEMPLATES[self.code]

    @property
    def message(self) -> Msg:
        """The finding as a sentence in no language yet (its code, the template, the values its template names; a
        finding may carry more, such as the ``seq`` that locates it, which the JSON gives)."""
        wanted = fields(self.template)
        return coded(self.code.value, self.template, **{k: v for k, v in self.params if k in wanted})

    def render(self, translate: Callable[[str], str] = same) -> str:
        """The sentence with ``translate`` looking up the template; English with no argument (the CLI, the API)."""
        return self.message.render(translate)

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code.value, "seq": self.seq, "message": self.render(), **dict(self.params)}


def finding(code: FindingCode, *, seq: int | None = None, **params: object) -> Finding:
    """A finding about entry `seq` (also a field of its template)."""
    if seq is not None:
        params["seq"] = seq
    return Finding(code, tuple((k, str(v)) for k, v in sorted(params.items())), seq)


@dataclass(slots=True)
class LogScan:
    """One pass over the stored log: each entry's Merkle leaf hash (from its content, never from a stored hash)
    and the first break of the hash chain."""

    leaves: list[bytes] = field(default_factory=list)
    chain_break: ChainBreak | None = None

    @property
    def size(self) -> int:
        return len(self.leaves)

    @property
    def root(self) -> bytes:
        return root_hash(self.leaves)


_CHAIN_CODES = {
    BreakKind.EDITED: FindingCode.CHAIN_EDITED,
    BreakKind.MISSING: FindingCode.CHAIN_MISSING,
    BreakKind.REORDERED: FindingCode.CHAIN_REORDERED,
}


def log_scan(entries: Iterable[ChainEntry]) -> LogScan:
    """Recompute every entry's content once: its chain hash (compared with the stored one) and its leaf hash."""
    scan = LogScan()
    expected_seq = 1
    prev_hash = GENESIS_HASH
    for e in entries:
        content = entry_content(
            seq=e.seq,
            at=e.at,
            actor=e.actor,
            action=e.action,
            target=e.target,
            payload=e.payload,
            records_root=e.records_root,
        )
        scan.leaves.append(leaf_hash(content))
        if scan.chain_break is not None:
            continue
        if e.seq != expected_seq:
            kind = BreakKind.MISSING if e.seq > expected_seq else BreakKind.REORDERED
            scan.chain_break = ChainBreak(
                min(e.seq, expected_seq),
                kind,
                msg("entry {seq}: expected sequence number {seq}, found {found}", seq=expected_seq, found=e.seq),
            )
        elif chain_hash(e.prev_hash, content) != e.hash:
            scan.chain_break = ChainBreak(
                e.seq, BreakKind.EDITED, msg("entry {seq}: its content does not match its hash", seq=e.seq)
            )
        elif e.prev_hash != prev_hash:
            scan.chain_break = ChainBreak(
                e.seq,
                BreakKind.REORDERED,
                msg("entry {seq}: does not link to entry {previous}", seq=e.seq, previous=e.seq - 1),
            )
        prev_hash = e.hash
        expected_seq += 1
    return scan


def chain_finding(brk: ChainBreak) -> Finding:
    return finding(_CHAIN_CODES[brk.kind], seq=brk.seq)


MAX_BLOCKS = 256


def block_size(size: int) -> int:
    """The block length (a power of two) that splits a log of `size` entries into at most `MAX_BLOCKS` blocks."""
    block = 1
    while -(-size // block) > MAX_BLOCKS:
        block *= 2
    return block


def block_roots(leaves: Sequence[bytes], size: int) -> list[bytes]:
    """The Merkle roots of the first `size` leaves in blocks of `block_size(size)`. Blocks are aligned subtrees, so
    their tree is the log's tree: `root_hash(block_roots(…)) == root_hash(leaves[:size])`, which lets a checkpoint
    file carry them, authenticated by the signed root, to say which block changed."""
    block = block_size(size)
    return [root_hash(leaves[start : min(start + block, size)]) for start in range(0, size, block)]


def checkpoint_check(
    leaves: Sequence[bytes],
    checkpoint: Checkpoint,
    *,
    public_key: bytes | None = None,
    blocks: Sequence[bytes] | None = None,
) -> list[Finding]:
    """Is today's log (its leaf hashes, recomputed from content) an append-only extension of the signed log?
    `blocks` (kept with the checkpoint, see `block_roots`) narrows a rewrite down to the first block that changed:
    one entry for a log of up to 256 entries. Blocks that do not compose to the signed root are ignored."""
    findings: list[Finding] = []
    if not checkpoint_signature_valid(checkpoint, public_key=public_key):
        findings.append(finding(FindingCode.CHECKPOINT_SIGNATURE, key_id=key_id(public_key or checkpoint.public_key)))
        return findings
    size = checkpoint.size
    block = block_size(size)
    usable = blocks is not None and len(blocks) == -(-size // block) and root_hash(list(blocks)) == checkpoint.root

    def first_changed_block(upto: int) -> tuple[int, int] | None:
        """(first, last) entry of the first signed block, among those today's log still holds, that changed."""
        if not usable or blocks is None:
            return None
        for index, signed in enumerate(blocks):
            start = index * block
            end = min(start + block, size)
            if end > upto:
                return None
            if root_hash(leaves[start:end]) != signed:
                return start + 1, end
        return None

    if len(leaves) < size:
        changed = first_changed_block(len(leaves))
        if changed is not None:  # entries removed from the middle and the rest renumbered: say where it starts
            first, last = changed
            findings.append(
                finding(
                    FindingCode.CHECKPOINT_REWRITTEN, seq=first, first=first, last=last, size=size, time=checkpoint.time
                )
            )
        findings.append(
            finding(
                FindingCode.CHECKPOINT_TRUNCATED,
                seq=len(leaves) + 1,
                found=len(leaves),
                size=size,
                time=checkpoint.time,
            )
        )
    elif root_hash(leaves[:size]) != checkpoint.root:
        first, last = first_changed_block(size) or (1, size)
        findings.append(
            finding(
                FindingCode.CHECKPOINT_REWRITTEN, seq=first, first=first, last=last, size=size, time=checkpoint.time
            )
        )
    return findings


def records_check(logged: Mapping[str, tuple[int, str]], stored: Mapping[str, str | None]) -> list[Finding]:
    """Compare the digest the log last recorded for each record (key → (entry seq, digest)) with the digest of the
    stored record today (key → digest, None when the record is gone, absent when nobody could re-read it)."""
    findings: list[Finding] = []
    for key, (seq, digest) in logged.items():
        if key not in stored:
            findings.append(finding(FindingCode.RECORD_UNCHECKED, seq=seq, key=key))
            continue
        now = stored[key]
        if now is None:
            findings.append(finding(FindingCode.RECORD_DELETED, seq=seq, key=key))
        elif now != digest:
            findings.append(finding(FindingCode.RECORD_CHANGED, seq=seq, key=key))
    return findings


def content_digest(value: object) -> str:
    """The digest a record is logged under: SHA-256 of its canonical JSON (sorted keys, no spaces, UTF-8)."""
    body = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str).encode()
    return hashlib.sha256(body).hexdigest()


def record_leaf(key: str, digest: str) -> bytes:
    """A record's leaf in its entry's records tree: the canonical JSON pair [key, digest]."""
    return leaf_hash(json.dumps([key, digest], separators=(",", ":"), ensure_ascii=False).encode())


def records_root(records: Sequence[tuple[str, str]]) -> str:
    """The hex Merkle root of an entry's records, in the order the entry lists them; "" for none."""
    if not records:
        return ""
    return root_hash([record_leaf(k, d) for k, d in records]).hex()
