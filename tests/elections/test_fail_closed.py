"""Imports fail closed: every row bound to the election's register of lists, exit codes that say how much was taken,
no traceback, and results that say they are provisional while refused rows wait for review."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from atazan.audit.models import AuditEntry
from atazan.elections import models
from atazan.elections.cli import app

from .factories import ElectionFactory

pytestmark = pytest.mark.django_db

REGISTER = "party,registration_order\nAMANAT,1\nAuyl,2\n"
GOOD = "party,votes\nAMANAT,600\nAuyl,300\n"
CANDIDATE = {"key": "1", "position": 1, "full_name": "Әлиева Гүлнар", "birth_date": "1980-01-01",
             "gender": "female", "resident_since": "1980-01-01"}  # fmt: skip


def _file(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _run(*args: str):  # type: ignore[no-untyped-def]
    out = CliRunner().invoke(app, list(args))
    assert out.exception is None or isinstance(out.exception, SystemExit), out.exception  # never a traceback
    return out


@pytest.fixture
def election(tmp_path: Path) -> models.Election:
    e = ElectionFactory(seats=10, took_part=1000)
    assert _run("register-lists", e.slug, str(_file(tmp_path, "register.csv", REGISTER))).exit_code == 0
    return e


def test_exit_0_when_every_row_is_taken_and_a_rerun_changes_nothing(tmp_path: Path, election) -> None:  # type: ignore[no-untyped-def]
    src = _file(tmp_path, "results.csv", GOOD)
    assert _run("import-results", election.slug, str(src)).exit_code == 0
    entries = AuditEntry.objects.count()
    again = _run("import-results", election.slug, str(src))
    assert again.exit_code == 0 and "created 0, updated 0, unchanged 2, rejected 0" in again.output
    assert AuditEntry.objects.count() == entries


def test_a_party_not_on_the_register_is_refused_kept_and_never_created(tmp_path: Path, election) -> None:  # type: ignore[no-untyped-def]
    # "AMANT" is a typing slip for AMANAT; "amanat" differs in case: neither may become a list of its own
    src = _file(tmp_path, "results.csv", GOOD + "AMANT,50\namanat,20\n<img src=x onerror=alert(7)>,1\n")
    out = _run("import-results", election.slug, str(src))
    assert out.exit_code == 1
    assert "is not a list registered for this election" in out.output and "incomplete" in out.output
    assert set(models.PartyList.objects.filter(election=election).values_list("party", flat=True)) == {"AMANAT", "Auyl"}
    kept = models.RejectedRow.objects.filter(election=election, import_kind="results")
    assert kept.count() == 3 and all("registered for this election" in k.rule for k in kept)


def test_candidates_of_an_unknown_party_and_unknown_regions_are_refused(tmp_path: Path, election) -> None:  # type: ignore[no-untyped-def]
    people = [{**CANDIDATE, "party": "AMANAT"}, {**CANDIDATE, "key": "2", "party": "Nur Otan"}]
    out = _run("import-candidates", election.slug, str(_file(tmp_path, "c.json", json.dumps(people))))
    assert out.exit_code == 1 and "'Nur Otan' is not a list registered" not in out.output
    assert "Nur Otan is not a list registered for this election" in out.output
    assert models.Candidate.objects.filter(party_list__election=election).count() == 1
    _run("import-results", election.slug, str(_file(tmp_path, "r.csv", GOOD)))
    regions = "party,region,votes\nAMANAT,astana,100\nAMANAT,Atlantis,10\n"
    out = _run("import-results", election.slug, str(_file(tmp_path, "regions.csv", regions)))
    assert out.exit_code == 1 and "unknown region 'Atlantis'" in out.output
    assert list(models.RegionResult.objects.values_list("region_code", flat=True)) == ["astana"]


def test_a_register_row_never_changes_a_list_s_registration_order(tmp_path: Path, election) -> None:  # type: ignore[no-untyped-def]
    out = _run("register-lists", election.slug, str(_file(tmp_path, "r2.csv", "party,registration_order\nAuyl,1\n")))
    assert out.exit_code == 1 and "registered with order 2, not 1" in out.output
    assert models.PartyList.objects.get(election=election, party="Auyl").registration_order == 2
    out = _run("import-results", election.slug, str(_file(tmp_path, "r.csv", "party,votes,registration_order\n"
                                                                           "AMANAT,600,2\n")))  # fmt: skip
    assert out.exit_code == 1 and "Art. 97-1(4)" in out.output


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("cp1251.csv", "party,votes\nАманат,5\n".encode("cp1251"), "not UTF-8"),
        ("deep.json", "[" * 50_000 + "]" * 50_000, "nests more than 16 levels"),
        ("broken.json", '[{"party": "AMANAT", "votes": 5', "not valid JSON"),
        ("no-votes.csv", "party,stimmen\nAMANAT,5\n", "no column votes"),
        ("header-only.csv", "party,votes\n", "no rows"),
        ("empty.json", "[]", "no rows"),
    ],
)
def test_an_unreadable_file_exits_2_naming_the_file_and_the_rule(tmp_path: Path, election, name, content, says) -> None:  # type: ignore[no-untyped-def]
    out = _run("import-results", election.slug, str(_file(tmp_path, name, content)))
    assert out.exit_code == 2 and says in out.output and name in out.output
    assert not models.RejectedRow.objects.exists()


def test_a_missing_file_exits_2(tmp_path: Path, election) -> None:  # type: ignore[no-untyped-def]
    assert _run("import-candidates", election.slug, str(tmp_path / "nope.csv")).exit_code == 2


def test_bad_text_and_absurd_numbers_are_refused_rows_not_tracebacks(tmp_path: Path, election) -> None:  # type: ignore[no-untyped-def]
    people = [
        {**CANDIDATE, "party": "AMANAT", "full_name": "Ә" * 100_000},
        {**CANDIDATE, "party": "AMANAT", "key": "2", "full_name": "Nul\x00l"},
        {**CANDIDATE, "party": "AMANAT", "key": "3", "position": 10**12},
        {**CANDIDATE, "party": "AMANAT", "key": "\u202e4", "full_name": "Right\u202eto left"},
    ]
    out = _run("import-candidates", election.slug, str(_file(tmp_path, "c.json", json.dumps(people))))
    assert out.exit_code == 1
    assert "at most 200 characters, got 100000" in out.output and "NUL bytes" in out.output
    assert "at most 10000" in out.output
    stored = models.Candidate.objects.get(party_list__election=election)
    assert (stored.key, stored.full_name) == ("4", "Rightto left")  # bidi controls removed, the rest kept
    nul = models.RejectedRow.objects.get(election=election, row_number=2)
    assert "\x00" not in json.dumps(nul.raw) and "\\u0000" in nul.raw["full_name"] and len(nul.record) <= 200


def test_a_result_with_rows_waiting_for_review_says_it_is_provisional(tmp_path: Path, election, client) -> None:  # type: ignore[no-untyped-def]
    _run("import-results", election.slug, str(_file(tmp_path, "r.csv", GOOD + "AMANT,50\n")))
    seats = _run("seats", election.slug)
    payload = json.loads(seats.stdout)
    assert seats.exit_code == 1 and payload["complete"] is False and payload["kept_for_review"] == 1
    assert AuditEntry.objects.filter(action="elections.seats.allocate").last().payload["complete"] is False
    api = client.get(f"/api/elections/{election.slug}").json()
    assert api["complete"] is False and api["kept_for_review"] == 1
    page = client.get(f"/elections/{election.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-testid="provisional"' in page and "Provisional: 1 imported row was refused" in page
    ru = client.get(f"/elections/{election.slug}/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Предварительно" in ru
    assert client.get(f"/elections/{election.slug}/nist.json").json()["Status"] == "unofficial-partial"
    # the operator closes the review, saying what was done: the result is complete again
    row = models.RejectedRow.objects.get(election=election)
    assert _run("review", election.slug, "--close", str(row.pk)).exit_code == 2  # a note is required
    closed = _run("review", election.slug, "--close", str(row.pk), "--note", "typo of AMANAT; votes re-entered")
    assert closed.exit_code == 0 and "the results are complete" in closed.output
    assert AuditEntry.objects.filter(action="elections.review.close").exists()
    again = _run("seats", election.slug)
    assert again.exit_code == 0 and json.loads(again.stdout)["complete"] is True
    assert client.get(f"/api/elections/{election.slug}").json()["complete"] is True
    assert 'data-testid="provisional"' not in client.get(f"/elections/{election.slug}/").content.decode()


def test_a_refused_candidate_waits_for_review_but_does_not_make_the_seats_provisional(tmp_path: Path, election) -> None:  # type: ignore[no-untyped-def]
    _run("import-results", election.slug, str(_file(tmp_path, "r.csv", GOOD)))
    young = [{**CANDIDATE, "party": "AMANAT", "birth_date": "2005-01-01", "resident_since": "2005-01-01"}]
    assert _run("import-candidates", election.slug, str(_file(tmp_path, "c.json", json.dumps(young)))).exit_code == 1
    seats = _run("seats", election.slug)
    assert seats.exit_code == 0 and json.loads(seats.stdout)["complete"] is True
    assert "1 waiting for review; the results are complete" in _run("review", election.slug).output
