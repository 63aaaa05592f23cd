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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from django.db import connection, models, transaction
from django.db.models import F

from atazan.accounts.services import actor_authorize
from atazan.audit.services import audit_append
from atazan.referendum.audit_records import protocol_record
from atazan.referendum.domain.electorate import ElectorateEntry
from atazan.referendum.domain.integrity import commission_id, protocol_signature_valid, signed_payload
from atazan.referendum.domain.messages import msg
from atazan.referendum.domain.protocol import (
    BALLOT_FIELDS,
    VOTE_FIELDS,
    Protocol,
    ProtocolError,
    ProtocolRule,
    Rejection,
    precinct_key,
    protocol_violations,
)
from atazan.referendum.domain.protocol_io import ParsedProtocols
from atazan.referendum.domain.register import (
    ELECTORATE_BOUND,
    PrecinctRegister,
    RegisteredPrecinct,
    electorate_bound_problem,
    register_check,
)
from atazan.referendum.domain.units import UNITS, UnitRegistry, UnknownUnitError
from atazan.referendum.models import (
    District,
    Electorate,
    Precinct,
    ProtocolReview,
    ProtocolVersion,
    Question,
    ResultCounter,
    Unit,
)
from atazan.referendum.translation import params_stored

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    Actor = str | User
else:
    Actor = object

