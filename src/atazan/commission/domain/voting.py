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
from .messages import Msg, label, msg, phrase

DEFAULT_RULES_SOURCE = label(
    "atazan default (configurable), modelled on the People's Council: quorum two thirds of members, decisions by "
    "more than half of those present (Constitutional Law on the People's Council, 2026; FACTS.md)"
)

# The counts of a tally, as a refusal names them.
COUNT_LABELS: dict[str, Msg] = {
    "members_total": label("members", context="commission count"),
    "present": label("members present", context="commission count"),
    "votes_for": label("votes for", context="commission count"),
    "votes_against": label("votes against", context="commission count"),
    "abstained": label("abstentions", context="commission count"),
}


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
    source: Msg | str = DEFAULT_RULES_SOURCE

    def required(self, members_total: int) -> int:
        """The fewest members present that make a quorum."""
        return _threshold(self.share, members_total, strict=self.strict)

    def describe(self) -> Msg:
        if self.strict:
            return phrase("more than {share} of all members present", share=str(self.share))
        return phrase("at least {share} of all members present", share=str(self.share))


@dataclass(frozen=True, slots=True)
class MajorityRule:
    share: Fraction = Fraction(1, 2)
    base: MajorityBase = MajorityBase.PRESENT
    strict: bool = True
    chair_casting_vote: bool = False  # on an exact tie (for == against), the chair's vote decides
    source: Msg | str = DEFAULT_RULES_SOURCE

    def describe(self) -> Msg:
        share = str(self.share)
        if self.base == MajorityBase.ALL_MEMBERS:
            text = (
                phrase("more than {share} of all members vote for", share=share)
                if self.strict
                else phrase("at least {share} of all members vote for", share=share)
            )
        elif self.base == MajorityBase.PRESENT:
            text = (
                phrase("more than {share} of the members present vote for", share=share)
                if self.strict
                else phrase("at least {share} of the members present vote for", share=share)
            )
        else:
            text = (
                phrase("more than {share} of the votes cast for or against vote for", share=share)
                if self.strict
                else phrase("at least {share} of the votes cast for or against vote for", share=share)
            )
        if self.chair_casting_vote:
            return phrase("{rule}; on a tie the chair's vote decides", rule=text)
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

    def check(self, record: Msg) -> None:
        """Refuse counts that cannot happen (negative, more votes than members present, more present than members)."""
        for name, count in COUNT_LABELS.items():
            if getattr(self, name) < 0:
                raise CommissionError(
                    record=record, rule=msg("count_negative", "{count} must not be negative", count=count)
                )
        if self.present > self.members_total:
            raise CommissionError(
                record=record,
                rule=msg("present_exceeds_members", "members present cannot exceed the membership"),
                detail=phrase("{present} present, {members} members", present=self.present, members=self.members_total),
            )
        if self.voted > self.present:
            raise CommissionError(
                record=record,
                rule=msg("votes_exceed_present", "only members present vote, each once"),
                detail=phrase("{voted} votes, {present} present", voted=self.voted, present=self.present),
            )


@dataclass(frozen=True, slots=True)
class Outcome:
    tally: Tally
    quorum_required: int
    quorum_met: bool
    votes_required: int  # the fewest "for" votes that adopt, for this tally's base
    adopted: bool
    by_casting_vote: bool
    explanation: Msg  # coded: no_quorum, adopted, not_adopted, adopted_casting
    source: Msg | str


def _threshold(share: Fraction, base: int, *, strict: bool) -> int:
    """Smallest integer n with n > share*base (strict) or n >= share*base."""
    exact = share * base
    whole = exact.numerator // exact.denominator
    if strict:
        return whole + 1
    return whole if exact.denominator == 1 else whole + 1


def rules_source(quorum: QuorumRule, majority: MajorityRule) -> Msg | str:
    """Where the quorum and majority rules come from: one source, or both joined."""
    if quorum.source == majority.source:
        return quorum.source
    return phrase("{quorum}; {majority}", quorum=quorum.source, majority=majority.source)


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
    record: Msg | None = None,
) -> Outcome:
    """Whether the item is adopted. Without a quorum nothing is adopted, whatever the votes."""
    quorum = quorum or QuorumRule()
    majority = majority or MajorityRule()
    tally.check(record or label("vote", context="commission record"))
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
    why: Msg
    if not q_met:
        why = msg(
            "no_quorum",
            "no quorum: {present} present, {required} needed ({rule})",
            present=tally.present,
            required=q_required,
            rule=quorum.describe(),
        )
    else:
        counts: dict[str, int | Msg] = {
            "votes_for": tally.votes_for,
            "votes_against": tally.votes_against,
            "abstained": tally.abstained,
            "required": v_required,
            "rule": majority.describe(),
        }
        if adopted:
            why = msg(
                "adopted",
                "adopted: {votes_for} for, {votes_against} against, {abstained} abstained; {required} needed ({rule})",
                **counts,
            )
        else:
            why = msg(
                "not_adopted",
                "not adopted: {votes_for} for, {votes_against} against, {abstained} abstained; {required} needed "
                "({rule})",
                **counts,
            )
        if by_casting:
            why = msg("adopted_casting", "{outcome}; adopted by the chair's casting vote", outcome=why)
    source = rules_source(quorum, majority)
    return Outcome(tally, q_required, q_met, v_required, adopted, bool(by_casting and q_met), why, source)
