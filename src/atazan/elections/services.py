"""Writes of the elections context: imports, seat allocation, mandates and vacancies. Every official act is audited."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.db import DatabaseError, transaction
from django.utils import timezone

from atazan.accounts.services import actor_authorize
from atazan.audit.services import audit_append
from atazan.elections import models
from atazan.elections.audit_records import seats_record
from atazan.elections.domain import allocate, allocation_steps
from atazan.elections.domain import candidates as dcand
from atazan.elections.domain import notes as dnotes
from atazan.elections.domain.allocation import AllocationInput, Method, PartyList
from atazan.elections.domain.bounds import (
    json_nesting_check,
    list_place_bounds_check,
    seats_bounds_check,
    voters_bounds_check,
)
from atazan.elections.domain.errors import (
    ART_97_1,
    T_NOT_REGISTERED,
    DuplicatePartyError,
    ElectionsError,
    InputFormatError,
    ListVotesAboveTurnoutError,
    MandateRuleError,
    NegativeVotesError,
    RegionVotesAboveNationalError,
    UnknownRegionError,
    UnregisteredPartyError,
)
from atazan.elections.domain.mandates import EndGround, VacancyStatus, vacancy_fill
from atazan.elections.domain.message import VOICE, msg
from atazan.referendum.domain.units import DEFAULT_REGISTRY, UnknownUnitError
from atazan.web.text_guard import TextFieldRefused
from atazan.web.text_rules import BIDI_CONTROLS

# Who may call each write (docs/security.md): a ``User`` is checked against the permission matrix; a plain string is
# the console (a command run with shell access to the server, demo data) and is recorded as given.
Actor = str | User

_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
PALETTE = ["#1f4e9c", "#2e8b57", "#c0392b", "#e3a21a", "#7d3c98", "#16a2b8", "#d35400", "#566573", "#a93226",
           "#117a65", "#b7950b", "#5d6d7e"]  # fmt: skip


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[models.RejectedRow] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Every row was taken (the CLI's exit code 0; 1 when any was refused)."""
        return not self.rejected


# ---------------------------------------------------------------------------------------------------------------------
# reading CSV / JSON rows


REQUIRED_COLUMNS = {
    "lists": ("party", "registration_order"),
    "results": ("party", "votes"),
    "candidates": ("party", "key", "position", "full_name", "birth_date", "gender"),
}


def rows_from_text(text: str, *, fmt: str, kind: str | None = None) -> list[dict[str, Any]]:
    """Rows of a CSV (header line) or JSON (array of objects, or {"lists": [...]}) document.

    Raises ``InputFormatError`` (the file cannot be read as rows at all: exit code 2) for JSON nested too deep or
    malformed (with line and column), CSV the csv module cannot read, a CSV header without the columns ``kind``
    needs, or no rows.
    """
    if fmt == "json":
        json_nesting_check(text, record="file")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputFormatError(dnotes.note("not_json", line=str(exc.lineno), column=str(exc.colno)),
                                   record="file") from exc  # fmt: skip
        if isinstance(data, Mapping):
            data = data.get("lists") or data.get("rows") or data.get("candidates") or []
        if not isinstance(data, list):
            raise InputFormatError(dnotes.note("not_rows"), record="file")
        rows = [row if isinstance(row, dict) else {"_raw": row} for row in data]
    else:
        try:
            reader = csv.DictReader(io.StringIO(text))
            rows = [dict(row) for row in reader]
        except csv.Error as exc:
            raise InputFormatError(dnotes.note("not_csv"), record="file") from exc
        missing = [c for c in REQUIRED_COLUMNS.get(kind or "", ()) if c not in (reader.fieldnames or ())]
        if missing:
            raise InputFormatError(dnotes.note("no_column", columns=", ".join(missing)), record="file")
    if not rows:
        raise InputFormatError(dnotes.note("no_rows"), record="file")
    return rows


