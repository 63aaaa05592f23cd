"""Writes of the referendum context: units, questions, protocol acceptance, corrections, the review queue and the
electorate lists.

Who may write is the permission matrix's decision (docs/security.md): every service takes an `actor` that is either a
`User` (the web or the API; checked with `actor_authorize`) or a plain string (a console command run by a person with
shell access, recorded as given). A refused actor writes nothing.

Every official action goes into the audit chain (`audit_append`). A bulk import commits in chunks: each chunk is one
transaction holding its protocol rows, its review rows and its own audit entry (with a digest of every protocol it
accepted), so a crash loses at most the chunk in flight, and running the import again skips what is already stored
(identical protocols are "unchanged", identical rejections are stored once) and reaches the state of an
uninterrupted run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from django.db import connection, models, transaction

from atazan.accounts.services import actor_authorize
from atazan.audit.services import audit_append
from atazan.referendum.audit_records import protocol_record
from atazan.referendum.domain.electorate import ElectorateEntry
from atazan.referendum.domain.integrity import commission_id, protocol_signature_valid, signed_payload
from atazan.referendum.domain.protocol import Protocol, ProtocolError, ProtocolRule, Rejection, protocol_violations
from atazan.referendum.domain.protocol_io import ParsedProtocols
from atazan.referendum.domain.units import UNITS, UnitRegistry, UnknownUnitError
from atazan.referendum.models import (
    District,
    Electorate,
    Precinct,
    ProtocolReview,
    ProtocolVersion,
    Question,
    Unit,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    Actor = str | User
else:
    Actor = object

FIGURES = (
    "registered",
    "took_part",
    "yes",
    "no",
    "invalid",
    "not_counted",
    "ballots_received",
    "ballots_issued",
    "ballots_unused",
)
DEFAULT_CHUNK = 2000

QUESTION_CREATE = "referendum.question.create"
ELECTORATE_IMPORT = "referendum.electorate.import"


def units_sync() -> dict[str, Unit]:
    """Make sure the 20 units exist (idempotent); return them by code."""
    existing = {u.code: u for u in Unit.objects.all()}
    missing = [
        Unit(
            code=u.code,
            name_en=u.name_en,
            name_kk=u.name_kk,
            name_ru=u.name_ru,
            kind=u.kind.value,
            tile_col=u.tile[0],
            tile_row=u.tile[1],
            turnout_1800_bp=u.turnout_1800_bp,
        )
        for u in UNITS
        if u.code not in existing
    ]
    if missing:
        Unit.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {u.code: u for u in Unit.objects.all()}
    return existing


def question_ensure(
    *,
    slug: str,
    title: str,
    voting_date: date,
    kind: str,
    text_ru: str,
    text_kk: str = "",
    text_en: str = "",
    synthetic: bool = False,
    source_note: str = "",
    day_additions_limit_bp: int | None = None,
    actor: Actor = "system",
) -> Question:
    """Create the question once; a second call with the same slug returns it unchanged."""
    label = actor_authorize(actor, QUESTION_CREATE)
    question = Question.objects.filter(slug=slug).first()
    if question is not None:
        return question
    with transaction.atomic():
        question = Question.objects.create(
            slug=slug,
            title=title,
            voting_date=voting_date,
            kind=kind,
            text_ru=text_ru,
            text_kk=text_kk,
            text_en=text_en,
            synthetic=synthetic,
            source_note=source_note,
            day_additions_limit_bp=day_additions_limit_bp,
        )
        audit_append(
            actor=label,
            action="referendum.question.create",
            target=f"referendum/{slug}",
            payload={"kind": kind, "voting_date": voting_date.isoformat(), "synthetic": synthetic},
        )
    return question


@dataclass(slots=True)
class ImportReport:
    accepted: int = 0
    unchanged: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    bad_signatures: int = 0
    chunks: int = 0
    chunks_committed: int = 0

    @property
    def reviewed(self) -> int:
        return len(self.rejected)


def _figures(p: Protocol) -> tuple[int | None, ...]:
    return tuple(getattr(p, name) for name in FIGURES)


def _row_figures(row: Mapping[str, int | None]) -> tuple[int | None, ...]:
    return tuple(row[name] for name in FIGURES)


def review_fingerprint(*, precinct: str, rule: str, message: str, source: str, record: Mapping[str, object]) -> str:
    """What makes two review rows the same rejection: precinct, rule, message, source (with line) and the record."""
    body = json.dumps([precinct, rule, message, source, dict(record)], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(body.encode()).hexdigest()


def _review_row(
    question: Question, rejection: Rejection, record: Mapping[str, object], source: str, now: datetime
) -> ProtocolReview:
    where = source if rejection.line is None else f"{source}:{rejection.line}"
    return ProtocolReview(
        question=question,
        precinct_number=rejection.precinct,
        rule=rejection.rule.value,
        message=rejection.message,
        record=dict(record),
        source=where,
        created_at=now,
        fingerprint=review_fingerprint(
            precinct=rejection.precinct,
            rule=rejection.rule.value,
            message=rejection.message,
            source=where,
            record=record,
        ),
    )


def _reviews_store(question: Question, rows: Sequence[ProtocolReview]) -> int:
    """Store the review rows not stored before (by fingerprint); return how many were new."""
    if not rows:
        return 0
    prints = [r.fingerprint for r in rows]
    known: set[str] = set()
    for start in range(0, len(prints), 500):  # stay under SQLite's bound-parameter limit
        known.update(
            ProtocolReview.objects.filter(question=question, fingerprint__in=prints[start : start + 500]).values_list(
                "fingerprint", flat=True
            )
        )
    new: list[ProtocolReview] = []
    for row in rows:
        if row.fingerprint not in known:
            known.add(row.fingerprint)
            new.append(row)
    ProtocolReview.objects.bulk_create(new, batch_size=500)
    return len(new)


def protocols_import(
    *,
    question: Question,
    parsed: ParsedProtocols,
    source: str,
    actor: Actor,
    signatures: Mapping[str, tuple[bytes, bytes]] | None = None,
    labels: Mapping[str, tuple[str, str]] | None = None,
    progress: Callable[[int], None] | None = None,
    batch_size: int = DEFAULT_CHUNK,
) -> ImportReport:
    """Accept every consistent protocol of `parsed`; send the rest to the review queue. Audit:
    referendum.protocols.import, one entry per committed chunk of `batch_size` protocols.

    - A protocol identical to the accepted one for its precinct (or to one it superseded) changes nothing:
      re-importing, also after a crash part-way, is idempotent.
    - A different protocol for an accepted precinct is a conflict: it goes to review, the accepted one stays.
      Corrections go through `protocol_correct`, with a reason.
    - `signatures` maps a precinct number to (Ed25519 signature, commission public key). A precinct whose
      commission key is already registered must be signed with that key.
    - `progress(n)` is called after each committed chunk with the number of protocols it covered.
    """
    label = actor_authorize(actor, "referendum.protocols.import")
    return _import(
        question=question,
        parsed=parsed,
        source=source,
        actor=label,
        signatures=signatures,
        labels=labels,
        progress=progress,
        batch_size=batch_size,
        audit_action="referendum.protocols.import",
    )


@dataclass(slots=True)
class _Chunk:
    protocols: int = 0
    first_line: int | None = None
    last_line: int | None = None
    store: list[tuple[Protocol, str]] = field(default_factory=list)
    reviews: list[ProtocolReview] = field(default_factory=list)
    unchanged: int = 0
    conflicts: int = 0


def _import(
    *,
    question: Question,
    parsed: ParsedProtocols,
    source: str,
    actor: str,
    signatures: Mapping[str, tuple[bytes, bytes]] | None,
    labels: Mapping[str, tuple[str, str]] | None,
    progress: Callable[[int], None] | None,
    batch_size: int,
    audit_action: str,
) -> ImportReport:
    report = ImportReport()
    now = datetime.now(UTC)
    units = units_sync()
    batch_size = max(1, batch_size)
    lines = [parsed.lines[i] if i < len(parsed.lines) else None for i in range(len(parsed.protocols))]
    chunks = [_Chunk() for _ in range(max(1, -(-len(parsed.protocols) // batch_size)))]
    for index in range(len(parsed.protocols)):
        chunk = chunks[index // batch_size]
        chunk.protocols += 1
        line = lines[index]
        if line is not None:
            chunk.first_line = line if chunk.first_line is None else min(chunk.first_line, line)
            chunk.last_line = line if chunk.last_line is None else max(chunk.last_line, line)

    def chunk_for_line(line: int | None) -> _Chunk:
        # A row refused while parsing goes with the chunk whose lines reach it, so it is stored in file order.
        if line is not None:
            for chunk in chunks:
                if chunk.last_line is not None and line <= chunk.last_line:
                    return chunk
        return chunks[-1] if line is not None else chunks[0]

    def review(chunk: _Chunk, rejection: Rejection, record: Mapping[str, object] | None = None) -> None:
        report.rejected.append(rejection)
        chunk.reviews.append(_review_row(question, rejection, record or {}, source, now))

    for rejection in parsed.rejected:
        review(chunk_for_line(rejection.line), rejection)

    numbers = [p.precinct for p in parsed.protocols]
    current_versions = ProtocolVersion.objects.filter(question=question, is_current=True)
    if len(numbers) <= 500:
        # one protocol from a territorial commission's upload, or a small file: read only its precincts' current
        # versions, not the whole country's (the single-protocol path runs many times a minute on voting night)
        current_versions = current_versions.filter(precinct__number__in=numbers)
    current = {row["precinct__number"]: row for row in current_versions.values("precinct__number", *FIGURES)}
    precincts: dict[str, Precinct] = {}
    for start in range(0, len(numbers), 500):  # stay under SQLite's bound-parameter limit
        precincts.update((p.number, p) for p in Precinct.objects.filter(number__in=numbers[start : start + 500]))
    differing = [
        p.precinct
        for p in parsed.protocols
        if p.precinct in current and _row_figures(current[p.precinct]) != _figures(p)
    ]
    superseded: set[tuple[str, tuple[int | None, ...]]] = set()
    for start in range(0, len(differing), 500):
        for row in ProtocolVersion.objects.filter(
            question=question, is_current=False, precinct__number__in=differing[start : start + 500]
        ).values("precinct__number", *FIGURES):
            superseded.add((row["precinct__number"], _row_figures(row)))
    seen: dict[str, Protocol] = {}
    for index, p in enumerate(parsed.protocols):
        chunk = chunks[index // batch_size]
        line = lines[index]
        earlier = seen.get(p.precinct)
        if earlier is not None:
            if earlier == p:
                report.duplicates += 1
            else:
                report.conflicts += 1
                chunk.conflicts += 1
                review(
                    chunk,
                    Rejection(
                        p.precinct,
                        ProtocolRule.CONFLICTING_DUPLICATE,
                        "the same file holds a different protocol for this precinct",
                        line,
                    ),
                    p.as_dict(),
                )
            continue
        seen[p.precinct] = p
        accepted = current.get(p.precinct)
        if accepted is not None:
            if _row_figures(accepted) == _figures(p) or (p.precinct, _figures(p)) in superseded:
                report.unchanged += 1
                chunk.unchanged += 1
            else:
                report.conflicts += 1
                chunk.conflicts += 1
                review(
                    chunk,
                    Rejection(
                        p.precinct,
                        ProtocolRule.CONFLICTING_DUPLICATE,
                        "differs from the accepted protocol; file a correction with a reason instead",
                        line,
                    ),
                    p.as_dict(),
                )
            continue
        problems = protocol_violations(p)
        if problems:
            for problem in problems:
                review(chunk, Rejection(problem.precinct, problem.rule, problem.message, line), p.as_dict())
            continue
        known = precincts.get(p.precinct)
        if known is not None and units[p.unit].pk != known.unit_id:
            review(
                chunk,
                Rejection(
                    p.precinct,
                    ProtocolRule.UNKNOWN_UNIT,
                    f"precinct {p.precinct} belongs to another unit than {p.unit!r}",
                    line,
                ),
                p.as_dict(),
            )
            continue
        status = ProtocolVersion.Signature.UNSIGNED
        if signatures and p.precinct in signatures:
            signature, public_key = signatures[p.precinct]
            registered_key = bytes.fromhex(known.public_key) if known is not None and known.public_key else public_key
            if registered_key == public_key and protocol_signature_valid(p, 1, signature, public_key):
                status = ProtocolVersion.Signature.VALID
            else:
                report.bad_signatures += 1
                review(
                    chunk,
                    Rejection(
                        p.precinct,
                        ProtocolRule.BAD_SIGNATURE,
                        f"the signature is not {commission_id(p)}'s over this protocol",
                        line,
                    ),
                    p.as_dict(),
                )
                continue
        chunk.store.append((p, status))

    columns = [
        "question",
        "precinct",
        "version",
        "is_current",
        "signature",
        "signature_status",
        "reason",
        "author",
        "source",
        "created_at",
        *FIGURES,
    ]
    report.chunks = len(chunks)
    for number, chunk in enumerate(chunks, start=1):
        # One transaction per chunk: its rows, its reviews and its audit entry are stored together or not at all.
        with transaction.atomic():
            created_at = ProtocolVersion._meta.get_field("created_at").get_db_prep_save(now, connection)
            _ensure_precincts(chunk.store, units, precincts, signatures or {}, labels or {})
            digest = hashlib.sha256()
            rows = []
            records = []
            for p, status in chunk.store:
                digest.update(signed_payload(p, 1))
                sig = signatures[p.precinct][0].hex() if signatures and p.precinct in signatures else ""
                records.append(
                    protocol_record(
                        question=question.slug,
                        precinct=p.precinct,
                        version=1,
                        figures={name: getattr(p, name) for name in FIGURES},
                        signature=sig,
                        reason="",
                    )
                )
                rows.append(
                    (
                        question.pk,
                        precincts[p.precinct].pk,
                        1,
                        True,
                        sig,
                        status,
                        "",
                        actor,
                        source,
                        created_at,
                        *(getattr(p, name) for name in FIGURES),
                    )
                )
            _insert_rows(ProtocolVersion, columns, rows)
            new_reviews = _reviews_store(question, chunk.reviews)
            if rows or new_reviews:
                audit_append(
                    actor=actor,
                    action=audit_action,
                    target=f"referendum/{question.slug}",
                    payload={
                        "source": source,
                        "chunk": number,
                        "chunks": len(chunks),
                        "lines": [chunk.first_line, chunk.last_line],
                        "accepted": len(rows),
                        "unchanged": chunk.unchanged,
                        "conflicts": chunk.conflicts,
                        "rejected": new_reviews,
                        "accepted_digest": digest.hexdigest(),
                        "precincts": [p.precinct for p, _ in chunk.store][:20],
                    },
                    records=records,
                )
                report.chunks_committed += 1
        report.accepted += len(rows)
        if progress and chunk.protocols:
            progress(chunk.protocols)
    return report


def _ensure_precincts(
    to_store: list[tuple[Protocol, str]],
    units: Mapping[str, Unit],
    precincts: dict[str, Precinct],
    signatures: Mapping[str, tuple[bytes, bytes]],
    labels: Mapping[str, tuple[str, str]],
) -> None:
    wanted_districts = {(units[p.unit].pk, p.district) for p, _ in to_store if p.district}
    districts = {(d.unit_id, d.name): d for d in District.objects.all()}
    new_districts = [District(unit_id=u, name=n) for u, n in wanted_districts if (u, n) not in districts]
    if new_districts:
        District.objects.bulk_create(new_districts, ignore_conflicts=True)
        districts = {(d.unit_id, d.name): d for d in District.objects.all()}
    new_precincts = []
    for p, _ in to_store:
        if p.precinct in precincts:
            known = precincts[p.precinct]
            if not known.public_key and p.precinct in signatures:
                known.public_key = signatures[p.precinct][1].hex()
                known.save(update_fields=["public_key"])
            continue
        unit = units[p.unit]
        label, country = labels.get(p.precinct, ("", ""))
        precincts[p.precinct] = Precinct(
            number=p.precinct,
            unit=unit,
            district=districts.get((unit.pk, p.district)) if p.district else None,
            abroad=p.abroad,
            label=label,
            country=country,
            public_key=signatures[p.precinct][1].hex() if p.precinct in signatures else "",
        )
        new_precincts.append(precincts[p.precinct])
    if new_precincts:
        columns = ["number", "unit", "district", "abroad", "label", "country", "public_key"]
        _insert_rows(
            Precinct,
            columns,
            [(p.number, p.unit_id, p.district_id, p.abroad, p.label, p.country, p.public_key) for p in new_precincts],
        )
        numbers = [p.number for p in new_precincts]
        ids: dict[str, int] = {}
        for start in range(0, len(numbers), 500):  # stay under SQLite's bound-parameter limit
            ids.update(Precinct.objects.filter(number__in=numbers[start : start + 500]).values_list("number", "id"))
        for p in new_precincts:
            p.pk = ids[p.number]


def _insert_rows(model: type[models.Model], fields: list[str], rows: list[tuple[object, ...]]) -> None:
    """INSERT many rows with one prepared statement: the ORM's bulk_create spends most of its time preparing
    each value, which for 10,000 protocols of plain integers is pure overhead. Values must already be in their
    database form. Call inside the caller's transaction."""
    if not rows:
        return
    meta = model._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({placeholders})", rows)  # noqa: S608


