"""Priority bills (60(2)), the question of confidence (60(7)), returned laws (46(3), 56(2)), countersignature and
decrees (47), constitutional-law matters (61(3))."""

from __future__ import annotations

import datetime as dt

import pytest

from atazan.rules.domain.procedures.legislation import (
    act_countersignature,
    confidence_question,
    constitutional_law_scope,
    decree_with_force_of_law,
    law_countersignature,
    priority_bill,
    returned_law,
)
from atazan.rules.domain.procedures.messages import ProcedureError

D = dt.date
UTC = dt.UTC


def codes(outcome) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.code for f in outcome.findings]


def test_priority_bill_two_months_from_designation_ends_on_the_last_day_of_a_short_month() -> None:
    late = priority_bill(
        designated_by="president", designated_on=D(2026, 12, 31), adopted_on=D(2027, 3, 1), as_of=D(2027, 3, 1)
    )
    assert dict(late.figures)["due"] == "2027-02-28"
    assert late.result == "adopted_late" and codes(late) == ["priority_deadline_missed"]
    assert late.findings[0].citation.article == "60(2)"
    on_time = priority_bill(
        designated_by="president", designated_on=D(2026, 12, 31), adopted_on=D(2027, 2, 28), as_of=D(2027, 3, 1)
    )
    assert on_time.result == "adopted_in_time" and not on_time.findings


def test_priority_bill_pending_then_overdue_and_only_the_president_designates() -> None:
    assert (
        priority_bill(
            designated_by="president", designated_on=D(2026, 9, 1), adopted_on=None, as_of=D(2026, 11, 1)
        ).result
        == "pending"
    )
    assert (
        priority_bill(
            designated_by="president", designated_on=D(2026, 9, 1), adopted_on=None, as_of=D(2026, 11, 2)
        ).result
        == "overdue"
    )
    refused = priority_bill(
        designated_by="government", designated_on=D(2026, 9, 1), adopted_on=None, as_of=D(2026, 9, 2)
    )
    assert refused.result == "refused" and codes(refused) == ["priority_designator"]


def test_priority_bill_does_not_exist_under_the_1995_constitution() -> None:
    with pytest.raises(ProcedureError, match="no value before 2026-07-01"):
        priority_bill(designated_by="president", designated_on=D(2026, 6, 30), adopted_on=None, as_of=D(2026, 6, 30))


def _question(**kw):  # type: ignore[no-untyped-def]
    base = {
        "raised_by": "prime_minister",
        "bill_initiator": "government",
        "bill_not_adopted": True,
        "raised_at": dt.datetime(2026, 10, 5, 10, 0, tzinfo=UTC),
    }
    base.update(kw)
    return confidence_question(**base)


def test_confidence_question_vote_not_before_48_hours() -> None:
    early = _question(voted_at=dt.datetime(2026, 10, 7, 9, 59, tzinfo=UTC), no_confidence_votes=10)
    assert early.result == "vote_too_early" and codes(early) == ["confidence_vote_too_early"]
    assert dict(early.figures)["earliest_vote"] == "2026-10-07T10:00:00+00:00"
    exact = _question(voted_at=dt.datetime(2026, 10, 7, 10, 0, tzinfo=UTC), no_confidence_votes=72)
    assert exact.result == "adopted_without_vote"


def test_confidence_question_majority_of_all_145_is_73() -> None:
    kept = _question(voted_at=dt.datetime(2026, 10, 8, tzinfo=UTC), no_confidence_votes=72)
    assert kept.result == "adopted_without_vote" and dict(kept.figures)["no_confidence_minimum"] == "73"
    lost = _question(voted_at=dt.datetime(2026, 10, 8, tzinfo=UTC), no_confidence_votes=73)
    assert lost.result == "no_confidence"
    decision = next(m for m in lost.milestones if m.code == "resignation_decision")
    assert decision.due == D(2026, 10, 18) and decision.citation.article == "69(4)"


def test_confidence_question_at_most_twice_a_calendar_year() -> None:
    third = _question(earlier_questions=[D(2026, 9, 10), D(2026, 9, 20)])
    assert third.result == "refused" and codes(third) == ["confidence_question_limit"]
    next_year = _question(
        raised_at=dt.datetime(2027, 1, 4, tzinfo=UTC), earlier_questions=[D(2026, 9, 10), D(2026, 12, 20)]
    )
    assert next_year.result == "awaiting_vote"


def test_confidence_question_refusals_name_who_and_what() -> None:
    wrong = _question(raised_by="deputy", bill_initiator="deputy", bill_not_adopted=False)
    assert codes(wrong) == ["confidence_question_who", "confidence_question_bill", "confidence_question_trigger"]
    assert all(f.citation.article == "60(7)" for f in wrong.findings)
    with pytest.raises(ProcedureError, match="timezone-aware"):
        _question(raised_at=dt.datetime(2026, 10, 5, 10, 0))


