"""Imports, seat allocation, mandates and vacancies against the database, each official act in the audit chain."""

from datetime import date

import pytest

from atazan.audit.models import AuditEntry
from atazan.elections import models, services
from atazan.elections.domain.errors import MandateRuleError
from atazan.elections.domain.mandates import EndGround

from .factories import CandidateFactory, ElectionFactory, PartyListFactory

pytestmark = pytest.mark.django_db

MAJILIS_CSV = """party,votes,registration_order
AMANAT,3431510,1
Auyl,693938,2
Respublica,547154,3
Ak Zhol,535139,4
People's Party,432920,5
OSDP,331058,6
Baitaq,146431,7
Broken,-5,8
Auyl,1,9
Nobody,lots,10
"""


def test_results_import_keeps_bad_rows_for_review_and_is_idempotent() -> None:
    election = ElectionFactory(seats=69, took_part=6366441)
    rows = services.rows_from_text(MAJILIS_CSV, fmt="csv")
    services.lists_register(election=election, rows=rows[:7], source="register")
    first = services.results_import(election=election, rows=rows, source="cec.csv")
    assert (first.updated, len(first.rejected)) == (7, 3)
    rules = {r.record: r.rule for r in models.RejectedRow.objects.filter(election=election)}
    assert any("cannot be negative" in rule for rule in rules.values())
    assert any("one list" in rule for rule in rules.values())  # duplicate party
    again = services.results_import(election=election, rows=rows, source="cec.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 7)
    assert models.RejectedRow.objects.filter(election=election).count() == 3
    assert models.PartyList.objects.filter(election=election).count() == 7


def test_seats_allocation_reproduces_2023_and_is_audited() -> None:
    election = ElectionFactory(seats=69, took_part=6366441)
    rows = services.rows_from_text(MAJILIS_CSV, fmt="csv")
    services.lists_register(election=election, rows=rows[:7], source="register")
    services.results_import(election=election, rows=rows, source="x")
    row = services.seats_allocate(election=election, actor="cec")
    assert row.seats["AMANAT"] == 40 and row.seats["OSDP"] == 4 and row.seats["Baitaq"] == 0
    assert row.quota == "1990573/23"
    entry = AuditEntry.objects.filter(action="elections.seats.allocate").get()
    assert entry.payload["seats"]["Auyl"] == 8 and entry.actor == "cec"


def test_json_import_of_lists_and_candidates_refuses_ineligible_candidates() -> None:
    election = ElectionFactory(seats=3, took_part=1000)
    register = [{"party": "A", "registration_order": 1}, {"party": "B", "registration_order": 2}]
    services.lists_register(election=election, rows=register, source="register")
    services.results_import(
        election=election,
        rows=services.rows_from_text(
            '{"lists": [{"party": "A", "votes": 700}, {"party": "B", "votes": 300}]}', fmt="json"
        ),  # fmt: skip
        source="lists.json",
    )
    text = """[
      {"party": "A", "key": "A1", "position": 1, "full_name": "Әлиев Ерлан", "birth_date": "1970-01-01",
       "gender": "male", "resident_since": "1970-01-01"},
      {"party": "A", "key": "A2", "position": 2, "full_name": "Жас Адам", "birth_date": "2004-01-01",
       "gender": "male", "resident_since": "2004-01-01"},
      {"party": "Z", "key": "Z1", "position": 1, "full_name": "X", "birth_date": "1970-01-01", "gender": "male"}
    ]"""
    report = services.candidates_import(election=election, rows=services.rows_from_text(text, fmt="json"), source="c")
    assert report.created == 1 and len(report.rejected) == 2
    young = models.RejectedRow.objects.get(election=election, row_number=2)
    assert "Art. 54(3)" in young.rule and "22 years old" in young.error


def _party_with_candidates(election: models.Election, *, seats_votes: int, women: int, men: int) -> models.PartyList:
    plist = PartyListFactory(election=election, votes=seats_votes)
    for _ in range(men):
        CandidateFactory(party_list=plist)
    for _ in range(women):
        CandidateFactory(party_list=plist, gender="female", full_name=f"Яковлева {plist.pk}-{_}")
    return plist


def test_mandates_follow_cec_alphabetical_order_and_vacancy_keeps_30_per_cent() -> None:
    election = ElectionFactory(seats=10, took_part=1000)
    plist = _party_with_candidates(election, seats_votes=1000, women=4, men=10)
    mandates = services.mandates_assign(election=election, actor="cec", on_day=date(2026, 9, 15))
    assert len(mandates) == 10
    women = [m for m in mandates if m.candidate.gender == "female"]
    assert len(women) == 3  # the CEC passed over men so that 30% of 10 mandates go to women
    # A woman resigns; the next men on the list would leave 2 of 10: the remaining woman takes the seat.
    leaving = women[0]
    successor = services.mandate_terminate(mandate=leaving, ground=EndGround.RESIGNATION, on_day=date(2027, 1, 1),
                                           actor="cec")  # fmt: skip
    assert successor is not None and successor.candidate.gender == "female"
    leaving.refresh_from_db()
    assert leaving.ended == date(2027, 1, 1) and leaving.end_ground == "resignation"
    kinds = list(plist.mandate_events.values_list("kind", flat=True))
    assert kinds.count("ended") == 1 and kinds.count("transferred") == 1
    entry = AuditEntry.objects.filter(action="elections.mandate.vacate").get()
    assert entry.payload["ground"] == "resignation" and entry.payload["successor"] == successor.candidate.key


def test_exhausted_list_leaves_the_seat_vacant() -> None:
    election = ElectionFactory(seats=3, took_part=1000)
    _party_with_candidates(election, seats_votes=1000, women=1, men=2)
    mandates = services.mandates_assign(election=election, actor="cec", on_day=date(2026, 9, 15))
    assert services.mandate_terminate(mandate=mandates[0], ground=EndGround.CONVICTION, on_day=date(2027, 2, 2),
                                      actor="cec") is None  # fmt: skip
    vacant = models.MandateEvent.objects.get(election=election, kind="vacant")
    assert "97-1(6), second paragraph" in vacant.ref


def test_nominee_breaking_30_per_cent_is_refused_and_nothing_changes() -> None:
    election = ElectionFactory(seats=10, took_part=1000)
    plist = _party_with_candidates(election, seats_votes=1000, women=4, men=10)
    mandates = services.mandates_assign(election=election, actor="cec", on_day=date(2026, 9, 15))
    woman = next(m for m in mandates if m.candidate.gender == "female")
    taken = {m.candidate_id for m in mandates}
    man_left = plist.candidates.filter(gender="male").exclude(pk__in=taken).first()
    with pytest.raises(MandateRuleError):
        services.mandate_terminate(mandate=woman, ground=EndGround.LEFT_PARTY, on_day=date(2027, 1, 1), actor="x",
                                   nominee=man_left.key)  # fmt: skip
    woman.refresh_from_db()
    assert woman.ended is None
    assert not models.MandateEvent.objects.filter(kind="ended").exists()