def protocol_accept(
    *,
    question: Question,
    protocol: Protocol,
    actor: Actor,
    signature: bytes | None = None,
    public_key: bytes | None = None,
    source: str = "api",
) -> ImportReport:
    """Accept one protocol (the path a territorial commission's upload takes). Audit: referendum.protocol.accept.
    A protocol that breaks a control relation goes to the review queue, as in an import."""
    label = actor_authorize(actor, "referendum.protocol.accept")
    signatures = {protocol.precinct: (signature, public_key)} if signature and public_key else None
    return _import(
        question=question,
        parsed=ParsedProtocols(protocols=[protocol], lines=[1]),
        source=source,
        actor=label,
        signatures=signatures,
        labels=None,
        progress=None,
        batch_size=DEFAULT_CHUNK,
        audit_action="referendum.protocol.accept",
    )


def protocol_correct(
    *,
    question: Question,
    protocol: Protocol,
    reason: str,
    author: Actor,
    signature: bytes | None = None,
) -> ProtocolVersion:
    """File a correction (after a recount) as a new version; the previous version stays, no longer current.

    Raises `ProtocolError` if the corrected protocol breaks a control relation (it is also put in review), and
    `ValueError` without a reason or without an accepted protocol to correct.
    """
    label = actor_authorize(author, "referendum.protocol.correct")
    if not reason.strip():
        raise ValueError("a correction needs a reason (who recounted, which decision)")
    problems = protocol_violations(protocol)
    if problems:
        # Outside the transaction of the correction: a refused correction must still reach the review queue.
        now = datetime.now(UTC)
        record = {**protocol.as_dict(), "correction_reason": reason}
        _reviews_store(question, [_review_row(question, r, record, "correction", now) for r in problems])
        raise ProtocolError(problems[0])
    with transaction.atomic():
        return _correct(question=question, protocol=protocol, reason=reason, author=label, signature=signature)