def test_returned_articles_each_need_two_thirds_and_the_rest_stand_as_the_president_proposed() -> None:
    out = returned_law(
        kind="ordinary",
        presented_on=D(2026, 10, 1),
        returned_on=D(2026, 10, 20),
        returned_articles=["5", "7"],
        revoted_on=D(2026, 11, 10),
        votes_for={"5": 97, "7": 96},
        as_of=D(2026, 11, 10),
    )
    assert out.result == "partly_overridden"
    stones = {m.code: m for m in out.milestones}
    assert [m.code for m in out.milestones if m.code.startswith("objection")] == [
        "objection_overcome",
        "objection_accepted",
    ]
    assert stones["signature_after_override"].due == D(2026, 12, 10)
    assert dict(out.figures)["revote_due"] == "2026-11-20"


def test_constitutional_law_override_needs_three_quarters_109_of_145() -> None:
    def run(votes: int) -> str:
        return returned_law(
            kind="constitutional",
            presented_on=D(2026, 10, 1),
            returned_on=D(2026, 10, 2),
            revoted_on=D(2026, 10, 30),
            votes_for={"law": votes},
            as_of=D(2026, 10, 30),
        ).result

    assert run(108) == "not_adopted_or_as_proposed"
    assert run(109) == "overridden"


def test_missing_the_month_means_the_objections_are_accepted() -> None:
    out = returned_law(kind="ordinary", presented_on=D(2027, 1, 10), returned_on=D(2027, 1, 31), as_of=D(2027, 3, 1))
    assert dict(out.figures)["revote_due"] == "2027-02-28"
    assert out.result == "not_adopted_or_as_proposed" and codes(out) == ["revote_lapsed"]


def test_signature_month_stops_while_the_court_considers_the_law() -> None:
    late = returned_law(kind="ordinary", presented_on=D(2026, 10, 1), signed_on=D(2026, 11, 5), as_of=D(2026, 11, 5))
    assert late.result == "signed" and codes(late) == ["signature_late"]
    paused = returned_law(
        kind="ordinary", presented_on=D(2026, 10, 1), signed_on=D(2026, 11, 5), court_days=10, as_of=D(2026, 11, 5)
    )
    assert not paused.findings and dict(paused.figures)["signature_due"] == "2026-11-11"


def test_returned_law_refuses_a_vote_on_an_article_not_returned() -> None:
    with pytest.raises(ProcedureError, match="did not return"):
        returned_law(
            kind="ordinary",
            presented_on=D(2026, 10, 1),
            returned_on=D(2026, 10, 2),
            returned_articles=["5"],
            revoted_on=D(2026, 10, 10),
            votes_for={"6": 100},
            as_of=D(2026, 10, 10),
        )


def test_countersignatures_of_the_chair_and_the_prime_minister() -> None:
    out = law_countersignature(countersigned_by=["kurultai_chair"], as_of=D(2026, 10, 1))
    assert out.result == "refused" and codes(out) == ["countersignature_missing"]
    assert out.findings[0].message.render() == "The law lacks the countersignature of the Prime Minister."
    assert (
        law_countersignature(countersigned_by=["kurultai_chair", "prime_minister"], as_of=D(2026, 10, 1)).result
        == "ready_for_signature"
    )
    assert (
        act_countersignature(on_government_initiative=True, countersigned_by_prime_minister=False).result == "refused"
    )
    assert (
        act_countersignature(on_government_initiative=False, countersigned_by_prime_minister=False).result
        == "ready_for_signature"
    )


def test_decrees_with_force_of_law_only_while_the_kurultai_is_absent() -> None:
    sitting = decree_with_force_of_law(issued_on=D(2027, 3, 1), absent_from=None)
    assert sitting.result == "refused" and sitting.findings[0].citation.article == "47(2)"
    dissolved = decree_with_force_of_law(
        issued_on=D(2027, 3, 1), absent_from=D(2027, 2, 1), absent_until=D(2027, 4, 20)
    )
    assert dissolved.result == "allowed"
    after = decree_with_force_of_law(issued_on=D(2027, 4, 20), absent_from=D(2027, 2, 1), absent_until=D(2027, 4, 20))
    assert after.result == "refused"
    transition = decree_with_force_of_law(issued_on=D(2026, 7, 15), absent_from=D(2026, 7, 1))
    assert transition.result == "allowed" and transition.milestones[0].code == "decree_transition"


def test_constitutional_laws_only_on_matters_the_constitution_names() -> None:
    ok = constitutional_law_scope(matters=["state_symbols", "capital_status"], as_of=D(2026, 9, 1))
    assert ok.result == "allowed" and [m.citation.article for m in ok.milestones] == ["11", "2(4)"]
    tax = constitutional_law_scope(matters=["taxation"], as_of=D(2026, 9, 1))
    assert tax.result == "refused" and tax.findings[0].citation.article == "61(3)"
    assert constitutional_law_scope(matters=[], as_of=D(2026, 9, 1)).result == "refused"
