"""Votes with quorum and majority, the Vice President's consent, succession, the People's Council.

Every outcome carries the article it was decided under, read from the dated parameters.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from atazan.rules.domain.checks import Violation, constitution_cite, violation
from atazan.rules.domain.explain import Msg, msg
from atazan.rules.domain.parameters import ACTS, DatedValue, ParameterError, ParameterSet, default_parameters


class RuleError(ValueError):
    """A rule cannot be applied to the given facts (impossible counts, an office that does not exist)."""


class VoteResult(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    NO_QUORUM = "no_quorum"


@dataclass(frozen=True)
class VoteOutcome:
    result: VoteResult
    yes: int
    present: int
    total: int
    quorum_minimum: int
    majority_minimum: int
    quorum_article: str
    majority_article: str
    constitution: str
    act: str = ""  # the law the articles belong to when not the Constitution (a code of parameters.ACTS)

    @property
    def passed(self) -> bool:
        return self.result is VoteResult.PASSED

    def _source(self, article: str) -> str:
        if self.act:
            return f"{ACTS[self.act]}, Art. {article}"
        return f"Constitution {self.constitution}, Art. {article}"

    def explain(self) -> str:
        if self.result is VoteResult.NO_QUORUM:
            return (
                f"no quorum: {self.present} of {self.total} present, at least {self.quorum_minimum} needed "
                f"({self._source(self.quorum_article)})"
            )
        verb = "passed" if self.passed else "failed"
        return (
            f"{verb}: {self.yes} in favour, at least {self.majority_minimum} needed "
            f"({self._source(self.majority_article)})"
        )


def _majority(params: ParameterSet, name: str, as_of: dt.date) -> DatedValue:
    try:
        return params.at(name, as_of)
    except ParameterError as exc:
        raise RuleError(str(exc)) from exc


def vote_decide(
    *,
    majority: str,
    quorum: str,
    yes: int,
    present: int,
    total: int,
    as_of: dt.date,
    params: ParameterSet | None = None,
) -> VoteOutcome:
    """Apply a quorum parameter and a majority parameter (dotted names) to a vote.

    ``present`` counts the members registered at the sitting; ``yes`` those voting in favour.
    """
    params = params or default_parameters()
    if total <= 0:
        raise RuleError(f"a body needs members; got total={total}")
    if not (0 <= yes <= present <= total):
        raise RuleError(
            f"impossible vote: yes={yes}, present={present}, total={total} (need 0 <= yes <= present <= total)"
        )
    quorum_value = _majority(params, quorum, as_of)
    majority_value = _majority(params, majority, as_of)
    quorum_rule = params.majority(quorum, as_of)
    majority_rule = params.majority(majority, as_of)
    majority_base = total if majority_rule.of.value == "all" else present
    if not quorum_rule.met(present, total):
        result = VoteResult.NO_QUORUM
    elif majority_rule.met(yes, majority_base):
        result = VoteResult.PASSED
    else:
        result = VoteResult.FAILED
    return VoteOutcome(
        result,
        yes,
        present,
        total,
        quorum_rule.minimum(total),
        majority_rule.minimum(majority_base),
        quorum_value.reference.article,
        majority_value.reference.article,
        majority_value.reference.constitution,
        majority_value.reference.act,
    )


def kurultai_seats(as_of: dt.date, params: ParameterSet | None = None) -> int:
    """Seats of the single-chamber Kurultai (Constitution 2026, Art. 53(1))."""
    params = params or default_parameters()
    try:
        return params.integer("kurultai.seats", as_of)
    except ParameterError as exc:
        raise RuleError(str(exc)) from exc


def vice_president_consent(
    *, yes: int, present: int, total: int | None = None, as_of: dt.date, params: ParameterSet | None = None
) -> VoteOutcome:
    """The Kurultai's consent to the appointment of the Vice President: a majority of all deputies.

    Constitution 2026, Arts. 46(2), 49(1), 56(7); the sitting needs its quorum (Art. 58(5)).
    """
    params = params or default_parameters()
    if not _vice_president_exists(as_of, params):
        raise RuleError(
            f"there is no office of Vice President on {as_of.isoformat()} "
            f"(it exists from 2026-07-01, Constitution 2026, Art. 49)"
        )
    return vote_decide(
        majority="legislature.majority.consent_vice_president",
        quorum="legislature.quorum",
        yes=yes,
        present=present,
        total=total if total is not None else kurultai_seats(as_of, params),
        as_of=as_of,
        params=params,
    )


def _vice_president_exists(as_of: dt.date, params: ParameterSet) -> bool:
    try:
        return params.flag("vice_president.exists", as_of)
    except ParameterError:
        return False


def vice_president_eligibility(
    *,
    party_member: bool,
    representative_body_deputy: bool,
    other_paid_post: bool,
    business_activity: bool,
    as_of: dt.date,
    params: ParameterSet | None = None,
) -> list[Violation]:
    """Incompatibilities of the office (Constitution 2026, Art. 49(2)): no party membership, no seat in a
    representative body, no other paid post, no business activity while in office.
    """
    params = params or default_parameters()
    if not _vice_president_exists(as_of, params):
        raise RuleError(f"there is no office of Vice President on {as_of.isoformat()}")
    found = []
    for present, what in (
        (party_member, "is a member of a political party"),
        (representative_body_deputy, "is a deputy of a representative body"),
        (other_paid_post, "holds another paid post"),
        (business_activity, "carries on business activity"),
    ):
        if present:
            found.append(
                _violation_2026(
                    "vice_president_incompatibility",
                    "49(2)",
                    msg("the Vice President may not hold office while he {what}", what=Msg(what)),
                )
            )
    return found


def _violation_2026(rule: str, article: str, text: Msg) -> Violation:
    """A violation of the 2026 Constitution that cites ``article`` and quotes it (Art. 62(3), 49(2)…); its sentence is
    a template rendered in the reader's language (``atazan.rules.translation``)."""
    full = msg("{cite}: {text}", cite=constitution_cite("2026", article), text=text)
    return Violation(rule, article, full.render(), "2026", "", full, article)


