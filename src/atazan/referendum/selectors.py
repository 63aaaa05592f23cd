"""Reads of the referendum context. The live result is a running tally per process, brought up to date with the
protocol versions stored since it last looked; forensics are cached until another protocol arrives."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from django.db.models import Count, Max, Q

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
from atazan.referendum.domain.protocol import Protocol, precinct_key
from atazan.referendum.domain.tally import RunningTally, TallyResult
from atazan.referendum.domain.units import UnitRegistry
from atazan.referendum.models import Precinct, ProtocolReview, ProtocolVersion, Question, Unit

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


# The live result is kept per process as a running tally (referendum.domain.tally.RunningTally) and brought up to
# date with the protocol versions stored since it last looked, instead of re-reading and re-summing ~10,000
# protocols whenever one arrives (results are polled while protocols come in). Versions are only ever added, and a
# version only ever stops being current: a correction stores a new version and marks the previous one no longer
# current in the same transaction (services.protocol_correct). So reading each version once, and counting it if it
# is current when read, gives the current protocols. Ids are handed out before commit, so a version with a lower id
# than the newest one read can become visible later (an import's chunk committing after a single protocol filed
# through the API): the number of versions up to the newest id read must equal the number read, and when it is
# larger the missing ids are looked up and read. Fewer (a version deleted behind the platform's back) rebuilds it.
_VERSION_ROW = ("id", "is_current", "signature_status", *_ROW)


@dataclass(slots=True)
class _Live:
    base: str  # the question's identity (a re-created database gets a new one)
    running: RunningTally
    seen: set[int] = field(default_factory=set)  # ids of the versions read
    last_id: int = 0
    statuses: dict[str, str] = field(default_factory=dict)  # precinct -> signature status of its current version
    result: TallyResult | None = None
    signatures: dict[str, int] = field(default_factory=dict)  # how many current versions per signature status
    # the result with its completeness: (register size and reviews read, the tally it was made from, the result)
    final: tuple[tuple[int, int], TallyResult, TallyResult] | None = None


_LIVE: dict[int, _Live] = {}
_LIVE_LOCK = threading.Lock()  # gunicorn's threads share one running tally per process


def _read_versions(live: _Live, rows: Iterable[tuple[Any, ...]]) -> None:
    for version_id, is_current, status, *row in rows:
        if version_id in live.seen:
            continue
        live.seen.add(version_id)
        live.last_id = max(live.last_id, version_id)
        if is_current:
            protocol = _protocol(tuple(row))
            live.running.put(protocol)
            live.statuses[protocol.precinct] = status


def _rebuild(question: Question, base: str) -> _Live:
    live = _Live(base, RunningTally(kind=question.question_kind, registry=registry_for(question)))
    _read_versions(live, ProtocolVersion.objects.filter(question=question).order_by("id").values_list(*_VERSION_ROW))
    return live


def _catch_up(question: Question, live: _Live, *, stored_up_to_last: int) -> bool:
    """Read the versions stored since `live` last looked, and any committed late below the newest id it read
    (`stored_up_to_last` versions have an id up to it); False when versions it read have disappeared."""
    versions = ProtocolVersion.objects.filter(question=question)
    if stored_up_to_last < len(live.seen):
        return False
    if stored_up_to_last > len(live.seen):  # committed late with a lower id
        late = set(versions.filter(id__lte=live.last_id).values_list("id", flat=True)) - live.seen
        _read_versions(live, versions.filter(id__in=sorted(late)).order_by("id").values_list(*_VERSION_ROW))
    _read_versions(live, versions.filter(id__gt=live.last_id).order_by("id").values_list(*_VERSION_ROW))
    return True


def result_for(question: Question) -> TallyResult:
    """The tally and the adoption outcome from the current version of every accepted protocol, with how final it
    is: precincts on the register, protocols waiting in review (`TallyResult.complete`)."""
    return live_for(question)[0]


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


def live_for(question: Question) -> tuple[TallyResult, dict[str, int]]:
    """result_for() and signature_counts() of the same moment, for a page that shows both."""
    result, signatures = _live_tally(question)
    # The register and the review queue change without a new protocol version: read them on every call (two
    # counts), and hand out the same result object while neither they nor the protocols changed.
    state = (register_size(), protocols_in_review(question))
    with _LIVE_LOCK:
        live = _LIVE.get(question.pk)
        if live is not None and live.final is not None and live.final[0] == state and live.final[1] is result:
            return live.final[2], signatures
        final = replace(result, register_size=state[0], in_review=state[1])
        if live is not None and live.result is result:
            live.final = (state, result, final)
        return final, signatures


def _live_tally(question: Question) -> tuple[TallyResult, dict[str, int]]:
    base = f"{question.pk}:{question.created_at.isoformat()}"
    with _LIVE_LOCK:
        live = _LIVE.get(question.pk)
        if live is not None and live.base != base:
            live = None
        seen_up_to = live.last_id if live is not None else 0
        # one query says whether anything changed, and whether versions below the newest one read appeared late
        state = ProtocolVersion.objects.filter(question=question).aggregate(
            n=Count("id"), last=Max("id"), up_to=Count("id", filter=Q(id__lte=seen_up_to))
        )
        unchanged = live is not None and (state["last"] or 0, state["n"]) == (live.last_id, len(live.seen))
        if live is not None and unchanged and live.result is not None:
            return live.result, live.signatures
        if live is None or not _catch_up(question, live, stored_up_to_last=state["up_to"]):
            live = _LIVE[question.pk] = _rebuild(question, base)
        live.result = live.running.result()
        live.signatures = dict(Counter(live.statuses.values()))
        return live.result, live.signatures


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
