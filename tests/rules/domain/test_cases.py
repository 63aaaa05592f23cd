"""Runs the lawyer-readable YAML cases in ``cases/``: situation -> expected outcome and article.

A case that names the provision it illustrates (``constitution``, ``article``) quotes its sentence (``quote``), and the
quote must be found in the official text of that provision, so a case cannot cite words the Constitution does not
say. Every article the dated parameters and the checks encode has at least one such case.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from atazan.rules.domain.bill import bill_from_dict
from atazan.rules.domain.cases import CASES_DIR, case_name
from atazan.rules.domain.checks import bill_violations, referendum_initiative
from atazan.rules.domain.institutions import (
    DissolutionGround,
    RuleError,
    VoteOutcome,
    kurultai_dissolution,
    peoples_council_composition,
    peoples_council_decision,
    president_successor,
    vice_president_consent,
    vice_president_eligibility,
    vote_decide,
)
from atazan.rules.domain.parameters import ParameterError, default_parameters, format_value


def _load() -> list[Any]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            cases.append(pytest.param(case, id=f"{path.stem}: {case_name(case)}"))
    return cases


def _vote(outcome: VoteOutcome) -> dict[str, Any]:
    article = outcome.quorum_article if outcome.result.value == "no_quorum" else outcome.majority_article
    return {
        "result": outcome.result.value,
        "quorum_minimum": outcome.quorum_minimum,
        "majority_minimum": outcome.majority_minimum,
        "article": article,
    }


def _run(check: str, situation: dict[str, Any]) -> dict[str, Any]:
    date: dt.date = situation["date"]
    if check == "bill":
        violations = bill_violations(bill_from_dict(situation))
        return {"violations": [{"rule": v.rule, "article": v.article} for v in violations]}
    if check == "referendum_initiative":
        violations = referendum_initiative(situation["initiator"], date)
        return {"violations": [{"rule": v.rule, "article": v.article} for v in violations]}
    if check == "parameter":
        parameter = default_parameters().get(situation["parameter"])
        dated = parameter.at(date)
        return {
            "value": dated.value,
            "described": format_value(dated.value, parameter.unit),
            "article": dated.reference.article,
        }
    if check == "peoples_council_composition":
        members = [tuple(m) for m in situation["members"]]
        violations = peoples_council_composition(members=members, as_of=date)  # type: ignore[arg-type]
        return {"violations": [{"rule": v.rule, "article": v.article} for v in violations]}
    if check == "dissolution":
        outcome = kurultai_dissolution(
            ground=DissolutionGround(situation["ground"]),
            as_of=date,
            refusals=situation.get("refusals", 0),
            consulted=situation.get("consulted", False),
            emergency=situation.get("emergency", False),
            martial_law=situation.get("martial_law", False),
            president_term_ends=situation.get("president_term_ends"),
            previous_dissolution=situation.get("previous_dissolution"),
            acting_president=situation.get("acting_president", False),
        )
        return {
            "allowed": outcome.allowed,
            "violations": [{"rule": v.rule, "article": v.article} for v in outcome.bars],
        }
    if check == "vice_president_eligibility":
        flags = ("party_member", "representative_body_deputy", "other_paid_post", "business_activity")
        violations = vice_president_eligibility(as_of=date, **{f: situation.get(f, False) for f in flags})
        return {"violations": [{"rule": v.rule, "article": v.article} for v in violations]}
    if check == "vote":
        return _vote(
            vote_decide(
                majority=situation["majority"],
                quorum="legislature.quorum",
                yes=situation["votes_for"],
                present=situation["present"],
                total=situation.get("total", 145),
                as_of=date,
            )
        )
    if check == "vice_president_consent":
        return _vote(
            vice_president_consent(
                yes=situation["votes_for"], present=situation["present"], total=situation.get("total"), as_of=date
            )
        )
    if check == "peoples_council_decision":
        return _vote(peoples_council_decision(yes=situation["votes_for"], present=situation["present"], as_of=date))
    if check == "succession":
        successor = president_successor(unable=situation["unable"], as_of=date)
        return {"successor": successor.office, "article": successor.article}
    raise AssertionError(f"unknown check {check!r}")


@pytest.mark.parametrize("case", _load())
def test_case(case: dict[str, Any]) -> None:
    expect = case["expect"]
    if "error" in expect:
        with pytest.raises((RuleError, ParameterError), match=expect["error"]):
            _run(case["check"], case["situation"])
        return
    actual = _run(case["check"], case["situation"])
    for key, wanted in expect.items():
        assert actual[key] == wanted, f"{case_name(case)}: {key} is {actual[key]!r}, expected {wanted!r}"


def test_there_are_cases_for_every_check() -> None:
    checks = {param.values[0]["check"] for param in _load()}
    assert checks == {
        "bill",
        "referendum_initiative",
        "parameter",
        "vote",
        "vice_president_consent",
        "peoples_council_decision",
        "peoples_council_composition",
        "succession",
        "dissolution",
        "vice_president_eligibility",
    }


def _cases() -> list[dict[str, Any]]:
    return [param.values[0] for param in _load()]


def _normal(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("case", [c for c in _load() if "quote" in c.values[0]])
def test_the_quote_is_the_official_text_of_the_article(case: dict[str, Any]) -> None:
    if case.get("act"):
        return  # a constitutional law the texts context does not store; its article is cited in the parameters
    from atazan.rules.quotes import provision_text

    text = provision_text(case["constitution"], case["article"], "rus")
    assert text is not None, f"{case_name(case)}: no Art. {case['article']} in the {case['constitution']} text"
    assert _normal(case["quote"]) in _normal(text), f"{case_name(case)}: the quote is not in Art. {case['article']}"


def _encoded_articles() -> set[tuple[str, str]]:
    """Articles the dated parameters of this context (not procedures.yaml) cite on each Constitution's last or first
    day, and those the checks of institutions.py cite directly."""
    own = set()
    for path in (Path(__file__).resolve().parents[3] / "src" / "atazan" / "rules" / "parameters").glob("*.yaml"):
        if path.name != "procedures.yaml":
            own |= set(yaml.safe_load(path.read_text(encoding="utf-8")))
    found = {("2026", "49(2)"), ("2026", "62(1)"), ("2026", "62(2)"), ("2026", "43(5)")}
    for day in (dt.date(2026, 6, 30), dt.date(2026, 7, 1)):
        for parameter, dated in default_parameters().in_force(day):
            if parameter.name in own:
                found.add((dated.reference.act or dated.reference.constitution, dated.reference.article))
    return found


def test_every_encoded_article_has_a_worked_example_with_its_quote() -> None:
    quoted = {(c.get("act") or str(c["constitution"]), str(c["article"])) for c in _cases() if c.get("quote")}
    missing = sorted(_encoded_articles() - quoted)
    assert not missing, f"articles without a quoted case: {missing}"
