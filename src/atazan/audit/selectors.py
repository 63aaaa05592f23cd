from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.core.cache import cache
from django.db import connection
from django.db.models import QuerySet

from atazan.audit.domain.chain import ChainBreak, ChainEntry
from atazan.audit.domain.checkpoint import Checkpoint, checkpoint_from_dict, checkpoint_sign
from atazan.audit.domain.log import Finding, LogScan, chain_finding, checkpoint_check, log_scan, records_check
from atazan.audit.domain.merkle import inclusion_proof_from_levels, tree_levels
from atazan.audit.domain.proof import EntryProof, RecordProof, proof_verify
from atazan.audit.models import AuditEntry, AuditRecord


def audit_entries(*, action_prefix: str = "", target: str = "") -> QuerySet[AuditEntry]:
    qs = AuditEntry.objects.all()
    if action_prefix:
        qs = qs.filter(action__startswith=action_prefix)
    if target:
        qs = qs.filter(target=target)
    return qs


_FIELDS = ("seq", "at", "actor", "action", "target", "payload", "prev_hash", "hash", "records_root")


def _at_iso(value: object) -> str:
    """The stored time as `audit_append` hashed it: ISO 8601 in UTC with its offset."""
    if isinstance(value, str) and len(value) == 19 and value[10] == " ":  # SQLite's text, UTC, whole seconds
        return f"{value[:10]}T{value[11:]}+00:00"
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # stored in UTC (USE_TZ); SQLite keeps no offset
    return moment.astimezone(UTC).isoformat()


_DECODER = json.JSONDecoder()


def _as_chain(roots: dict[int, str] | None = None) -> Iterator[ChainEntry]:
    """Every entry in sequence order, read with one plain query (the ORM's converters cost more than the hashing
    at 100,000 entries). `roots` replaces each entry's stored records root with the one recomputed from its
    records, so that a records table changed behind the log's back shows as an edited entry."""
    quote = connection.ops.quote_name
    at = f"CAST({quote('at')} AS TEXT)" if connection.vendor == "sqlite" else quote("at")
    columns = ", ".join(quote(name) if name != "at" else at for name in _FIELDS)
    sql = f"SELECT {columns} FROM {quote(AuditEntry._meta.db_table)} ORDER BY {quote('seq')}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql)
        while rows := cursor.fetchmany(5000):
            for seq, moment, actor, action, target, payload, prev_hash, digest, root in rows:
                if isinstance(payload, str | bytes):
                    try:
                        payload = _DECODER.raw_decode(payload if isinstance(payload, str) else payload.decode())[0]
                    except ValueError:
                        payload = json.loads(payload)
                if roots is not None:
                    root = roots.get(seq, "")
                yield ChainEntry(seq, _at_iso(moment), actor, action, target, payload, prev_hash, digest, root)


def _records_roots_recomputed() -> dict[int, str]:
    """Each entry's records root recomputed from its stored records (seq → hex root)."""
    from atazan.audit.domain.log import records_root

    grouped: dict[int, list[tuple[str, str]]] = {}
    for seq, key, digest in (
        AuditRecord.objects.order_by("entry__seq", "position")
        .values_list("entry__seq", "key", "digest")
        .iterator(chunk_size=5000)
    ):
        grouped.setdefault(seq, []).append((key, digest))
    return {seq: records_root(pairs) for seq, pairs in grouped.items()}


def audit_log_scan() -> LogScan:
    """Every entry's leaf recomputed from its stored content (and its records from the records table) and the
    first break of the hash chain."""
    return log_scan(_as_chain(_records_roots_recomputed()))


def audit_chain_verify() -> tuple[int, ChainBreak | None]:
    """(number of entries, the first break or None)."""
    scan = audit_log_scan()
    return scan.size, scan.chain_break


def audit_logged_records() -> dict[str, tuple[int, str]]:
    """The digest the log last recorded for each record key, with the entry that recorded it."""
    latest: dict[str, tuple[int, str]] = {}
    for seq, key, digest in (
        AuditRecord.objects.order_by("entry__seq", "position")
        .values_list("entry__seq", "key", "digest")
        .iterator(chunk_size=5000)
    ):
        latest[key] = (seq, digest)
    return latest


def audit_records_check() -> list[Finding]:
    from atazan.audit.records import records_resolve

    logged = audit_logged_records()
    return records_check(logged, records_resolve(list(logged)))


