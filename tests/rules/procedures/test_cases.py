"""Runs the lawyer-readable worked cases of the procedures (``src/atazan/rules/data/procedure_cases/``, listed on the
rules page as worked examples): situation -> result, findings, figures, deadlines.

Each case quotes the sentence of the official Russian text it rests on; the quote must appear word for word in the
article it cites (``article`` and ``constitution``), so a case cannot cite the wrong article.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from atazan.rules.domain.cases import PROCEDURE_CASES_DIR, case_name
from atazan.rules.domain.procedures import amendment_1995, court, kurultai, legislation, president, transition
from atazan.rules.domain.procedures.model import Outcome
from atazan.texts.domain.parser import load_official

CASES_DIR = PROCEDURE_CASES_DIR
_DATETIMES = {"raised_at", "voted_at"}


def _candidate(**kw: Any) -> Outcome:
    election_day = kw.pop("election_day")
    kw["service"] = tuple(tuple(period) for period in kw.get("service", ()))
    return president.candidate_eligibility(president.PresidentialCandidate(**kw), election_day=election_day)


CHECKS: dict[str, Callable[..., Outcome]] = {
    "priority_bill": legislation.priority_bill,
    "confidence_question": legislation.confidence_question,
    "returned_law": legislation.returned_law,
    "law_countersignature": legislation.law_countersignature,
    "decree_with_force_of_law": legislation.decree_with_force_of_law,
    "constitutional_law_scope": legislation.constitutional_law_scope,
    "removal_for_treason": president.removal_for_treason,
    "removal_for_health": president.removal_for_health,
    "candidate_eligibility": _candidate,
    "election_result": president.election_result,
    "vacancy": president.vacancy,
    "no_confidence": kurultai.no_confidence,
    "minister_dismissal_request": kurultai.minister_dismissal_request,
    "chair_election": kurultai.chair_election,
    "dissolution_after_refusals": kurultai.dissolution_after_refusals,
    "amendment_opinion_request": court.amendment_opinion_request,
    "transition": transition.transition,
    "parliament_amendment": amendment_1995.parliament_amendment,
}


def _load() -> list[Any]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            cases.append(pytest.param(case, id=f"{path.stem}: {case_name(case)}"))
    return cases


@functools.cache
def _article_text(year: int, number: str) -> str:
    return " ".join(load_official(year, "rus").article(number).full_text().split())


def _situation(raw: dict[str, Any]) -> dict[str, Any]:
    return {k: dt.datetime.fromisoformat(v) if k in _DATETIMES else v for k, v in raw.items()}


@pytest.mark.parametrize("case", _load())
def test_case(case: dict[str, Any]) -> None:
    number = re.match(r"\d+", case["article"])
    assert number, case["article"]
    quote = " ".join(case["quote"].split())
    assert quote in _article_text(int(case["constitution"]), number.group()), (
        f"{case_name(case)}: the quote is not in Art. {case['article']} of the {case['constitution']} Constitution"
    )
    outcome = CHECKS[case["check"]](**_situation(case["situation"]))
    expect = case["expect"]
    assert outcome.result == expect["result"], f"{case_name(case)}: {outcome.as_dict()}"
    if "findings" in expect:
        assert [f.code for f in outcome.findings] == expect["findings"], case_name(case)
    for name, value in expect.get("figures", {}).items():
        assert dict(outcome.figures)[name] == value, f"{case_name(case)}: {name}"
    for code, due in expect.get("milestone_due", {}).items():
        stone = next(m for m in outcome.milestones if m.code == code)
        assert stone.due is not None and stone.due.isoformat() == due, f"{case_name(case)}: {code}"


def test_every_check_has_a_worked_case() -> None:
    assert {param.values[0]["check"] for param in _load()} == set(CHECKS)
