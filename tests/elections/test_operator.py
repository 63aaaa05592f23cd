"""The election operator's pages and the permission matrix in the elections services: only the operator writes,
every write is audited under the operator's name, bad uploads are reported row by row and kept for review."""

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from atazan.accounts.domain.roles import Role
from atazan.accounts.services import PermissionRefused, user_create
from atazan.audit.models import AuditEntry
from atazan.elections import models, services
from atazan.elections.domain.mandates import EndGround

from .factories import CandidateFactory, ElectionFactory, PartyListFactory

pytestmark = pytest.mark.django_db

PASSWORD = "atazan-demo"


def _user(username: str, *roles: Role) -> User:
    return user_create(username=username, password=PASSWORD, roles=list(roles))


@pytest.fixture
def operator_client(client):  # type: ignore[no-untyped-def]
    _user("operator", Role.ELECTION_OPERATOR)
    client.login(username="operator", password=PASSWORD)
    return client


def _seated(seats: int = 3, women: int = 1, men: int = 3) -> tuple[models.Election, list[models.Mandate]]:
    election = ElectionFactory(seats=seats, took_part=1000)
    plist = PartyListFactory(election=election, votes=1000)
    for i in range(men):
        CandidateFactory(party_list=plist, full_name=f"Ахметов {i}")
    for i in range(women):
        CandidateFactory(party_list=plist, gender="female", full_name=f"Яковлева {i}")
    return election, services.mandates_assign(election=election, actor="cec", on_day=date(2026, 9, 15))


# --- the matrix, in the services ----------------------------------------------------------------------------------


WRITES = {
    "results": lambda e, actor: services.results_import(
        election=e, rows=[{"party": "X", "votes": 1, "registration_order": 9}], source="t", actor=actor
    ),
    "candidates": lambda e, actor: services.candidates_import(election=e, rows=[], source="t", actor=actor),
    "election": lambda e, actor: services.election_upsert(
        slug=e.slug, title="changed", election_day=e.election_day, seats=1, took_part=1, actor=actor
    ),
    "allocate": lambda e, actor: services.seats_allocate(election=e, actor=actor),
    "assign": lambda e, actor: services.mandates_assign(election=e, actor=actor, on_day=date(2026, 9, 15)),
    "vacate": lambda e, actor: services.mandate_terminate(
        mandate=e.mandates.first(), ground=EndGround.RESIGNATION, on_day=date(2027, 1, 1), actor=actor
    ),
}


@pytest.mark.parametrize("write", sorted(WRITES))
@pytest.mark.parametrize("role", [None, Role.CITIZEN, Role.KURULTAI_CLERK, Role.ADMINISTRATOR, Role.MODERATOR])
def test_every_write_refuses_anyone_but_the_operator_and_writes_nothing(write: str, role: Role | None) -> None:
    election, _ = _seated()
    user = _user("someone", *([role] if role else []))
    before = (
        AuditEntry.objects.count(),
        models.PartyList.objects.count(),
        models.SeatAllocation.objects.count(),
        models.Mandate.objects.filter(ended__isnull=True).count(),
        models.MandateEvent.objects.count(),
    )
    with pytest.raises(PermissionRefused, match="election_operator"):
        WRITES[write](election, user)
    after = (
        AuditEntry.objects.count(),
        models.PartyList.objects.count(),
        models.SeatAllocation.objects.count(),
        models.Mandate.objects.filter(ended__isnull=True).count(),
        models.MandateEvent.objects.count(),
    )
    assert before == after
    election.refresh_from_db()
    assert election.title != "changed"


def test_the_operator_may_and_is_audited_by_name() -> None:
    election, mandates = _seated()
    operator = _user("op", Role.ELECTION_OPERATOR)
    services.seats_allocate(election=election, actor=operator)
    services.mandate_terminate(mandate=mandates[0], ground=EndGround.DEATH, on_day=date(2027, 1, 1), actor=operator)
    actions = dict(AuditEntry.objects.filter(actor="op").values_list("action", "target"))
    assert set(actions) == {"elections.seats.allocate", "elections.mandate.vacate"}
    # a console actor (a string) is recorded as given
    assert AuditEntry.objects.filter(actor="cec", action="elections.mandate.assign").exists()


# --- pages ----------------------------------------------------------------------------------------------------------


def test_operator_pages_need_the_role(client) -> None:  # type: ignore[no-untyped-def]
    election = ElectionFactory()
    url = f"/elections/{election.slug}/operator/"
    assert client.get(url).status_code == 302  # to the login page
    _user("citizen", Role.CITIZEN)
    client.login(username="citizen", password=PASSWORD)
    assert client.get(url).status_code == 403
    refused = client.post(f"/elections/{election.slug}/operator/allocate/")
    assert refused.status_code == 403 and not models.SeatAllocation.objects.exists()


CSV = b"""party,votes,registration_order
A,600,1
B,300,2
C,-4,3
A,5,4
D,lots,5
"""


