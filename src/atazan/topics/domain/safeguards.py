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
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from atazan.messages.domain import declare

from .messages import Msg, label, msg


class CaseError(ValueError):
    """The case is not well formed; names the case and the field, and says what is wrong as a ``Msg`` (``message``,
    in no language yet; ``str()`` gives it in English, as the CLI prints it)."""

    def __init__(self, case: str, field: str, message: Msg) -> None:
        super().__init__(f"case {case!r}: [{field}] {message.render()}")
        self.case = case
        self.field = field
        self.message = message


class Outcome(StrEnum):
    RESPECTED = "respected"
    VIOLATED = "violated"
    NOT_ENGAGED = "not engaged"
    NOT_IN_TEXT = "not in this Constitution"

    @property
    def label(self) -> Msg:
        """The outcome as a reader sees it (a badge), in no language yet."""
        return label(OUTCOME_LABELS[self.value], context=OUTCOME_CONTEXT)


OUTCOME_CONTEXT = "safeguard outcome"
OUTCOME_LABELS = declare(
    "topics",
    {
        "respected": "respected",
        "violated": "violated",
        "not engaged": "not engaged",
        "not in this Constitution": "not in this Constitution",
    },
    context=OUTCOME_CONTEXT,
)


@dataclass(frozen=True, slots=True)
class Guarantee:
    """A guarantee in one Constitution: its provision as the parts of a law citation (article, paragraph,
    sub-paragraph), which the adapters render in the reader's language (``atazan.web.templatetags.citations``)."""

    key: str
    eid: str  # "" when this Constitution has no such guarantee
    year: int
    article: str  # "" when this Constitution has no such guarantee
    para: str
    sub: str
    topic: str

    @property
    def ref(self) -> str:
        """The citation in English, as the API and the CLI give it: "Constitution 2026, Art. 18(2)"."""
        if not self.article:
            return f"Constitution {self.year} (no such provision)"
        text = f"Constitution {self.year}, Art. {self.article}"
        if self.para:
            text += f"({self.para})"
        if self.sub:
            text += f", sub-para. {self.sub})"
        return text

    @property
    def missing(self) -> Msg:
        """What is cited when this Constitution has no such guarantee."""
        return msg("Constitution {year}: no such provision", year=str(self.year))


# The same guarantee in each Constitution. 1995 Art. 77(3) lists the principles of justice as subparagraphs.
GUARANTEES: Mapping[int, tuple[Guarantee, ...]] = {
    2026: (
        Guarantee("detention-term", "art_18__para_2", 2026, "18", "2", "", "detention-rights"),
        Guarantee("rights-explained", "art_18__para_3", 2026, "18", "3", "", "detention-rights"),
        Guarantee("counsel", "art_18__para_4", 2026, "18", "4", "", "legal-profession"),
        Guarantee("presumption", "art_19__para_1", 2026, "19", "1", "", "presumption-of-innocence"),
        Guarantee("burden-of-proof", "art_78__para_3", 2026, "78", "3", "3", "presumption-of-innocence"),
        Guarantee("silence", "art_19__para_2", 2026, "19", "2", "", "self-incrimination"),
        Guarantee("double-jeopardy", "art_19__para_3", 2026, "19", "3", "", "double-jeopardy"),
        Guarantee("non-retroactivity", "art_5__para_5", 2026, "5", "5", "", "non-retroactivity"),
    ),
    1995: (
        Guarantee("detention-term", "art_16__para_2", 1995, "16", "2", "", "detention-rights"),
        Guarantee("rights-explained", "", 1995, "", "", "", "detention-rights"),
        Guarantee("counsel", "art_16__para_3", 1995, "16", "3", "", "legal-profession"),
        Guarantee("presumption", "art_77__para_3", 1995, "77", "3", "1", "presumption-of-innocence"),
        Guarantee("burden-of-proof", "art_77__para_3", 1995, "77", "3", "6", "presumption-of-innocence"),
        Guarantee("silence", "art_77__para_3", 1995, "77", "3", "7", "self-incrimination"),
        Guarantee("double-jeopardy", "art_77__para_3", 1995, "77", "3", "2", "double-jeopardy"),
        Guarantee("non-retroactivity", "art_77__para_3", 1995, "77", "3", "5", "non-retroactivity"),
    ),
}

