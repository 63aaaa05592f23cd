"""Writes of the referendum context: units, questions, protocol acceptance, corrections and the review queue.

Every official action goes into the audit chain (`audit_append`). A bulk import is one official action: its audit
entry names the file and carries a digest of every protocol it accepted, so the chain pins the whole batch.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from django.db import connection, models, transaction

from atazan.audit.services import audit_append
from atazan.referendum.domain.integrity import commission_id, protocol_signature_valid, signed_payload
from atazan.referendum.domain.protocol import Protocol, ProtocolError, ProtocolRule, Rejection, protocol_violations
from atazan.referendum.domain.protocol_io import ParsedProtocols
from atazan.referendum.domain.units import UNITS
from atazan.referendum.models import District, Precinct, ProtocolReview, ProtocolVersion, Question, Unit

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
    actor: str = "system",
) -> Question:
    """Create the question once; a second call with the same slug returns it unchanged."""
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
        )
        audit_append(
            actor=actor,
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

    @property
    def reviewed(self) -> int:
        return len(self.rejected)


def _figures(p: Protocol) -> tuple[int | None, ...]:
    return tuple(getattr(p, name) for name in FIGURES)


def _row_figures(row: Mapping[str, int | None]) -> tuple[int | None, ...]:
    return tuple(row[name] for name in FIGURES)


def protocols_import(
    *,
    question: Question,
    parsed: ParsedProtocols,
    source: str,
    actor: str,
    signatures: Mapping[str, tuple[bytes, bytes]] | None = None,
    labels: Mapping[str, tuple[str, str]] | None = None,
    progress: Callable[[int], None] | None = None,
    batch_size: int = 2000,
    audit_action: str = "referendum.protocols.import",
) -> ImportReport:
    """Accept every consistent protocol of `parsed`; send the rest to the review queue.

    - A protocol identical to the accepted one for its precinct changes nothing (re-import is idempotent).
    - A different protocol for an accepted precinct is a conflict: it goes to review, the accepted one stays.
      Corrections go through `protocol_correct`, with a reason.
    - `signatures` maps a precinct number to (Ed25519 signature, commission public key). A precinct whose
      commission key is already registered must be signed with that key.
    - `progress(n)` is called after each stored batch with the number of protocols in it.
    """
    report = ImportReport()
    now = datetime.now(UTC)
    units = units_sync()
    reviews: list[ProtocolReview] = []

    def review(rejection: Rejection, record: Mapping[str, object] | None = None) -> None:
        report.rejected.append(rejection)
        reviews.append(
            ProtocolReview(
                question=question,
                precinct_number=rejection.precinct,
                rule=rejection.rule.value,
                message=rejection.message,
                record=dict(record or {}),
                source=source if rejection.line is None else f"{source}:{rejection.line}",
                created_at=now,
            )
        )

    for rejection in parsed.rejected:
        review(rejection)

    current = {
        row["precinct__number"]: row
        for row in ProtocolVersion.objects.filter(question=question, is_current=True).values(
            "precinct__number", *FIGURES
        )
    }
    numbers = [p.precinct for p in parsed.protocols]
    precincts: dict[str, Precinct] = {}
    for start in range(0, len(numbers), 500):  # stay under SQLite's bound-parameter limit
        precincts.update((p.number, p) for p in Precinct.objects.filter(number__in=numbers[start : start + 500]))
    to_store: list[tuple[Protocol, str]] = []  # (protocol, signature status)
    seen: dict[str, Protocol] = {}
    for index, p in enumerate(parsed.protocols):
        line = parsed.lines[index] if index < len(parsed.lines) else None
        earlier = seen.get(p.precinct)
        if earlier is not None:
            if earlier == p:
                report.duplicates += 1
            else:
                report.conflicts += 1
                review(
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
            if _row_figures(accepted) == _figures(p):
                report.unchanged += 1
            else:
                report.conflicts += 1
                review(
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
                review(Rejection(problem.precinct, problem.rule, problem.message, line), p.as_dict())
            continue
        known = precincts.get(p.precinct)
        if known is not None and units[p.unit].pk != known.unit_id:
            review(
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
                    Rejection(
                        p.precinct,
                        ProtocolRule.BAD_SIGNATURE,
                        f"the signature is not {commission_id(p)}'s over this protocol",
                        line,
                    ),
                    p.as_dict(),
                )
                continue
        to_store.append((p, status))

    digest = hashlib.sha256()
    with transaction.atomic():
        _ensure_precincts(to_store, units, precincts, signatures or {}, labels or {})
        created_at = ProtocolVersion._meta.get_field("created_at").get_db_prep_save(now, connection)
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
        for start in range(0, len(to_store), batch_size):
            batch = to_store[start : start + batch_size]
            rows = []
            for p, status in batch:
                digest.update(signed_payload(p, 1))
                sig = signatures[p.precinct][0].hex() if signatures and p.precinct in signatures else ""
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
            report.accepted += len(batch)
            if progress:
                progress(len(batch))
        ProtocolReview.objects.bulk_create(reviews, batch_size=batch_size)
        if report.accepted or reviews:
            audit_append(
                actor=actor,
                action=audit_action,
                target=f"referendum/{question.slug}",
                payload={
                    "source": source,
                    "accepted": report.accepted,
                    "unchanged": report.unchanged,
                    "conflicts": report.conflicts,
                    "rejected": len(report.rejected),
                    "accepted_digest": digest.hexdigest(),
                    "precincts": [p.precinct for p, _ in to_store][:20],
                },
            )
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
    actor: str,
    signature: bytes | None = None,
    public_key: bytes | None = None,
    source: str = "api",
) -> ImportReport:
    """Accept one protocol (the path a territorial commission's upload takes). Audit: referendum.protocol.accept."""
    signatures = {protocol.precinct: (signature, public_key)} if signature and public_key else None
    return protocols_import(
        question=question,
        parsed=ParsedProtocols(protocols=[protocol], lines=[1]),
        source=source,
        actor=actor,
        signatures=signatures,
        audit_action="referendum.protocol.accept",
    )


def protocol_correct(
    *,
    question: Question,
    protocol: Protocol,
    reason: str,
    author: str,
    signature: bytes | None = None,
) -> ProtocolVersion:
    """File a correction (after a recount) as a new version; the previous version stays, no longer current.

    Raises `ProtocolError` if the corrected protocol breaks a control relation (it is also put in review), and
    `ValueError` without a reason or without an accepted protocol to correct.
    """
    if not reason.strip():
        raise ValueError("a correction needs a reason (who recounted, which decision)")
    now = datetime.now(UTC)
    # Outside the transaction below: a refused correction must still reach the review queue.
    problems = protocol_violations(protocol)
    if problems:
        ProtocolReview.objects.bulk_create(
            [
                ProtocolReview(
                    question=question,
                    precinct_number=r.precinct,
                    rule=r.rule.value,
                    message=r.message,
                    record={**protocol.as_dict(), "correction_reason": reason},
                    source="correction",
                    created_at=now,
                )
                for r in problems
            ]
        )
        raise ProtocolError(problems[0])
    with transaction.atomic():
        previous = (
            ProtocolVersion.objects.select_for_update()
            .select_related("precinct")
            .filter(question=question, precinct__number=protocol.precinct, is_current=True)
            .first()
        )
        if previous is None:
            raise ValueError(f"precinct {protocol.precinct} has no accepted protocol to correct")
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
        )
    return new


def review_resolve(*, review: ProtocolReview, actor: str, note: str) -> ProtocolReview:
    with transaction.atomic():
        review.status = ProtocolReview.Status.RESOLVED
        review.save(update_fields=["status"])
        audit_append(
            actor=actor,
            action="referendum.review.resolve",
            target=f"referendum/{review.question.slug}/{review.precinct_number}",
            payload={"rule": review.rule, "note": note},
        )
    return review
