"""Candidates on a party list: eligibility, the 30% rule and the order in which a party's mandates are filled."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .alphabet import kazakh_sort_key
from .errors import ART_97_1, CandidateRuleError
from .message import Msg

__all__ = [
    "Candidate",
    "Category",
    "Eligibility",
    "Gender",
    "OrderSource",
    "QuotaCheck",
    "Selection",
    "YOUTH_MAX_AGE",
    "add_years",
    "age_on",
    "candidate_categories",
    "candidate_eligibility",
    "elected_candidates",
    "quota_check",
]

# Law "On State Youth Policy", Art. 1: young people are citizens from 14 to 35 years of age. Used for the "молодежь"
# category of Art. 97-1(5); a configurable parameter, counted inclusively (35 years and not yet 36).
YOUTH_MAX_AGE = 35
# Constitution 2026, Art. 54(3).
MIN_AGE = 25
RESIDENCE_YEARS = 10


class Gender(enum.StrEnum):
    FEMALE = "female"
    MALE = "male"


class Category(enum.StrEnum):
    """Art. 97-1(5), third paragraph: women, young people, people with disabilities."""

    WOMAN = "woman"
    YOUTH = "youth"
    DISABILITY = "disability"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A candidate as registered on a party list. ``key`` is unique within the list (registration number)."""

    key: str
    full_name: str
    birth_date: date
    gender: Gender
    disability: bool = False
    citizen: bool = True
    resident_since: date | None = None


@dataclass(frozen=True, slots=True)
class Eligibility:
    eligible: bool
    reasons: tuple[str, ...]  # in English, as a record keeps them
    messages: tuple[Msg, ...] = ()  # the same as messages (domain.notes), for the reader's language


