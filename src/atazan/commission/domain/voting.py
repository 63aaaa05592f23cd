"""Quorum and majority of a Commission vote, in exact integer arithmetic.

The sources we have (shared/domain/FACTS.md) give the Commission's size and leadership but not its rules of
procedure. The defaults below are therefore atazan's, configurable, and chosen by analogy with the consultative
body the new Constitution itself creates: the People's Council, whose quorum is two thirds of its members and whose
decisions are taken by more than half of those present (Constitutional Law on the People's Council of 2026-06-05;
FACTS.md). "More than half of those present" counts an abstention as not-yes, the cautious reading for a body that
rewrites a Constitution. Every outcome carries the rule's source so the page can print it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from .errors import CommissionError

DEFAULT_RULES_SOURCE = (
    "atazan default (configurable), modelled on the People's Council: quorum two thirds of members, decisions by "
    "more than half of those present (Constitutional Law on the People's Council, 2026; FACTS.md)"
)


class Choice(StrEnum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"


class MajorityBase(StrEnum):
    ALL_MEMBERS = "all_members"  # of the Commission's full membership
    PRESENT = "present"  # of the members registered present at the session
    VOTES_CAST = "votes_cast"  # of those voting for or against (abstentions left out)


@dataclass(frozen=True, slots=True)
class QuorumRule:
    share: Fraction = Fraction(2, 3)
    strict: bool = False  # False: "at least" the share; True: "more than" the share
    source: str = DEFAULT_RULES_SOURCE

    def required(self, members_total: int) -> int:
        """The fewest members present that make a quorum."""
        return _threshold(self.share, members_total, strict=self.strict)

    def describe(self) -> str:
        return f"{'more than' if self.strict else 'at least'} {self.share} of all members present"


@dataclass(frozen=True, slots=True)
class MajorityRule:
    share: Fraction = Fraction(1, 2)
    base: MajorityBase = MajorityBase.PRESENT
    strict: bool = True
    chair_casting_vote: bool = False  # on an exact tie (for == against), the chair's vote decides
    source: str = DEFAULT_RULES_SOURCE

    def describe(self) -> str:
        base = {
            MajorityBase.ALL_MEMBERS: "of all members",
            MajorityBase.PRESENT: "of the members present",
            MajorityBase.VOTES_CAST: "of the votes cast for or against",
        }[self.base]
        text = f"{'more than' if self.strict else 'at least'} {self.share} {base} vote for"
        if self.chair_casting_vote:
            text += "; on a tie the chair's vote decides"
        return text


@dataclass(frozen=True, slots=True)
class Tally:
    members_total: int
    present: int
    votes_for: int
    votes_against: int
    abstained: int

    @property
    def voted(self) -> int:
        return self.votes_for + self.votes_against + self.abstained

    def check(self, record: str) -> None:
        """Refuse counts that cannot happen (negative, more votes than members present, more present than members)."""
        for name in ("members_total", "present", "votes_for", "votes_against", "abstained"):
            if getattr(self, name) < 0:
                raise CommissionError(record=record, rule=f"{name} must not be negative")
        if self.present > self.members_total:
            raise CommissionError(
                record=record,
                rule="members present cannot exceed the membership",
                detail=f"{self.present} > {self.members_total}",
            )
        if self.voted > self.present:
            raise CommissionError(
                record=record,
                rule="only members present vote, each once",
                detail=f"{self.voted} votes, {self.present} present",
            )


@dataclass(frozen=True, slots=True)
class Outcome:
    tally: Tally
    quorum_required: int
    quorum_met: bool
    votes_required: int  # the fewest "for" votes that adopt, for this tally's base
    adopted: bool
    by_casting_vote: bool
    explanation: str
    source: str


def _threshold(share: Fraction, base: int, *, strict: bool) -> int:
    """Smallest integer n with n > share*base (strict) or n >= share*base."""
    exact = share * base
    whole = exact.numerator // exact.denominator
    if strict:
        return whole + 1
    return whole if exact.denominator == 1 else whole + 1


def tally_from_choices(choices: Iterable[Choice], *, members_total: int, present: int) -> Tally:
    counts = dict.fromkeys(Choice, 0)
    for c in choices:
        counts[c] += 1
    return Tally(members_total, present, counts[Choice.FOR], counts[Choice.AGAINST], counts[Choice.ABSTAIN])


def quorum_met(*, members_total: int, present: int, rule: QuorumRule | None = None) -> bool:
    rule = rule or QuorumRule()
    return present >= rule.required(members_total)


def vote_outcome(
    tally: Tally,
    *,
    quorum: QuorumRule | None = None,
    majority: MajorityRule | None = None,
    chair_choice: Choice | None = None,
    record: str = "vote",
) -> Outcome:
    """Whether the item is adopted. Without a quorum nothing is adopted, whatever the votes."""
    quorum = quorum or QuorumRule()
    majority = majority or MajorityRule()
    tally.check(record)
    q_required = quorum.required(tally.members_total)
    q_met = tally.present >= q_required
    base = {
        MajorityBase.ALL_MEMBERS: tally.members_total,
        MajorityBase.PRESENT: tally.present,
        MajorityBase.VOTES_CAST: tally.votes_for + tally.votes_against,
    }[majority.base]
    v_required = _threshold(majority.share, base, strict=majority.strict)
    by_majority = base > 0 and tally.votes_for >= v_required
    by_casting = (
        not by_majority
        and majority.chair_casting_vote
        and tally.votes_for == tally.votes_against
        and tally.votes_for > 0
        and chair_choice == Choice.FOR
    )
    adopted = q_met and (by_majority or by_casting)
    if not q_met:
        why = f"no quorum: {tally.present} present, {q_required} needed ({quorum.describe()})"
    else:
        verdict = "adopted" if adopted else "not adopted"
        why = (
            f"{verdict}: {tally.votes_for} for, {tally.votes_against} against, {tally.abstained} abstained; "
            f"{v_required} needed ({majority.describe()})"
        )
        if by_casting:
            why += "; adopted by the chair's casting vote"
    source = quorum.source if quorum.source == majority.source else f"{quorum.source}; {majority.source}"
    return Outcome(tally, q_required, q_met, v_required, adopted, bool(by_casting and q_met), why, source)
