"""Runs the lawyer-readable YAML cases in ``cases/``: situation -> expected outcome and article."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from atazan.rules.domain.bill import bill_from_dict
from atazan.rules.domain.checks import bill_violations, referendum_initiative
from atazan.rules.domain.institutions import (
    RuleError,
    VoteOutcome,
    peoples_council_decision,
    president_successor,
    vice_president_consent,
    vote_decide,
)
from atazan.rules.domain.parameters import ParameterError, default_parameters

CASES_DIR = Path(__file__).parent / "cases"


def _load() -> list[Any]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            cases.append(pytest.param(case, id=f"{path.stem}: {case['name']}"))
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
        dated = default_parameters().at(situation["parameter"], date)
        return {"value": dated.value, "article": dated.reference.article}
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
        assert actual[key] == wanted, f"{case['name']}: {key} is {actual[key]!r}, expected {wanted!r}"


def test_there_are_cases_for_every_check() -> None:
    checks = {param.values[0]["check"] for param in _load()}
    assert checks == {
        "bill",
        "referendum_initiative",
        "parameter",
        "vote",
        "vice_president_consent",
        "peoples_council_decision",
        "succession",
    }