def _correct(
    *, question: Question, protocol: Protocol, reason: str, author: str, signature: bytes | None
) -> ProtocolVersion:
    now = datetime.now(UTC)
    previous = (
        ProtocolVersion.objects.select_for_update()
        .select_related("precinct")
        .filter(question=question, precinct__number=protocol.precinct, is_current=True)
        .first()
    )
    if previous is None:
        raise ValueError(f"precinct {protocol.precinct} has no accepted protocol to correct")
    if previous.precinct.unit.code != protocol.unit:
        raise ProtocolError(
            Rejection(
                protocol.precinct,
                ProtocolRule.UNKNOWN_UNIT,
                f"precinct {protocol.precinct} belongs to {previous.precinct.unit.name_en}, not {protocol.unit!r}",
            )
        )
    if _figures(protocol) == tuple(getattr(previous, name) for name in FIGURES):
        return previous
    status = ProtocolVersion.Signature.UNSIGNED
    version = previous.version + 1
    if signature is not None:
        key = bytes.fromhex(previous.precinct.public_key) if previous.precinct.public_key else b""
        ok = bool(key) and protocol_signature_valid(protocol, version, signature, key)
        status = ProtocolVersion.Signature.VALID if ok else ProtocolVersion.Signature.INVALID
    previous.is_current = False
    previous.save(update_fields=["is_current"])
    new = ProtocolVersion.objects.create(
        question=question,
        precinct=previous.precinct,
        version=version,
        is_current=True,
        signature=signature.hex() if signature else "",
        signature_status=status,
        reason=reason,
        author=author,
        source="correction",
        created_at=now,
        **{name: getattr(protocol, name) for name in FIGURES},
    )
    audit_append(
        actor=author,
        action="referendum.protocol.correct",
        target=f"referendum/{question.slug}/{protocol.precinct}",
        payload={
            "version": version,
            "reason": reason,
            "before": {name: getattr(previous, name) for name in FIGURES},
            "after": {name: getattr(protocol, name) for name in FIGURES},
        },
        records=[
            protocol_record(
                question=question.slug,
                precinct=protocol.precinct,
                version=version,
                figures={name: getattr(protocol, name) for name in FIGURES},
                signature=new.signature,
                reason=reason,
            )
        ],
    )
    return new


