"""Reads of the referendum context. The result is read from the counters the services keep in the database
(models.ResultCounter), the same for every process; forensics are cached until another protocol arrives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max

from atazan.referendum.domain.adoption import adoption_outcome
from atazan.referendum.domain.forensics import (
    Anomaly,
    Histogram,
    IntegerPercentageTest,
    anomalous_precincts,
    histogram,
    integer_percentage_test,
    turnout_yes_histogram,
)
from atazan.referendum.domain.integrity import BundleMeta, SignedProtocol, bundle_build
from atazan.referendum.domain.protocol import Protocol, Rejection, precinct_key
from atazan.referendum.domain.register import electorate_bound_problem
from atazan.referendum.domain.tally import TOTAL_FIELDS, TallyResult, Totals, tally
from atazan.referendum.domain.units import UnitRegistry
from atazan.referendum.models import Precinct, ProtocolReview, ProtocolVersion, Question, ResultCounter, Unit

_ROW = (
    "precinct__number",
    "precinct__unit__code",
    "precinct__district__name",
    "precinct__abroad",
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


def question_list() -> list[Question]:
    return list(Question.objects.all())


def question_current() -> Question | None:
    return Question.objects.first()


def question_get(slug: str) -> Question:
    return Question.objects.get(slug=slug)


# Results are memoised in the process (keyed by the protocols' state): unpickling 10,000 protocols from a shared
# cache costs more than the tally itself. Each web worker computes a result once per change of the data.
_MEMO: dict[str, Any] = {}


def _memo_get(key: str) -> Any:
    return _MEMO.get(key)


def _memo_set(key: str, value: Any) -> None:
    if len(_MEMO) > 16:
        _MEMO.clear()
    _MEMO[key] = value


def _state_key(question: Question) -> str:
    # Ids alone could repeat after a database is emptied and refilled (tests, a re-created demo): the newest
    # version's time and the question's creation time make the key unique to this state of the data.
    state = ProtocolVersion.objects.filter(question=question).aggregate(
        n=Count("id"), last=Max("id"), at=Max("created_at")
    )
    return f"referendum:{question.pk}:{question.created_at.isoformat()}:{state['n']}:{state['last']}:{state['at']}"


def _protocol(row: tuple[Any, ...]) -> Protocol:
    num, unit, district, abroad, reg, tp, y, n, inv, nc, rec, iss, unu = row
    return Protocol(num, unit, district or "", reg, tp, y, n, inv, nc, rec, iss, unu, abroad)


def protocols_current(question: Question) -> list[Protocol]:
    rows = (
        ProtocolVersion.objects.filter(question=question, is_current=True)
        .order_by("precinct__number")
        .values_list(*_ROW)
    )
    return [_protocol(row) for row in rows]


def registry_for(question: Question) -> UnitRegistry:
    return UnitRegistry(abroad_unit=question.abroad_unit)


# The result is read from the counters (models.ResultCounter): the sums of the current protocol versions per
# district, unit and nation, changed by the services in the transaction that changes which version counts. One
# query of a few hundred small rows, the same figures for every worker on every machine, nothing kept per process.
_COUNTER_ROW = ("level", "unit__code", "district__name", *TOTAL_FIELDS, "precincts", "uncounted")
_SIGNATURES = (
    ProtocolVersion.Signature.VALID,
    ProtocolVersion.Signature.INVALID,
    ProtocolVersion.Signature.UNSIGNED,
)
_SIGNATURE_COLUMNS = ("signed_valid", "signed_invalid", "unsigned")


def result_for(question: Question, *, protocols: bool = False) -> TallyResult:
    """The tally and the adoption outcome from the current version of every accepted protocol, with how final it
    is: precincts on the register, protocols waiting in review (`TallyResult.complete`). `accepted` (every counted
    protocol) is filled only when `protocols` is asked for; the totals never need it."""
    return live_for(question, protocols=protocols)[0]


def register_size(*, unit: Unit | None = None) -> int:
    """Precincts on the register, of one unit if given (rows made by a protocol before the register existed are not
    on it)."""
    precincts = Precinct.objects.filter(registered__isnull=False)
    return (precincts if unit is None else precincts.filter(unit=unit)).count()


def protocols_in_review(question: Question) -> int:
    """Protocols waiting in the review queue: open review rows of one record from one source are one protocol
    (a protocol breaking two rules has two rows)."""
    return (
        ProtocolReview.objects.filter(question=question, status=ProtocolReview.Status.OPEN)
        .values("precinct_number", "source", "record")
        .distinct()
        .count()
    )


def live_for(question: Question, *, protocols: bool = False) -> tuple[TallyResult, dict[str, int]]:
    """result_for() and signature_counts() of the same moment (one read of the counters), for a page that shows
    both. The register and the review queue are counted on every call: they change without a protocol version."""
    registry = registry_for(question)
    by_code = registry.by_code
    units = {code: Totals() for code in by_code}
    districts: dict[tuple[str, str], Totals] = {}
    totals = Totals()
    signatures: dict[str, int] = {}
    uncounted = 0
    rows = ResultCounter.objects.filter(question=question).values_list(*_COUNTER_ROW, *_SIGNATURE_COLUMNS)
    for level, code, district, *values in rows:
        t = Totals(*values[:7])
        if level == ResultCounter.Level.NATION:
            totals, uncounted = t, values[7]
            signatures = {str(s): n for s, n in zip(_SIGNATURES, values[8:], strict=True) if n}
        elif code not in by_code:
            continue
        elif level == ResultCounter.Level.UNIT:
            units[code] = t
        elif t.precincts:  # like tally(): a district is listed while a protocol counts in it
            districts[(code, district or "")] = t
    accepted: list[Protocol] = []
    rejected: list[Rejection] = []
    if protocols or uncounted:
        # Every current protocol read and checked again: for an export listing precincts, or when a stored version
        # breaks a control relation (the services never store one) and the result must name it.
        full = tally(protocols_current(question), kind=question.question_kind, registry=registry)
        accepted, rejected = (full.accepted if protocols else []), full.rejected
    outcome = adoption_outcome(question.question_kind, totals.counts(), {c: t.counts() for c, t in units.items()})
    implausible = electorate_bound_problem(totals.registered)
    result = TallyResult(
        kind=question.question_kind,
        totals=totals,
        units=units,
        districts=dict(sorted(districts.items())),
        accepted=accepted,
        rejected=rejected,
        outcome=outcome,
        registry=registry,
        problems=[implausible] if implausible else [],
        register_size=register_size(),
        in_review=protocols_in_review(question),
    )
    return result, signatures


@dataclass(frozen=True, slots=True)
class Forensics:
    turnout: Histogram
    yes: Histogram
    grid: list[list[int]]
    integer_turnout: IntegerPercentageTest
    integer_yes: IntegerPercentageTest
    anomalies: list[Anomaly]
    per_unit_turnout: dict[str, Histogram]
    per_unit_yes: dict[str, Histogram]


def forensics_for(question: Question, *, simulations: int = 100) -> Forensics:
    key = _state_key(question) + f":forensics:{simulations}"
    found: Forensics | None = _memo_get(key)
    if found is not None:
        return found
    protocols = protocols_current(question)
    by_unit: dict[str, list[Protocol]] = {}
    for p in protocols:
        by_unit.setdefault(p.unit, []).append(p)
    found = Forensics(
        turnout=histogram(protocols, measure="turnout"),
        yes=histogram(protocols, measure="yes"),
        grid=turnout_yes_histogram(protocols, bins=50),
        integer_turnout=integer_percentage_test(protocols, measure="turnout", simulations=simulations),
        integer_yes=integer_percentage_test(protocols, measure="yes", simulations=simulations),
        anomalies=anomalous_precincts(protocols, limit=30),
        per_unit_turnout={u: histogram(ps, measure="turnout", bins=20) for u, ps in by_unit.items()},
        per_unit_yes={u: histogram(ps, measure="yes", bins=20) for u, ps in by_unit.items()},
    )
    _memo_set(key, found)
    return found


def units_all() -> list[Unit]:
    return list(Unit.objects.all())


def unit_get(code: str) -> Unit:
    return Unit.objects.get(code=code)


def unit_precincts(question: Question, unit: Unit) -> list[dict[str, Any]]:
    return list(
        ProtocolVersion.objects.filter(question=question, is_current=True, precinct__unit=unit)
        .order_by("precinct__district__name", "precinct__number")
        .values(
            "precinct__number",
            "precinct__district__name",
            "precinct__label",
            "registered",
            "took_part",
            "yes",
            "no",
            "signature_status",
            "version",
        )
    )


def precinct_get(number: str) -> Precinct:
    """The precinct by its number in any case or with stray spaces (matched in normal form, `precinct_key`)."""
    return Precinct.objects.select_related("unit", "district").get(number=precinct_key(number))


def precincts_find(text: str, *, limit: int = 50) -> list[Precinct]:
    """Precincts of the register whose address, unit (in any language), district or label contains every word of
    ``text``, in any case, in number order: a voter looks up a polling station by settlement or street. Matched in
    Python after Unicode case folding: SQLite's LIKE folds ASCII only ("абая" would miss "Абая"); the register is
    some 10,000 short rows."""
    words = [w.casefold() for w in text.split() if w][:6]
    if not words:
        return []
    rows = (
        Precinct.objects.filter(registered__isnull=False)
        .order_by("number")
        .values_list("id", "address", "unit__name_en", "unit__name_kk", "unit__name_ru", "district__name", "label")
    )
    ids = []
    for pk, *fields in rows.iterator(chunk_size=5000):
        haystack = " ".join(f for f in fields if f).casefold()
        if all(w in haystack for w in words):
            ids.append(pk)
            if len(ids) >= limit:
                break
    return list(Precinct.objects.filter(id__in=ids).select_related("unit", "district").order_by("number"))


def precinct_versions(question: Question, precinct: Precinct) -> list[ProtocolVersion]:
    return list(ProtocolVersion.objects.filter(question=question, precinct=precinct).order_by("-version"))


def reviews_open(question: Question, *, limit: int = 200) -> list[ProtocolReview]:
    return list(ProtocolReview.objects.filter(question=question, status=ProtocolReview.Status.OPEN)[:limit])


def reviews_count(question: Question) -> int:
    return ProtocolReview.objects.filter(question=question, status=ProtocolReview.Status.OPEN).count()


def signature_counts(question: Question) -> dict[str, int]:
    """How many current protocol versions carry each signature status (kept with the live result)."""
    return dict(live_for(question)[1])


def bundle_for(question: Question, *, authority_key: Any) -> bytes:
    """The publication bundle of every current, signed protocol, in precinct order."""
    rows = (
        ProtocolVersion.objects.filter(question=question, is_current=True)
        .exclude(signature="")
        .order_by("precinct__number")
        .values_list(*_ROW, "version", "signature", "precinct__public_key")
    )
    entries = [
        SignedProtocol(
            Protocol(num, unit, district or "", reg, tp, y, n, inv, nc, rec, iss, unu, abroad),
            version,
            bytes.fromhex(sig),
            bytes.fromhex(key),
        )
        for num, unit, district, abroad, reg, tp, y, n, inv, nc, rec, iss, unu, version, sig, key in rows
    ]
    meta = BundleMeta(
        title=question.title,
        date=question.voting_date.isoformat(),
        question=question.text_ru,
        kind=question.question_kind,
        synthetic=question.synthetic,
        abroad_unit=question.abroad_unit,
        register_precincts=register_size(),
        in_review=protocols_in_review(question),
    )
    from atazan.audit.selectors import audit_checkpoint_published

    return bundle_build(entries, meta, authority_key, audit_checkpoint=audit_checkpoint_published())


def reviews_resolved(question: Question, *, limit: int = 50) -> list[ProtocolReview]:
    return list(
        ProtocolReview.objects.filter(question=question, status=ProtocolReview.Status.RESOLVED).order_by(
            "-resolved_at", "-id"
        )[:limit]
    )


def review_get(question: Question, pk: int) -> ProtocolReview:
    return ProtocolReview.objects.get(question=question, pk=pk)


def current_version(question: Question, precinct: Precinct) -> ProtocolVersion | None:
    return ProtocolVersion.objects.filter(question=question, precinct=precinct, is_current=True).first()


@dataclass(frozen=True, slots=True)
class ElectorateComparison:
    """A unit's published lists against its protocols, over the precincts that have both (exact ints)."""

    listed_precincts: int
    published: int
    registered: int
    precincts_beyond_limit: int
    published_on: list[str]
    sources: list[str]
    synthetic: bool

    @property
    def difference(self) -> int:
        return self.registered - self.published