FIGURES = VOTE_FIELDS + BALLOT_FIELDS
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
    translations: dict[str, dict[str, str]] | None = None,
    actor: Actor = "system",
) -> Question:
    """Create the question once; a second call with the same slug returns it unchanged, except that ``translations``
    ({"kk": {"title": …, "source_note": …}, "ru": {…}}) a question made before they were kept are added to it."""
    label = actor_authorize(actor, QUESTION_CREATE)
    question = Question.objects.filter(slug=slug).first()
    if question is not None:
        if translations and not question.translations:
            question.translations = translations
            question.save(update_fields=["translations"])
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
            translations=translations or {},
        )
        ResultCounter.objects.create(question=question, level=ResultCounter.Level.NATION)
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
        precinct_number=rejection.precinct[:40],  # the column's length; the record keeps the whole number
        rule=rejection.rule.value,
        message=rejection.message,
        message_code=rejection.msg.code if rejection.msg is not None else "",
        message_params=params_stored(rejection.msg) if rejection.msg is not None else {},
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
    progress: Callable[[int], None] | None = None,
    batch_size: int = DEFAULT_CHUNK,
) -> ImportReport:
    """Accept every consistent protocol of `parsed`; send the rest to the review queue. Audit:
    referendum.protocols.import, one entry per committed chunk of `batch_size` protocols.

    - A protocol identical to the accepted one for its precinct (or to one it superseded) changes nothing:
      re-importing, also after a crash part-way, is idempotent.
    - A different protocol for an accepted precinct is a conflict: it goes to review, the accepted one stays.
      Corrections go through `protocol_correct`, with a reason.
    - A protocol is counted only for a precinct on the register (matched by its normalised number) and within the
      citizens the register lists for it; otherwise it goes to review with the rule (`domain.register`). No
      protocol ever creates a precinct.
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
    progress: Callable[[int], None] | None,
    batch_size: int,
    audit_action: str,
) -> ImportReport:
    report = ImportReport()
    now = datetime.now(UTC)
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

    # Every protocol is matched to the register by its normalised number (domain.register.precinct_key); only a
    # precinct on the register is ever counted, under the register's number, and nothing here creates one.
    numbers = [precinct_key(p.precinct) for p in parsed.protocols]
    current_versions = ProtocolVersion.objects.filter(question=question, is_current=True)
    if len(numbers) <= 500:
        # one protocol from a territorial commission's upload, or a small file: read only its precincts' current
        # versions, not the whole country's (the single-protocol path runs many times a minute on voting night)
        current_versions = current_versions.filter(precinct__number__in=numbers)
    current = {row["precinct__number"]: row for row in current_versions.values("precinct__number", *FIGURES)}
    precincts = _precincts_by_number(numbers)
    register = _register_from(precincts.values())
    differing = [
        n
        for n, p in zip(numbers, parsed.protocols, strict=True)
        if n in current and _row_figures(current[n]) != _figures(p)
    ]
    superseded: set[tuple[str, tuple[int | None, ...]]] = set()
    for start in range(0, len(differing), 500):
        for row in ProtocolVersion.objects.filter(
            question=question, is_current=False, precinct__number__in=differing[start : start + 500]
        ).values("precinct__number", *FIGURES):
            superseded.add((row["precinct__number"], _row_figures(row)))
    seen: dict[str, Protocol] = {}
    signed: dict[str, tuple[bytes, bytes]] = {}
    for index, given in enumerate(parsed.protocols):
        chunk = chunks[index // batch_size]
        line = lines[index]
        bound = register_check(given, register, line)
        if isinstance(bound, list):
            # every rule it breaks: the register's and the protocol's own
            for problem in [*bound, *protocol_violations(given)]:
                review(chunk, _with_line(problem, line, bound[0].precinct), given.as_dict())
            continue
        p = bound
        earlier = seen.get(p.precinct)
        if earlier is not None:
            if earlier == p:
                report.duplicates += 1
            else:
                report.conflicts += 1
                chunk.conflicts += 1
                review(
                    chunk,
                    Rejection.of(p.precinct, ProtocolRule.CONFLICTING_DUPLICATE, msg("duplicate_in_file"), line),
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
                    Rejection.of(p.precinct, ProtocolRule.CONFLICTING_DUPLICATE, msg("differs_from_accepted"), line),
                    p.as_dict(),
                )
            continue
        problems = protocol_violations(p)
        if problems:
            for problem in problems:
                review(chunk, _with_line(problem, line), p.as_dict())
            continue
        known = precincts[p.precinct]
        status = ProtocolVersion.Signature.UNSIGNED
        offered = (signatures or {}).get(given.precinct) or (signatures or {}).get(p.precinct)
        if offered is not None:
            signature, public_key = offered
            registered_key = bytes.fromhex(known.public_key) if known.public_key else public_key
            if registered_key == public_key and protocol_signature_valid(p, 1, signature, public_key):
                status = ProtocolVersion.Signature.VALID
                signed[p.precinct] = offered
            else:
                report.bad_signatures += 1
                review(
                    chunk,
                    Rejection.of(
                        p.precinct,
                        ProtocolRule.BAD_SIGNATURE,
                        msg("signature_not_commission", commission=commission_id(p)),
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
            _keys_record(chunk.store, precincts, signed)
            digest = hashlib.sha256()
            rows = []
            records = []
            for p, status in chunk.store:
                digest.update(signed_payload(p, 1))
                sig = signed[p.precinct][0].hex() if p.precinct in signed else ""
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
            # the same transaction counts them (ResultCounter): every reader sees them from its commit on
            counters_change(
                added=[
                    VersionFigures(question.pk, precincts[p.precinct].pk, status, _figures(p))
                    for p, status in chunk.store
                ]
            )
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


def _keys_record(
    to_store: list[tuple[Protocol, str]], precincts: Mapping[str, Precinct], signed: Mapping[str, tuple[bytes, bytes]]
) -> None:
    """A precinct commission's key is registered with its first validly signed protocol."""
    for p, _ in to_store:
        known = precincts[p.precinct]
        if not known.public_key and p.precinct in signed:
            known.public_key = signed[p.precinct][1].hex()
            known.save(update_fields=["public_key"])


def _precincts_by_number(numbers: Sequence[str]) -> dict[str, Precinct]:
    """The precincts on the register among `numbers` (normal form), by number."""
    found: dict[str, Precinct] = {}
    unique = sorted(set(numbers))
    for start in range(0, len(unique), 500):  # stay under SQLite's bound-parameter limit
        found.update(
            (p.number, p)
            for p in Precinct.objects.filter(
                number__in=unique[start : start + 500], registered__isnull=False
            ).select_related("unit", "district")
        )
    return found


def _register_from(precincts: Iterable[Precinct]) -> PrecinctRegister:
    return PrecinctRegister(
        RegisteredPrecinct(
            p.number,
            p.unit.code,
            p.district.name if p.district else "",
            p.registered or 0,
            p.address,
            p.abroad,
        )
        for p in precincts
    )