class ReviewRefused(ValueError):
    """A review item cannot be resolved this way; the message says why."""


def _siblings(review: ProtocolReview) -> list[ProtocolReview]:
    """The open review rows of the same record from the same source (a record breaking two rules is two rows)."""
    return [
        r
        for r in ProtocolReview.objects.select_for_update().filter(
            question=review.question,
            precinct_number=review.precinct_number,
            source=review.source,
            status=ProtocolReview.Status.OPEN,
        )
        if r.pk == review.pk or r.record == review.record
    ]


def review_resolve(
    *,
    review: ProtocolReview,
    actor: Actor,
    note: str,
    accept: Protocol | None = None,
) -> ProtocolReview:
    """Resolve a protocol under review, in one transaction, audited as referendum.review.resolve:

    - `accept` given: accept this (corrected) protocol for the review's precinct. It must satisfy every control
      relation (else `ProtocolError`, nothing changes). If the precinct has an accepted protocol, the corrected one
      becomes a new version with `note` as its reason (referendum.protocol.correct); otherwise it is accepted as the
      precinct's first protocol (referendum.protocol.accept).
    - `accept` absent: dismiss the item; `note` is the reason.

    The other open rows of the same record (the other rules it broke) are resolved with it. `note` is required.
    """
    label = actor_authorize(actor, "referendum.review.resolve")
    if accept is not None:
        actor_authorize(actor, "referendum.protocol.accept")
    if not note.strip():
        raise ReviewRefused("a resolution needs a reason: why the protocol is accepted or dismissed")
    now = datetime.now(UTC)
    with transaction.atomic():
        fresh = ProtocolReview.objects.select_for_update().select_related("question").get(pk=review.pk)
        if fresh.status != ProtocolReview.Status.OPEN:
            raise ReviewRefused(f"review item {fresh.pk} (precinct {fresh.precinct_number}) is already resolved")
        outcome: dict[str, object] = {"resolution": "dismissed"}
        if accept is not None:
            if fresh.precinct_number and accept.precinct != fresh.precinct_number:
                raise ReviewRefused(
                    f"the protocol is for precinct {accept.precinct}, the review item for {fresh.precinct_number}"
                )
            problems = protocol_violations(accept)
            if problems:
                raise ProtocolError(problems[0])
            has_current = ProtocolVersion.objects.filter(
                question=fresh.question, precinct__number=accept.precinct, is_current=True
            ).exists()
            if has_current:
                version = _correct(question=fresh.question, protocol=accept, reason=note, author=label, signature=None)
                outcome = {"resolution": "accepted", "as": "correction", "version": version.version}
            else:
                report = _import(
                    question=fresh.question,
                    parsed=ParsedProtocols(protocols=[accept], lines=[1]),
                    source=f"review:{fresh.pk}",
                    actor=label,
                    signatures=None,
                    labels=None,
                    progress=None,
                    batch_size=1,
                    audit_action="referendum.protocol.accept",
                )
                if report.accepted != 1:
                    reasons = "; ".join(f"{r.rule.value}: {r.message}" for r in report.rejected) or "not accepted"
                    raise ReviewRefused(f"precinct {accept.precinct}: {reasons}")
                outcome = {"resolution": "accepted", "as": "first protocol", "version": 1}
        resolution = ProtocolReview.Resolution.ACCEPTED if accept is not None else ProtocolReview.Resolution.DISMISSED
        resolved = _siblings(fresh)
        for row in resolved:
            row.status = ProtocolReview.Status.RESOLVED
            row.resolution = resolution
            row.resolved_by = label
            row.resolved_at = now
            row.resolution_note = note
            row.save(update_fields=["status", "resolution", "resolved_by", "resolved_at", "resolution_note"])
        audit_append(
            actor=label,
            action="referendum.review.resolve",
            target=f"referendum/{fresh.question.slug}/{fresh.precinct_number}",
            payload={
                **outcome,
                "review": fresh.pk,
                "rules": sorted({r.rule for r in resolved}),
                "resolved_items": sorted(r.pk for r in resolved),
                "note": note,
                "figures": None if accept is None else {name: getattr(accept, name) for name in FIGURES},
            },
        )
    fresh.refresh_from_db()
    return fresh