def _digest(raw: Mapping[str, Any]) -> str:
    return hashlib.sha256(json.dumps(raw, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def _shown(value: str, limit: int | None = None) -> str:
    """Text of a refused row as it can be stored and shown: NUL and bidi controls written as escapes, clipped."""
    text = "".join(f"\\u{ord(c):04x}" if c == "\x00" or c in BIDI_CONTROLS else c for c in value)
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


def _raw_kept(value: Any) -> Any:
    """``value`` (a row as read) with every string made storable by ``_shown``, for the review queue."""
    if isinstance(value, Mapping):
        return {_shown(str(k)): _raw_kept(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_raw_kept(v) for v in value]
    if isinstance(value, str):
        return _shown(value)
    return value


def _reject(
    *, election: models.Election, kind: str, source: str, number: int, raw: Mapping[str, Any], error: ElectionsError
) -> models.RejectedRow:
    """Keep a refused row for review, once (by digest); its text escaped and clipped so that the refusal itself can
    always be stored, whatever the row held."""
    row, _ = models.RejectedRow.objects.get_or_create(
        election=election,
        import_kind=kind,
        digest=_digest(raw),
        defaults={
            "source_name": _shown(source, 200),
            "row_number": number,
            "raw": _raw_kept(json.loads(json.dumps(raw, default=str))),
            "record": _shown(error.record, 200),
            "error": _shown(error.message),
            "rule": _shown(error.rule, 300),
        },
    )
    return row


def _stored_refusal(exc: TextFieldRefused | DatabaseError, *, record: str) -> ElectionsError:
    """A row the text backstop or the database refused, as a row error (kept for review like any other)."""
    if isinstance(exc, TextFieldRefused):
        return ElectionsError(str(exc), record=record, rule=f"stored text ({exc.problem.rule.value})")
    return ElectionsError(f"the database refused a value ({type(exc).__name__})", record=record,
                          rule="stored values")  # fmt: skip


def _int_field(raw: Mapping[str, Any], key: str, *, record: str) -> int:
    value = raw.get(key)
    if isinstance(value, str):
        value = value.strip().replace(" ", "").replace("\u00a0", "")
        if value.lstrip("-").isdigit() and len(value) <= 100:  # int() of thousands of digits is refused by Python
            value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        got = repr(_shown(str(raw.get(key)), 40))
        raise InputFormatError(dnotes.note("whole_number", key=key, value=got), record=record)
    return value


def _place_field(raw: Mapping[str, Any], key: str, *, record: str) -> int:
    """A registration number or a place on a list: a whole number from 1 to ``MAX_LIST_PLACE``."""
    value = _int_field(raw, key, record=record)
    if value < 1:
        raise InputFormatError(dnotes.note("at_least_one", key=key, value=str(value)), record=record)
    list_place_bounds_check(value, record=record)
    return value


def _party_registered(election: models.Election, party: str, *, record: str) -> models.PartyList:
    """The list registered for ``election`` under exactly this name; ``UnregisteredPartyError`` (never a new list)."""
    plist = models.PartyList.objects.filter(election=election, party=party).first()
    if plist is None:
        raise UnregisteredPartyError(msg(T_NOT_REGISTERED, party=_shown(party, 120) or "—"), record=record)
    return plist


# ---------------------------------------------------------------------------------------------------------------------
# elections and results


def election_upsert(
    *,
    slug: str,
    title: str,
    election_day: date,
    seats: int,
    took_part: int,
    threshold_percent: Any = 5,
    kind: str = models.Election.Kind.KURULTAI,
    registered_voters: int | None = None,
    simulated: bool = False,
    source: str = "",
    actor: Actor = "system",
    translations: Mapping[str, Mapping[str, str]] | None = None,
) -> models.Election:
    """Create or update an election's record (the figures the results are imported against); ``translations``
    gives the title and source in Kazakh and Russian ({"kk": {"title": …, "source": …}, "ru": {…}}).

    Raises an ``ElectionsError`` for figures beyond the country's bounds (``domain.bounds``)."""
    actor_authorize(actor, "elections.results.import")
    seats_bounds_check(seats)
    voters_bounds_check(took_part, record="took_part")
    if registered_voters is not None:
        voters_bounds_check(registered_voters, record="registered_voters")
    election, _ = models.Election.objects.update_or_create(
        slug=slug,
        defaults={
            "title": title,
            "election_day": election_day,
            "seats": seats,
            "took_part": took_part,
            "threshold_percent": threshold_percent,
            "kind": kind,
            "registered_voters": registered_voters,
            "simulated": simulated,
            "source": source,
            **({"translations": {k: dict(v) for k, v in translations.items()}} if translations else {}),
        },
    )
    return election


@transaction.atomic
def lists_register(
    *, election: models.Election, rows: Sequence[Mapping[str, Any]], source: str, actor: Actor = "system"
) -> ImportReport:
    """Register the party lists the CEC registered for ``election`` (``party``, ``registration_order``, optional
    ``color``): the register every later results and candidates row must match exactly. The registration order
    decides equal remainders (Constitutional Law on Elections, Art. 97-1(4)), so a list's order is never changed by
    a later file: a row that disagrees with the register is refused and kept for review. Idempotent; audited."""
    label = actor_authorize(actor, "elections.results.import")
    report = ImportReport()
    kept_before = models.RejectedRow.objects.filter(election=election, import_kind="lists").count()
    seen: set[str] = set()
    for number, raw in enumerate(rows, start=1):
        party = str(raw.get("party") or "").strip()
        record = f"row {number} ({_shown(party, 120) or 'no party'})"
        try:
            with transaction.atomic():
                _list_row(election, raw, party=party, record=record, seen=seen, report=report)
        except (TextFieldRefused, DatabaseError) as exc:
            report.rejected.append(_reject(election=election, kind="lists", source=source, number=number, raw=raw,
                                           error=_stored_refusal(exc, record=record)))  # fmt: skip
        except ElectionsError as error:
            report.rejected.append(
                _reject(election=election, kind="lists", source=source, number=number, raw=raw, error=error)
            )
    _import_audit(label=label, kind="lists", election=election, source=source, report=report, kept_before=kept_before)
    return report


def _list_row(
    election: models.Election, raw: Mapping[str, Any], *, party: str, record: str, seen: set[str], report: ImportReport
) -> None:
    if not party:
        raise InputFormatError(dnotes.note("party_missing"), record=record)
    if party in seen:
        raise DuplicatePartyError(dnotes.note("party_twice"), record=record)
    seen.add(party)
    order = _place_field(raw, "registration_order", record=record)
    existing = models.PartyList.objects.filter(election=election, party=party).first()
    if existing is not None:
        if existing.registration_order != order:
            other = dnotes.note("order_other", existing=str(existing.registration_order), order=str(order))
            raise InputFormatError(other, record=record, rule=f"{ART_97_1}(4)")
        report.unchanged += 1
        return
    if models.PartyList.objects.filter(election=election, registration_order=order).exists():
        raise InputFormatError(dnotes.note("order_taken", order=str(order)), record=record, rule=f"{ART_97_1}(4)")
    color = str(raw.get("color") or PALETTE[(order - 1) % len(PALETTE)])
    if not _COLOR.fullmatch(color):
        raise InputFormatError(dnotes.note("color_format", value=repr(_shown(color, 20))), record=record)
    models.PartyList.objects.create(election=election, party=party, registration_order=order, color=color)
    report.created += 1


@transaction.atomic
def results_import(
    *, election: models.Election, rows: Sequence[Mapping[str, Any]], source: str, actor: Actor = "system"
) -> ImportReport:
    """Import national votes per registered list (``party``, ``votes``, optional ``registration_order``, which must
    agree with the register) and, with a ``region`` column, votes per region (one of the 20 units, named by code or
    in English, Kazakh or Russian).

    Fails closed: a party that is not a list registered for this election (``lists_register``), a region that is not
    one of the units, a figure beyond the country's bounds, is refused and kept as a RejectedRow for review; nothing
    is ever created from a results row. Idempotent: importing the same rows again changes nothing. Audited whenever
    something was stored or kept for review."""
    label = actor_authorize(actor, "elections.results.import")
    report = ImportReport()
    kept_before = models.RejectedRow.objects.filter(election=election, import_kind="results").count()
    seen_national: set[str] = set()
    for number, raw in enumerate(rows, start=1):
        party = str(raw.get("party") or "").strip()
        record = f"row {number} ({_shown(party, 120) or 'no party'})"
        try:
            with transaction.atomic():
                _result_row(election, raw, party=party, record=record, seen_national=seen_national, report=report)
        except (TextFieldRefused, DatabaseError) as exc:
            report.rejected.append(_reject(election=election, kind="results", source=source, number=number, raw=raw,
                                           error=_stored_refusal(exc, record=record)))  # fmt: skip
        except ElectionsError as error:
            report.rejected.append(
                _reject(election=election, kind="results", source=source, number=number, raw=raw, error=error)
            )
    _import_audit(label=label, kind="results", election=election, source=source, report=report, kept_before=kept_before)
    return report


def _result_row(
    election: models.Election,
    raw: Mapping[str, Any],
    *,
    party: str,
    record: str,
    seen_national: set[str],
    report: ImportReport,
) -> None:
    if not party:
        raise InputFormatError(dnotes.note("party_missing"), record=record)
    votes = _int_field(raw, "votes", record=record)
    if votes < 0:
        raise NegativeVotesError(dnotes.note("votes", votes=str(votes)), record=record)
    if votes > election.took_part:
        raise ListVotesAboveTurnoutError(
            dnotes.note("votes_took_part", votes=str(votes), took_part=str(election.took_part)), record=record
        )
    voters_bounds_check(votes, record=record)  # took_part is bounded too; this catches a record stored before that
    region = str(raw.get("region") or "").strip()
    if not region:
        if party in seen_national:
            raise DuplicatePartyError(dnotes.note("party_twice"), record=record)
        seen_national.add(party)
    plist = _party_registered(election, party, record=record)
    if region:
        try:
            unit, _abroad = DEFAULT_REGISTRY.resolve(region)
        except UnknownUnitError as exc:
            unknown = dnotes.note("unknown_region", region=repr(_shown(region, 80)))
            raise UnknownRegionError(unknown, record=record) from exc
        others = sum(plist.region_results.exclude(region_code=unit.code).values_list("votes", flat=True))
        if others + votes > plist.votes:
            raise RegionVotesAboveNationalError(
                dnotes.note("regions_above_national", votes=str(others + votes), national=str(plist.votes)),
                record=record,
            )
        obj, created = models.RegionResult.objects.get_or_create(
            party_list=plist,
            region_code=unit.code,
            defaults={"region_name": unit.name_en, "votes": votes},
        )
        _count(report, created, obj.votes == votes)
        if not created and obj.votes != votes:
            obj.votes = votes
            obj.save(update_fields=["votes"])
        return
    if raw.get("registration_order") not in (None, ""):
        order = _place_field(raw, "registration_order", record=record)
        if order != plist.registration_order:
            other = dnotes.note("order_other", existing=str(plist.registration_order), order=str(order))
            raise InputFormatError(other, record=record, rule=f"{ART_97_1}(4)")
    if plist.votes == votes:
        report.unchanged += 1
    else:
        plist.votes = votes
        plist.save(update_fields=["votes"])
        report.updated += 1


def _import_audit(
    *, label: str, kind: str, election: models.Election, source: str, report: ImportReport, kept_before: int
) -> None:
    """One audit entry per import that changed something or kept rows for review; a re-run that changes nothing
    appends nothing."""
    kept_new = models.RejectedRow.objects.filter(election=election, import_kind=kind).count() - kept_before
    if report.created or report.updated or kept_new:
        audit_append(
            actor=label,
            action=f"elections.{kind}.import",
            target=f"election:{election.slug}",
            payload={
                "source": source,
                "created": report.created,
                "updated": report.updated,
                "rejected": len(report.rejected),
                "kept_for_review": kept_new,
            },
        )


def _count(report: ImportReport, created: bool, same: bool) -> None:
    if created:
        report.created += 1
    elif same:
        report.unchanged += 1
    else:
        report.updated += 1


@transaction.atomic
def candidates_import(
    *, election: models.Election, rows: Sequence[Mapping[str, Any]], source: str, actor: Actor = "system"
) -> ImportReport:
    """Import registered candidates (``party``, ``key``, ``position``, ``full_name``, ``birth_date``, ``gender``,
    optional ``disability``, ``citizen``, ``resident_since``). Ineligible candidates (Constitution 2026, Art. 54(3))
    and malformed rows are kept as RejectedRows with the reason. Idempotent. The party lists are part of the
    results an operator imports, so the permission is ``elections.results.import``; the audit entry is
    ``elections.candidates.import``."""
    label = actor_authorize(actor, "elections.results.import")
    report = ImportReport()
    kept_before = models.RejectedRow.objects.filter(election=election, import_kind="candidates").count()
    for number, raw in enumerate(rows, start=1):
        record = f"row {number} ({_shown(str(raw.get('full_name') or raw.get('key') or '?'), 120)})"
        try:
            with transaction.atomic():
                _candidate_row(election, raw, record=record, report=report)
        except (TextFieldRefused, DatabaseError) as exc:
            report.rejected.append(_reject(election=election, kind="candidates", source=source, number=number,
                                           raw=raw, error=_stored_refusal(exc, record=record)))  # fmt: skip
        except ElectionsError as error:
            report.rejected.append(
                _reject(election=election, kind="candidates", source=source, number=number, raw=raw, error=error)
            )
    _import_audit(
        label=label, kind="candidates", election=election, source=source, report=report, kept_before=kept_before
    )
    return report


def _candidate_row(election: models.Election, raw: Mapping[str, Any], *, record: str, report: ImportReport) -> None:
    party = str(raw.get("party") or "").strip()
    plist = _party_registered(election, party, record=record)
    key = str(raw.get("key") or "").strip()
    name = str(raw.get("full_name") or "").strip()
    if not key or not name:
        raise InputFormatError(dnotes.note("key_name_required"), record=record)
    position = _place_field(raw, "position", record=record)
    try:
        birth = date.fromisoformat(str(raw.get("birth_date")))
        since_raw = raw.get("resident_since")
        since = date.fromisoformat(str(since_raw)) if since_raw else None
    except ValueError as exc:
        raise InputFormatError(dnotes.note("dates_format"), record=record) from exc
    gender = str(raw.get("gender") or "").strip().lower()
    if gender not in models.Candidate.Gender.values:
        raise InputFormatError(dnotes.note("gender_value", value=repr(_shown(gender, 20))), record=record)
    flags = {k: str(raw.get(k, "")).strip().lower() in {"1", "true", "yes"} for k in ("disability",)}
    citizen = str(raw.get("citizen", "true")).strip().lower() not in {"0", "false", "no"}
    domain_candidate = dcand.Candidate(key, name, birth, dcand.Gender(gender), flags["disability"], citizen,
                                       since)  # fmt: skip
    verdict = dcand.candidate_eligibility(domain_candidate, election.election_day)
    if not verdict.eligible:
        said = verdict.messages[-1]
        for earlier in reversed(verdict.messages[:-1]):
            said = dnotes.note("joined_semicolon", first=earlier, rest=said)
        raise ElectionsError(said, record=record, rule="Constitution 2026, Art. 54(3)")
    values = {
        "position": position,
        "full_name": name,
        "birth_date": birth,
        "gender": gender,
        "disability": flags["disability"],
        "citizen": citizen,
        "resident_since": since,
    }
    obj, created = models.Candidate.objects.get_or_create(party_list=plist, key=key, defaults=values)
    same = all(getattr(obj, k) == v for k, v in values.items())
    _count(report, created, same)
    if not created and not same:
        for k, v in values.items():
            setattr(obj, k, v)
        obj.save()


# ---------------------------------------------------------------------------------------------------------------------
# seats


def allocation_input_for(election: models.Election) -> AllocationInput:
    lists = tuple(
        PartyList(party=pl.party, votes=pl.votes, registration_order=pl.registration_order)
        for pl in election.party_lists.all()
    )
    return AllocationInput(seats=election.seats, took_part=election.took_part, lists=lists,
                           threshold=election.threshold)  # fmt: skip


@transaction.atomic
def seats_allocate(*, election: models.Election, actor: Actor, method: Method = Method.HARE) -> models.SeatAllocation:
    """Allocate the election's seats (Constitutional Law on Elections, Art. 97-1) and keep the result as a new row."""
    label = actor_authorize(actor, "elections.seats.allocate")
    result = allocate(allocation_input_for(election), method)
    pending = models.RejectedRow.objects.filter(
        election=election, reviewed_at__isnull=True, import_kind__in=("lists", "results")
    ).count()  # selectors.review_pending
    row = models.SeatAllocation.objects.create(
        election=election,
        method=method.value,
        quota=str(result.quota) if result.quota is not None else "",
        seats=result.seats,
        steps=[s.as_dict() for s in allocation_steps(result)],
    )
    audit_append(
        actor=label,
        action="elections.seats.allocate",
        target=f"election:{election.slug}",
        payload={"allocation": row.pk, "method": method.value, "seats": result.seats, "quota": row.quota,
                 "complete": pending == 0, "kept_for_review": pending},
        records=[seats_record(election=election.slug, allocation=row.pk, method=row.method, quota=row.quota,
                              seats=row.seats)],
    )  # fmt: skip
    return row


@transaction.atomic
def rejected_row_review(*, row: models.RejectedRow, actor: Actor, note: str) -> models.RejectedRow:
    """Close the review of a refused row: the operator has re-imported the corrected record or set the row aside,
    and says which in ``note`` (required). The row stays, with who closed it and when; audited. Closing it is what
    lets the election's results become complete again."""
    label = actor_authorize(actor, "elections.results.import")
    row = models.RejectedRow.objects.select_for_update().get(pk=row.pk)
    if row.reviewed_at is not None:
        raise ElectionsError("the review of this row is already closed", record=f"rejected row {row.pk}",
                             rule="review queue")  # fmt: skip
    if not note.strip():
        raise InputFormatError("say what was done with the row", record=f"rejected row {row.pk}", rule="review queue")
    row.reviewed_at = timezone.now()
    row.reviewed_by = label[:150]
    row.review_note = note.strip()
    row.save(update_fields=["reviewed_at", "reviewed_by", "review_note"])
    audit_append(
        actor=label,
        action="elections.review.close",
        target=f"election:{row.election.slug}/rejected:{row.pk}",
        payload={"import_kind": row.import_kind, "record": row.record, "rule": row.rule, "note": row.review_note},
    )
    return row


def _domain_candidate(c: models.Candidate) -> dcand.Candidate:
    return dcand.Candidate(
        key=c.key,
        full_name=c.full_name,
        birth_date=c.birth_date,
        gender=dcand.Gender(c.gender),
        disability=c.disability,
        citizen=c.citizen,
        resident_since=c.resident_since,
    )


@transaction.atomic
def mandates_assign(
    *,
    election: models.Election,
    actor: Actor,
    on_day: date,
    party_orders: Mapping[str, Sequence[str]] | None = None,
) -> list[models.Mandate]:
    """Give each list's seats to its candidates (Art. 97-1(5)): the party's order where given, else the CEC's
    Kazakh alphabetical order keeping the 30% rule. Lists that already have mandates are left as they are."""
    label = actor_authorize(actor, "elections.mandate.assign")
    allocation = election.allocations.filter(method=Method.HARE.value).first()
    if allocation is None:
        allocation = seats_allocate(election=election, actor=actor)
    created: list[models.Mandate] = []
    for plist in election.party_lists.all():
        seats = int(allocation.seats.get(plist.party, 0))
        if seats == 0 or plist.mandates.exists():
            continue
        candidates = list(plist.candidates.all())
        by_key = {c.key: c for c in candidates}
        order = (party_orders or {}).get(plist.party)
        selection = dcand.elected_candidates(
            [_domain_candidate(c) for c in candidates], seats=seats, on_day=election.election_day, party_order=order
        )
        # the English a record keeps, written from the templates of domain.notes (a page reads it back per language)
        order = dnotes.note("order_party" if selection.source is dcand.OrderSource.PARTY else "order_cec")
        quota = selection.quota
        note = dnotes.note(
            "elected", order=order, represented=str(quota.represented), seats=str(seats), required=str(quota.required)
        ).render()
        for extra in selection.notes:
            note += " " + extra
        for elected in selection.elected:
            mandate = models.Mandate.objects.create(
                election=election, party_list=plist, candidate=by_key[elected.key], started=on_day
            )
            created.append(mandate)
            models.MandateEvent.objects.create(
                election=election, party_list=plist, mandate=mandate, kind=models.MandateEvent.Kind.ELECTED,
                day=on_day, ref=f"{ART_97_1}(5)", note=note,
            )  # fmt: skip
        for _ in range(selection.unfilled):
            models.MandateEvent.objects.create(
                election=election, party_list=plist, kind=models.MandateEvent.Kind.VACANT, day=on_day,
                ref=f"{ART_97_1}(6)", note=dnotes.note("list_short").render(),
            )  # fmt: skip
        audit_append(
            actor=label,
            action="elections.mandate.assign",
            target=f"election:{election.slug}/list:{plist.party}",
            payload={
                "seats": seats,
                "candidates": [c.key for c in selection.elected],
                "source": selection.source.value,
                "quota_met": selection.quota.met,
                "unfilled": selection.unfilled,
            },  # fmt: skip
        )
    return created


@transaction.atomic
def mandate_terminate(
    *,
    mandate: models.Mandate,
    ground: EndGround,
    on_day: date,
    actor: Actor,
    nominee: str | None = None,
) -> models.Mandate | None:
    """End ``mandate`` on ``ground`` (Constitution 2026, Art. 55) and pass the seat on (Art. 97-1(6)).

    Returns the successor's new mandate, or None when the seat stays vacant. Raises MandateRuleError (nothing saved)
    when the party's nominee breaks the 30% rule, or an ElectionsError when the mandate has already ended or the
    day is before it started.
    """
    label = actor_authorize(actor, "elections.mandate.vacate")
    mandate = models.Mandate.objects.select_for_update().get(pk=mandate.pk)
    if mandate.ended is not None:
        raise ElectionsError("the mandate has already ended", record=f"mandate {mandate.pk}", rule=ground.ref)
    if on_day < mandate.started:
        raise MandateRuleError(
            f"the mandate started on {mandate.started.isoformat()}; it cannot end on {on_day.isoformat()}",
            record=f"mandate {mandate.pk} ({mandate.candidate.full_name})",
        )
    plist = mandate.party_list
    election = mandate.election
    sitting = [
        _domain_candidate(m.candidate)
        for m in plist.mandates.filter(ended__isnull=True).exclude(pk=mandate.pk).select_related("candidate")
    ]
    used = set(models.Mandate.objects.filter(party_list=plist).values_list("candidate_id", flat=True))
    remaining_rows = [c for c in plist.candidates.all() if c.pk not in used]
    party_mandates = int(
        (election.allocations.filter(method=Method.HARE.value).values_list("seats", flat=True).first() or {}).get(
            plist.party, 0
        )
    ) or (len(sitting) + 1)
    outcome = vacancy_fill(
        ground=ground,
        sitting=sitting,
        remaining=[_domain_candidate(c) for c in remaining_rows],
        party_mandates=party_mandates,
        on_day=on_day,
        nominee=nominee,
    )
    mandate.ended = on_day
    mandate.end_ground = ground.value
    mandate.save(update_fields=["ended", "end_ground"])
    models.MandateEvent.objects.create(
        election=election, party_list=plist, mandate=mandate, kind=models.MandateEvent.Kind.ENDED, day=on_day,
        ground=ground.value, ref=ground.ref,
        note=dnotes.note("mandate_ended", name=mandate.candidate.full_name, ground=VOICE.label(ground.label)).render(),
    )  # fmt: skip
    successor: models.Mandate | None = None
    if outcome.status is VacancyStatus.FILLED and outcome.successor is not None:
        row = next(c for c in remaining_rows if c.key == outcome.successor.key)
        successor = models.Mandate.objects.create(
            election=election, party_list=plist, candidate=row, started=on_day, predecessor=mandate
        )
        note = dnotes.note(
            "transferred", name=row.full_name, reason=outcome.reason, represented=str(outcome.quota.represented),
            mandates=str(outcome.quota.mandates),
        ).render()  # fmt: skip
        if outcome.passed_over:
            note += " " + dnotes.note("passed_over", who=" | ".join(outcome.passed_over)).render()
        models.MandateEvent.objects.create(
            election=election, party_list=plist, mandate=successor, kind=models.MandateEvent.Kind.TRANSFERRED,
            day=on_day, ref=outcome.ref, note=note,
        )  # fmt: skip
    else:
        models.MandateEvent.objects.create(
            election=election, party_list=plist, kind=models.MandateEvent.Kind.VACANT, day=on_day, ref=outcome.ref,
            note=outcome.reason,
        )  # fmt: skip
    audit_append(
        actor=label,
        action="elections.mandate.vacate",
        target=f"election:{election.slug}/mandate:{mandate.pk}",
        payload={
            "candidate": mandate.candidate.key,
            "party": plist.party,
            "ground": ground.value,
            "ref": ground.ref,
            "day": on_day.isoformat(),
            "successor": successor.candidate.key if successor else None,
            "status": outcome.status.value,
        },
    )
    return successor