def _with_line(rejection: Rejection, line: int | None, precinct: str | None = None) -> Rejection:
    """`rejection` at `line`, under `precinct` when given (every rule of one protocol under one number)."""
    number = rejection.precinct if precinct is None else precinct
    return Rejection(number, rejection.rule, rejection.message, line, rejection.msg)


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


# --- Result counters (models.ResultCounter) ------------------------------------------------------------------------
# One tally for every worker and machine: the sums of the current protocol versions per district, unit and nation
# are rows, changed in the transaction that changes which version of a precinct's protocol counts. Every writer
# first locks the question's nation row (so writers of one question take their turn there: an update is never
# lost, and recount's read of the versions sees every committed change and none half-done), then adds the new
# version's figures and subtracts the old one's with F() expressions, one UPDATE per counter row in id order.
# Writers lock it before `audit_append` takes the audit log's lock, always in that order.

COUNTER_SUMS = VOTE_FIELDS  # what the totals add up (domain.tally.TOTAL_FIELDS)
_SIGNATURE_COLUMN = {
    ProtocolVersion.Signature.VALID: "signed_valid",
    ProtocolVersion.Signature.INVALID: "signed_invalid",
    ProtocolVersion.Signature.UNSIGNED: "unsigned",
}
COUNTER_COLUMNS = (*COUNTER_SUMS, "precincts", "uncounted", *_SIGNATURE_COLUMN.values())
_UNIT_CODES = frozenset(u.code for u in UNITS)

CounterKey = tuple[str, int | None, int | None]  # (level, unit id, district id)


@dataclass(frozen=True, slots=True)
class Place:
    """Where a precinct's protocol counts: its unit and district on the register (and what a check needs)."""

    unit_id: int
    unit_code: str
    district_id: int | None
    district_name: str
    number: str
    abroad: bool

    @classmethod
    def of(cls, precinct: Precinct) -> Place:
        district = precinct.district
        return cls(
            precinct.unit_id,
            precinct.unit.code,
            precinct.district_id,
            district.name if district else "",
            precinct.number,
            precinct.abroad,
        )


@dataclass(frozen=True, slots=True)
class VersionFigures:
    """A protocol version as the counters see it. `place` None: where the register puts its precinct when the
    counters are changed (read under the counters' lock, so a precinct moved meanwhile counts where it now is)."""

    question_id: int
    precinct_id: int
    signature_status: str
    figures: tuple[int | None, ...]  # FIGURES order
    place: Place | None = None

    @classmethod
    def of(cls, version: ProtocolVersion, place: Place | None = None) -> VersionFigures:
        figures = tuple(getattr(version, n) for n in FIGURES)
        return cls(version.question_id, version.precinct_id, version.signature_status, figures, place)


@dataclass(frozen=True, slots=True)
class CountedVersion:
    """What one current protocol version adds to its question's counters: where, and which columns by how much."""

    question_id: int
    unit_id: int
    district_id: int | None
    values: tuple[int, ...]  # COUNTER_COLUMNS order

    def counters(self) -> tuple[CounterKey, ...]:
        return (
            (ResultCounter.Level.NATION, None, None),
            (ResultCounter.Level.UNIT, self.unit_id, None),
            (ResultCounter.Level.DISTRICT, self.unit_id, self.district_id),
        )


def counted_version(
    question_id: int, place: Place, signature_status: str, figures: Sequence[int | None]
) -> CountedVersion:
    """The counters' view of a current version: a protocol breaking a control relation (or of a unit outside the
    20 of Constitution 2026 Art. 92(3)) is never counted, as in `domain.tally`; it is `uncounted`."""
    values = dict(zip(FIGURES, figures, strict=True))
    protocol = Protocol(place.number, place.unit_code, place.district_name, abroad=place.abroad, **values)  # type: ignore[arg-type]
    counted = place.unit_code in _UNIT_CODES and not protocol_violations(protocol)
    sums = [int(values[n] or 0) if counted else 0 for n in COUNTER_SUMS]
    signatures = [int(signature_status == status) for status in _SIGNATURE_COLUMN]
    return CountedVersion(
        question_id, place.unit_id, place.district_id, (*sums, int(counted), int(not counted), *signatures)
    )


