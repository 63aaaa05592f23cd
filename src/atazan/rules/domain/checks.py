"""Constitutional checks on a bill. Each violation names the rule and the article it comes from.

The articles are not written here: they come from the dated parameters, so a bill checked as of a date before
2026-07-01 is judged under the 1995 Constitution and cites it. Each violation carries its sentence as a template with
named fields (``text``; rendered per language by ``atazan.rules.translation``), the English rendering (``message``)
and the provision whose words it rests on (``quote``, ``quote_line``), which the adapter quotes from the official text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from atazan.rules.domain.article_ref import ArticleRef, ArticleRefError, parse_article_ref
from atazan.rules.domain.bill import BillDraft, BillKind, CourtOpinion, GovernmentOpinion
from atazan.rules.domain.explain import Msg, joined, label, labels, msg
from atazan.rules.domain.parameters import (
    ACTS,
    DatedValue,
    ParameterError,
    ParameterSet,
    Reference,
    default_parameters,
)


@dataclass(frozen=True)
class Violation:
    """A rule a bill (or an act) breaks. ``message`` is the English sentence; ``text`` the same as a template.

    ``quote`` is the provision (short form, ``"60(1)"``) of ``constitution`` (or of ``act``) whose text the rule
    rests on, ``quote_sentence`` the sentence of that provision's text when only one of them applies (0-based).
    """

    rule: str
    article: str
    message: str
    constitution: str = ""
    act: str = ""
    text: Msg | None = None
    quote: str = ""
    quote_sentence: int | None = None

    def as_dict(self) -> dict[str, str]:
        return {"rule": self.rule, "article": self.article, "message": self.message}


def cite(reference: Reference, article: str | None = None) -> Msg:
    """ "Constitution 2026, Art. 60(1)" (or the act's name) as a translatable message."""
    article = article or reference.article
    found = _PARAGRAPH.fullmatch(article)
    if reference.act and found is not None:
        number, para = found.groups()
        return msg("{act}, Art. {article}({para})", act=Msg(ACTS[reference.act]), article=number, para=para)
    if reference.act:
        return msg("{act}, Art. {article}", act=Msg(ACTS[reference.act]), article=article)
    return constitution_cite(reference.constitution, article)


def constitution_cite(year: str, article: str) -> Msg:
    """ "Constitution 2026, Art. 60(6)" as a translatable message. "60(6)" is paragraph 6 of Article 60: Kazakh and
    Russian put the paragraph first and the article in the genitive ("60-баптың 6-тармағы", "п. 6 ст. 60";
    GLOSSARY.md), so the two numbers are separate fields."""
    found = _PARAGRAPH.fullmatch(article)
    if found is not None:
        number, para = found.groups()
        return msg("Constitution {year}, Art. {article}({para})", year=year, article=number, para=para)
    return msg("Constitution {year}, Art. {article}", year=year, article=article)


def provision_cite(ref: ArticleRef) -> Msg:
    """A provision of the Constitution ("Art. 43(1)") as a message, each number a field: Kazakh and Russian write the
    paragraph first and the article in the genitive («43-баптың 1-тармағы», «п. 1 ст. 43»; GLOSSARY.md)."""
    if ref.subparagraph is not None and ref.paragraph is not None:
        return msg(
            "Art. {article}({para}), subpara. {sub}", article=ref.article, para=ref.paragraph, sub=ref.subparagraph
        )
    if ref.paragraph is not None:
        return msg("Art. {article}({para})", article=ref.article, para=ref.paragraph)
    return msg("Art. {article}", article=ref.article)


def _listed(items: list[Msg]) -> Msg:
    """``a, b, c`` as one message."""
    out = items[-1]
    for item in reversed(items[:-1]):
        out = msg("{first}, {rest}", first=item, rest=out)
    return out


_PARAGRAPH = re.compile(r"(\d+(?:-\d+)?)\((\d+(?:-\d+)?)\)")


def violation(
    rule: str,
    reference: Reference,
    text: Msg,
    *,
    article: str | None = None,
    quote: str | None = None,
    quote_sentence: int | None = None,
) -> Violation:
    """A violation of ``rule`` under ``reference``: cites ``article`` (default: the reference's) and quotes
    ``quote`` (default: the cited article, when it is one provision), sentence ``quote_sentence`` (default: the one
    the parameter names)."""
    article = article or reference.article
    if quote is None:
        try:
            quote = str(parse_article_ref(article))
        except ArticleRefError:
            quote = ""
    full = msg("{cite}: {text}", cite=cite(reference, article), text=text)
    return Violation(
        rule,
        article,
        full.render(),
        reference.constitution,
        reference.act,
        full,
        quote,
        reference.sentence if quote_sentence is None else quote_sentence,
    )


Check = Callable[[BillDraft, ParameterSet], list[Violation]]


def _exercises_presidents_powers(initiator: str, as_of: dt.date, params: ParameterSet) -> bool:
    """A person who has assumed the President's powers holds them (Constitution 2026, Art. 51(1); 1995, Art. 48(1))
    save those withheld by 51(3) (48(2)), which the amendment checks apply separately."""
    if initiator != "acting_president":
        return False
    try:
        return params.flag("president.acting_holds_powers", as_of)
    except ParameterError:
        return False


def _as_holder(initiator: str, as_of: dt.date, params: ParameterSet) -> str:
    return "president" if _exercises_presidents_powers(initiator, as_of, params) else initiator


def legislative_initiative(bill: BillDraft, params: ParameterSet) -> list[Violation]:
    """Only the holders of the right of initiative may introduce a law, and only in the Kurultai.

    Constitution 2026, Art. 60(1) (1995: Art. 61(1), in the Majilis). A person who has assumed the President's
    powers holds the President's initiative (Art. 51(1); 1995, Art. 48(1)).
    """
    if bill.kind is BillKind.AMENDMENT:
        return []
    holders = params.at("legislature.initiative_holders", bill.date)
    chamber = params.at("legislature.initiative_chamber", bill.date)
    found: list[Violation] = []
    assert isinstance(holders.value, tuple) and isinstance(chamber.value, str)
    if _as_holder(bill.initiator, bill.date, params) not in holders.value:
        found.append(
            violation(
                "legislative_initiative",
                holders.reference,
                msg(
                    "{initiator} has no right of legislative initiative; it belongs to {holders}",
                    initiator=label(bill.initiator),
                    holders=labels(holders.value),
                ),
            )
        )
    if bill.introduced_in != chamber.value:
        found.append(
            violation(
                "legislative_initiative",
                chamber.reference,
                msg(
                    "the right of legislative initiative is exercised only in {chamber}, not in {place}",
                    chamber=label(chamber.value),
                    place=label(bill.introduced_in),
                ),
            )
        )
    return found


def fiscal_opinion(bill: BillDraft, params: ParameterSet) -> list[Violation]:
    """A bill that reduces state revenue or raises state spending needs the Government's positive opinion, unless
    the President initiates it. Constitution 2026, Art. 60(6) (1995: Art. 61(6)). The exemption is the President's
    power and passes with it to a person who has assumed the President's powers (Art. 51(1); 1995, Art. 48(1)).
    """
    if bill.kind is BillKind.AMENDMENT or not (bill.reduces_revenue or bill.increases_spending):
        return []
    exempt = params.at("legislature.fiscal_opinion_exempt", bill.date)
    assert isinstance(exempt.value, tuple)
    exempt_initiator = _as_holder(bill.initiator, bill.date, params) in exempt.value
    if exempt_initiator or bill.government_opinion is GovernmentOpinion.POSITIVE:
        return []
    effects = [
        Msg(what)
        for what, present in (
            ("reduces state revenue", bill.reduces_revenue),
            ("increases state spending", bill.increases_spending),
        )
        if present
    ]
    opinion = Msg("a negative opinion" if bill.government_opinion is GovernmentOpinion.NEGATIVE else "no opinion")
    return [
        violation(
            "fiscal_opinion",
            exempt.reference,
            msg(
                "the bill {effect} and has {opinion} of the Government; such a bill may be introduced only with the "
                "Government's positive opinion unless the President initiates it",
                effect=joined(effects),
                opinion=opinion,
            ),
        )
    ]


def _entry_rule(bill: BillDraft, params: ParameterSet) -> DatedValue | None:
    try:
        dated = params.at("legislature.laws_in_force_after_signature", bill.date)
    except ParameterError:
        return None
    return dated if dated.value is True else None


def no_retroactive_worsening(bill: BillDraft, params: ParameterSet) -> list[Violation]:
    """No provision that imposes new duties, worsens a person's position, or establishes or increases liability may
    apply before the law takes effect. Softening liability may. Constitution 2026, Art. 5(5) (1995: Art. 77(3)(5)).

    A law takes effect only after the President signs it (Art. 61(2)), so never before its introduction: a burden
    applied from before the introduction is retroactive whatever entry into force the bill declares.
    """
    rule = params.at("rights.no_retroactive_worsening", bill.date)
    if rule.value is not True:
        return []
    found: list[Violation] = []
    declared = bill.in_force_from
    early_entry = _entry_rule(bill, params) is not None and declared < bill.date
    start = bill.date if early_entry else declared
    for provision in bill.provisions:
        if provision.burdens and provision.applies_from < start:
            what = [
                Msg(name)
                for name, present in (
                    ("imposes new duties", provision.adds_duties),
                    ("worsens a person's position", provision.worsens_position),
                    ("establishes liability", provision.establishes_liability),
                    ("increases liability", provision.increases_liability),
                )
                if present
            ]
            liability = provision.establishes_liability or provision.increases_liability
            duties = provision.adds_duties or provision.worsens_position
            # 2026 Art. 5(5) says it in separate sentences: duties and worse positions (0), liability (1); 1995
            # Art. 77(3)(5) in its first sentence.
            if rule.reference.constitution != "2026":
                sentence: int | None = 0
            else:
                sentence = None if liability and duties else (1 if liability else 0)
            if early_entry:
                text = msg(
                    "provision {label} {what} and would apply from {applies}, before the law can take effect "
                    "(not before it is introduced on {introduced})",
                    label=f"'{provision.label}'",
                    what=joined(what),
                    applies=provision.applies_from.isoformat(),
                    introduced=bill.date.isoformat(),
                )
            else:
                text = msg(
                    "provision {label} {what} and would apply from {applies}, before the law takes effect on {start}",
                    label=f"'{provision.label}'",
                    what=joined(what),
                    applies=provision.applies_from.isoformat(),
                    start=start.isoformat(),
                )
            found.append(violation("no_retroactive_worsening", rule.reference, text, quote_sentence=sentence))
    return found


def entry_into_force(bill: BillDraft, params: ParameterSet) -> list[Violation]:
    """A law enters into force only after the President signs it, which follows its introduction and adoption, so a
    declared entry into force before the bill is introduced is impossible. Constitution 2026, Art. 61(2)
    (1995: Art. 62(2)). Amendments take effect by referendum (Art. 92) and are not checked here.
    """
    if bill.kind is BillKind.AMENDMENT or bill.enters_into_force is None or bill.enters_into_force >= bill.date:
        return []
    rule = _entry_rule(bill, params)
    if rule is None:
        return []
    return [
        violation(
            "entry_into_force",
            rule.reference,
            msg(
                "the bill would enter into force on {entry}, before it is introduced on {introduced}; a law enters "
                "into force only after the President signs it",
                entry=bill.enters_into_force.isoformat(),
                introduced=bill.date.isoformat(),
            ),
        )
    ]


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
        violation(
            "amendment_by_referendum",
            ended.reference,
            msg(
                "a {kind} law cannot amend the Constitution (it names Art. {articles}); amendments are made by a "
                "nationwide referendum",
                kind=Msg(bill.kind.value),
                articles=", ".join(bill.amends_articles),
            ),
        )
    ]