@dataclass(frozen=True)
class Succession:
    office: str
    order: tuple[str, ...]
    article: str
    constitution: str


def president_successor(
    *, unable: Iterable[str] = (), as_of: dt.date, params: ParameterSet | None = None
) -> Succession:
    """Who assumes the President's powers on early release from office or death: the first office in the order of
    succession whose holder is able to (Constitution 2026, Art. 51(1): Vice President, Chair of the Kurultai, Prime
    Minister; 1995, Art. 48(1): Chair of the Senate, Chair of the Majilis, Prime Minister).
    """
    params = params or default_parameters()
    dated = params.at("president.succession", as_of)
    assert isinstance(dated.value, tuple)
    unable_set = set(unable)
    unknown = unable_set - set(dated.value)
    if unknown:
        raise RuleError(
            f"{', '.join(sorted(unknown))} not in the order of succession on {as_of.isoformat()} "
            f"({', '.join(dated.value)}; Constitution {dated.reference.constitution}, "
            f"Art. {dated.reference.article})"
        )
    for office in dated.value:
        if office not in unable_set:
            return Succession(office, dated.value, dated.reference.article, dated.reference.constitution)
    raise RuleError(
        f"no one in the order of succession can assume the President's powers "
        f"(Constitution {dated.reference.constitution}, Art. {dated.reference.article}); "
        f"the Constitution names no further successor"
    )


def peoples_council_decision(
    *, yes: int, present: int, members: int | None = None, as_of: dt.date, params: ParameterSet | None = None
) -> VoteOutcome:
    """A People's Council decision: quorum two thirds of members, adopted by more than half of those present
    (Constitutional Law on the People's Council, under Constitution 2026, Art. 70(3)).
    """
    params = params or default_parameters()
    try:
        total = members if members is not None else params.integer("peoples_council.members", as_of)
    except ParameterError as exc:
        raise RuleError(str(exc)) from exc
    return vote_decide(
        majority="peoples_council.majority.decision",
        quorum="peoples_council.quorum",
        yes=yes,
        present=present,
        total=total,
        as_of=as_of,
        params=params,
    )


def peoples_council_composition(
    *,
    members: Iterable[tuple[str, str, int] | tuple[str, str, int, bool]],
    as_of: dt.date,
    params: ParameterSet | None = None,
) -> list[Violation]:
    """Check a composition given as (name, group, age) or (name, group, age, citizen) tuples: known groups, at most
    ``group_size`` members per group (42, three groups, 126 in all; Constitutional Law on the People's Council,
    Art. 12(1)), every member of age (18+, Art. 13(1) of that law) and a citizen of Kazakhstan (Constitution 2026,
    Art. 70(2)). A three-element tuple comes from a record that does not hold citizenship; it is not checked.

    A composition still being formed may have fewer members; it is complete when each group is full.
    """
    params = params or default_parameters()
    try:
        groups_value = params.at("peoples_council.groups", as_of)
        groups = params.names("peoples_council.groups", as_of)
        group_size = params.integer("peoples_council.group_size", as_of)
        age_rule = params.at("peoples_council.min_age", as_of)
        min_age = params.integer("peoples_council.min_age", as_of)
        citizenship = params.at("peoples_council.citizenship_required", as_of)
    except ParameterError as exc:
        raise RuleError(str(exc)) from exc
    counts: Counter[str] = Counter()
    found: list[Violation] = []
    for member in members:
        name, group, age = member[0], member[1], member[2]
        if group not in groups:
            found.append(
                violation(
                    "peoples_council_group",
                    groups_value.reference,
                    msg(
                        "member {name}: unknown group {group} (groups: {groups})",
                        name=repr(name),
                        group=repr(group),
                        groups=", ".join(groups),
                    ),
                    quote="",
                )
            )
            continue
        counts[group] += 1
        if age < min_age:
            found.append(
                violation(
                    "peoples_council_age",
                    age_rule.reference,
                    msg(
                        "member {name} is {age}; members must be at least {minimum}",
                        name=repr(name),
                        age=age,
                        minimum=min_age,
                    ),
                    quote="",
                )
            )
        if len(member) == 4 and citizenship.value is True and member[3] is False:
            found.append(
                violation(
                    "peoples_council_citizenship",
                    citizenship.reference,
                    msg(
                        "member {name} is not a citizen of the Republic of Kazakhstan; the People's Council is "
                        "formed from citizens",
                        name=repr(name),
                    ),
                )
            )
    for group in groups:
        if counts[group] > group_size:
            found.append(
                violation(
                    "peoples_council_group_size",
                    groups_value.reference,
                    msg(
                        "group {group} has {count} members; at most {maximum}",
                        group=repr(group),
                        count=counts[group],
                        maximum=group_size,
                    ),
                    quote="",
                )
            )
    return found