def _places(precinct_ids: Iterable[int]) -> dict[int, Place]:
    found: dict[int, Place] = {}
    unique = sorted(set(precinct_ids))
    for start in range(0, len(unique), 500):  # stay under SQLite's bound-parameter limit
        for p in Precinct.objects.filter(id__in=unique[start : start + 500]).select_related("unit", "district"):
            found[p.pk] = Place.of(p)
    return found


def _nation_lock(question_id: int) -> None:
    """Lock the question's nation counter row (made when missing) until the transaction ends."""
    rows = ResultCounter.objects.select_for_update().filter(question_id=question_id, level=ResultCounter.Level.NATION)
    if not rows.exists():
        ResultCounter.objects.bulk_create(
            [ResultCounter(question_id=question_id, level=ResultCounter.Level.NATION)], ignore_conflicts=True
        )
    rows.get()  # evaluated with FOR UPDATE (PostgreSQL); SQLite's write lock serialises writers anyway


def _counter_ids(question_id: int, keys: Iterable[CounterKey]) -> dict[CounterKey, int]:
    """The ids of the question's counter rows for `keys`, made (empty) where missing."""

    def stored() -> dict[CounterKey, int]:
        rows = ResultCounter.objects.filter(question_id=question_id).values_list(
            "level", "unit_id", "district_id", "id"
        )
        return {(level, unit, district): pk for level, unit, district, pk in rows}

    wanted = set(keys)
    ids = stored()
    missing = wanted - set(ids)
    if missing:
        ResultCounter.objects.bulk_create(
            [
                ResultCounter(question_id=question_id, level=level, unit_id=unit, district_id=district)
                for level, unit, district in sorted(missing, key=lambda k: (k[0], k[1] or 0, k[2] or 0))
            ],
            ignore_conflicts=True,
        )
        ids = stored()
    return {key: ids[key] for key in wanted}


def counters_change(*, added: Iterable[VersionFigures] = (), removed: Iterable[VersionFigures] = ()) -> None:
    """Count the versions `added` and stop counting `removed`, inside the caller's transaction: the one that
    stores them or supersedes them. Locks the nation row of each question concerned (in id order) first."""
    changes = [(1, v) for v in added] + [(-1, v) for v in removed]
    if not changes:
        return
    questions = sorted({v.question_id for _, v in changes})
    for question_id in questions:
        _nation_lock(question_id)
    places = _places(v.precinct_id for _, v in changes if v.place is None)
    deltas: dict[int, dict[CounterKey, list[int]]] = {}
    for sign, v in changes:
        counted = counted_version(v.question_id, v.place or places[v.precinct_id], v.signature_status, v.figures)
        per_key = deltas.setdefault(v.question_id, {})
        for key in counted.counters():
            vector = per_key.setdefault(key, [0] * len(COUNTER_COLUMNS))
            for i, value in enumerate(counted.values):
                vector[i] += sign * value
    now = datetime.now(UTC)
    for question_id in questions:
        changed = {key: vector for key, vector in deltas[question_id].items() if any(vector)}
        if not changed:
            continue
        ids = _counter_ids(question_id, changed)
        for key in sorted(changed, key=ids.__getitem__):
            update = {col: F(col) + d for col, d in zip(COUNTER_COLUMNS, changed[key], strict=True) if d}
            ResultCounter.objects.filter(pk=ids[key]).update(**update, changes=F("changes") + 1, updated_at=now)


def counters_from_versions(versions: Iterable[CountedVersion]) -> dict[CounterKey, tuple[int, ...]]:
    """The counters a full tally of `versions` (one question's current ones) gives, by key; rows of zero left out."""
    sums: dict[CounterKey, list[int]] = {}
    for v in versions:
        for key in v.counters():
            vector = sums.setdefault(key, [0] * len(COUNTER_COLUMNS))
            for i, value in enumerate(v.values):
                vector[i] += value
    return {key: tuple(vector) for key, vector in sums.items() if any(vector)}


