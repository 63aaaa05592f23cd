"""Aggregation precinct → district → unit → nation, and the outcome it leads to.

The chain of commissions (precinct → territorial → oblast/city → Central) is Referendum Law, Arts. 20-22 and 31(1).
A protocol breaking a control relation is left out of every total and reported, never dropped silently; an exact
duplicate of an accepted protocol counts once; a different protocol for an accepted precinct is a conflict.
Given the precinct register, a protocol is counted only for a precinct on it (`domain.register`).

Every result says how final it is: how many precincts of the register have reported, how many protocols wait in
review (refused ones), and whether it is `complete` — every registered precinct counted, nothing refused or in
review, and the totals plausible for the country (`register.ELECTORATE_BOUND`). An incomplete result is provisional.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from .adoption import AdoptionOutcome, Counts, QuestionKind, adoption_outcome, more_than_half
from .messages import Msg, msg
from .protocol import Protocol, ProtocolRule, Rejection, protocol_violations
from .protocol_io import unknown_unit
from .register import ELECTORATE_BOUND, PrecinctRegister, electorate_bound_problem, register_check
from .units import DEFAULT_REGISTRY, UnitRegistry

TOTAL_FIELDS = ("registered", "took_part", "yes", "no", "invalid", "not_counted")


@dataclass(slots=True)
class Totals:
    registered: int = 0
    took_part: int = 0
    yes: int = 0
    no: int = 0
    invalid: int = 0
    not_counted: int = 0
    precincts: int = 0

    def add(self, p: Protocol) -> None:
        self.registered += p.registered
        self.took_part += p.took_part
        self.yes += p.yes
        self.no += p.no
        self.invalid += p.invalid
        self.not_counted += p.not_counted
        self.precincts += 1

    def remove(self, p: Protocol) -> None:
        self.registered -= p.registered
        self.took_part -= p.took_part
        self.yes -= p.yes
        self.no -= p.no
        self.invalid -= p.invalid
        self.not_counted -= p.not_counted
        self.precincts -= 1

    def copy(self) -> Totals:
        return Totals(
            self.registered, self.took_part, self.yes, self.no, self.invalid, self.not_counted, self.precincts
        )

    def merge(self, other: Totals) -> None:
        self.registered += other.registered
        self.took_part += other.took_part
        self.yes += other.yes
        self.no += other.no
        self.invalid += other.invalid
        self.not_counted += other.not_counted
        self.precincts += other.precincts

    @property
    def turnout(self) -> Fraction:
        return Fraction(self.took_part, self.registered) if self.registered else Fraction(0)

    @property
    def yes_share(self) -> Fraction:
        return Fraction(self.yes, self.took_part) if self.took_part else Fraction(0)

    @property
    def yes_majority(self) -> bool:
        return more_than_half(self.yes, self.took_part)

    def counts(self) -> Counts:
        return Counts(registered=self.registered, took_part=self.took_part, yes=self.yes)

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in TOTAL_FIELDS}


@dataclass(frozen=True, slots=True)
class RefusedProtocol:
    """One protocol left out of the totals, with every rule it broke (a row refused while parsing is one too)."""

    precinct: str
    line: int | None
    rejections: tuple[Rejection, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "precinct": self.precinct,
            "line": self.line,
            "rules": [
                {"rule": r.rule.value, "code": r.code, "message": r.message, "source": r.rule.source}
                for r in self.rejections
            ],
        }


def refused_protocols(rejections: Iterable[Rejection]) -> list[RefusedProtocol]:
    """Group rule-by-rule rejections into protocols: consecutive rejections of one precinct at one line are one
    protocol (the checks report each protocol's rules together)."""
    out: list[RefusedProtocol] = []
    group: list[Rejection] = []
    for r in rejections:
        if group and (r.precinct, r.line) != (group[0].precinct, group[0].line):
            out.append(RefusedProtocol(group[0].precinct, group[0].line, tuple(group)))
            group = []
        group.append(r)
    if group:
        out.append(RefusedProtocol(group[0].precinct, group[0].line, tuple(group)))
    return out


@dataclass(slots=True)
class TallyResult:
    kind: QuestionKind
    totals: Totals
    units: dict[str, Totals]  # every unit of the registry, in registry order
    districts: dict[tuple[str, str], Totals]
    accepted: list[Protocol]
    rejected: list[Rejection]  # rule by rule; `refused` groups them by protocol
    outcome: AdoptionOutcome
    duplicates: int = 0
    registry: UnitRegistry = field(default=DEFAULT_REGISTRY)
    problems: list[Rejection] = field(default_factory=list)  # about the totals as a whole (implausible)
    register_size: int | None = None  # precincts on the register; None: no register was given
    in_review: int | None = None  # protocols waiting in a review queue; None: the refused ones here

    @property
    def refused(self) -> list[RefusedProtocol]:
        return refused_protocols(self.rejected)

    @property
    def precincts_reported(self) -> int:
        """Precincts whose protocol is counted (with a register, all of them are on it)."""
        return self.totals.precincts

    @property
    def protocols_in_review(self) -> int:
        return len(self.refused) if self.in_review is None else self.in_review

    @property
    def complete(self) -> bool:
        """Final only when nothing was refused or waits in review, the totals are plausible and, with a register,
        every precinct on it has reported. Anything less is a provisional result."""
        if self.rejected or self.problems or self.protocols_in_review:
            return False
        if self.register_size is None:
            return True
        return self.register_size > 0 and self.precincts_reported == self.register_size

    def completeness_msgs(self) -> list[Msg]:
        """How final the result is, in words: precincts counted, protocols in review, complete or provisional."""
        if self.register_size is None:
            counted = msg("counted_no_register", reported=self.precincts_reported)
        else:
            counted = msg("counted", reported=self.precincts_reported, registered=self.register_size)
        out = [counted]
        if self.protocols_in_review:
            out.append(msg("in_review", count=self.protocols_in_review))
        out.extend(p.msg for p in self.problems if p.msg is not None)
        out.append(msg("complete") if self.complete else msg("provisional"))
        return out

    def as_json(self) -> dict[str, object]:
        """The `atazan referendum tally --json` contract (units keyed by canonical English name)."""
        units: dict[str, object] = {}
        for code, t in self.units.items():
            units[self.registry.by_code[code].name_en] = {**t.as_dict(), "yes_majority": t.yes_majority}
        return {
            "valid": self.outcome.valid,
            "adopted": self.outcome.adopted,
            "complete": self.complete,
            "totals": self.totals.as_dict(),
            "units": units,
            "units_with_majority": len(self.outcome.units_with_majority),
            "units_required": self.outcome.units_required,
            "precincts_reported": self.precincts_reported,
            "precincts_registered": self.register_size,
            "protocols_in_review": self.protocols_in_review,
            "problems": [{"rule": p.rule.value, "message": p.message, "source": p.rule.source} for p in self.problems],
            "rejected": [r.as_dict() for r in self.refused],
        }


def _problems(p: Protocol, by_code: Mapping[str, object]) -> list[Rejection]:
    """Why `p` cannot be counted: a unit outside the registry, or the control relations it breaks."""
    if p.unit not in by_code:
        return [Rejection.of(p.precinct, ProtocolRule.UNKNOWN_UNIT, unknown_unit(p.unit))]
    return protocol_violations(p)


def _count(p: Protocol, units: dict[str, Totals], districts: dict[tuple[str, str], Totals]) -> None:
    units[p.unit].add(p)
    key = (p.unit, p.district)
    d = districts.get(key)
    if d is None:
        d = districts[key] = Totals()
    d.add(p)


def _at(rejections: list[Rejection], line: int | None, precinct: str | None = None) -> list[Rejection]:
    """The rejections of one protocol at its source line, all under one precinct label (so they group as one)."""
    if line is None and precinct is None:
        return rejections
    return [Rejection(r.precinct if precinct is None else precinct, r.rule, r.message, line, r.msg) for r in rejections]


def tally(
    protocols: Iterable[Protocol],
    *,
    kind: QuestionKind,
    registry: UnitRegistry = DEFAULT_REGISTRY,
    prior_rejections: Iterable[Rejection] = (),
    register: PrecinctRegister | None = None,
    lines: Sequence[int] | None = None,
    electorate_bound: int = ELECTORATE_BOUND,
) -> TallyResult:
    """Check, de-duplicate and sum protocols; apply the adoption rule.

    `prior_rejections` are records refused before they became protocols (unparseable rows); they are reported
    with the rest. Protocols must carry unit codes of `registry` (a parser resolves names to codes). With a
    `register`, a protocol counts only for a precinct on it and within its entitled voters, under the register's
    number. `lines[i]` is the source line of the i-th protocol, kept on its rejections.
    """
    rejected = list(prior_rejections)
    accepted: list[Protocol] = []
    seen: dict[str, Protocol] = {}
    refused: dict[str, Protocol] = {}
    duplicates = 0
    by_code = registry.by_code
    units = {code: Totals() for code in by_code}
    districts: dict[tuple[str, str], Totals] = {}
    for index, p in enumerate(protocols):
        line = lines[index] if lines is not None and index < len(lines) else None
        if register is not None:
            bound = register_check(p, register, line)
            if isinstance(bound, list):  # every rule it breaks: the register's and its own
                rejected.extend(_at([*bound, *_problems(p, by_code)], line, bound[0].precinct))
                continue
            p = bound
        previous = seen.get(p.precinct)
        if previous is not None:
            if previous == p:
                duplicates += 1
            else:
                rejected.append(
                    Rejection.of(p.precinct, ProtocolRule.CONFLICTING_DUPLICATE, msg("duplicate_accepted"), line)
                )
            continue
        if refused.get(p.precinct) == p:
            duplicates += 1
            continue
        problems = _problems(p, by_code)
        if problems:
            refused[p.precinct] = p
            rejected.extend(_at(problems, line))
            continue
        seen[p.precinct] = p
        accepted.append(p)
        _count(p, units, districts)
    totals = Totals()
    for t in units.values():
        totals.merge(t)
    outcome = adoption_outcome(kind, totals.counts(), {code: t.counts() for code, t in units.items()})
    implausible = electorate_bound_problem(totals.registered, electorate_bound)
    return TallyResult(
        kind=kind,
        totals=totals,
        units=units,
        districts=districts,
        accepted=accepted,
        rejected=rejected,
        outcome=outcome,
        duplicates=duplicates,
        registry=registry,
        problems=[implausible] if implausible else [],
        register_size=len(register) if register is not None else None,
    )


class RunningTally:
    """The same tally kept up to date one protocol at a time, for a store that holds at most one current protocol
    per precinct (a correction replaces the precinct's protocol, Referendum Law, Art. 23(1)(6)).

    `put` and `drop` cost a few microseconds instead of re-checking and re-summing every protocol; `result()` gives
    exactly what `tally()` gives for the current protocols in precinct order (a property test holds them equal).
    Sums stay exact integers: removing a protocol subtracts the very figures that adding it added.
    """

    __slots__ = ("kind", "registry", "_current", "_problems", "_units", "_districts", "_order")

    def __init__(self, *, kind: QuestionKind, registry: UnitRegistry = DEFAULT_REGISTRY) -> None:
        self.kind = kind
        self.registry = registry
        self._current: dict[str, Protocol] = {}
        self._problems: dict[str, list[Rejection]] = {}  # precincts whose current protocol breaks a rule
        self._units = {code: Totals() for code in registry.by_code}
        self._districts: dict[tuple[str, str], Totals] = {}
        self._order: list[str] = []  # precincts with a protocol, kept nearly sorted

    def __len__(self) -> int:
        return len(self._current)

    def put(self, p: Protocol) -> None:
        """Make `p` its precinct's current protocol (a first protocol or a correction)."""
        if p.precinct not in self._current:
            self._order.append(p.precinct)  # sorted again, cheaply (one sorted run and a few more), by result()
        else:
            self._uncount(p.precinct)
        self._current[p.precinct] = p
        problems = _problems(p, self.registry.by_code)
        if problems:
            self._problems[p.precinct] = problems
            return
        _count(p, self._units, self._districts)

    def drop(self, precinct: str) -> None:
        """Take the precinct's protocol out of every total (nothing happens if it has none)."""
        if precinct not in self._current:
            return
        self._uncount(precinct)
        del self._current[precinct]
        self._order.remove(precinct)

    def _uncount(self, precinct: str) -> None:
        old = self._current[precinct]
        if self._problems.pop(precinct, None) is not None:
            return  # it was never counted
        self._units[old.unit].remove(old)
        key = (old.unit, old.district)
        d = self._districts[key]
        d.remove(old)
        if d.precincts == 0:  # tally() only lists districts with a counted protocol
            del self._districts[key]

    def result(self) -> TallyResult:
        """A snapshot: later puts and drops do not change it."""
        accepted: list[Protocol] = []
        rejected: list[Rejection] = []
        self._order.sort()
        for number in self._order:
            problems = self._problems.get(number)
            if problems is None:
                accepted.append(self._current[number])
            else:
                rejected.extend(problems)
        units = {code: t.copy() for code, t in self._units.items()}
        totals = Totals()
        for t in units.values():
            totals.merge(t)
        outcome = adoption_outcome(self.kind, totals.counts(), {code: t.counts() for code, t in units.items()})
        implausible = electorate_bound_problem(totals.registered)
        return TallyResult(
            kind=self.kind,
            totals=totals,
            units=units,
            districts={key: t.copy() for key, t in self._districts.items()},
            accepted=accepted,
            rejected=rejected,
            outcome=outcome,
            registry=self.registry,
            problems=[implausible] if implausible else [],
        )