def test_upload_reports_bad_rows_by_row_and_rule_and_keeps_them(operator_client, english) -> None:  # type: ignore[no-untyped-def]
    election = ElectionFactory(seats=10, took_part=1000)
    register = [{"party": "A", "registration_order": 1}, {"party": "B", "registration_order": 2}]
    services.lists_register(election=election, rows=register, source="register")
    upload = SimpleUploadedFile("cec.csv", CSV, content_type="text/csv")
    r = operator_client.post(f"/elections/{election.slug}/operator/import/", {"kind": "results", "file": upload})
    body = r.content.decode()
    assert r.status_code == 200
    assert "0 created, 2 updated, 0 unchanged, 3 kept for review." in body
    assert 'data-row="3"' in body and "cannot be negative" in body  # row 3: negative votes, with its rule
    assert 'data-row="4"' in body and "one list in the single nationwide constituency" in body  # duplicate party
    assert 'data-row="5"' in body and "must be a whole number" in body
    kept = models.RejectedRow.objects.filter(election=election).order_by("row_number")
    assert [k.row_number for k in kept] == [3, 4, 5]
    entry = AuditEntry.objects.get(action="elections.results.import")
    assert entry.actor == "operator" and entry.payload["kept_for_review"] == 3
    # the review list on the operator page shows them too
    page = operator_client.get(f"/elections/{election.slug}/operator/").content.decode()
    assert page.count("data-row=") == 3


def test_upload_by_region_and_json_candidates(operator_client, english) -> None:  # type: ignore[no-untyped-def]
    election = ElectionFactory(seats=3, took_part=1000)
    services.lists_register(election=election, rows=[{"party": "A", "registration_order": 1}], source="register")
    services.results_import(election=election, rows=[{"party": "A", "votes": 900, "registration_order": 1}], source="n")
    regions = "party,region,votes\nA,Абай облысы,500\nA,astana,300\nA,Atlantis,10\nA,shymkent,200\n".encode()
    r = operator_client.post(
        f"/elections/{election.slug}/operator/import/",
        {"kind": "results", "file": SimpleUploadedFile("regions.csv", regions)},
    )
    body = r.content.decode()
    assert "2 created" in body and "unknown region" in body and "Art. 92(3)" in body
    assert "cannot add up to more than its national votes" in body  # 500 + 300 + 200 > 900
    assert set(models.RegionResult.objects.values_list("region_code", flat=True)) == {"abai", "astana"}
    people = (
        '[{"party": "A", "key": "A1", "position": 1, "full_name": "Әлиева Гүлнар", "birth_date": "1980-01-01",'
        ' "gender": "female", "resident_since": "1980-01-01"},'
        ' {"party": "A", "key": "A2", "position": 2, "full_name": "Жас", "birth_date": "2005-01-01",'
        ' "gender": "male", "resident_since": "2005-01-01"}]'
    )
    r = operator_client.post(
        f"/elections/{election.slug}/operator/import/",
        {"kind": "candidates", "file": SimpleUploadedFile("lists.json", people.encode())},
    )
    body = r.content.decode()
    assert "1 created" in body and "Art. 54(3)" in body
    assert AuditEntry.objects.filter(action="elections.candidates.import", actor="operator").exists()


def test_upload_in_the_wrong_encoding_is_refused_and_nothing_is_stored(operator_client, english) -> None:  # type: ignore[no-untyped-def]
    election = ElectionFactory()
    bad = "party,votes\nАманат,5\n".encode("cp1251")
    r = operator_client.post(
        f"/elections/{election.slug}/operator/import/", {"kind": "results", "file": SimpleUploadedFile("cec.csv", bad)}
    )
    assert r.status_code == 422 and "not UTF-8" in r.content.decode()
    assert not models.PartyList.objects.filter(election=election).exists()
    # htmx gets a 200 so that it swaps the refusal in
    r = operator_client.post(
        f"/elections/{election.slug}/operator/import/",
        {"kind": "results", "file": SimpleUploadedFile("cec.csv", bad)},
        HTTP_HX_REQUEST="true",
    )
    assert r.status_code == 200 and 'data-testid="refusal"' in r.content.decode()


def test_allocate_and_assign_through_the_page(operator_client, english) -> None:  # type: ignore[no-untyped-def]
    election = ElectionFactory(seats=3, took_part=1000)
    plist = PartyListFactory(election=election, votes=900)
    for i in range(4):
        CandidateFactory(party_list=plist, gender="female" if i == 0 else "male")
    r = operator_client.post(f"/elections/{election.slug}/operator/allocate/")
    assert r.status_code == 200 and f"{plist.party} 3" in r.content.decode()
    r = operator_client.post(f"/elections/{election.slug}/operator/assign/", {"on": "2026-09-15"})
    assert "3 mandates registered." in r.content.decode()
    assert election.mandates.count() == 3
    r = operator_client.post(f"/elections/{election.slug}/operator/assign/", {"on": "15.09.2026"})
    assert r.status_code == 422 and "YYYY-MM-DD" in r.content.decode()