def _counters_move(moved: Mapping[int, Place]) -> None:
    """Count the current versions of precincts the register moved (to another district, or unit) where they are
    now. The counters are locked before the versions are read: a version accepted meanwhile is either read here or
    counted, after this commits, where the precinct now is."""
    for question_id in sorted(Question.objects.values_list("pk", flat=True)):
        _nation_lock(question_id)
    ids = sorted(moved)
    versions: list[ProtocolVersion] = []
    for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
        versions.extend(ProtocolVersion.objects.filter(is_current=True, precinct_id__in=ids[start : start + 500]))
    counters_change(
        added=[VersionFigures.of(v) for v in versions],
        removed=[VersionFigures.of(v, moved[v.precinct_id]) for v in versions],
    )


def _current_counted(question: Question) -> list[CountedVersion]:
    """Every current version of the question as the counters see it, where the register now puts its precinct."""
    rows = ProtocolVersion.objects.filter(question=question, is_current=True).values_list(
        "precinct_id",
        "precinct__unit_id",
        "precinct__unit__code",
        "precinct__district_id",
        "precinct__district__name",
        "precinct__number",
        "precinct__abroad",
        "signature_status",
        *FIGURES,
    )
    return [
        counted_version(question.pk, Place(unit, code, district, name or "", number, abroad), status, figures)
        for _precinct, unit, code, district, name, number, abroad, status, *figures in rows.iterator(chunk_size=5000)
    ]


def _counters_stored(question: Question) -> dict[CounterKey, tuple[int, ...]]:
    rows = ResultCounter.objects.filter(question=question).values_list(
        "level", "unit_id", "district_id", *COUNTER_COLUMNS
    )
    return {(level, unit, district): tuple(values) for level, unit, district, *values in rows if any(values)}


@dataclass(frozen=True, slots=True)
class CounterDifference:
    """A stored counter that differs from the full tally of the current versions."""

    level: str
    unit: str  # unit code, "" for the nation
    district: str  # district name, "" for none
    column: str
    stored: int
    recounted: int

    def as_dict(self) -> dict[str, object]:
        return {
            "level": self.level,
            "unit": self.unit,
            "district": self.district,
            "column": self.column,
            "stored": self.stored,
            "recounted": self.recounted,
        }


COUNTERS_RECOUNT = "referendum.counters.recount"


def counters_recount(*, question: Question, actor: Actor, write: bool = True) -> list[CounterDifference]:
    """Sum the question's current protocol versions from scratch and compare with the stored counters; with
    `write`, make the counters equal to the recount (audited as referendum.counters.recount when anything
    differed). Returns every difference found, in level, unit and district order. Nothing in the platform should
    ever make one: a difference means rows were changed behind the services (or a bug)."""
    label = actor_authorize(actor, COUNTERS_RECOUNT)
    with transaction.atomic():
        _nation_lock(question.pk)  # no version becomes current or stops being current while we read
        recounted = counters_from_versions(_current_counted(question))
        stored = _counters_stored(question)
        units = dict(Unit.objects.values_list("id", "code"))
        districts = dict(District.objects.values_list("id", "name"))
        zero = (0,) * len(COUNTER_COLUMNS)
        differences: list[CounterDifference] = []
        for key in sorted(set(recounted) | set(stored), key=lambda k: (k[0] != "nation", k[0], k[1] or 0, k[2] or 0)):
            level, unit_id, district_id = key
            old, new = stored.get(key, zero), recounted.get(key, zero)
            for column, a, b in zip(COUNTER_COLUMNS, old, new, strict=True):
                if a != b:
                    differences.append(
                        CounterDifference(
                            level,
                            units.get(unit_id, "") if unit_id else "",
                            districts.get(district_id, "") if district_id else "",
                            column,
                            a,
                            b,
                        )
                    )
        if write and differences:
            ids = _counter_ids(question.pk, set(recounted) | set(stored))
            now = datetime.now(UTC)
            for key in sorted(ids, key=ids.__getitem__):
                if stored.get(key, zero) != recounted.get(key, zero):
                    values = dict(zip(COUNTER_COLUMNS, recounted.get(key, zero), strict=True))
                    ResultCounter.objects.filter(pk=ids[key]).update(**values, changes=F("changes") + 1, updated_at=now)
            audit_append(
                actor=label,
                action=COUNTERS_RECOUNT,
                target=f"referendum/{question.slug}",
                payload={"differences": len(differences), "first": [d.as_dict() for d in differences[:50]]},
            )
    return differences


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
    bound = _registered(protocol)
    problems = bound if isinstance(bound, list) else protocol_violations(bound)
    if problems:
        # Outside the transaction of the correction: a refused correction must still reach the review queue.
        now = datetime.now(UTC)
        record = {**protocol.as_dict(), "correction_reason": reason}
        _reviews_store(question, [_review_row(question, r, record, "correction", now) for r in problems])
        raise ProtocolError(problems[0])
    assert isinstance(bound, Protocol)
    with transaction.atomic():
        return _correct(question=question, protocol=bound, reason=reason, author=label, signature=signature)