def never_amendable(bill: BillDraft, params: ParameterSet) -> list[Violation]:
    """Provisions declared unchangeable may never be amended, whichever article says them: Constitution 2026,
    Art. 2(7) (what Arts. 2(1)-(2) lay down) and Art. 43(5) (Art. 43(1)); 1995: Art. 91(2) (Arts. 1(2), 2(1)-(2),
    41(1), 42(5) as dated in the parameters). Amending a whole article or paragraph amends each of its parts, and
    amending a part of a protected provision amends it.
    """
    if not bill.amends_articles:
        return []
    dated = params.at("constitution.never_amendable", bill.date)
    protections = params.protections("constitution.never_amendable", bill.date)
    found: list[Violation] = []
    for written in bill.amends_articles:
        amended = parse_article_ref(written)
        by_clause: dict[str, list[str]] = {}
        for protection in protections:
            if amended.overlaps(parse_article_ref(protection.provision)):
                hit = by_clause.setdefault(protection.clause, [])
                if protection.provision not in hit:
                    hit.append(protection.provision)
        for clause, provisions in by_clause.items():
            if provisions == [str(amended)]:
                text = msg("the bill amends {amended}, which may never be amended", amended=provision_cite(amended))
            else:
                text = msg(
                    "the bill amends {amended}, which touches {provisions}; they may never be amended",
                    amended=provision_cite(amended),
                    provisions=_listed([provision_cite(parse_article_ref(p)) for p in provisions]),
                )
            found.append(violation("never_amendable", dated.reference, text, article=clause))
    return found