@dataclass(slots=True)
class AuditVerdict:
    entries: int
    findings: list[Finding] = field(default_factory=list)
    chain_break: ChainBreak | None = None
    checkpoint: Checkpoint | None = None
    scan: LogScan | None = None  # the pass over the log the verdict came from (a page signs its checkpoint from it)

    @property
    def intact(self) -> bool:
        return not self.findings


def audit_verify(
    *, checkpoint: Checkpoint | None = None, public_key: bytes | None = None, blocks: list[bytes] | None = None
) -> AuditVerdict:
    """The chain, the records, and — given a checkpoint kept from earlier (with its block roots, when the file has
    them) — that today's log extends it."""
    scan = audit_log_scan()
    verdict = AuditVerdict(entries=scan.size, chain_break=scan.chain_break, checkpoint=checkpoint, scan=scan)
    if scan.chain_break is not None:
        verdict.findings.append(chain_finding(scan.chain_break))
    if checkpoint is not None:
        verdict.findings.extend(checkpoint_check(scan.leaves, checkpoint, public_key=public_key, blocks=blocks))
    verdict.findings.extend(audit_records_check())
    return verdict


@dataclass(frozen=True)
class RecentVerdict:
    """What the public page shows: the verdict of a full pass over the log made at most `VERIFY_MAX_AGE` seconds ago
    over the same head (same size, same last hash)."""

    entries: int
    findings: tuple[Finding, ...]
    chain_break: ChainBreak | None
    verified_at: datetime


VERIFY_MAX_AGE = 60  # seconds: the public page re-verifies the whole log at most once a minute per head


def audit_verify_recent(*, max_age: int = VERIFY_MAX_AGE) -> RecentVerdict:
    """The whole-log verdict, shared by every reader of the page for up to `max_age` seconds while the log's head is
    unchanged (a pass over 110,000 entries is about 1.5 s of CPU; once per reader it made the page the slowest of the
    site). A new entry changes the head and so forces a new pass at once; an edit to an older row is seen at the next
    pass, at most `max_age` seconds later — the page says when it verified, and `atazan audit verify` always checks
    now."""
    head = AuditEntry.objects.order_by("-seq").values_list("seq", "hash").first()
    database = connection.settings_dict.get("NAME")
    key = f"audit-verdict:{database}:{head[0] if head else 0}:{head[1] if head else ''}"
    cached = cache.get(key)
    if isinstance(cached, RecentVerdict):
        return cached
    verdict = audit_verify()
    if verdict.chain_break is None:
        from atazan.audit.keys import AuditKeyError

        # sign this head's checkpoint from the same pass (it is remembered per head), not from a second one
        with suppress(AuditKeyError, AuditLogBroken):
            audit_checkpoint(scan=verdict.scan)
    recent = RecentVerdict(
        entries=verdict.entries,
        findings=tuple(verdict.findings),
        chain_break=verdict.chain_break,
        verified_at=datetime.now(UTC).replace(microsecond=0),
    )
    cache.set(key, recent, timeout=max_age)
    return recent


class AuditLogBroken(RuntimeError):
    """The log's own chain is broken: no checkpoint is signed over a log that does not verify."""


def audit_checkpoint(*, scan: LogScan | None = None) -> Checkpoint:
    """A signed checkpoint of the log as it is now (raises `AuditKeyError` without a key, `AuditLogBroken` when the
    chain does not verify). Remembered per log state, so a page asks for it cheaply until the next entry. `scan`,
    a pass over the log just made (`audit_verify`), is used when it still covers every entry."""
    from atazan.audit.keys import audit_signing_key

    key = audit_signing_key()
    last = AuditEntry.objects.order_by("-seq").values_list("seq", "hash").first()
    state = f"audit-checkpoint:{bytes(key.verify_key).hex()[:16]}:{last[0] if last else 0}:{last[1] if last else ''}"
    cached = cache.get(state)
    if cached is not None:
        return checkpoint_from_dict(cached)
    if scan is None or scan.size != (last[0] if last else 0):
        scan = audit_log_scan()
    if scan.chain_break is not None:
        raise AuditLogBroken(chain_finding(scan.chain_break).render())
    time = datetime.now(UTC).replace(microsecond=0).isoformat()
    checkpoint = checkpoint_sign(size=scan.size, root=scan.root, time=time, key=key)
    cache.set(state, checkpoint.as_dict(), timeout=None)
    return checkpoint