def add_years(day: date, years: int) -> date:
    """The same calendar day ``years`` later; 29 February becomes 28 February in a common year.

    Terms counted in years end on the same date of the last year; where that month has no such date, on its last day
    (the general rule for terms in the Civil Code of Kazakhstan).
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def age_on(birth_date: date, day: date) -> int:
    """Full years of age on ``day`` (a person reaches an age on the anniversary of birth)."""
    years = day.year - birth_date.year
    if add_years(birth_date, years) > day:
        years -= 1
    return years


def candidate_eligibility(candidate: Candidate, election_day: date) -> Eligibility:
    """Constitution 2026, Art. 54(3): aged 25 or more, a citizen, permanently resident for the last ten years.

    Age and residence are measured on election day; every failed condition is reported.
    """
    from .notes import note

    said: list[Msg] = []
    if not candidate.citizen:
        said.append(note("not_citizen"))
    age = age_on(candidate.birth_date, election_day)
    if age < MIN_AGE:
        said.append(note("too_young", age=str(age), day=election_day.isoformat(), minimum=str(MIN_AGE)))
    since_needed = add_years(election_day, -RESIDENCE_YEARS)
    if candidate.resident_since is None:
        said.append(note("not_resident_unknown", years=str(RESIDENCE_YEARS), needed=since_needed.isoformat()))
    elif candidate.resident_since > since_needed:
        since = candidate.resident_since.isoformat()
        said.append(note("not_resident", since=since, years=str(RESIDENCE_YEARS), needed=since_needed.isoformat()))
    return Eligibility(eligible=not said, reasons=tuple(m.render() for m in said), messages=tuple(said))


def candidate_categories(candidate: Candidate, on_day: date) -> frozenset[Category]:
    found: set[Category] = set()
    if candidate.gender is Gender.FEMALE:
        found.add(Category.WOMAN)
    if age_on(candidate.birth_date, on_day) <= YOUTH_MAX_AGE:
        found.add(Category.YOUTH)
    if candidate.disability:
        found.add(Category.DISABILITY)
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class QuotaCheck:
    """Art. 97-1(5), third paragraph: the three categories together hold at least 30% of the party's mandates.

    Documented choice: "по совокупности" counts persons, so a young woman counts once.
    """

    mandates: int
    represented: int

    @property
    def required(self) -> int:
        return (3 * self.mandates + 9) // 10  # 30% rounded up: the smallest whole number of persons that is enough

    @property
    def met(self) -> bool:
        return self.represented * 10 >= 3 * self.mandates

    @property
    def ref(self) -> str:
        return f"{ART_97_1}(5), third paragraph"


def quota_check(holders: Sequence[Candidate], *, mandates: int, on_day: date) -> QuotaCheck:
    represented = sum(1 for c in holders if candidate_categories(c, on_day))
    return QuotaCheck(mandates=mandates, represented=represented)


class OrderSource(enum.StrEnum):
    PARTY = "party"  # Art. 97-1(5), first paragraph
    CEC_ALPHABETICAL = "cec-alphabetical"  # Art. 97-1(5), second paragraph


@dataclass(frozen=True, slots=True)
class Selection:
    elected: tuple[Candidate, ...]
    source: OrderSource
    quota: QuotaCheck
    unfilled: int
    notes: tuple[str, ...]


def elected_candidates(
    candidates: Sequence[Candidate],
    *,
    seats: int,
    on_day: date,
    party_order: Sequence[str] | None = None,
) -> Selection:
    """Who takes the party's ``seats`` mandates.

    With ``party_order`` (keys chosen by the party's governing body within ten days, Art. 97-1(5) first paragraph) the
    first ``seats`` of that order are elected and the 30% rule is checked and reported. Without it the CEC assigns the
    mandates in the Kazakh alphabetical order of the registered list (second paragraph); documented choice: the CEC
    follows that order but passes over a candidate when taking them would leave too few seats to reach 30% with the
    categories' candidates still on the list. More seats than candidates leaves the rest unfilled (reported).
    """
    if seats < 0:
        raise CandidateRuleError(f"{seats} seats", record="seats")
    by_key: dict[str, Candidate] = {}
    for c in candidates:
        if c.key in by_key:
            raise CandidateRuleError("the same candidate appears twice on the list", record=f"candidate {c.key!r}")
        by_key[c.key] = c
    notes: list[str] = []
    if party_order is not None:
        chosen: list[Candidate] = []
        seen: set[str] = set()
        for key in party_order:
            if key not in by_key:
                raise CandidateRuleError(
                    "the party's order names someone not on its registered list",
                    record=f"candidate {key!r}",
                    rule=f"{ART_97_1}(5), first paragraph: candidates are chosen from those on the list",
                )
            if key in seen:
                raise CandidateRuleError("named twice in the party's order", record=f"candidate {key!r}")
            seen.add(key)
            chosen.append(by_key[key])
        elected = chosen[:seats]
        if len(elected) < seats:
            # Documented choice: the party ordered fewer candidates than it won mandates; the CEC fills the rest in
            # alphabetical order, as it would had the party given no order.
            rest = sorted((c for c in candidates if c.key not in seen), key=lambda c: kazakh_sort_key(c.full_name))
            elected.extend(rest[: seats - len(elected)])
            notes.append("The party's order was shorter than its mandates; the rest follow the alphabetical order.")
        source = OrderSource.PARTY
    else:
        alphabetical = sorted(candidates, key=lambda c: kazakh_sort_key(c.full_name))
        elected = _fill_keeping_quota(alphabetical, seats=seats, on_day=on_day)
        source = OrderSource.CEC_ALPHABETICAL
    check = quota_check(elected, mandates=seats, on_day=on_day)
    if not check.met:
        notes.append(
            f"30% rule not met: {check.represented} of {seats} mandates held by women, young people or people with "
            f"disabilities; {check.required} needed ({check.ref})."
        )
    unfilled = seats - len(elected)
    if unfilled:
        notes.append(f"{unfilled} mandates cannot be filled: the list has no more candidates ({ART_97_1}(6)).")
    return Selection(elected=tuple(elected), source=source, quota=check, unfilled=unfilled, notes=tuple(notes))


def _fill_keeping_quota(ordered: Sequence[Candidate], *, seats: int, on_day: date) -> list[Candidate]:
    needed = QuotaCheck(mandates=seats, represented=0).required
    in_category = [bool(candidate_categories(c, on_day)) for c in ordered]
    available_after = [0] * (len(ordered) + 1)
    for i in range(len(ordered) - 1, -1, -1):
        available_after[i] = available_after[i + 1] + (1 if in_category[i] else 0)
    chosen: list[Candidate] = []
    held = 0
    for i, c in enumerate(ordered):
        if len(chosen) == seats:
            break
        short = max(0, needed - held)
        free = seats - len(chosen)
        # Pass over this candidate only if taking them would make 30% unreachable while it is still reachable.
        if not in_category[i] and short >= free and available_after[i + 1] >= short:
            continue
        chosen.append(c)
        if in_category[i]:
            held += 1
    return chosen
