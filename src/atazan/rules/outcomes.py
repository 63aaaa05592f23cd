"""A worked case's expected outcome in the reader's language (issue 15).

A case states its outcome in the codes the engine returns (``result: refused; findings: [removal_initiative]``): the
tests compare them, and the English page shows them as written. A Kazakh or Russian reader gets the same outcome in
words: each code by its label, an article as the language cites it, a parameter's value as ``values.value_render``
writes it. A code with no label is shown as written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import pgettext

from atazan.rules.domain.cases import WorkedExample
from atazan.rules.domain.parameters import ParameterError, default_parameters
from atazan.rules.values import code_label, value_render
from atazan.web.templatetags.citations import citation, citation_render

__all__ = ["outcome_render"]


def _keys() -> dict[str, str]:
    return {
        "result": pgettext("case outcome", "result"),
        "findings": pgettext("case outcome", "findings"),
        "violations": pgettext("case outcome", "violations"),
        "described": pgettext("case outcome", "value"),
        "value": pgettext("case outcome", "value"),
        "successor": pgettext("case outcome", "successor"),
        "age": pgettext("case outcome", "age"),
        "due": pgettext("case outcome", "due by"),
        "final_due": pgettext("case outcome", "final decision due by"),
        "final_minimum": pgettext("case outcome", "votes needed for the final decision"),
        "initiative_minimum": pgettext("case outcome", "deputies needed for the initiative"),
        "majilis_minimum": pgettext("case outcome", "votes needed in the Majilis"),
        "senate_minimum": pgettext("case outcome", "votes needed in the Senate"),
        "majority_minimum": pgettext("case outcome", "votes needed"),
        "minimum": pgettext("case outcome", "votes needed"),
        "no_confidence_minimum": pgettext("case outcome", "votes needed for no confidence"),
        "quorum_minimum": pgettext("case outcome", "quorum"),
        "revote_due": pgettext("case outcome", "new vote due by"),
        "election_announced": pgettext("case outcome", "election to be announced by"),
        "election_called": pgettext("case outcome", "election to be called by"),
        "election_held": pgettext("case outcome", "election to be held by"),
        "oath": pgettext("case outcome", "oath to be taken by"),
        "resignation_decision": pgettext("case outcome", "decision on the resignation due by"),
        "vice_president": pgettext("case outcome", "Vice President to be appointed by"),
    }


def _codes() -> dict[str, str]:
    """Results, findings and the bill checks' rules."""
    return {
        # results
        "adopted": pgettext("case result", "adopted"),
        "adopted_late": pgettext("case result", "adopted late"),
        "adopted_without_vote": pgettext("case result", "adopted without a vote"),
        "allowed": pgettext("case result", "allowed"),
        "awaiting_revote": pgettext("case result", "awaiting a new vote"),
        "charge_rejected": pgettext("case result", "the charge is rejected"),
        "election_announced": pgettext("case result", "election announced"),
        "ineligible": pgettext("case result", "not eligible"),
        "legislature_kurultai": pgettext("case result", "the legislature is the Kurultai"),
        "legislature_none": pgettext("case result", "no legislature in office"),
        "no_confidence": pgettext("case result", "no confidence expressed"),
        "no_quorum": pgettext("case result", "no quorum"),
        "not_adopted_or_as_proposed": pgettext("case result", "not adopted, or adopted as the President proposed"),
        "partly_overridden": pgettext("case result", "objections partly overcome"),
        "passed": pgettext("case result", "passed"),
        "failed": pgettext("case result", "failed"),
        "president_in_office": pgettext("case result", "the President takes office"),
        "refused": pgettext("case result", "refused"),
        "released": pgettext("case result", "released from office"),
        "repeated_refusal": pgettext("case result", "a repeated refusal"),
        "request_not_adopted": pgettext("case result", "the request is not adopted"),
        "run_off": pgettext("case result", "a second round"),
        "vote_too_early": pgettext("case result", "the vote is too early"),
        # findings
        "acting_oath_late": pgettext("case finding", "the acting President's oath is late"),
        "amendment_by_referendum": pgettext("case finding", "amendments only by referendum"),
        "amendment_opinion_requester": pgettext("case finding", "not entitled to request the opinion"),
        "amendment_proposer": pgettext("case finding", "not entitled to propose amendments"),
        "audit_chamber_late": pgettext("case finding", "the Supreme Audit Chamber is formed late"),
        "candidate_age": pgettext("case finding", "the candidate's age"),
        "confidence_question_limit": pgettext("case finding", "the limit of questions of confidence"),
        "confidence_vote_too_early": pgettext("case finding", "the vote on confidence is too early"),
        "constitutional_court_late": pgettext("case finding", "the Constitutional Court is formed late"),
        "constitutional_law_matter": pgettext("case finding", "a matter not reserved to constitutional laws"),
        "countersignature_missing": pgettext("case finding", "a countersignature is missing"),
        "decree_kurultai_present": pgettext("case finding", "no decree while the Kurultai sits"),
        "dissolution_last_months": pgettext("case finding", "the last months of the President's powers"),
        "election_announced_late": pgettext("case finding", "the election is announced late"),
        "election_commission_late": pgettext("case finding", "the Central Election Commission is formed late"),
        "priority_deadline_missed": pgettext("case finding", "the priority bill's time limit is missed"),
        "priority_designator": pgettext("case finding", "not entitled to make a bill a priority"),
        "removal_during_dissolution": pgettext("case finding", "removal while dissolution is considered"),
        "removal_final": pgettext("case finding", "the final decision lacks three quarters"),
        "removal_initiative": pgettext("case finding", "too few deputies for the initiative"),
        "removal_lapsed": pgettext("case finding", "no final decision within the time limit"),
        "revote_lapsed": pgettext("case finding", "no new vote within the time limit"),
        "signature_late": pgettext("case finding", "the signature is late"),
        "vice_president_late": pgettext("case finding", "the Vice President is appointed late"),
        # the bill checks' rules
        "dissolution_bar": pgettext("case rule", "dissolution barred"),
        "dissolution_ground": pgettext("case rule", "no ground for dissolution"),
        "entry_into_force": pgettext("case rule", "entry into force"),
        "fiscal_opinion": pgettext("case rule", "the Government's opinion"),
        "never_amendable": pgettext("case rule", "a provision that may never be amended"),
        "no_retroactive_worsening": pgettext("case rule", "retroactive effect"),
        "peoples_council_age": pgettext("case rule", "age of a member of the People's Council"),
        "peoples_council_citizenship": pgettext("case rule", "citizenship of a member of the People's Council"),
        "peoples_council_group_size": pgettext("case rule", "size of a group of the People's Council"),
        "referendum_initiative": pgettext("case rule", "initiative of a referendum"),
        "vice_president_incompatibility": pgettext("case rule", "an office incompatible with the Vice President's"),
    }