def electorate_for_unit(question: Question, unit: Unit) -> tuple[ElectorateComparison | None, dict[str, Any]]:
    """The unit's comparison and, per precinct number, {"voters", "difference", "beyond_limit"}."""
    from atazan.referendum.domain.electorate import list_compare
    from atazan.referendum.models import Electorate

    lists = dict(
        Electorate.objects.filter(question=question, precinct__unit=unit).values_list("precinct__number", "voters")
    )
    if not lists:
        return None, {}
    meta = Electorate.objects.filter(question=question, precinct__unit=unit)
    registered = dict(
        ProtocolVersion.objects.filter(question=question, is_current=True, precinct__unit=unit).values_list(
            "precinct__number", "registered"
        )
    )
    per: dict[str, Any] = {}
    published = counted = beyond = both = 0
    for number, voters in lists.items():
        if number not in registered:
            per[number] = {"voters": voters, "difference": None, "beyond_limit": False}
            continue
        c = list_compare(published=voters, registered=registered[number], limit_bp=question.day_additions_limit_bp)
        per[number] = {"voters": voters, "difference": c.difference, "beyond_limit": c.beyond_limit}
        both += 1
        published += voters
        counted += registered[number]
        beyond += c.beyond_limit
    comparison = ElectorateComparison(
        listed_precincts=both,
        published=published,
        registered=counted,
        precincts_beyond_limit=beyond,
        published_on=sorted({d.isoformat() for d in meta.values_list("published_on", flat=True).distinct()}),
        sources=sorted(set(meta.values_list("source", flat=True).distinct())),
        synthetic=meta.filter(synthetic=True).exists(),
    )
    return comparison, per