def _months_after(start: dt.date, months: int) -> dt.date:
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(start.day, last))


class DissolutionGround(StrEnum):
    CONSULTATION = "consultation"  # Art. 62(1): after consulting the Chair of the Kurultai and the Prime Minister
    REPEATED_REFUSAL = "repeated_refusal"  # Arts. 46(2), 62(2): consent to an appointment refused a second time


@dataclass(frozen=True)
class Dissolution:
    """Whether the President may dissolve the Kurultai on ``as_of``; ``bars`` are what forbids it, each cited."""

    allowed: bool
    ground: DissolutionGround
    article: str
    bars: tuple[Violation, ...]

    def explain(self) -> str:
        if self.allowed:
            return f"the President may dissolve the Kurultai (Constitution 2026, Art. {self.article})"
        return "; ".join(v.message for v in self.bars)


def kurultai_dissolution(
    *,
    ground: DissolutionGround,
    as_of: dt.date,
    refusals: int = 0,
    consulted: bool = False,
    emergency: bool = False,
    martial_law: bool = False,
    president_term_ends: dt.date | None = None,
    previous_dissolution: dt.date | None = None,
    acting_president: bool = False,
    params: ParameterSet | None = None,
) -> Dissolution:
    """May the President dissolve the Kurultai?

    Grounds: after consultations with the Chair of the Kurultai and the Prime Minister (Constitution 2026, Art. 62(1));
    or after a repeated refusal of consent to an appointee such as the Vice President (Arts. 46(2), 62(2): ``refusals``
    counts the refusals of consent to the same office, two make a repeated refusal). Never (Art. 62(3)) during a state
    of emergency or martial law, in the last six months of the President's powers, within a year of the previous
    dissolution, or by a person who has assumed the President's powers (Art. 51(3)).
    """
    params = params or default_parameters()
    try:
        needed = params.integer("vice_president.refusals_before_dissolution", as_of)
        last_months = params.integer("kurultai.dissolution_bar_last_months_of_president", as_of)
        gap_months = params.integer("kurultai.dissolution_bar_months_after_previous", as_of)
    except ParameterError as exc:
        raise RuleError(f"no Kurultai to dissolve on {as_of.isoformat()}: {exc}") from exc
    if refusals < 0:
        raise RuleError(f"refusals must not be negative, got {refusals}")
    bars: list[Violation] = []
    if ground is DissolutionGround.CONSULTATION:
        article = "62(1)"
        if not consulted:
            bars.append(
                _violation_2026(
                    "dissolution_ground",
                    "62(1)",
                    Msg("the President dissolves the Kurultai only after consulting its Chair and the Prime Minister"),
                )
            )
    else:
        article = "46(2)"
        if refusals < needed:
            bars.append(
                _violation_2026(
                    "dissolution_ground",
                    "46(2)",
                    msg(
                        "consent refused {refusals} time(s); the President may dissolve the Kurultai only after a "
                        "repeated refusal ({needed})",
                        refusals=refusals,
                        needed=needed,
                    ),
                )
            )
    if emergency or martial_law:
        state = Msg("a state of emergency" if emergency else "martial law")
        bars.append(
            _violation_2026(
                "dissolution_bar", "62(3)", msg("the Kurultai cannot be dissolved during {state}", state=state)
            )
        )
    if president_term_ends is not None and as_of >= _months_after(president_term_ends, -last_months):
        bars.append(
            _violation_2026(
                "dissolution_bar",
                "62(3)",
                msg(
                    "the Kurultai cannot be dissolved in the last {months} months of the President's powers "
                    "(they end {end})",
                    months=last_months,
                    end=president_term_ends.isoformat(),
                ),
            )
        )
    if previous_dissolution is not None and as_of < _months_after(previous_dissolution, gap_months):
        bars.append(
            _violation_2026(
                "dissolution_bar",
                "62(3)",
                msg(
                    "the Kurultai cannot be dissolved within one year of the previous dissolution ({previous})",
                    previous=previous_dissolution.isoformat(),
                ),
            )
        )
    if acting_president:
        bars.append(
            _violation_2026(
                "dissolution_bar",
                "51(3)",
                Msg("a person who has assumed the President's powers may not dissolve the Kurultai"),
            )
        )
    return Dissolution(not bars, ground, article, tuple(bars))
