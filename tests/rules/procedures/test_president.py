"""Eligibility (43(2), 35(3), 43(1)), the election (43(3)-(4)), vacancy and oath (51(2), 44(2)), removal (50)."""

from __future__ import annotations

import datetime as dt

import pytest

from atazan.rules.domain.procedures.messages import ProcedureError
from atazan.rules.domain.procedures.president import (
    PresidentialCandidate,
    candidate_eligibility,
    election_result,
    regular_election,
    removal_for_health,
    removal_for_treason,
    vacancy,
)

D = dt.date
ELECTION = D(2029, 4, 8)


def candidate(**kw) -> PresidentialCandidate:  # type: ignore[no-untyped-def]
    base = {
        "born": D(1980, 1, 1),
        "citizen_by_birth": True,
        "fluent_in_state_language": True,
        "resident_since": D(1990, 1, 1),
        "higher_education": True,
        "service": ((D(2010, 1, 1), D(2020, 1, 1)),),
    }
    base.update(kw)
    return PresidentialCandidate(**base)


def codes(outcome) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.code for f in outcome.findings]


def test_age_forty_is_reached_on_the_birthday() -> None:
    assert candidate_eligibility(candidate(born=D(1989, 4, 8)), election_day=ELECTION).result == "eligible"
    young = candidate_eligibility(candidate(born=D(1989, 4, 9)), election_day=ELECTION)
    assert codes(young) == ["candidate_age"] and dict(young.figures)["age"] == "39"
    assert young.findings[0].citation.article == "43(2)"


def test_fifteen_years_of_residence_counted_back_from_the_election() -> None:
    assert candidate_eligibility(candidate(resident_since=D(2014, 4, 8)), election_day=ELECTION).result == "eligible"
    assert codes(candidate_eligibility(candidate(resident_since=D(2014, 4, 9)), election_day=ELECTION)) == [
        "candidate_residence"
    ]


def test_five_years_of_state_service_summed_over_periods() -> None:
    # Five years before 2029-04-08 is 1826 days (29 Feb 2028 inside); 731 + 1095 days of service make exactly that.
    enough = candidate(service=((D(2020, 1, 1), D(2022, 1, 1)), (D(2023, 1, 1), D(2025, 12, 31))))
    out = candidate_eligibility(enough, election_day=ELECTION)
    assert dict(out.figures)["service_days_needed"] == "1826"
    assert dict(out.figures)["service_days"] == "1826" and out.result == "eligible"
    short = candidate(service=((D(2020, 1, 1), D(2022, 1, 1)), (D(2023, 1, 1), D(2025, 12, 30))))
    assert codes(candidate_eligibility(short, election_day=ELECTION)) == ["candidate_service"]


def test_every_requirement_and_bar_is_reported_with_its_article() -> None:
    out = candidate_eligibility(
        candidate(
            citizen_by_birth=False,
            fluent_in_state_language=False,
            higher_education=False,
            previously_elected_president=True,
            declared_incapable=True,
            unexpunged_conviction=True,
            corruption_offence=True,
        ),
        election_day=ELECTION,
    )
    assert {(f.code, f.citation.article) for f in out.findings} == {
        ("candidate_citizen_by_birth", "43(2)"),
        ("candidate_state_language", "43(2)"),
        ("candidate_education", "43(2)"),
        ("candidate_single_term", "43(1)"),
        ("candidate_incapable", "35(3)"),
        ("candidate_conviction", "35(3)"),
        ("candidate_corruption", "35(3)"),
    }


def test_more_than_fifty_per_cent_of_those_who_took_part() -> None:
    assert (
        election_result(votes={"A": 5_000_001, "B": 4_999_999}, took_part=10_000_000, as_of=ELECTION).result
        == "elected"
    )
    half = election_result(votes={"A": 5_000_000, "B": 4_000_000, "C": 1_000_000}, took_part=10_000_000, as_of=ELECTION)
    assert half.result == "run_off" and dict(half.figures)["minimum"] == "5000001"
    assert half.milestones[0].message.render() == "Run-off between A and B."
    with pytest.raises(ProcedureError, match="tie for second place"):
        election_result(votes={"A": 40, "B": 30, "C": 30}, took_part=100, as_of=ELECTION)


