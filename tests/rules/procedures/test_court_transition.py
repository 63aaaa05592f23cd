"""The Court's requests (46(11), 73), the transition (95, 52(2), 58(2)) and Parliament's amendments in 1995 (53(1))."""

from __future__ import annotations

import datetime as dt

from atazan.rules.domain.procedures.amendment_1995 import parliament_amendment
from atazan.rules.domain.procedures.court import amendment_opinion_request, law_referral
from atazan.rules.domain.procedures.transition import legislature_on, transition

D = dt.date


def codes(outcome) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.code for f in outcome.findings]


def test_only_the_president_asks_for_the_article_93_opinion() -> None:
    assert amendment_opinion_request(requester="president", as_of=D(2026, 9, 1)).result == "allowed"
    assert amendment_opinion_request(requester="acting_president", as_of=D(2026, 9, 1)).result == "allowed"
    for other in ("kurultai_chair", "prime_minister", "deputies", "government", "peoples_council"):
        out = amendment_opinion_request(requester=other, as_of=D(2026, 9, 1))
        assert codes(out) == ["amendment_opinion_requester"] and out.findings[0].citation.article == "46(11)"


def test_law_referral_by_a_fifth_of_all_deputies() -> None:
    assert law_referral(requester="deputies", deputies=28, as_of=D(2026, 9, 1)).result == "refused"
    assert law_referral(requester="deputies", deputies=29, as_of=D(2026, 9, 1)).result == "allowed"
    assert law_referral(requester="prime_minister", as_of=D(2026, 9, 1)).result == "allowed"
    assert law_referral(requester="prosecutor_general", as_of=D(2026, 9, 1)).result == "refused"


def test_legislature_across_the_boundary_day() -> None:
    assert legislature_on(D(2026, 6, 30), first_session_on=D(2026, 9, 28)) == "parliament"
    assert legislature_on(D(2026, 7, 1), first_session_on=D(2026, 9, 28)) == "none"
    assert legislature_on(D(2026, 9, 27), first_session_on=D(2026, 9, 28)) == "none"
    assert legislature_on(D(2026, 9, 28), first_session_on=D(2026, 9, 28)) == "kurultai"


def test_transition_deadlines_on_real_dates() -> None:
    out = transition(
        as_of=D(2026, 12, 1),
        election_called_on=D(2026, 7, 20),
        election_day=D(2026, 8, 30),
        results_published_on=D(2026, 9, 4),
        first_session_on=D(2026, 10, 5),
        appointed_on={"vice_president": D(2026, 11, 1), "state_officers": D(2026, 8, 25)},
    )
    due = {m.code: m.due for m in out.milestones}
    assert due["election_called"] == D(2026, 8, 1) and due["election_held"] == D(2026, 9, 1)
    assert due["first_session"] == D(2026, 10, 4) and due["vice_president"] == D(2026, 12, 5)
    assert due["state_officers"] == D(2026, 9, 1)
    assert codes(out) == ["first_session_late"]
    assert out.result == "legislature_kurultai"
    later = transition(as_of=D(2026, 12, 6), first_session_on=D(2026, 10, 5), results_published_on=D(2026, 9, 4))
    assert {"constitutional_court_late", "vice_president_late", "election_called_late"} <= set(codes(later))


def _amend(**kw):  # type: ignore[no-untyped-def]
    base = {
        "proposed_by": "president",
        "as_of": D(2026, 6, 30),
        "senate_votes": 38,
        "senate_total": 50,
        "majilis_votes": 74,
        "majilis_total": 98,
        "court_opinion": True,
    }
    base.update(kw)
    return parliament_amendment(**base)


def test_1995_parliament_amends_only_on_the_presidents_proposal_by_three_quarters() -> None:
    ok = _amend()
    assert ok.result == "adopted" and dict(ok.figures) == {"senate_minimum": "38", "majilis_minimum": "74"}
    assert _amend(majilis_votes=73).result == "refused"
    other = _amend(proposed_by="government")
    assert codes(other) == ["amendment_proposer"] and other.findings[0].citation.constitution == "1995"
    assert other.findings[0].citation.article == "53(1)"


def test_1995_four_fifths_after_the_president_refuses_a_referendum_and_none_from_1_july_2026() -> None:
    four_fifths = _amend(
        proposed_by="parliament", president_rejected_referendum=True, senate_votes=40, majilis_votes=79
    )
    assert four_fifths.result == "adopted"
    assert (
        _amend(proposed_by="parliament", president_rejected_referendum=True, senate_votes=40, majilis_votes=78).result
        == "refused"
    )
    after = _amend(as_of=D(2026, 7, 1))
    assert codes(after) == ["amendment_by_referendum"] and after.findings[0].citation.article == "92(1)"
    assert _amend(court_opinion=False).result == "refused"