def audit_checkpoint_file() -> dict[str, object]:
    """A checkpoint signed now, as `atazan audit checkpoint` writes it: the signed fields plus the roots of the
    log's blocks (`domain.log.block_roots`), which let `verify --checkpoint` name the block — for a log of up to
    256 entries, the entry — that was rewritten. Raises like `audit_checkpoint`."""
    from atazan.audit.domain.log import block_roots
    from atazan.audit.keys import audit_signing_key

    key = audit_signing_key()
    scan = audit_log_scan()
    if scan.chain_break is not None:
        raise AuditLogBroken(chain_finding(scan.chain_break).render())
    time = datetime.now(UTC).replace(microsecond=0).isoformat()
    checkpoint = checkpoint_sign(size=scan.size, root=scan.root, time=time, key=key)
    return {**checkpoint.as_dict(), "blocks": [h.hex() for h in block_roots(scan.leaves, scan.size)]}


class ProofNotFound(LookupError):
    """Nothing in the log is about the target; the message names it."""


def _entry_dict(row: AuditEntry) -> dict[str, object]:
    return {
        "seq": row.seq,
        "at": row.at.isoformat(),
        "actor": row.actor,
        "action": row.action,
        "target": row.target,
        "payload": row.payload,
        "records_root": row.records_root,
    }


def audit_prove(target: str, *, checkpoint: Checkpoint | None = None) -> EntryProof:
    """An inclusion proof, against the current checkpoint, of the latest entry about `target`: a record key
    (`referendum.protocol:<question>/<precinct>/v1`), a record key without its version (the latest version), or an
    entry's target. Raises `ProofNotFound` when the log says nothing about it."""
    record = (
        AuditRecord.objects.filter(key=target).select_related("entry").order_by("-entry__seq").first()
        or AuditRecord.objects.filter(key__startswith=f"{target}/v")
        .select_related("entry")
        .order_by("-entry__seq", "-position")
        .first()
    )
    entry = record.entry if record is not None else AuditEntry.objects.filter(target=target).order_by("-seq").first()
    if entry is None:
        raise ProofNotFound(f"the audit log has no entry or record about {target!r}")
    checkpoint = checkpoint or audit_checkpoint()
    if entry.seq > checkpoint.size:
        raise ProofNotFound(f"entry {entry.seq} is newer than the checkpoint of {checkpoint.size} entries")
    leaves = [
        bytes.fromhex(h)
        for h in AuditEntry.objects.filter(seq__lte=checkpoint.size).order_by("seq").values_list("leaf", flat=True)
    ]
    path = tuple(inclusion_proof_from_levels(entry.seq - 1, tree_levels(leaves)))
    record_proof = None
    if record is not None:
        from atazan.audit.domain.log import record_leaf

        pairs = list(AuditRecord.objects.filter(entry=entry).order_by("position").values_list("key", "digest"))
        levels = tree_levels([record_leaf(k, d) for k, d in pairs])
        record_proof = RecordProof(
            key=record.key,
            digest=record.digest,
            position=record.position,
            count=len(pairs),
            path=tuple(inclusion_proof_from_levels(record.position, levels)),
        )
    proof = EntryProof(checkpoint=checkpoint, entry=_entry_dict(entry), path=path, record=record_proof)
    problems = proof_verify(proof)
    if problems:
        # The stored leaf hashes or records disagree with the signed root: the database was changed since.
        raise AuditLogBroken("; ".join(p.render() for p in problems))
    return proof


def audit_consistency(first: int, second: int) -> list[str]:
    """RFC 9162 consistency proof between the first `first` and `second` entries, from the stored leaf hashes (a
    proof built from altered leaves does not verify against the signed roots, so nothing here needs trusting)."""
    from atazan.audit.domain.merkle import consistency_proof

    leaves = [
        bytes.fromhex(h)
        for h in AuditEntry.objects.filter(seq__lte=second).order_by("seq").values_list("leaf", flat=True)
    ]
    return [h.hex() for h in consistency_proof(first, leaves)]


def audit_checkpoint_published() -> dict[str, object] | None:
    """The current checkpoint as published (API, bundles), or None when no key is configured or the log's chain does
    not verify (then no checkpoint is signed, and the bundle says nothing about the log)."""
    from atazan.audit.keys import AuditKeyError

    try:
        return audit_checkpoint().as_dict()
    except (AuditKeyError, AuditLogBroken):
        return None


def audit_proof_published(target: str) -> dict[str, object] | None:
    """An inclusion proof of the latest entry about `target` against the published checkpoint, for a page's data;
    None when there is nothing to prove or no checkpoint can be signed."""
    from atazan.audit.keys import AuditKeyError

    try:
        return audit_prove(target).as_dict()
    except (AuditKeyError, AuditLogBroken, ProofNotFound):
        return None