def _review_body(as_of: dt.date, params: ParameterSet) -> Msg | str:
    try:
        return label(params.text("constitution.review_body", as_of))
    except ParameterError:
        return label("constitutional_court")


def amendment_court_opinion(bill: BillDraft, params: ParameterSet) -> list[Violation]:
    """An amendment goes to referendum only with the opinion of the constitutional review body that it respects the
    never-amendable provisions. Constitution 2026, Art. 93; 1995: Art. 91(3) from 2017-03-10, the Constitutional
    Council's opinion until 2022, the Constitutional Court's from 2023-01-01.
    """
    if bill.kind is not BillKind.AMENDMENT:
        return []
    required = params.at("constitution.amendment_court_opinion_required", bill.date)
    if required.value is not True:
        return []
    body = _review_body(bill.date, params)
    if bill.constitutional_court_opinion is None:
        return [
            violation(
                "amendment_court_opinion",
                required.reference,
                msg(
                    "amendments go to a referendum only with an opinion of {body} that they comply with the "
                    "never-amendable provisions; the bill has none",
                    body=body,
                ),
            )
        ]
    if bill.constitutional_court_opinion is CourtOpinion.NON_COMPLIANT:
        return [
            violation(
                "amendment_court_opinion",
                required.reference,
                msg("{body} found the amendment incompatible with the never-amendable provisions", body=body),
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
            violation(
                "referendum_initiative",
                barred.reference,
                Msg("a person who has assumed the President's powers may not initiate amendments to the Constitution"),
            )
        ]
    if initiator not in allowed.value:
        others = tuple(name for name in allowed.value if name != "president")
        return [
            violation(
                "referendum_initiative",
                allowed.reference,
                msg(
                    "{initiator} may not initiate a referendum on amendments; the President decides on his own "
                    "initiative or that of {others}",
                    initiator=label(initiator),
                    others=labels(others),
                ),
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
            violation(
                "urgent_procedure",
                holders.reference,
                Msg("immediate consideration applies to bills, not to amendments of the Constitution"),
            )
        ]
    if bill.initiator not in holders.value:
        return [
            violation(
                "urgent_procedure",
                holders.reference,
                msg(
                    "only a bill introduced by {holders} is considered immediately; {initiator} may not ask for it",
                    holders=labels(holders.value),
                    initiator=label(bill.initiator),
                ),
            )
        ]
    return []


def constitutional_law_matters(bill: BillDraft, params: ParameterSet) -> list[Violation]:
    """Constitutional laws are adopted only on the matters the Constitution provides for (Constitution 2026,
    Art. 61(3)); each matter of ``legislature.constitutional_law_matters`` names the article that reserves it. A
    constitutional law that says which matters it regulates (``constitutional_law_matters``) must name listed ones.
    Checked from 2026-07-01; the 1995 list is not encoded.
    """
    if bill.kind is not BillKind.CONSTITUTIONAL or not bill.constitutional_law_matters:
        return []
    try:
        listed = params.at("legislature.constitutional_law_matters", bill.date)
    except ParameterError:
        return []
    assert isinstance(listed.value, tuple)
    codes = {item.split("|", 1)[0] for item in listed.value}
    return [
        violation(
            "constitutional_law_matter",
            listed.reference,
            msg("The Constitution reserves no constitutional law for {matter}; use an ordinary law.", matter=matter),
            quote_sentence=0,
        )
        for matter in bill.constitutional_law_matters
        if matter not in codes
    ]


CHECKS: tuple[Check, ...] = (
    legislative_initiative,
    fiscal_opinion,
    no_retroactive_worsening,
    entry_into_force,
    amendment_by_referendum,
    amendment_initiative,
    never_amendable,
    amendment_court_opinion,
    urgent_procedure,
    constitutional_law_matters,
)


def bill_violations(bill: BillDraft, params: ParameterSet | None = None) -> list[Violation]:
    """Every constitutional check on ``bill`` as of ``bill.date``; an empty list means none failed."""
    params = params or default_parameters()
    found: list[Violation] = []
    for check in CHECKS:
        found.extend(check(bill, params))
    return found
