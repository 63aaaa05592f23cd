"""Constitutional checks on a bill. Each violation names the rule and the article it comes from.

The articles are not written here: they come from the dated parameters, so a bill checked as of a date before
2026-07-01 is judged under the 1995 Constitution and cites it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from atazan.rules.domain.bill import BillDraft, BillKind, CourtOpinion, GovernmentOpinion
from atazan.rules.domain.parameters import DatedValue, ParameterError, ParameterSet, default_parameters


@dataclass(frozen=True)
class Violation:
    rule: str
    article: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"rule": self.rule, "article": self.article, "message": self.message}


# A protected provision is cited by the provision that protects it: Art. 43(5) makes Art. 43(1) unchangeable.
_PROTECTED_BY = {"43(1)": "43(5)"}

Check = Callable[[BillDraft, ParameterSet], list[Violation]]


def _cite(dated: DatedValue) -> str:
    return f"Constitution {dated.reference.constitution}, Art. {dated.reference.article}"


def legislative_initiative(bill: BillDraft, params: ParameterSet) -> list[Violation]:
    """Only the holders of the right of initiative may introduce a law, and only in the Kurultai.

    Constitution 2026, Art. 60(1) (1995: Art. 61(1), in the Majilis).
    """
    if bill.kind is BillKind.AMENDMENT:
        return []
    holders = params.at("legislature.initiative_holders", bill.date)
    chamber = params.at("legislature.initiative_chamber", bill.date)
    found: list[Violation] = []
    assert isinstance(holders.value, tuple)
    if bill.initiator not in holders.value:
        found.append(
            Violation(
                "legislative_initiative",
                holders.reference.article,
                f"{_cite(holders)}: {bill.initiator!r} has no right of legislative initiative; "
                f"it belongs to {', '.join(holders.value)}",
            )
        )
    if bill.introduced_in != chamber.value:
        found.append(
            Violation(
                "legislative_initiative",
                chamber.reference.article,
                f"{_cite(chamber)}: the right of legislative initiative is exercised only in the {chamber.value}, "
                f"not in {bill.introduced_in!r}",
            )
        )
    return found


def fiscal_opinion(bill: BillDraft, params: ParameterSet) -> list[Violation]:
    """A bill that reduces state revenue or raises state spending needs the Government's positive opinion, unless
    the President initiates it. Constitution 2026, Art. 60(6) (1995: Art. 61(6)).
    """
    if bill.kind is BillKind.AMENDMENT or not (bill.reduces_revenue or bill.increases_spending):
        return []
    exempt = params.at("legislature.fiscal_opinion_exempt", bill.date)
    assert isinstance(exempt.value, tuple)
    if bill.initiator in exempt.value or bill.government_opinion is GovernmentOpinion.POSITIVE:
        return []
    effect = " and ".join(
        what
        for what, present in (
            ("reduces state revenue", bill.reduces_revenue),
            ("increases state spending", bill.increases_spending),
        )
        if present
    )
    opinion = "a negative opinion" if bill.government_opinion is GovernmentOpinion.NEGATIVE else "no opinion"
    return [
        Violation(
            "fiscal_opinion",
            exempt.reference.article,
            f"{_cite(exempt)}: the bill {effect} and has {opinion} of the Government; such a bill may be introduced "
            f"only with the Government's positive opinion unless the President initiates it",
        )
    ]


def no_retroactive_worsening(bill: BillDraft, params: ParameterSet) -> list[Violation]:
    """No provision that imposes new duties, worsens a person's position, or establishes or increases liability may
    apply before the law takes effect. Softening liability may. Constitution 2026, Art. 5(5) (1995: Art. 77(3)(5)).
    """
    rule = params.at("rights.no_retroactive_worsening", bill.date)
    if rule.value is not True:
        return []
    found: list[Violation] = []
    start = bill.in_force_from
    for provision in bill.provisions:
        if provision.burdens and provision.applies_from < start:
            what = [
                name
                for name, present in (
                    ("imposes new duties", provision.adds_duties),
                    ("worsens a person's position", provision.worsens_position),
                    ("establishes liability", provision.establishes_liability),
                    ("increases liability", provision.increases_liability),
                )
                if present
            ]
            found.append(
                Violation(
                    "no_retroactive_worsening",
                    rule.reference.article,
                    f"{_cite(rule)}: provision {provision.label!r} {' and '.join(what)} and would apply from "
                    f"{provision.applies_from.isoformat()}, before the law takes effect on {start.isoformat()}",
                )
            )
    return found


def amendment_by_referendum(bill: BillDraft, params: ParameterSet) -> list[Violation]:
    """A law cannot amend the Constitution where amendments are made only by referendum (Constitution 2026,
    Art. 92(1)). Under the 1995 Constitution Parliament could (Art. 62(3)).
    """
    if bill.kind is BillKind.AMENDMENT or not bill.amends_articles:
        return []
    parameter = params.get("legislature.majority.constitutional_amendment")
    try:
        parameter.at(bill.date)
        return []
    except ParameterError:
        pass
    ended = max((dated for dated in parameter.values if dated.start <= bill.date), key=lambda dated: dated.start)
    return [
        Violation(
            "amendment_by_referendum",
            ended.reference.article,
            f"{_cite(ended)}: a {bill.kind.value} law cannot amend the Constitution "
            f"(it names Art. {', '.join(bill.amends_articles)}); amendments are made by a nationwide referendum",
        )
    ]


def never_amendable(bill: BillDraft, params: ParameterSet) -> list[Violation]:
    """Provisions declared unchangeable may never be amended: Constitution 2026, Art. 2(7) and Art. 43(5)
    (which protects Art. 43(1)); 1995: Art. 91(2).
    """
    if not bill.amends_articles:
        return []
    protected = params.at("constitution.never_amendable", bill.date)
    assert isinstance(protected.value, tuple)
    found: list[Violation] = []
    for article in bill.amends_articles:
        if article in protected.value:
            cited = (
                _PROTECTED_BY.get(article, article)
                if protected.reference.constitution == "2026"
                else protected.reference.article
            )
            found.append(
                Violation(
                    "never_amendable",
                    cited,
                    f"Constitution {protected.reference.constitution}, Art. {cited}: the bill amends Art. {article}, "
                    f"which may never be amended",
                )
            )
    return found


def amendment_court_opinion(bill: BillDraft, params: ParameterSet) -> list[Violation]:
    """An amendment goes to referendum only with the Constitutional Court's opinion that it respects the
    never-amendable provisions. Constitution 2026, Art. 93 (1995: Art. 91(3)).
    """
    if bill.kind is not BillKind.AMENDMENT:
        return []
    required = params.at("constitution.amendment_court_opinion_required", bill.date)
    if required.value is not True:
        return []
    if bill.constitutional_court_opinion is None:
        return [
            Violation(
                "amendment_court_opinion",
                required.reference.article,
                f"{_cite(required)}: amendments go to a referendum only with an opinion of the Constitutional Court "
                f"that they comply with the never-amendable provisions; the bill has none",
            )
        ]
    if bill.constitutional_court_opinion is CourtOpinion.NON_COMPLIANT:
        return [
            Violation(
                "amendment_court_opinion",
                required.reference.article,
                f"{_cite(required)}: the Constitutional Court found the amendment incompatible with the "
                f"never-amendable provisions",
            )
        ]
    return []


def amendment_initiative(bill: BillDraft, params: ParameterSet) -> list[Violation]:
    """Amendments are put to referendum by the President on his own initiative or that of the Kurultai, the
    Government or the People's Council (Constitution 2026, Art. 92(1)); an acting President may not initiate them
    (Art. 51(3)).
    """
    if bill.kind is not BillKind.AMENDMENT:
        return []
    return referendum_initiative(bill.initiator, bill.date, params)


def referendum_initiative(initiator: str, as_of: dt.date, params: ParameterSet | None = None) -> list[Violation]:
    """Whether ``initiator`` may initiate a referendum on constitutional amendments on ``as_of``.

    Constitution 2026, Art. 92(1) (initiators) and Art. 51(3) (not a person who has assumed the President's powers).
    """
    params = params or default_parameters()
    barred = params.at("constitution.amendment_barred_initiators", as_of)
    allowed = params.at("constitution.amendment_initiators", as_of)
    assert isinstance(barred.value, tuple) and isinstance(allowed.value, tuple)
    if initiator in barred.value:
        return [
            Violation(
                "referendum_initiative",
                barred.reference.article,
                f"{_cite(barred)}: a person who has assumed the President's powers may not initiate amendments "
                f"to the Constitution",
            )
        ]
    if initiator not in allowed.value:
        return [
            Violation(
                "referendum_initiative",
                allowed.reference.article,
                f"{_cite(allowed)}: {initiator!r} may not initiate a referendum on amendments; the President decides "
                f"on his own initiative or that of {', '.join(name for name in allowed.value if name != 'president')}",
            )
        ]
    return []


def urgent_procedure(bill: BillDraft, params: ParameterSet) -> list[Violation]:
    """Only the Government may introduce a bill for immediate consideration (to respond promptly to threats to life
    and health, the constitutional order, public order or economic security), and only a bill, not an amendment.

    Constitution 2026, Art. 60(4) (1995: Art. 61(2), second part).
    """
    if not bill.urgent:
        return []
    holders = params.at("legislature.urgent_initiators", bill.date)
    assert isinstance(holders.value, tuple)
    if bill.kind is BillKind.AMENDMENT:
        return [
            Violation(
                "urgent_procedure",
                holders.reference.article,
                f"{_cite(holders)}: immediate consideration applies to bills, not to amendments of the Constitution",
            )
        ]
    if bill.initiator not in holders.value:
        return [
            Violation(
                "urgent_procedure",
                holders.reference.article,
                f"{_cite(holders)}: only a bill introduced by {', '.join(holders.value)} is considered immediately; "
                f"{bill.initiator!r} may not ask for it",
            )
        ]
    return []


CHECKS: tuple[Check, ...] = (
    legislative_initiative,
    fiscal_opinion,
    no_retroactive_worsening,
    amendment_by_referendum,
    amendment_initiative,
    never_amendable,
    amendment_court_opinion,
    urgent_procedure,
)


def bill_violations(bill: BillDraft, params: ParameterSet | None = None) -> list[Violation]:
    """Every constitutional check on ``bill`` as of ``bill.date``; an empty list means none failed."""
    params = params or default_parameters()
    found: list[Violation] = []
    for check in CHECKS:
        found.extend(check(bill, params))
    return found
