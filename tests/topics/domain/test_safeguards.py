"""The procedural guarantees as checks: every shipped YAML case gives the outcomes its author expected."""

from __future__ import annotations

import pytest

from atazan.topics.domain.safeguards import CaseError, Outcome, case_from_mapping, check
from atazan.topics.worked import load_cases

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.key for c in CASES])
def test_yaml_case_outcomes(case: object) -> None:
    findings = {f.guarantee.key: f for f in check(case)}  # type: ignore[arg-type]
    assert case.expect  # type: ignore[attr-defined]
    for key, expected in case.expect.items():  # type: ignore[attr-defined]
        assert findings[key].outcome == expected, findings[key].reason


def _detention(year: int, hours: int, **extra: object) -> list:  # type: ignore[type-arg]
    raw = {
        "constitution": year,
        "situation": {
            "detained_at": "2026-09-01 10:00",
            "released_at": f"2026-09-0{1 + hours // 24} {10 + hours % 24}:00",
        },
    }
    raw.update(extra)
    return check(case_from_mapping("t", raw))


def test_1995_limit_is_72_hours_exactly() -> None:
    assert _detention(1995, 72)[0].outcome == Outcome.RESPECTED
    assert _detention(1995, 73)[0].outcome == Outcome.VIOLATED


def test_2026_needs_the_term_set_by_law() -> None:
    with pytest.raises(CaseError, match="law_limit_hours"):
        _detention(2026, 10)
    assert _detention(2026, 49, law_limit_hours=48)[0].outcome == Outcome.VIOLATED
    assert _detention(2026, 48, law_limit_hours=48)[0].outcome == Outcome.RESPECTED


def test_bad_case_names_the_field() -> None:
    with pytest.raises(CaseError, match=r"case 'x': \[expect\]"):
        case_from_mapping("x", {"expect": {"no-such-guarantee": "violated"}})
    with pytest.raises(CaseError, match="burden_of_proof_on"):
        check(case_from_mapping("y", {"situation": {"burden_of_proof_on": "judge"}}))
    with pytest.raises(CaseError, match="detained_at"):
        check(case_from_mapping("z", {"situation": {"detained_at": "yesterday"}}))


def test_a_case_error_says_what_is_wrong_as_a_message() -> None:
    """The domain's refusal is a Msg of the topics context (issue 15); str() stays English for the CLI."""
    from django.utils import translation

    from atazan.messages.render import render

    with pytest.raises(CaseError) as caught:
        check(case_from_mapping("t", {"situation": {"burden_of_proof_on": "judge"}}))
    error = caught.value
    assert error.field == "burden_of_proof_on" and error.message.domain == "topics"
    assert str(error) == "case 't': [burden_of_proof_on] 'judge': one of accused, prosecution"
    with translation.override("ru"):
        assert render(error.message) == "'judge': должно быть одно из значений: accused, prosecution"
