"""Seats for party lists: Art. 97-1 of the Constitutional Law on Elections, and alternatives for "what if" analysis.

Only ``Method.HARE`` is the law. D'Hondt, Sainte-Laguë and Droop are offered to compare, never to decide.

All decisions use integers: a list's quotient ``votes / quota`` is kept as the integer numerator ``votes * seats`` over
the common denominator ``sum of admitted votes`` (Hare), so whole parts and remainders compare exactly; the
``Fraction`` values are built only when someone asks for them (explanations, exports).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

from .bounds import allocation_input_bounds_check, nesting_depth_check
from .errors import (
    DuplicatePartyError,
    DuplicateRegistrationOrderError,
    InputFormatError,
    ListsSumAboveTurnoutError,
    ListVotesAboveTurnoutError,
    NegativeVotesError,
    NoListReachesThresholdError,
    NoListsError,
    NoSeatsError,
    ThresholdOutOfRangeError,
    TooFewSeatsForSingleListRuleError,
    TurnoutNotPositiveError,
)
from .i18n import _
from .parameters import SINGLE_LIST_COEFFICIENT, SINGLE_LIST_MINIMUM_SEATS

__all__ = [
    "Admission",
    "Allocation",
    "AllocationInput",
    "ListOutcome",
    "Method",
    "PartyList",
    "Rule",
    "allocate",
    "allocation_input_check",
    "allocation_input_from_mapping",
]


class Method(enum.StrEnum):
    """How seats are computed. Only HARE is the law (Constitutional Law on Elections, Art. 97-1)."""

    HARE = "hare"
    DHONDT = "dhondt"
    SAINTE_LAGUE = "sainte-lague"
    DROOP = "droop"

    @property
    def is_law(self) -> bool:
        return self is Method.HARE

    @property
    def label(self) -> str:
        return _METHOD_LABELS[self]


_METHOD_LABELS = {
    Method.HARE: _("Hare quota and largest remainders — the law (Constitutional Law on Elections, Art. 97-1)"),
    Method.DHONDT: _("D'Hondt highest averages — not the law, for comparison only"),
    Method.SAINTE_LAGUE: _("Sainte-Laguë highest averages — not the law, for comparison only"),
    Method.DROOP: _("Droop quota and largest remainders — not the law, for comparison only"),
}


class Admission(enum.StrEnum):
    """Why a list takes part in the allocation, or why not."""

    # Art. 97-1(1): five per cent or more of the votes of those who took part.
    THRESHOLD = "threshold"
    # Art. 97-1(2): only one list passed; this one had the next largest number of votes.
    RUNNER_UP = "runner-up"
    BELOW_THRESHOLD = "below-threshold"


class Rule(enum.StrEnum):
    """Which paragraph of Art. 97-1 governed the allocation."""

    GENERAL = "general"  # Art. 97-1(1), (3), (4): two or more lists passed
    SINGLE_LIST = "single-list"  # Art. 97-1(2), (3), (4) second paragraph
    SOLE_LIST = "sole-list"  # one list passed and no other list has a vote: documented choice, see _allocate_law


@dataclass(frozen=True, slots=True)
class PartyList:
    party: str
    votes: int
    registration_order: int


@dataclass(frozen=True, slots=True)
class AllocationInput:
    """What the Central Election Commission has when it allocates: seats, turnout, threshold, lists' votes.

    ``threshold`` is a share of ``took_part`` (``Fraction(5, 100)`` is five per cent).
    """

    seats: int
    took_part: int
    lists: tuple[PartyList, ...]
    threshold: Fraction = Fraction(5, 100)


_ONE = Fraction(1)


class ListOutcome(NamedTuple):
    """One list's path through the allocation; ``quotient`` is exact, ``remainder`` is its fractional part.

    A NamedTuple rather than a dataclass: an allocation builds one per list and this is the hot path.
    """

    party: str
    votes: int
    registration_order: int
    admission: Admission
    whole: int = 0
    extra: int = 0
    seats: int = 0
    # quotient = (whole * denominator + remainder_numerator) / denominator, ``coefficient`` already applied
    remainder_numerator: int = 0
    denominator: int = 1
    coefficient: Fraction = _ONE
    remainder_rank: int | None = None

    @property
    def admitted(self) -> bool:
        return self.admission is not Admission.BELOW_THRESHOLD

    @property
    def quotient(self) -> Fraction | None:
        if not self.admitted:
            return None
        return Fraction(self.whole * self.denominator + self.remainder_numerator, self.denominator)

    @property
    def remainder(self) -> Fraction | None:
        if not self.admitted:
            return None
        return Fraction(self.remainder_numerator, self.denominator)


class Allocation(NamedTuple):
    """The result: lists in registration order, each with its seats; ``quota`` is None for divisor methods."""

    method: Method
    seats_total: int
    took_part: int
    threshold: Fraction
    outcomes: tuple[ListOutcome, ...]
    rule: Rule
    # the quota as numerator / denominator (built into a Fraction only when asked for); None for divisor methods
    quota_numerator: int | None
    quota_denominator: int = 1
    # divisor methods: the average that won the last seat, and the largest one that did not
    last_average: Fraction | None = None
    next_average: Fraction | None = None
    notes: tuple[str, ...] = ()

    @property
    def quota(self) -> Fraction | None:
        if self.quota_numerator is None:
            return None
        return Fraction(self.quota_numerator, self.quota_denominator)

    @property
    def seats(self) -> dict[str, int]:
        return {o.party: o.seats for o in self.outcomes}

    @property
    def admitted(self) -> tuple[str, ...]:
        return tuple(o.party for o in self.outcomes if o.admitted)

    def outcome(self, party: str) -> ListOutcome:
        for o in self.outcomes:
            if o.party == party:
                return o
        raise KeyError(party)


# ---------------------------------------------------------------------------------------------------------------------
# input


def _whole_number(value: object, *, record: str, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputFormatError(f"{what} must be a whole number, got {value!r}", record=record)
    return value


def _threshold_share(value: object) -> Fraction:
    """A threshold in per cent given as int, a decimal string ("5", "7.5") or a float with an exact short form."""
    record = "threshold_percent"
    if isinstance(value, bool):
        raise InputFormatError(f"must be a number, got {value!r}", record=record)
    try:
        if isinstance(value, int):
            percent = Fraction(value)
        elif isinstance(value, float):
            # JSON has no decimals: read 7.5 as the decimal the person wrote, not as its binary approximation
            percent = Fraction(repr(value))
        elif isinstance(value, str):
            percent = Fraction(value.strip())
        else:
            raise InputFormatError(f"must be a number, got {value!r}", record=record)
    except (ValueError, ZeroDivisionError) as exc:
        raise InputFormatError(f"must be a number, got {value!r}", record=record) from exc
    return percent / 100


def allocation_input_from_mapping(data: Mapping[str, object]) -> AllocationInput:
    """Read the CLI/API input shape.

    ``{"seats": 69, "took_part": 6366441, "threshold_percent": 5, "lists": [{"party": "AMANAT", "votes": 3431510,
    "registration_order": 1}, ...]}``. ``threshold_percent`` defaults to 5 (Art. 97-1(1) as in force since 2021);
    ``registration_order`` defaults to the list's position (1-based). Raises an ``ElectionsError`` subclass, also
    for input beyond the country's bounds (``bounds``: nesting, seats, voters), which every outside door must keep.
    """
    if not isinstance(data, Mapping):
        raise InputFormatError("the input must be a JSON object", record="input")
    nesting_depth_check(data, record="input")
    for key in ("seats", "took_part", "lists"):
        if key not in data:
            raise InputFormatError(f"missing field {key!r}", record="input")
    seats = _whole_number(data["seats"], record="seats", what="seats")
    took_part = _whole_number(data["took_part"], record="took_part", what="the number who took part")
    threshold = _threshold_share(data.get("threshold_percent", 5))
    raw_lists = data["lists"]
    if not isinstance(raw_lists, Sequence) or isinstance(raw_lists, str | bytes):
        raise InputFormatError("must be an array of party lists", record="lists")
    lists: list[PartyList] = []
    for position, raw in enumerate(raw_lists, start=1):
        record = f"lists[{position - 1}]"
        if not isinstance(raw, Mapping):
            raise InputFormatError("must be an object with party and votes", record=record)
        party = raw.get("party")
        if not isinstance(party, str) or not party.strip():
            raise InputFormatError("party must be a non-empty name", record=record)
        record = f"list {party!r}"
        if "votes" not in raw:
            raise InputFormatError("missing field 'votes'", record=record)
        votes = _whole_number(raw["votes"], record=record, what="votes")
        order = _whole_number(raw.get("registration_order", position), record=record, what="registration_order")
        lists.append(PartyList(party=party.strip(), votes=votes, registration_order=order))
    inp = AllocationInput(seats=seats, took_part=took_part, lists=tuple(lists), threshold=threshold)
    allocation_input_bounds_check(inp)
    return inp


def allocation_input_check(inp: AllocationInput) -> None:
    """Raise the first rule the input breaks (see ``errors``); return None when it can be allocated."""
    if inp.seats <= 0:
        raise NoSeatsError(f"{inp.seats} seats to allocate", record="seats")
    if inp.took_part <= 0:
        raise TurnoutNotPositiveError(f"{inp.took_part} voters took part", record="took_part")
    if not 0 <= inp.threshold <= 1:
        raise ThresholdOutOfRangeError(f"{float(inp.threshold * 100):g}% is not a share", record="threshold_percent")
    if not inp.lists:
        raise NoListsError("no party lists", record="lists")
    parties: set[str] = set()
    orders: dict[int, str] = {}
    total = 0
    for pl in inp.lists:
        party = pl.party
        if party in parties:
            raise DuplicatePartyError("the party appears more than once", record=f"list {party!r}")
        parties.add(party)
        order = pl.registration_order
        if order in orders:
            raise DuplicateRegistrationOrderError(
                f"registration order {order} is also {orders[order]!r}'s", record=f"list {party!r}"
            )
        orders[order] = party
        votes = pl.votes
        if votes < 0:
            raise NegativeVotesError(f"{votes} votes", record=f"list {party!r}")
        if votes > inp.took_part:
            raise ListVotesAboveTurnoutError(
                f"{votes} votes but only {inp.took_part} took part", record=f"list {party!r}"
            )
        total += votes
    if total > inp.took_part:
        raise ListsSumAboveTurnoutError(f"lists have {total} votes but only {inp.took_part} took part", record="lists")


# ---------------------------------------------------------------------------------------------------------------------
# allocation


def allocate(inp: AllocationInput, method: Method = Method.HARE) -> Allocation:
    """Allocate ``inp.seats`` among the lists.

    ``Method.HARE`` follows Constitutional Law on Elections, Art. 97-1 paragraph by paragraph. The other methods use
    the same admission by threshold (Art. 97-1(1)) and then their own arithmetic; they are not the law.
    Raises an ``ElectionsError`` subclass naming the record and the rule when the input cannot be allocated.
    """
    allocation_input_check(inp)
    ordered = sorted(inp.lists, key=_by_registration)
    t = inp.threshold
    # Art. 97-1(1): "пять и более процентов голосов избирателей от числа принявших участие в голосовании" — the base
    # is everybody who took part (invalid ballots included), and reaching the share exactly is enough.
    # A list with no votes cannot hold a seat even when a "what if" threshold of 0% is asked for.
    floor = t.numerator * inp.took_part
    passed = [pl for pl in ordered if pl.votes > 0 and pl.votes * t.denominator >= floor]
    if not passed:
        best = max(ordered, key=_by_votes_then_earlier)
        raise NoListReachesThresholdError(
            f"no list reached {_percent(t)} of the {inp.took_part} who took part "
            f"(the best, {best.party!r}, has {best.votes})",
            record="lists",
        )
    if method is Method.HARE:
        return _allocate_law(inp, ordered, passed)
    admitted = {pl.party for pl in passed}
    outcomes_in = [(pl, pl.party in admitted) for pl in ordered]
    if method is Method.DROOP:
        return _largest_remainder_droop(inp, outcomes_in)
    return _divisor(inp, outcomes_in, method)


def _by_registration(pl: PartyList) -> int:
    return pl.registration_order


def _by_votes_then_earlier(pl: PartyList) -> tuple[int, int]:
    return (pl.votes, -pl.registration_order)


def _percent(share: Fraction) -> str:
    percent = share * 100
    return f"{percent.numerator}%" if percent.denominator == 1 else f"{float(percent):g}%"


def _allocate_law(inp: AllocationInput, ordered: list[PartyList], passed: list[PartyList]) -> Allocation:
    if len(passed) >= 2:
        return _hare_general(inp, ordered, passed)
    (winner,) = passed
    # Art. 97-1(2): the list with the next largest number of votes is admitted too. Documented choices where the text
    # is open: (a) equal runner-up votes are decided for the list registered earlier, as Art. 97-1(4) decides equal
    # remainders; (b) a list with no votes has not "набравшая ... число голосов" and is not admitted.
    others = [pl for pl in ordered if pl is not winner and pl.votes > 0]
    if not others:
        # Documented choice: with no other list that has a vote, paragraph 2 cannot apply and paragraph 1 gives the
        # quota = the winner's votes / seats, so the list that passed receives every seat.
        outcomes = tuple(
            ListOutcome(
                party=pl.party,
                votes=pl.votes,
                registration_order=pl.registration_order,
                admission=Admission.THRESHOLD if pl is winner else Admission.BELOW_THRESHOLD,
                whole=inp.seats if pl is winner else 0,
                seats=inp.seats if pl is winner else 0,
            )
            for pl in ordered
        )
        return Allocation(
            method=Method.HARE,
            seats_total=inp.seats,
            took_part=inp.took_part,
            threshold=inp.threshold,
            outcomes=outcomes,
            rule=Rule.SOLE_LIST,
            quota_numerator=winner.votes,
            quota_denominator=inp.seats,
            notes=("Only one list passed and no other list received a vote, so Art. 97-1(2) has no list to admit.",),
        )
    runner_up = max(others, key=_by_votes_then_earlier)
    if inp.seats < SINGLE_LIST_MINIMUM_SEATS + 1:
        raise TooFewSeatsForSingleListRuleError(
            f"{inp.seats} seats; {runner_up.party!r} is admitted under paragraph 2 and must get at least "
            f"{SINGLE_LIST_MINIMUM_SEATS}",
            record="seats",
        )
    seats = inp.seats
    total = winner.votes + runner_up.votes  # Art. 97-1(2) second paragraph: the two lists' votes / seats = quota
    # Art. 97-1(3): quotient = votes / quota = votes * seats / total; the runner-up's is multiplied by 0.7.
    w_num = winner.votes * seats
    w_whole, w_rem = divmod(w_num, total)
    c = SINGLE_LIST_COEFFICIENT
    r_den = total * c.denominator
    r_num = runner_up.votes * seats * c.numerator
    r_whole, r_rem = divmod(r_num, r_den)
    # Art. 97-1(3) fourth paragraph: at least two seats, whatever the quotient. Art. 97-1(4) second paragraph: the
    # seats left undistributed go to the list that passed. Documented choice: when the minimum of two exceeds what is
    # left after the winner's whole part (a runner-up with very few votes), the minimum still holds and the list that
    # passed receives all the other seats, so the winner's seats are always ``seats - runner-up seats``.
    r_seats = max(SINGLE_LIST_MINIMUM_SEATS, r_whole)
    w_seats = seats - r_seats
    outcomes_list: list[ListOutcome] = []
    for pl in ordered:
        if pl is winner:
            outcomes_list.append(
                ListOutcome(
                    party=pl.party,
                    votes=pl.votes,
                    registration_order=pl.registration_order,
                    admission=Admission.THRESHOLD,
                    whole=w_whole,
                    extra=w_seats - w_whole,
                    seats=w_seats,
                    remainder_numerator=w_rem,
                    denominator=total,
                )
            )
        elif pl is runner_up:
            outcomes_list.append(
                ListOutcome(
                    party=pl.party,
                    votes=pl.votes,
                    registration_order=pl.registration_order,
                    admission=Admission.RUNNER_UP,
                    whole=r_whole,
                    extra=r_seats - r_whole,
                    seats=r_seats,
                    remainder_numerator=r_rem,
                    denominator=r_den,
                    coefficient=c,
                )
            )
        else:
            outcomes_list.append(_not_admitted(pl))
    return Allocation(
        method=Method.HARE,
        seats_total=seats,
        took_part=inp.took_part,
        threshold=inp.threshold,
        outcomes=tuple(outcomes_list),
        rule=Rule.SINGLE_LIST,
        quota_numerator=total,
        quota_denominator=seats,
    )


def _not_admitted(pl: PartyList) -> ListOutcome:
    return ListOutcome(
        party=pl.party, votes=pl.votes, registration_order=pl.registration_order, admission=Admission.BELOW_THRESHOLD
    )


def _hare_general(inp: AllocationInput, ordered: list[PartyList], passed: list[PartyList]) -> Allocation:
    seats = inp.seats
    total = 0
    for pl in passed:
        total += pl.votes
    # Art. 97-1(1): quota = admitted votes / seats. Art. 97-1(3): quotient = votes / quota = votes * seats / total,
    # kept as an integer numerator over ``total``: its whole part and remainder come from one exact divmod.
    parts = [divmod(pl.votes * seats, total) for pl in passed]
    left = seats
    for whole, _rest in parts:
        left -= whole
    n = len(passed)
    ranks: list[int | None] = [None] * n
    if left:
        # Art. 97-1(4): one seat each to the largest remainders; equal remainders → the list registered earlier.
        # Remainders share the denominator ``total``, so comparing numerators is exact; ``passed`` is in registration
        # order and a reverse sort is still stable, so equal remainders keep the earlier list first.
        by_remainder = sorted(range(n), key=lambda i: parts[i][1], reverse=True)
        for rank, i in enumerate(by_remainder, start=1):
            ranks[i] = rank
    outcomes: list[ListOutcome] = []
    j = 0
    for pl in ordered:
        if j < n and pl is passed[j]:
            whole, rem = parts[j]
            place = ranks[j]
            extra = 1 if place is not None and place <= left else 0
            outcomes.append(
                ListOutcome(
                    pl.party,
                    pl.votes,
                    pl.registration_order,
                    Admission.THRESHOLD,
                    whole,
                    extra,
                    whole + extra,
                    rem,
                    total,
                    _ONE,
                    place,
                )  # fmt: skip
            )
            j += 1
        else:
            outcomes.append(ListOutcome(pl.party, pl.votes, pl.registration_order, Admission.BELOW_THRESHOLD))
    return Allocation(Method.HARE, seats, inp.took_part, inp.threshold, tuple(outcomes), Rule.GENERAL, total, seats)


def _largest_remainder_droop(inp: AllocationInput, lists: Iterable[tuple[PartyList, bool]]) -> Allocation:
    """Droop quota (1 + whole part of votes / (seats + 1)) and largest remainders. Not the law."""
    items = list(lists)
    admitted = [pl for pl, ok in items if ok]
    total = sum(pl.votes for pl in admitted)
    seats = inp.seats
    quota = 1 + total // (seats + 1)
    wholes = {pl.registration_order: divmod(pl.votes, quota) for pl in admitted}
    left = seats - sum(w for w, _ in wholes.values())
    by_remainder = sorted(admitted, key=lambda pl: -wholes[pl.registration_order][1])
    ranks = {pl.registration_order: rank for rank, pl in enumerate(by_remainder, start=1)}
    extras = dict.fromkeys(ranks, 0)
    # With very few votes for many seats the leftover can exceed the number of lists: the remainder order then
    # repeats (documented; Hare never needs this, as its leftover is always smaller than the number of lists).
    for i in range(left):
        extras[by_remainder[i % len(by_remainder)].registration_order] += 1
    outcomes = tuple(
        ListOutcome(
            party=pl.party,
            votes=pl.votes,
            registration_order=pl.registration_order,
            admission=Admission.THRESHOLD,
            whole=wholes[pl.registration_order][0],
            extra=extras[pl.registration_order],
            seats=wholes[pl.registration_order][0] + extras[pl.registration_order],
            remainder_numerator=wholes[pl.registration_order][1],
            denominator=quota,
            remainder_rank=ranks[pl.registration_order],
        )
        if ok
        else _not_admitted(pl)
        for pl, ok in items
    )
    return Allocation(
        method=Method.DROOP,
        seats_total=seats,
        took_part=inp.took_part,
        threshold=inp.threshold,
        outcomes=outcomes,
        rule=Rule.GENERAL,
        quota_numerator=quota,
    )


def _divisor(inp: AllocationInput, lists: Iterable[tuple[PartyList, bool]], method: Method) -> Allocation:
    """Highest averages: D'Hondt divides by 1, 2, 3, …; Sainte-Laguë by 1, 3, 5, …. Not the law.

    Each seat goes to the largest average ``votes / divisor``; equal averages go to the list registered earlier (the
    law's own tie rule, Art. 97-1(4), borrowed so that comparisons are like for like).
    """
    items = list(lists)
    admitted = [pl for pl, ok in items if ok]
    step = 1 if method is Method.DHONDT else 2
    won = {pl.registration_order: 0 for pl in admitted}
    last: Fraction | None = None
    for _seat in range(inp.seats):
        best: PartyList | None = None
        best_num, best_den = -1, 1
        for pl in admitted:  # registration order: a later list must be strictly larger to win a tie
            den = 1 + step * won[pl.registration_order]
            if pl.votes * best_den > best_num * den:
                best, best_num, best_den = pl, pl.votes, den
        assert best is not None
        won[best.registration_order] += 1
        last = Fraction(best_num, best_den)
    following = max((Fraction(pl.votes, 1 + step * won[pl.registration_order]) for pl in admitted), default=None)
    outcomes = tuple(
        ListOutcome(
            party=pl.party,
            votes=pl.votes,
            registration_order=pl.registration_order,
            admission=Admission.THRESHOLD,
            whole=won[pl.registration_order],
            seats=won[pl.registration_order],
        )
        if ok
        else _not_admitted(pl)
        for pl, ok in items
    )
    return Allocation(
        method=method,
        seats_total=inp.seats,
        took_part=inp.took_part,
        threshold=inp.threshold,
        outcomes=outcomes,
        rule=Rule.GENERAL,
        quota_numerator=None,
        last_average=last,
        next_average=following,
    )