def test_terminate_shows_the_successor_and_the_results_page_lists_them(operator_client, english) -> None:  # type: ignore[no-untyped-def]
    election, mandates = _seated(seats=3, women=2, men=3)
    woman = next(m for m in mandates if m.candidate.gender == "female")
    r = operator_client.post(
        f"/elections/{election.slug}/operator/terminate/",
        {"mandate": woman.pk, "ground": "left-party", "on": "2027-01-20"},
    )
    body = r.content.decode()
    successor = models.Mandate.objects.get(predecessor=woman)
    assert successor.candidate.gender == "female"  # the 30% rule: 1 of 3 must stay with the groups
    assert f"The seat passes to {successor.candidate.full_name}" in body
    assert "Art. 55(4) 4)" in body
    entry = AuditEntry.objects.get(action="elections.mandate.vacate")
    assert entry.actor == "operator" and entry.payload["successor"] == successor.candidate.key
    page = operator_client.get(election.get_absolute_url()).content.decode()
    deputies = page.split('id="deputies-h"')[1].split("</section>")[0]
    assert successor.candidate.full_name in deputies and woman.candidate.full_name not in deputies
    # the same mandate cannot end twice; a date before it started is refused
    again = operator_client.post(
        f"/elections/{election.slug}/operator/terminate/", {"mandate": woman.pk, "ground": "death", "on": "2027-02-01"}
    )
    assert again.status_code == 422 and "already ended" in again.content.decode()
    early = operator_client.post(
        f"/elections/{election.slug}/operator/terminate/",
        {"mandate": successor.pk, "ground": "death", "on": "2020-01-01"},
    )
    assert early.status_code == 422 and "cannot end on 2020-01-01" in early.content.decode()


def test_terminate_on_an_exhausted_list_leaves_the_seat_vacant(operator_client, english) -> None:  # type: ignore[no-untyped-def]
    election, mandates = _seated(seats=3, women=1, men=2)
    r = operator_client.post(
        f"/elections/{election.slug}/operator/terminate/",
        {"mandate": mandates[0].pk, "ground": "conviction", "on": "2027-02-02"},
    )
    body = r.content.decode()
    assert 'data-testid="vacant"' in body and "stays vacant until the next election" in body
    assert election.mandates.filter(ended__isnull=True).count() == 2


def test_terminate_with_a_nominee_breaking_the_30_per_cent_rule_is_refused(operator_client, english) -> None:  # type: ignore[no-untyped-def]
    election, mandates = _seated(seats=3, women=2, men=3)
    woman = next(m for m in mandates if m.candidate.gender == "female")
    taken = {m.candidate_id for m in mandates}
    man = models.Candidate.objects.filter(party_list=woman.party_list, gender="male").exclude(pk__in=taken).first()
    r = operator_client.post(
        f"/elections/{election.slug}/operator/terminate/",
        {"mandate": woman.pk, "ground": "resignation", "on": "2027-01-01", "nominee": man.key},
    )
    assert r.status_code == 422 and "30% rule" in r.content.decode()
    woman.refresh_from_db()
    assert woman.ended is None and not AuditEntry.objects.filter(action="elections.mandate.vacate").exists()


def test_the_operator_closes_a_review_on_the_page_and_the_result_is_complete_again(operator_client, english) -> None:  # type: ignore[no-untyped-def]
    election = ElectionFactory(seats=10, took_part=1000)
    services.lists_register(election=election, rows=[{"party": "A", "registration_order": 1}], source="register")
    services.results_import(election=election, rows=[{"party": "A", "votes": 600}, {"party": "AA", "votes": 5}],
                            source="cec.csv")  # fmt: skip
    row = models.RejectedRow.objects.get(election=election)
    assert operator_client.get(f"/api/elections/{election.slug}").json()["complete"] is False
    page = operator_client.get(f"/elections/{election.slug}/operator/").content.decode()
    assert f"/operator/review/{row.pk}/" in page and "Close review" in page
    url = f"/elections/{election.slug}/operator/review/{row.pk}/"
    refused = operator_client.post(url, {"note": "  "})
    assert refused.status_code == 422 and "say what was done" in refused.content.decode()
    done = operator_client.post(url, {"note": "typo of A; the votes were entered under A"}, HTTP_HX_REQUEST="true")
    assert done.status_code == 200 and "Review of row 2 of cec.csv closed." in done.content.decode()
    row.refresh_from_db()
    assert row.reviewed_by == "operator" and row.review_note.startswith("typo of A")
    assert AuditEntry.objects.filter(action="elections.review.close", actor="operator").exists()
    assert operator_client.get(f"/api/elections/{election.slug}").json()["complete"] is True
    assert operator_client.post(url, {"note": "again"}).status_code == 404  # closed: no longer waiting
