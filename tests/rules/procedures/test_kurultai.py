"""No confidence (56(13)), dismissal request (56(17)), the Chair (57), dissolution after refusals (62(2)-(3))."""

from __future__ import annotations

import datetime as dt

from atazan.rules.domain.procedures.kurultai import (
    chair_election,
    chair_recall,
    dissolution_after_refusals,
    minister_dismissal_request,
    no_confidence,
)

D = dt.date
DAY = D(2027, 2, 15)


def codes(outcome) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.code for f in outcome.findings]


def test_no_confidence_a_fifth_to_initiate_29_and_73_to_pass() -> None:
    assert no_confidence(initiators=28, votes_for=None, voted_on=DAY).result == "refused"
    assert no_confidence(initiators=29, votes_for=72, voted_on=DAY).result == "confidence_kept"
    out = no_confidence(initiators=29, votes_for=73, voted_on=DAY)
    assert out.result == "no_confidence"
    assert [m.due for m in out.milestones if m.code == "resignation_decision"] == [D(2027, 2, 25)]
    assert dict(out.figures) == {"initiative_minimum": "29", "majority_minimum": "73"}


def test_a_fifth_of_a_smaller_kurultai_is_rounded_up() -> None:
    # 144 deputies sitting: 144/5 = 28.8, so 29 are needed; a majority of 144 is 73.
    assert no_confidence(initiators=28, votes_for=None, voted_on=DAY, total=144).result == "refused"
    assert dict(no_confidence(initiators=29, votes_for=73, voted_on=DAY, total=144).figures)["majority_minimum"] == "73"


def test_dismissal_request_needs_a_third_to_hear_and_two_thirds_97_to_ask() -> None:
    assert (
        minister_dismissal_request(initiators=48, votes_for=None, failed_to_execute_laws=True, voted_on=DAY).result
        == "refused"
    )
    assert (
        minister_dismissal_request(initiators=49, votes_for=96, failed_to_execute_laws=True, voted_on=DAY).result
        == "request_not_adopted"
    )
    asked = minister_dismissal_request(initiators=49, votes_for=97, failed_to_execute_laws=True, voted_on=DAY)
    assert asked.result == "dismissal_requested" and asked.milestones[-1].code == "minister_dismissed"
    other = minister_dismissal_request(initiators=49, votes_for=120, failed_to_execute_laws=False, voted_on=DAY)
    assert codes(other) == ["dismissal_ground"]


def _chair(**kw):  # type: ignore[no-untyped-def]
    base = {
        "nominated_by": "president",
        "candidate_is_deputy": True,
        "candidate_fluent_in_state_language": True,
        "secret_ballot": True,
        "votes_for": 73,
        "earlier_refusals": 0,
        "voted_on": DAY,
    }
    base.update(kw)
    return chair_election(**base)


def test_chair_elected_by_73_and_a_second_refusal_opens_dissolution() -> None:
    assert _chair().result == "elected"
    assert _chair(votes_for=72).result == "refused_once"
    second = _chair(votes_for=72, earlier_refusals=1)
    assert second.result == "repeated_refusal" and second.milestones[-1].citation.article == "62(2)"


def test_chair_candidate_and_ballot_conditions() -> None:
    out = _chair(
        nominated_by="deputy", candidate_is_deputy=False, candidate_fluent_in_state_language=False, secret_ballot=False
    )
    assert codes(out) == [
        "chair_nomination",
        "chair_candidate_deputy",
        "chair_candidate_language",
        "chair_secret_ballot",
    ]
    assert chair_recall(votes_for=73, voted_on=DAY).result == "recalled"
    assert chair_recall(votes_for=72, voted_on=DAY).result == "not_recalled"


def test_dissolution_after_a_second_refusal_for_any_consent_office() -> None:
    for office in (
        "vice_president",
        "prime_minister",
        "constitutional_court_judge",
        "election_commission_member",
        "audit_chamber_member",
        "kurultai_chair",
    ):
        assert dissolution_after_refusals(office_code=office, refusals=2, as_of=DAY).result == "allowed", office
    once = dissolution_after_refusals(office_code="prime_minister", refusals=1, as_of=DAY)
    assert codes(once) == ["dissolution_refusals"]
    judges = dissolution_after_refusals(office_code="supreme_court_judge", refusals=2, as_of=DAY)
    assert codes(judges) == ["dissolution_office"]


def test_dissolution_bars_of_62_3_and_51_3() -> None:
    out = dissolution_after_refusals(
        office_code="prime_minister",
        refusals=2,
        as_of=D(2029, 3, 1),
        emergency=True,
        martial_law=True,
        president_term_ends=D(2029, 9, 1),
        previous_dissolution=D(2028, 3, 2),
        acting_president=True,
    )
    assert codes(out) == [
        "dissolution_emergency",
        "dissolution_martial_law",
        "dissolution_last_months",
        "dissolution_within_year",
        "dissolution_acting_president",
    ]
    assert out.findings[-1].citation.article == "51(3)"
    # The day before the last six months begin, and a year to the day after the previous dissolution: allowed.
    ok = dissolution_after_refusals(
        office_code="prime_minister",
        refusals=2,
        as_of=D(2029, 2, 27),
        president_term_ends=D(2029, 8, 28),
        previous_dissolution=D(2028, 2, 27),
    )
    assert ok.result == "allowed"