def test_regular_election_two_months_before_the_term_ends_and_not_with_the_kurultai() -> None:
    ok = regular_election(election_day=D(2029, 7, 1), term_ends=D(2029, 9, 1))
    assert ok.result == "in_time"
    late = regular_election(election_day=D(2029, 7, 2), term_ends=D(2029, 9, 1), kurultai_election_day=D(2029, 7, 2))
    assert codes(late) == ["regular_election_late", "regular_election_coincides"]


def test_vacancy_deadlines_on_real_dates() -> None:
    out = vacancy(
        vacated_on=D(2027, 1, 25),
        announced_on=D(2027, 2, 1),
        election_day=D(2027, 3, 31),
        results_published_on=D(2027, 4, 3),
        acting_oath_on=D(2027, 2, 2),
        as_of=D(2027, 5, 10),
    )
    due = {m.code: m.due for m in out.milestones}
    assert due == {
        "vacancy": None,
        "acting_oath": D(2027, 2, 1),
        "election_announced": D(2027, 2, 1),
        "election_held": D(2027, 4, 1),
        "oath": D(2027, 5, 3),
    }
    assert codes(out) == ["acting_oath_late", "oath_late"]
    assert {f.citation.article for f in out.findings} == {"44(2)"}
    assert out.result == "elected_awaiting_oath"


def test_vacancy_refuses_dates_out_of_order() -> None:
    with pytest.raises(ProcedureError, match="follow one another"):
        vacancy(vacated_on=D(2027, 1, 25), announced_on=D(2027, 1, 20), as_of=D(2027, 2, 1))


def _treason(**kw):  # type: ignore[no-untyped-def]
    base = {"initiators": 49, "as_of": D(2027, 3, 1), "charged_on": D(2027, 1, 10), "charge_votes": 73}
    base.update(kw)
    return removal_for_treason(**base)


def test_treason_thresholds_of_145_deputies_are_49_73_and_109() -> None:
    assert removal_for_treason(initiators=48, as_of=D(2027, 1, 10)).result == "refused"
    assert removal_for_treason(initiators=49, as_of=D(2027, 1, 10)).result == "initiated"
    failed = _treason(charge_votes=72)
    assert failed.result == "charge_rejected" and "initiators_lose_mandate" in [m.code for m in failed.milestones]
    done = _treason(
        referral_votes=73,
        final_votes=109,
        final_vote_on=D(2027, 3, 1),
        supreme_court_finds_grounds=True,
        constitutional_court_finds_procedure_kept=True,
    )
    assert done.result == "removed"
    assert dict(done.figures) == {
        "initiative_minimum": "49",
        "charge_minimum": "73",
        "final_due": "2027-03-10",
        "final_minimum": "109",
    }
    short = _treason(
        referral_votes=73,
        final_votes=108,
        final_vote_on=D(2027, 3, 1),
        supreme_court_finds_grounds=True,
        constitutional_court_finds_procedure_kept=True,
    )
    assert short.result == "charge_rejected" and codes(short) == ["removal_final"]


def test_treason_charge_lapses_after_two_months() -> None:
    assert _treason(as_of=D(2027, 3, 10)).result == "under_investigation"
    lapsed = _treason(as_of=D(2027, 3, 11))
    assert lapsed.result == "charge_rejected" and codes(lapsed) == ["removal_lapsed"]


def test_treason_not_while_the_president_considers_dissolution_and_needs_both_opinions() -> None:
    assert codes(_treason(dissolution_under_consideration=True)) == ["removal_during_dissolution"]
    assert _treason(dissolution_under_consideration=True).findings[0].citation.article == "50(4)"
    unfounded = _treason(
        referral_votes=80,
        final_votes=140,
        supreme_court_finds_grounds=False,
        constitutional_court_finds_procedure_kept=True,
    )
    assert unfounded.result == "charge_rejected"
    waiting = _treason(referral_votes=80, final_votes=140)
    assert waiting.result == "awaiting_final_decision" and codes(waiting) == ["removal_opinions"]


def test_release_for_health_needs_three_quarters_and_both_opinions() -> None:
    ok = removal_for_health(
        votes_for=109, commission_opinion=True, constitutional_court_finds_procedure_kept=True, as_of=D(2027, 1, 1)
    )
    assert ok.result == "released"
    out = removal_for_health(
        votes_for=108, commission_opinion=False, constitutional_court_finds_procedure_kept=True, as_of=D(2027, 1, 1)
    )
    assert codes(out) == ["health_commission", "health_majority"] and out.findings[1].citation.article == "50(2)"