def _registered(protocol: Protocol) -> Protocol | list[Rejection]:
    """`protocol` in the register's terms, or the register's rules it breaks (domain.register.register_check)."""
    number = precinct_key(protocol.precinct)
    return register_check(protocol, _register_from(_precincts_by_number([number]).values()))


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
            Rejection.of(
                protocol.precinct,
                ProtocolRule.UNKNOWN_UNIT,
                msg("unit_moved", precinct=protocol.precinct, unit=repr(protocol.unit)),
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
    # the superseded version stops counting and the new one counts, in this transaction (ResultCounter)
    counters_change(added=[VersionFigures.of(new)], removed=[VersionFigures.of(previous)])
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
            # A protocol refused because its number is on no register (a typing slip, `abai-004`) is accepted under
            # the registered number the operator names; any other stays with its precinct.
            renumbered = fresh.rule in (ProtocolRule.UNREGISTERED_PRECINCT, ProtocolRule.PRECINCT_NUMBER)
            if (
                fresh.precinct_number
                and not renumbered
                and precinct_key(accept.precinct) != precinct_key(fresh.precinct_number)
            ):
                raise ReviewRefused(
                    f"the protocol is for precinct {accept.precinct}, the review item for {fresh.precinct_number}"
                )
            bound = _registered(accept)
            if isinstance(bound, list):
                raise ProtocolError(bound[0])
            accept = bound
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
    referendum.electorate.import). Only a precinct on the register has a list: any other is refused (the register,
    not this list, says which precincts exist); a changed list size replaces the old one, and the audit entry keeps
    both."""
    label = actor_authorize(actor, ELECTORATE_IMPORT)
    report = ElectorateReport()
    units = units_sync()
    now = datetime.now(UTC)
    existing = {e.precinct.number: e for e in Electorate.objects.filter(question=question).select_related("precinct")}
    precincts = _precincts_by_number([precinct_key(e.precinct) for e in entries])
    changes: list[dict[str, object]] = []
    new_rows: list[Electorate] = []
    for given in entries:
        entry = replace(given, precinct=precinct_key(given.precinct))
        try:
            unit_def, _abroad = registry.resolve(entry.unit)
        except UnknownUnitError as exc:
            report.problems.append(f"precinct {entry.precinct}: {exc}")
            continue
        unit = units[unit_def.code]
        precinct = precincts.get(entry.precinct)
        if precinct is None:
            report.problems.append(msg("unregistered_precinct", precinct=given.precinct).render())
            continue
        if precinct.unit_id != unit.pk:
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


REGISTER_LOAD = "referendum.register.load"
_REGISTER_FIELDS = ("unit", "district", "abroad", "registered", "address", "label", "country")


@dataclass(slots=True)
class RegisterReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    refused: list[Rejection] = field(default_factory=list)


@transaction.atomic
def register_load(
    *,
    precincts: Sequence[RegisteredPrecinct],
    actor: Actor,
    source: str,
    labels: Mapping[str, tuple[str, str]] | None = None,
) -> RegisterReport:
    """Load the precinct register (one transaction, one audit entry referendum.register.load); the only way a
    precinct comes to exist. Idempotent: a precinct listed as stored is unchanged.

    Refused, each with its rule, the rest loaded: a precinct moved to another unit once a protocol counts for it
    (`register_unit`), and a register listing fewer citizens than a counted protocol states (`exceeds_register`).
    Refused as a whole, nothing stored: a register whose total would list more citizens than the Republic can have
    (`electorate_bound`, domain.register.ELECTORATE_BOUND). `labels` maps a number to (label, country), e.g. a
    mission abroad. Who may load it: the console, or the role that imports the electorate lists
    (referendum.electorate.import)."""
    label = actor_authorize(actor, ELECTORATE_IMPORT)
    report = RegisterReport()
    units = units_sync()
    wanted = {p.number: p for p in precincts}
    stored = {p.number: p for p in Precinct.objects.select_related("unit", "district")}
    total = sum(p.registered or 0 for n, p in stored.items() if n not in wanted) + sum(
        p.registered for p in wanted.values()
    )
    too_many = electorate_bound_problem(total, ELECTORATE_BOUND)
    if too_many is not None:
        report.refused.append(too_many)
        return report
    counted: dict[str, int] = {}
    for number, registered in ProtocolVersion.objects.filter(
        is_current=True, precinct__registered__isnull=False
    ).values_list("precinct__number", "registered"):
        counted[number] = max(counted.get(number, 0), registered)
    districts = {(d.unit_id, d.name): d for d in District.objects.all()}
    needed = {(units[p.unit].pk, p.district) for p in wanted.values() if p.district} - set(districts)
    if needed:
        District.objects.bulk_create([District(unit_id=u, name=n) for u, n in needed], ignore_conflicts=True)
        districts = {(d.unit_id, d.name): d for d in District.objects.all()}
    new: list[Precinct] = []
    changed: list[Precinct] = []
    changes: list[dict[str, object]] = []
    moved: dict[int, Place] = {}  # precinct id -> where its protocols counted before
    for p in wanted.values():
        unit = units[p.unit]
        district = districts.get((unit.pk, p.district)) if p.district else None
        old = stored.get(p.number)
        shown_label, country = (labels or {}).get(p.number, (old.label, old.country) if old else ("", ""))
        if old is not None and p.number in counted:
            if old.unit_id != unit.pk:
                message = msg("register_unit", precinct=p.number, listed=old.unit.code, claimed=p.unit)
                report.refused.append(Rejection.of(p.number, ProtocolRule.REGISTER_UNIT, message))
                continue
            if p.registered < counted[p.number]:
                message = msg("exceeds_register", precinct=p.number, registered=counted[p.number], listed=p.registered)
                report.refused.append(Rejection.of(p.number, ProtocolRule.EXCEEDS_REGISTER, message))
                continue
        values = {
            "unit_id": unit.pk,
            "district_id": district.pk if district else None,
            "abroad": p.abroad,
            "registered": p.registered,
            "address": p.address,
            "label": shown_label,
            "country": country,
        }
        if old is None:
            new.append(Precinct(number=p.number, **values))
            report.created += 1
        elif all(getattr(old, k) == v for k, v in values.items()):
            report.unchanged += 1
        else:
            changes.append({"precinct": p.number, "before": old.registered, "after": p.registered})
            if (old.unit_id, old.district_id) != (values["unit_id"], values["district_id"]):
                moved[old.pk] = Place.of(old)  # its protocols count where it is moved to
            for k, v in values.items():
                setattr(old, k, v)
            changed.append(old)
            report.updated += 1
    Precinct.objects.bulk_create(new, batch_size=500)
    Precinct.objects.bulk_update(changed, list(_REGISTER_FIELDS), batch_size=500)
    if moved:
        _counters_move(moved)
    if report.created or report.updated:
        digest = hashlib.sha256()
        for p in sorted(wanted.values(), key=lambda x: x.number):
            digest.update(f"{p.number}|{p.unit}|{p.district}|{p.registered}|{p.address}\n".encode())
        audit_append(
            actor=label,
            action=REGISTER_LOAD,
            target="referendum/register",
            payload={
                "source": source,
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "refused": len(report.refused),
                "registered": sum(p.registered for p in wanted.values()),
                "digest": digest.hexdigest(),
                "changed": changes[:50],
            },
        )
    return report