def _code(value: object) -> str:
    text = str(value)
    return _codes().get(text, code_label(text))


def _article(value: object) -> str:
    """An article as the language cites it; a form the citation templates do not read ("53(1-2)") as "Art. N"."""
    shown = citation(f"Art. {value}")
    return citation_render(value) if shown == f"Art. {value}" else shown


def _none() -> str:
    return str(pgettext("case outcome", "none"))


def _described(example: WorkedExample, value: object) -> str:
    """A parameter case's value as the pages write it; another case's value as written."""
    name, day = example.situation.get("parameter"), example.situation.get("date")
    if isinstance(name, str) and isinstance(day, dt.date):
        try:
            return value_render(default_parameters().at(name, day).value, default_parameters().get(name).unit)
        except (ParameterError, KeyError):
            pass
    return str(value)


def _part(example: WorkedExample, key: str, value: Any, keys: dict[str, str]) -> str:
    label = keys.get(key, key)
    if key == "article":
        return _article(value)
    if key == "allowed":
        return str(pgettext("case result", "allowed") if value else pgettext("case result", "refused"))
    if key == "violations":
        shown = ", ".join(f"{_code(v['rule'])} ({_article(v['article'])})" for v in value if isinstance(v, dict))
        return f"{label}: {shown or _none()}"
    if key == "findings":
        return f"{label}: {', '.join(_code(v) for v in value) or _none()}"
    if key in ("figures", "milestone_due") and isinstance(value, dict):
        return "; ".join(f"{keys.get(k, k)}: {v}" for k, v in value.items())
    if key == "described":
        return f"{label}: {_described(example, value)}"
    if key in ("result", "successor"):
        return f"{label}: {_code(value)}"
    return f"{label}: {value}"


def outcome_render(example: WorkedExample) -> str:
    """The case's expected outcome in words of the active language."""
    keys = _keys()
    return "; ".join(_part(example, key, value, keys) for key, value in example.expect.items())