@dataclass(slots=True)
class ElectorateReport:
    recorded: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)


@transaction.atomic
def electorate_record(
    *,
    question: Question,
    entries: Sequence[ElectorateEntry],
    actor: Actor,
    registry: UnitRegistry,
    synthetic: bool = False,
    source: str = "",
) -> ElectorateReport:
    """Record each precinct's list size as published before voting (one transaction, one audit entry
    referendum.electorate.import). A precinct not yet known is created in its unit; a changed list size replaces
    the old one, and the audit entry keeps both."""
    label = actor_authorize(actor, ELECTORATE_IMPORT)
    report = ElectorateReport()
    units = units_sync()
    now = datetime.now(UTC)
    existing = {e.precinct.number: e for e in Electorate.objects.filter(question=question).select_related("precinct")}
    numbers = [e.precinct for e in entries]
    precincts: dict[str, Precinct] = {}
    for start in range(0, len(numbers), 500):  # stay under SQLite's bound-parameter limit
        precincts.update((p.number, p) for p in Precinct.objects.filter(number__in=numbers[start : start + 500]))
    districts = {(d.unit_id, d.name): d for d in District.objects.all()}
    changes: list[dict[str, object]] = []
    new_rows: list[Electorate] = []
    for entry in entries:
        try:
            unit_def, abroad = registry.resolve(entry.unit)
        except UnknownUnitError as exc:
            report.problems.append(f"precinct {entry.precinct}: {exc}")
            continue
        unit = units[unit_def.code]
        precinct = precincts.get(entry.precinct)
        if precinct is None:
            district = None
            if entry.district:
                district = districts.get((unit.pk, entry.district))
                if district is None:
                    district = District.objects.create(unit=unit, name=entry.district)
                    districts[(unit.pk, entry.district)] = district
            precinct = Precinct.objects.create(number=entry.precinct, unit=unit, district=district, abroad=abroad)
            precincts[entry.precinct] = precinct
        elif precinct.unit_id != unit.pk:
            report.problems.append(f"precinct {entry.precinct} belongs to another unit than {entry.unit!r}")
            continue
        old = existing.get(entry.precinct)
        if old is not None and (old.voters, old.published_on, old.source) == (
            entry.voters,
            entry.published_on,
            entry.source,
        ):
            report.unchanged += 1
            continue
        if old is None:
            new_rows.append(
                Electorate(
                    question=question,
                    precinct=precinct,
                    voters=entry.voters,
                    published_on=entry.published_on,
                    source=entry.source,
                    synthetic=synthetic,
                    recorded_by=label,
                    recorded_at=now,
                )
            )
        else:
            changes.append({"precinct": entry.precinct, "before": old.voters, "after": entry.voters})
            old.voters, old.published_on, old.source = entry.voters, entry.published_on, entry.source
            old.synthetic, old.recorded_by, old.recorded_at = synthetic, label, now
            old.save()
        report.recorded += 1
    Electorate.objects.bulk_create(new_rows, batch_size=500)
    if report.recorded:
        audit_append(
            actor=label,
            action=ELECTORATE_IMPORT,
            target=f"referendum/{question.slug}",
            payload={
                "source": source,
                "recorded": report.recorded,
                "voters": sum(e.voters for e in entries),
                "changed": changes[:50],
                "synthetic": synthetic,
            },
        )
    return report
