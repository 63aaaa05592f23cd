"""A catalogue of bad inputs against the imports, forms and APIs that exist, each with the error it gets.

The same catalogue, as a table, is in docs/security.md ("Bad inputs"); a case id here is a row id there.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from atazan.accounts.domain.exports import csv_cell
from atazan.elections import services as elections
from atazan.referendum import selectors as ref_selectors
from atazan.referendum import services as referendum
from atazan.referendum.domain.protocol_io import ProtocolFileError, read_csv
from atazan.referendum.domain.register import RegisteredPrecinct
from atazan.referendum.models import ProtocolReview, ProtocolVersion

HEADER = "precinct,unit,registered,took_part,yes,no,invalid,not_counted\n"
GOOD = "Astana,100,50,40,5,5,0"


@pytest.fixture
def question(db):  # type: ignore[no-untyped-def]
    referendum.units_sync()
    # the precincts these rows are for are on the register (a protocol never creates a precinct)
    referendum.register_load(
        precincts=[RegisteredPrecinct(n, "astana", "", 100) for n in ("p1", "p2")], actor="test", source="register"
    )
    return referendum.question_ensure(
        slug="bad-inputs",
        title="Bad inputs (synthetic)",
        voting_date=dt.date(2026, 3, 15),
        kind="constitution",
        text_ru="?",
        synthetic=True,
    )


def _import(question, text: str):  # type: ignore[no-untyped-def]
    parsed = read_csv(text, registry=ref_selectors.registry_for(question))
    return referendum.protocols_import(question=question, parsed=parsed, source="bad-inputs", actor="test")


# --- referendum protocol import ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "row", "rule"),
    [
        ("R4-negative", "P1,Astana,100,50,-5,45,5,5", "negative"),
        ("R5-not-integer", "P1,Astana,100,50,1e3,5,5,0", "not_integer"),
        ("R5-decimal", "P1,Astana,100,50,12.5,5,5,0", "not_integer"),
        ("R7-more-voters-than-registered", "P1,Astana,100,150,140,5,5,0", "took_part_exceeds_registered"),
        ("R7-unbalanced", "P1,Astana,100,50,49,5,5,0", "balance"),
        ("R11-unknown-unit", "P1,Atlantis,100,50,40,5,5,0", "unknown_unit"),
        ("R12-short-row", "P1,Astana,100,50", "malformed_row"),
    ],
)
def test_protocol_rows_breaking_a_rule_go_to_review_with_the_rule(question, case: str, row: str, rule: str) -> None:  # type: ignore[no-untyped-def]
    report = _import(question, HEADER + row + "\n")
    assert report.accepted == 0
    review = ProtocolReview.objects.get(question=question)
    assert review.rule == rule, case


def test_r1_wrong_encoding_is_refused_by_the_cli_with_the_reason(question, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from atazan.referendum.cli import app

    path = tmp_path / "cp1251.csv"
    path.write_bytes((HEADER + "P1,Астана,100,50,40,5,5,0\n").encode("cp1251"))
    result = CliRunner().invoke(app, ["import", str(path), "--question", question.slug])
    assert result.exit_code == 2
    assert "codec can't decode" in result.output
    assert not ProtocolVersion.objects.exists()


def test_r2_a_byte_order_mark_is_accepted(question) -> None:  # type: ignore[no-untyped-def]
    assert _import(question, "\ufeff" + HEADER + "P1," + GOOD + "\n").accepted == 1


def test_r3_a_file_that_is_not_a_protocol_table_names_the_missing_columns() -> None:
    with pytest.raises(ProtocolFileError, match="header lacks column"):
        read_csv("name,votes\nx,1\n")
    with pytest.raises(ProtocolFileError, match="empty"):
        read_csv("")


def test_r8_r9_duplicated_precincts(question) -> None:  # type: ignore[no-untyped-def]
    same = _import(question, HEADER + f"P1,{GOOD}\nP1,{GOOD}\n")
    assert (same.accepted, same.duplicates) == (1, 1)
    conflicting = _import(question, HEADER + f"P2,{GOOD}\nP2,Astana,100,50,41,4,5,0\n")
    assert conflicting.conflicts == 1
    assert ProtocolReview.objects.filter(rule="conflicting_duplicate").count() == 1
    assert ProtocolVersion.objects.filter(precinct__number="p1").count() == 1  # numbers in normal form (lower case)


def test_r10_markup_in_a_precinct_number_is_refused_kept_for_review_and_escaped_there(question, client) -> None:  # type: ignore[no-untyped-def]
    number = "<img src=x onerror=alert(1)>"
    assert _import(question, HEADER + f'"{number}",{GOOD}\n').accepted == 0  # never a precinct: not on the register
    assert set(ProtocolReview.objects.values_list("rule", flat=True)) == {"unregistered_precinct", "precinct_number"}
    page = client.get(f"/referendum/{question.slug}/review/")
    assert page.status_code == 200
    assert number.encode() not in page.content and b"&lt;img src=x onerror=alert(1)&gt;" in page.content


def test_r13_a_precinct_number_with_a_slash_is_refused_with_its_rule(question, client) -> None:  # type: ignore[no-untyped-def]
    report = _import(question, HEADER + f'"<script>alert(1)</script>",{GOOD}\n')
    assert report.accepted == 0
    assert ProtocolReview.objects.filter(question=question, rule="precinct_number").exists()
    assert client.get(f"/referendum/{question.slug}/units/astana/").status_code == 200


def test_r6_absurd_figures_are_refused_as_a_rule(question) -> None:  # type: ignore[no-untyped-def]
    huge = 10**30
    report = _import(question, HEADER + f"P1,Astana,{huge},{huge},{huge},0,0,0\n")
    assert report.accepted == 0
    assert ProtocolReview.objects.filter(question=question, rule="figure_out_of_range").exists()


# --- elections results import and what-if API -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "rows", "rule"),
    [
        ("E1-negative-votes", [{"party": "A", "votes": "-5"}], "cannot be negative"),
        ("E2-duplicated-party", [{"party": "A", "votes": "10"}, {"party": "A", "votes": "12"}], "one list"),
        ("E3-absurd-votes", [{"party": "A", "votes": str(10**30)}], "more votes than"),
        ("E4-not-a-number", [{"party": "<script>", "votes": "1e3"}], "format"),
    ],
)
def test_election_rows_breaking_a_rule_are_kept_as_rejected_rows(db, case: str, rows, rule: str) -> None:  # type: ignore[no-untyped-def]
    election = elections.election_upsert(
        slug="bad", title="Bad inputs (synthetic)", election_day=dt.date(2026, 8, 1), seats=69, took_part=1000
    )
    report = elections.results_import(election=election, rows=rows, source="bad-inputs")
    assert report.rejected and rule in report.rejected[-1].rule, case


@pytest.mark.parametrize(
    ("case", "body", "says"),
    [
        ("E5-negative-seats", {"seats": -3, "took_part": 10, "lists": []}, "seats"),
        (
            "E6-duplicated-party",
            {"seats": 5, "took_part": 100, "lists": [{"party": "A", "votes": 60}, {"party": "A", "votes": 40}]},
            "one list",
        ),
        ("E7-string-for-number", {"seats": "many", "took_part": 100, "lists": []}, "seats"),
    ],
)
def test_what_if_allocation_refuses_bad_bodies(client, case: str, body, says: str) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/api/elections/allocate", json.dumps(body), content_type="application/json")
    # a client error naming the field or rule (the elections API answers 400 or 422 for these)
    assert response.status_code in (400, 422) and says in response.content.decode(), case


def test_e8_a_body_in_another_encoding_is_a_400(client) -> None:  # type: ignore[no-untyped-def]
    body = '{"seats": "ÿ"}'.encode("latin-1")
    assert client.post("/api/elections/allocate", body, content_type="application/json").status_code == 400


# --- legislature API, any API: huge bodies ---------------------------------------------------------------------------


def test_l1_an_impossible_date_is_a_422_naming_the_field(client) -> None:  # type: ignore[no-untyped-def]
    body = {"title": "x", "initiator": "deputy", "date": "99999-10-01"}
    response = client.post("/api/legislature/check", json.dumps(body), content_type="application/json")
    assert response.status_code == 422 and "bill.date" in response.content.decode()


def test_h1_a_body_over_the_upload_limit_is_refused_before_parsing(client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024  # the real limit is 20 MiB; 1 MiB keeps the test light
    response = client.post(
        "/api/legislature/check", b"x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1), content_type="application/json"
    )
    assert response.status_code == 400


# --- texts: search, CSV export ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_t1_a_huge_query_is_cut_not_crashed(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/texts/search/", {"q": "конституция " * 10_000}).status_code == 200


@pytest.mark.django_db
def test_t2_a_nul_byte_in_a_query_is_a_400(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/texts/search/", {"q": "a\x00b"}).status_code == 400


@pytest.mark.parametrize(
    "payload",
    ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"],
)
def test_t3_no_texts_csv_cell_starts_a_formula(monkeypatch: pytest.MonkeyPatch, payload: str) -> None:
    from atazan.texts import comparison

    row = {
        "old": ["1"],
        "new": ["1"],
        "relation": "amended",
        "similarity": 0.5,
        "old_text": payload,
        "new_text": payload,
        "segments": [{"op": "insert", "text": payload}],
    }
    monkeypatch.setattr(comparison, "table_rows", lambda c: [row])
    cells = list(csv.reader(io.StringIO(comparison.table_csv(None))))[1]  # type: ignore[arg-type]
    assert cells[4] == cells[5] == "'" + payload
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


@pytest.mark.parametrize(
    ("value", "cell"),
    [("-5", "-5"), ("+3.25", "+3.25"), ("=1+1", "'=1+1"), ("-1+2", "'-1+2"), (None, ""), ("plain", "plain")],
)
def test_csv_cell(value: object, cell: str) -> None:
    assert csv_cell(value) == cell


# --- accounts -------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("case", "iin", "says"),
    [
        ("A1-fullwidth-digits", "９００３２１３００００３", "12 digits"),
        ("A2-letters", "90032130000X", "12 digits"),
        ("A3-script", "<script>", "12 digits"),
        ("A4-absurd-length", "9" * 10_000, "Ensure this value has at most"),
    ],
)
def test_verification_form_refuses_bad_iins(client, user_with, english, case: str, iin: str, says: str) -> None:  # type: ignore[no-untyped-def]
    client.force_login(user_with(username="verifier"))
    response = client.post("/accounts/verify/", {"iin": iin, "birth_date": "1990-03-21"})
    assert response.status_code == 400 and says in response.content.decode(), case
    assert b"<script>" not in response.content


@pytest.mark.django_db
def test_a5_a_huge_user_name_at_login_is_an_ordinary_failure(client) -> None:  # type: ignore[no-untyped-def]
    assert client.post("/accounts/login/", {"username": "u" * 100_000, "password": "x"}).status_code == 200