DETENTION_LIMIT_HOURS_1995 = 72  # Constitution 1995, Art. 16(2): "на срок не более семидесяти двух часов"
PROCEEDINGS = ("criminal", "administrative")
CLOSE_PERSONS = ("self", "spouse", "close relative")


# Whom a person was compelled to testify against, in the form "compelled to testify against {persons}" needs.
PERSON_CONTEXT = "testify against"
PERSON_LABELS = declare(
    "topics",
    {"self": "oneself", "spouse": "their spouse", "close relative": "a close relative"},
    context=PERSON_CONTEXT,
)
PROCEEDINGS_LABELS = declare(
    "topics", {"criminal": "criminal proceedings", "administrative": "administrative proceedings"}
)
JUDGMENT_LABELS = declare(
    "topics",
    {
        "criminal": "a final criminal judgment",
        "administrative": "a final administrative decision",
        "": "a final judgment",
    },
)


@dataclass(frozen=True, slots=True)
class Finding:
    guarantee: Guarantee
    outcome: Outcome
    reason: Msg


# A case's title and note: the English text, and its Kazakh and Russian variants when the case file gives them
# (``title: {en: …, kk: …, ru: …}``).
Variants = Mapping[str, str]


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
    title_variants: Variants = field(default_factory=dict)
    note_variants: Variants = field(default_factory=dict)


def _variants(case: str, name: str, value: Any) -> tuple[str, dict[str, str]]:
    """A text of the case file: plain (English only) or ``{en: …, kk: …, ru: …}``; returns (English, variants)."""
    if value is None:
        return "", {}
    if isinstance(value, Mapping):
        texts = {str(k): " ".join(str(v).split()) for k, v in value.items() if v}
        if "en" not in texts:
            raise CaseError(case, name, msg("an English text (en) is expected with the other languages"))
        return texts["en"], texts
    text = " ".join(str(value).split())
    return text, {"en": text}


def _listed(values: Any) -> str:
    """Codes a field accepts, as a case file writes them: "accused, prosecution"."""
    return ", ".join(str(v) for v in sorted(values))


