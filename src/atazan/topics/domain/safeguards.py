"""Procedural guarantees as executable checks on a described situation.

A *case* (YAML a lawyer can read, in `topics/data/safeguards/`) describes what happened: when a person was detained,
when their rights were explained, when counsel was asked for and admitted, whether a final judgment already exists
for the same act, who was made to prove what, which law was applied to an earlier act. :func:`check` returns, for
each guarantee of the chosen Constitution, whether the situation engages it and, if so, whether it was respected,
with the article and the reason. Times are compared exactly (whole seconds); nothing is estimated.

Where the Constitution leaves a figure to law (2026 Art. 18(2): detention without a court decision "beyond the terms
set by law"), the case must state the term it assumes (`law_limit_hours`) and the result says it came from the case.
The 1995 Constitution fixed the term itself: 72 hours (1995 Art. 16(2)).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class CaseError(ValueError):
    """The case is not well formed; names the case and the field."""

    def __init__(self, case: str, field: str, message: str) -> None:
        super().__init__(f"case {case!r}: [{field}] {message}")
        self.case = case
        self.field = field


class Outcome(StrEnum):
    RESPECTED = "respected"
    VIOLATED = "violated"
    NOT_ENGAGED = "not engaged"
    NOT_IN_TEXT = "not in this Constitution"


@dataclass(frozen=True, slots=True)
class Guarantee:
    key: str
    eid: str  # "" when this Constitution has no such guarantee
    ref: str  # "Constitution 2026, Art. 18(2)"
    topic: str


# The same guarantee in each Constitution. 1995 Art. 77(3) lists the principles of justice as subparagraphs.
GUARANTEES: Mapping[int, tuple[Guarantee, ...]] = {
    2026: (
        Guarantee("detention-term", "art_18__para_2", "Constitution 2026, Art. 18(2)", "detention-rights"),
        Guarantee("rights-explained", "art_18__para_3", "Constitution 2026, Art. 18(3)", "detention-rights"),
        Guarantee("counsel", "art_18__para_4", "Constitution 2026, Art. 18(4)", "legal-profession"),
        Guarantee("presumption", "art_19__para_1", "Constitution 2026, Art. 19(1)", "presumption-of-innocence"),
        Guarantee("burden-of-proof", "art_78__para_3", "Constitution 2026, Art. 78(3)(3)", "presumption-of-innocence"),
        Guarantee("silence", "art_19__para_2", "Constitution 2026, Art. 19(2)", "self-incrimination"),
        Guarantee("double-jeopardy", "art_19__para_3", "Constitution 2026, Art. 19(3)", "double-jeopardy"),
        Guarantee("non-retroactivity", "art_5__para_5", "Constitution 2026, Art. 5(5)", "non-retroactivity"),
    ),
    1995: (
        Guarantee("detention-term", "art_16__para_2", "Constitution 1995, Art. 16(2)", "detention-rights"),
        Guarantee("rights-explained", "", "Constitution 1995 (no such provision)", "detention-rights"),
        Guarantee("counsel", "art_16__para_3", "Constitution 1995, Art. 16(3)", "legal-profession"),
        Guarantee("presumption", "art_77__para_3", "Constitution 1995, Art. 77(3)(1)", "presumption-of-innocence"),
        Guarantee("burden-of-proof", "art_77__para_3", "Constitution 1995, Art. 77(3)(6)", "presumption-of-innocence"),
        Guarantee("silence", "art_77__para_3", "Constitution 1995, Art. 77(3)(7)", "self-incrimination"),
        Guarantee("double-jeopardy", "art_77__para_3", "Constitution 1995, Art. 77(3)(2)", "double-jeopardy"),
        Guarantee("non-retroactivity", "art_77__para_3", "Constitution 1995, Art. 77(3)(5)", "non-retroactivity"),
    ),
}

DETENTION_LIMIT_HOURS_1995 = 72  # Constitution 1995, Art. 16(2): "на срок не более семидесяти двух часов"
PROCEEDINGS = ("criminal", "administrative")
CLOSE_PERSONS = ("self", "spouse", "close relative")


@dataclass(frozen=True, slots=True)
class Finding:
    guarantee: Guarantee
    outcome: Outcome
    reason: str


@dataclass(frozen=True, slots=True)
class Case:
    key: str
    title: str
    constitution: int
    topics: tuple[str, ...]
    situation: Mapping[str, Any]
    law_limit_hours: int | None
    expect: Mapping[str, Outcome]
    note: str = ""


def _dt(case: str, field: str, value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError as exc:
        raise CaseError(case, field, f"{value!r} is not a date and time (YYYY-MM-DD HH:MM)") from exc


def _date(case: str, field: str, value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise CaseError(case, field, f"{value!r} is not a date (YYYY-MM-DD)") from exc


def case_from_mapping(key: str, raw: Mapping[str, Any]) -> Case:
    year = int(raw.get("constitution", 2026))
    if year not in GUARANTEES:
        raise CaseError(key, "constitution", f"no Constitution of {year}; known: {sorted(GUARANTEES)}")
    situation = raw.get("situation") or {}
    if not isinstance(situation, Mapping):
        raise CaseError(key, "situation", "a mapping of facts is expected")
    limit = raw.get("law_limit_hours")
    if limit is not None and (not isinstance(limit, int) or limit <= 0):
        raise CaseError(key, "law_limit_hours", f"{limit!r} is not a positive whole number of hours")
    known = {g.key for g in GUARANTEES[year]}
    expect: dict[str, Outcome] = {}
    for k, v in (raw.get("expect") or {}).items():
        if k not in known:
            raise CaseError(key, "expect", f"unknown guarantee {k!r}; known: {sorted(known)}")
        try:
            expect[str(k)] = Outcome(str(v))
        except ValueError as exc:
            raise CaseError(key, "expect", f"{k}: {v!r} is not one of {[o.value for o in Outcome]}") from exc
    return Case(
        key,
        str(raw.get("title", key)),
        year,
        tuple(str(t) for t in raw.get("topics") or ()),
        situation,
        limit,
        expect,
        str(raw.get("note", "")).strip(),
    )


def _hours(seconds: int) -> str:
    h, rem = divmod(seconds, 3600)
    return f"{h} h {rem // 60:02d} min"


def _detention(case: Case, g: Guarantee) -> Finding:
    s = case.situation
    detained = _dt(case.key, "detained_at", s.get("detained_at"))
    if detained is None:
        return Finding(g, Outcome.NOT_ENGAGED, "nobody was detained")
    end = (
        _dt(case.key, "court_decision_at", s.get("court_decision_at"))
        or _dt(case.key, "released_at", s.get("released_at"))
        or _dt(case.key, "as_of", s.get("as_of"))
    )
    if end is None:
        raise CaseError(case.key, "court_decision_at", "a detention needs court_decision_at, released_at or as_of")
    if case.constitution == 1995:
        limit, source = DETENTION_LIMIT_HOURS_1995, "72 hours fixed by the Constitution itself"
    else:
        if case.law_limit_hours is None:
            raise CaseError(case.key, "law_limit_hours", "Art. 18(2) leaves the term to law: state the term assumed")
        limit, source = case.law_limit_hours, f"{case.law_limit_hours} hours, the term set by law as the case states it"
    held = int((end - detained).total_seconds())
    if held < 0:
        raise CaseError(case.key, "detained_at", "the detention ends before it begins")
    if held <= limit * 3600:
        return Finding(g, Outcome.RESPECTED, f"held {_hours(held)} before a court decision or release; limit {source}")
    return Finding(g, Outcome.VIOLATED, f"held {_hours(held)} without a court decision; limit {source}")


def _rights_explained(case: Case, g: Guarantee) -> Finding:
    if not g.eid:
        return Finding(g, Outcome.NOT_IN_TEXT, "the 1995 Constitution did not require rights to be explained")
    s = case.situation
    detained = _dt(case.key, "detained_at", s.get("detained_at"))
    if detained is None:
        return Finding(g, Outcome.NOT_ENGAGED, "nobody was detained")
    explained = _dt(case.key, "rights_explained_at", s.get("rights_explained_at"))
    if explained is None:
        return Finding(g, Outcome.VIOLATED, "the grounds and rights were never explained")
    late = int((explained - detained).total_seconds())
    if late <= 0:
        return Finding(g, Outcome.RESPECTED, "grounds and rights explained at the moment of detention")
    return Finding(g, Outcome.VIOLATED, f"explained {_hours(late)} after the moment of detention")


def _counsel(case: Case, g: Guarantee) -> Finding:
    s = case.situation
    detained = _dt(case.key, "detained_at", s.get("detained_at"))
    charged = _dt(case.key, "charged_at", s.get("charged_at"))
    if detained is None and charged is None:
        return Finding(g, Outcome.NOT_ENGAGED, "neither detained nor charged")
    requested = _dt(case.key, "counsel_requested_at", s.get("counsel_requested_at"))
    if requested is None:
        return Finding(g, Outcome.RESPECTED, "counsel was not asked for; the right stays open")
    admitted = _dt(case.key, "counsel_admitted_at", s.get("counsel_admitted_at"))
    questioned = _dt(case.key, "first_questioned_at", s.get("first_questioned_at"))
    if questioned is not None and questioned >= requested and (admitted is None or admitted > questioned):
        return Finding(g, Outcome.VIOLATED, "questioned after asking for counsel and before counsel was admitted")
    if admitted is None and questioned is not None:
        return Finding(g, Outcome.VIOLATED, "counsel asked for and never admitted")
    return Finding(g, Outcome.RESPECTED, "counsel admitted before any questioning")


def _presumption(case: Case, g: Guarantee) -> Finding:
    flag = case.situation.get("treated_as_guilty_before_final_judgment")
    if flag is None:
        return Finding(g, Outcome.NOT_ENGAGED, "the situation says nothing of guilt before judgment")
    if flag:
        return Finding(g, Outcome.VIOLATED, "treated as guilty before a sentence in force")
    return Finding(g, Outcome.RESPECTED, "treated as innocent until a sentence in force")


def _burden(case: Case, g: Guarantee) -> Finding:
    on = case.situation.get("burden_of_proof_on")
    if on is None:
        return Finding(g, Outcome.NOT_ENGAGED, "no question of who proves what")
    if on not in ("accused", "prosecution"):
        raise CaseError(case.key, "burden_of_proof_on", f"{on!r}: 'accused' or 'prosecution'")
    if on == "accused":
        return Finding(g, Outcome.VIOLATED, "the accused was made to prove innocence")
    return Finding(g, Outcome.RESPECTED, "the prosecution bore the burden of proof")


def _silence(case: Case, g: Guarantee) -> Finding:
    against = case.situation.get("compelled_to_testify_against")
    if against is None:
        return Finding(g, Outcome.NOT_ENGAGED, "no testimony was demanded")
    persons = [str(p) for p in (against if isinstance(against, list) else [against])]
    bad = [p for p in persons if p not in CLOSE_PERSONS and p != "other"]
    if bad:
        raise CaseError(case.key, "compelled_to_testify_against", f"{bad}: one of {CLOSE_PERSONS} or 'other'")
    protected = [p for p in persons if p in CLOSE_PERSONS]
    if protected:
        return Finding(g, Outcome.VIOLATED, f"compelled to testify against {', '.join(protected)}")
    return Finding(g, Outcome.RESPECTED, "testimony was demanded only about other persons")


def _double(case: Case, g: Guarantee) -> Finding:
    prev = case.situation.get("previous_final_judgment")
    if not prev:
        return Finding(g, Outcome.NOT_ENGAGED, "no earlier final judgment")
    new = case.situation.get("new_proceedings")
    if new is None:
        return Finding(g, Outcome.RESPECTED, "no new proceedings")
    if new not in PROCEEDINGS:
        raise CaseError(case.key, "new_proceedings", f"{new!r}: one of {PROCEEDINGS}")
    if prev.get("same_act"):
        return Finding(
            g,
            Outcome.VIOLATED,
            f"{new} proceedings again for the act already finally judged ({prev.get('kind', 'earlier')} judgment)",
        )
    return Finding(g, Outcome.RESPECTED, "the new proceedings concern a different act")


def _retro(case: Case, g: Guarantee) -> Finding:
    s = case.situation
    act = _date(case.key, "act_date", s.get("act_date"))
    law = s.get("law_applied")
    if act is None or not law:
        return Finding(g, Outcome.NOT_ENGAGED, "no law applied to an earlier act")
    start = _date(case.key, "law_applied.in_force_from", law.get("in_force_from"))
    if start is None:
        raise CaseError(case.key, "law_applied.in_force_from", "the date the applied law took effect is needed")
    if start > act and law.get("worsens"):
        return Finding(
            g, Outcome.VIOLATED, f"a law in force from {start} that worsens the position was applied to an act of {act}"
        )
    if s.get("milder_later_law_ignored"):
        return Finding(g, Outcome.VIOLATED, "a later law abolishing or mitigating liability was not applied")
    return Finding(g, Outcome.RESPECTED, "no worsening law was applied retroactively")


_CHECKS = {
    "detention-term": _detention,
    "rights-explained": _rights_explained,
    "counsel": _counsel,
    "presumption": _presumption,
    "burden-of-proof": _burden,
    "silence": _silence,
    "double-jeopardy": _double,
    "non-retroactivity": _retro,
}


def check(case: Case) -> list[Finding]:
    """Every guarantee of the case's Constitution against the situation, in the order of GUARANTEES."""
    return [_CHECKS[g.key](case, g) for g in GUARANTEES[case.constitution]]