def _dt(case: str, field: str, value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError as exc:
        raise CaseError(
            case, field, msg("{value} is not a date and time (YYYY-MM-DD HH:MM)", value=repr(value))
        ) from exc


def _date(case: str, field: str, value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise CaseError(case, field, msg("{value} is not a date (YYYY-MM-DD)", value=repr(value))) from exc


def case_from_mapping(key: str, raw: Mapping[str, Any]) -> Case:
    year = int(raw.get("constitution", 2026))
    if year not in GUARANTEES:
        raise CaseError(
            key,
            "constitution",
            msg("no Constitution of {year}; known: {known}", year=str(year), known=_listed(GUARANTEES)),
        )
    situation = raw.get("situation") or {}
    if not isinstance(situation, Mapping):
        raise CaseError(key, "situation", msg("a mapping of facts is expected"))
    limit = raw.get("law_limit_hours")
    if limit is not None and (not isinstance(limit, int) or limit <= 0):
        raise CaseError(
            key, "law_limit_hours", msg("{value} is not a positive whole number of hours", value=repr(limit))
        )
    known = {g.key for g in GUARANTEES[year]}
    expect: dict[str, Outcome] = {}
    for k, v in (raw.get("expect") or {}).items():
        if k not in known:
            raise CaseError(
                key, "expect", msg("unknown guarantee {key}; known: {known}", key=repr(k), known=_listed(known))
            )
        try:
            expect[str(k)] = Outcome(str(v))
        except ValueError as exc:
            raise CaseError(
                key,
                "expect",
                msg(
                    "{key}: {value} is not one of {known}",
                    key=str(k),
                    value=repr(v),
                    known=_listed(o.value for o in Outcome),
                ),
            ) from exc
    title, titles = _variants(key, "title", raw.get("title", key))
    note, notes = _variants(key, "note", raw.get("note"))
    return Case(
        key,
        title,
        year,
        tuple(str(t) for t in raw.get("topics") or ()),
        situation,
        limit,
        expect,
        note,
        titles,
        notes,
    )


def _hours(seconds: int) -> Msg:
    h, rem = divmod(seconds, 3600)
    return msg("{hours} h {minutes} min", hours=h, minutes=f"{rem // 60:02d}")


def _persons(persons: list[str]) -> Msg:
    """Several persons as one phrase: "their spouse, a close relative"."""
    first = label(PERSON_LABELS[persons[0]], context=PERSON_CONTEXT)
    if len(persons) == 1:
        return first
    return msg("{first}, {rest}", first=first, rest=_persons(persons[1:]))


def _detention(case: Case, g: Guarantee) -> Finding:
    s = case.situation
    detained = _dt(case.key, "detained_at", s.get("detained_at"))
    if detained is None:
        return Finding(g, Outcome.NOT_ENGAGED, msg("nobody was detained"))
    end = (
        _dt(case.key, "court_decision_at", s.get("court_decision_at"))
        or _dt(case.key, "released_at", s.get("released_at"))
        or _dt(case.key, "as_of", s.get("as_of"))
    )
    if end is None:
        raise CaseError(
            case.key,
            "court_decision_at",
            msg("a detention needs {fields}", fields="court_decision_at, released_at, as_of"),
        )
    source: Msg
    if case.constitution == 1995:
        limit = DETENTION_LIMIT_HOURS_1995
        source = msg("{hours} hours fixed by the Constitution itself", hours=limit)
    else:
        if case.law_limit_hours is None:
            raise CaseError(
                case.key,
                "law_limit_hours",
                msg("the Constitution of 2026 leaves the term to law: state the term assumed"),
            )
        limit = case.law_limit_hours
        source = msg("{hours} hours, the term set by law as the case states it", hours=limit)
    held = int((end - detained).total_seconds())
    if held < 0:
        raise CaseError(case.key, "detained_at", msg("the detention ends before it begins"))
    if held <= limit * 3600:
        return Finding(
            g,
            Outcome.RESPECTED,
            msg("held {held} before a court decision or release; limit {limit}", held=_hours(held), limit=source),
        )
    return Finding(
        g, Outcome.VIOLATED, msg("held {held} without a court decision; limit {limit}", held=_hours(held), limit=source)
    )


def _rights_explained(case: Case, g: Guarantee) -> Finding:
    if not g.eid:
        return Finding(g, Outcome.NOT_IN_TEXT, msg("the 1995 Constitution did not require rights to be explained"))
    s = case.situation
    detained = _dt(case.key, "detained_at", s.get("detained_at"))
    if detained is None:
        return Finding(g, Outcome.NOT_ENGAGED, msg("nobody was detained"))
    explained = _dt(case.key, "rights_explained_at", s.get("rights_explained_at"))
    if explained is None:
        return Finding(g, Outcome.VIOLATED, msg("the grounds and rights were never explained"))
    late = int((explained - detained).total_seconds())
    if late <= 0:
        return Finding(g, Outcome.RESPECTED, msg("grounds and rights explained at the moment of detention"))
    return Finding(g, Outcome.VIOLATED, msg("explained {late} after the moment of detention", late=_hours(late)))


def _counsel(case: Case, g: Guarantee) -> Finding:
    s = case.situation
    detained = _dt(case.key, "detained_at", s.get("detained_at"))
    charged = _dt(case.key, "charged_at", s.get("charged_at"))
    if detained is None and charged is None:
        return Finding(g, Outcome.NOT_ENGAGED, msg("neither detained nor charged"))
    requested = _dt(case.key, "counsel_requested_at", s.get("counsel_requested_at"))
    if requested is None:
        return Finding(g, Outcome.RESPECTED, msg("counsel was not asked for; the right stays open"))
    admitted = _dt(case.key, "counsel_admitted_at", s.get("counsel_admitted_at"))
    questioned = _dt(case.key, "first_questioned_at", s.get("first_questioned_at"))
    if questioned is not None and questioned >= requested and (admitted is None or admitted > questioned):
        return Finding(g, Outcome.VIOLATED, msg("questioned after asking for counsel and before counsel was admitted"))
    if admitted is None and questioned is not None:
        return Finding(g, Outcome.VIOLATED, msg("counsel asked for and never admitted"))
    return Finding(g, Outcome.RESPECTED, msg("counsel admitted before any questioning"))


def _presumption(case: Case, g: Guarantee) -> Finding:
    flag = case.situation.get("treated_as_guilty_before_final_judgment")
    if flag is None:
        return Finding(g, Outcome.NOT_ENGAGED, msg("the situation says nothing of guilt before judgment"))
    if flag:
        return Finding(g, Outcome.VIOLATED, msg("treated as guilty before a sentence in force"))
    return Finding(g, Outcome.RESPECTED, msg("treated as innocent until a sentence in force"))


def _burden(case: Case, g: Guarantee) -> Finding:
    on = case.situation.get("burden_of_proof_on")
    if on is None:
        return Finding(g, Outcome.NOT_ENGAGED, msg("no question of who proves what"))
    if on not in ("accused", "prosecution"):
        raise CaseError(
            case.key,
            "burden_of_proof_on",
            msg("{value}: one of {known}", value=repr(on), known=_listed(("accused", "prosecution"))),
        )
    if on == "accused":
        return Finding(g, Outcome.VIOLATED, msg("the accused was made to prove innocence"))
    return Finding(g, Outcome.RESPECTED, msg("the prosecution bore the burden of proof"))


def _silence(case: Case, g: Guarantee) -> Finding:
    against = case.situation.get("compelled_to_testify_against")
    if against is None:
        return Finding(g, Outcome.NOT_ENGAGED, msg("no testimony was demanded"))
    persons = [str(p) for p in (against if isinstance(against, list) else [against])]
    bad = [p for p in persons if p not in CLOSE_PERSONS and p != "other"]
    if bad:
        raise CaseError(
            case.key,
            "compelled_to_testify_against",
            msg("{value}: one of {known}", value=repr(bad), known=_listed((*CLOSE_PERSONS, "other"))),
        )
    protected = [p for p in persons if p in CLOSE_PERSONS]
    if protected:
        return Finding(g, Outcome.VIOLATED, msg("compelled to testify against {persons}", persons=_persons(protected)))
    return Finding(g, Outcome.RESPECTED, msg("testimony was demanded only about other persons"))


def _double(case: Case, g: Guarantee) -> Finding:
    prev = case.situation.get("previous_final_judgment")
    if not prev:
        return Finding(g, Outcome.NOT_ENGAGED, msg("no earlier final judgment"))
    new = case.situation.get("new_proceedings")
    if new is None:
        return Finding(g, Outcome.RESPECTED, msg("no new proceedings"))
    if new not in PROCEEDINGS:
        raise CaseError(
            case.key, "new_proceedings", msg("{value}: one of {known}", value=repr(new), known=_listed(PROCEEDINGS))
        )
    if prev.get("same_act"):
        kind = str(prev.get("kind", ""))
        return Finding(
            g,
            Outcome.VIOLATED,
            msg(
                "{proceedings} again for an act already the subject of {judgment}",
                proceedings=label(PROCEEDINGS_LABELS[new]),
                judgment=label(JUDGMENT_LABELS[kind if kind in JUDGMENT_LABELS else ""]),
            ),
        )
    return Finding(g, Outcome.RESPECTED, msg("the new proceedings concern a different act"))


def _retro(case: Case, g: Guarantee) -> Finding:
    s = case.situation
    act = _date(case.key, "act_date", s.get("act_date"))
    law = s.get("law_applied")
    if act is None or not law:
        return Finding(g, Outcome.NOT_ENGAGED, msg("no law applied to an earlier act"))
    start = _date(case.key, "law_applied.in_force_from", law.get("in_force_from"))
    if start is None:
        raise CaseError(case.key, "law_applied.in_force_from", msg("the date the applied law took effect is needed"))
    if start > act and law.get("worsens"):
        return Finding(
            g,
            Outcome.VIOLATED,
            msg(
                "a law in force from {start} that worsens the position was applied to an act of {act}",
                start=start,
                act=act,
            ),
        )
    if s.get("milder_later_law_ignored"):
        return Finding(g, Outcome.VIOLATED, msg("a later law abolishing or mitigating liability was not applied"))
    return Finding(g, Outcome.RESPECTED, msg("no worsening law was applied retroactively"))


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
