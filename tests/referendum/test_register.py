"""The precinct register is the source of truth: a protocol is counted only for a precinct on it, under its number
after one normalisation (trim, case), never creating one; refusals keep the protocol in the review queue with the
rule, through every import, the operator's page and the API. Every result says how final it is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from atazan.accounts.domain.roles import Role
from atazan.accounts.services import user_create
from atazan.audit.models import AuditEntry
from atazan.referendum import selectors, services
from atazan.referendum.cli import app
from atazan.referendum.domain.integrity import bundle_verify
from atazan.referendum.domain.protocol_io import read_csv
from atazan.referendum.domain.register import register_from_protocols
from atazan.referendum.models import Precinct, ProtocolReview, ProtocolVersion

from . import factories

pytestmark = pytest.mark.django_db
runner = CliRunner()
HEADER = "precinct,unit,district,registered,took_part,yes,no,invalid,not_counted\n"
REGISTER = (
    "precinct,unit,district,registered,address\n"
    "abai-0003,Abai Region,Model district 01 of Abai Region,1000,School 3\n"
    "abai-0004,Abai Region,Model district 01 of Abai Region,1000,School 4\n"
    "astana-0001,Astana,,900,School 1\n"
)


@pytest.fixture
def q(tmp_path: Path):  # type: ignore[no-untyped-def]
    question = factories.question()
    path = tmp_path / "register.csv"
    path.write_text(REGISTER, encoding="utf-8")
    loaded = runner.invoke(app, ["register", str(path)])
    assert loaded.exit_code == 0, loaded.output
    return question


def _import(tmp_path: Path, q, text: str, name: str = "day.csv"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return runner.invoke(app, ["import", str(path), "--question", q.slug])


def test_typos_of_registered_precincts_never_create_precincts_nor_count(q, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = HEADER + "ABAI-0003,Abai Region,,1000,600,500,80,10,10\nabai-004,Abai Region,,1000,600,500,80,10,10\n"
    result = _import(tmp_path, q, text)
    assert result.exit_code == 1  # one protocol refused
    assert sorted(Precinct.objects.values_list("number", flat=True)) == ["abai-0003", "abai-0004", "astana-0001"]
    counted = selectors.result_for(q)
    assert counted.totals.registered == 1000 and counted.totals.precincts == 1  # ABAI-0003 is abai-0003
    assert ProtocolVersion.objects.get().precinct.number == "abai-0003"
    review = ProtocolReview.objects.get()
    assert (review.precinct_number, review.rule) == ("abai-004", "unregistered_precinct")
    assert "not on the precinct register" in review.message and review.source == "day.csv:3"
    again = _import(tmp_path, q, text)  # idempotent: nothing new stored, the refusal not repeated
    assert again.exit_code == 1 and ProtocolReview.objects.count() == 1 and ProtocolVersion.objects.count() == 1


def test_markup_as_a_precinct_number_is_refused_and_kept_for_review(q, tmp_path: Path, client) -> None:  # type: ignore[no-untyped-def]
    number = "<img src=x onerror=alert(7)>"
    result = _import(tmp_path, q, HEADER + f'"{number}",Astana,,100,60,50,5,5,0\n')
    assert result.exit_code == 1
    assert not Precinct.objects.filter(number__contains="<").exists()
    assert selectors.result_for(q).totals.precincts == 0
    assert set(ProtocolReview.objects.values_list("rule", flat=True)) == {"unregistered_precinct", "precinct_number"}
    page = client.get(f"/referendum/{q.slug}/review/").content.decode()
    assert number not in page and "&lt;img src=x onerror=alert(7)&gt;" in page


def test_more_entitled_voters_than_the_register_lists_is_refused(q, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = _import(tmp_path, q, HEADER + "astana-0001,Astana,,901,600,500,80,10,10\n")
    assert result.exit_code == 1
    review = ProtocolReview.objects.get()
    assert review.rule == "exceeds_register" and "the register lists 900" in review.message
    assert selectors.result_for(q).totals.precincts == 0
    with pytest.raises(ValueError, match="no accepted protocol"):  # nothing to correct either
        services.protocol_correct(
            question=q, protocol=factories.protocol("astana-0001", registered=900, district=""), reason="r", author="t"
        )


def test_the_operator_page_and_the_api_send_a_made_up_precinct_to_review(q, client) -> None:  # type: ignore[no-untyped-def]
    user = user_create(username="operator", password="a-long-password-1", roles=[Role.ELECTION_OPERATOR])
    client.force_login(user)
    form = {"precinct": "made-up-1", "unit": "astana", "district": "", "registered": "100", "took_part": "60"}
    form |= {"yes": "50", "no": "5", "invalid": "5", "not_counted": "0"}
    page = client.post(f"/referendum/{q.slug}/operator/protocol/", form).content.decode()
    assert 'data-rule="unregistered_precinct"' in page and 'data-testid="accepted">0<' in page
    api = client.post(
        f"/api/referendum/questions/{q.slug}/protocols",
        {**{k: v for k, v in form.items() if k != "district"}, "precinct": "made-up-2", "unit": "Astana"},
        content_type="application/json",
    ).json()
    assert api["accepted"] == 0 and [r["rule"] for r in api["rejected"]] == ["unregistered_precinct"]
    assert selectors.result_for(q).totals.precincts == 0 and not ProtocolVersion.objects.exists()
    assert set(ProtocolReview.objects.values_list("precinct_number", "rule")) == {
        ("made-up-1", "unregistered_precinct"),
        ("made-up-2", "unregistered_precinct"),
    }
    body = client.get(f"/api/referendum/questions/{q.slug}/result").json()
    assert body["complete"] is False and body["protocols_in_review"] == 2
    assert (body["precincts_reported"], body["precincts_registered"]) == (0, 3)


def test_the_register_command_is_idempotent_and_refuses_what_it_cannot_take(q, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "again.csv"
    path.write_text(REGISTER, encoding="utf-8")
    again = runner.invoke(app, ["register", str(path)])
    assert again.exit_code == 0 and "created 0, updated 0, unchanged 3, refused 0" in again.output
    assert AuditEntry.objects.filter(action="referendum.register.load").count() == 1
    path.write_text(REGISTER + "bad/1,Astana,,10,\nabai-0005,Atlantis,,10,\nabai-0006,Abai Region,,ten,\n")
    some = runner.invoke(app, ["register", str(path)])
    assert some.exit_code == 1 and "refused 3" in some.output and Precinct.objects.count() == 3
    path.write_text("precinct,unit,district,registered\n", encoding="utf-8")
    assert runner.invoke(app, ["register", str(path)]).exit_code == 2
    # each list is a possible figure; together they list more citizens than the Republic has
    path.write_text(
        "precinct,unit,district,registered\n" + "".join(f"z-{i},Astana,,5000000\n" for i in range(3)), encoding="utf-8"
    )
    whole = runner.invoke(app, ["register", str(path)])
    assert whole.exit_code == 1 and "electorate_bound" in whole.output
    assert not Precinct.objects.filter(number="z-1").exists()  # refused as a whole: nothing stored
    path.write_text("precinct,unit,district,registered\nz-1,Astana,\u202egro.live,10\n", encoding="utf-8")
    bidi = runner.invoke(app, ["register", str(path)])
    assert bidi.exit_code == 1 and "malformed_row" in bidi.output


def test_imports_and_lists_exit_2_on_files_that_cannot_be_read_never_a_traceback(q, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cp1251 = tmp_path / "cp1251.csv"
    cp1251.write_bytes((HEADER + "astana-0001,Астана,,100,60,50,5,5,0\n").encode("cp1251"))
    binary = tmp_path / "binary.csv"
    binary.write_bytes(HEADER.encode() + bytes(range(256)) * 8)
    nul = tmp_path / "nul.csv"
    nul.write_bytes(HEADER.encode() + b"astana-0001,Astana,\x00,1,1,1,0,0,0\n")
    header_only = tmp_path / "header.csv"
    header_only.write_text(HEADER, encoding="utf-8")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    for command in (["import", "--question", q.slug], ["electorate", "--question", q.slug], ["register"]):
        for path in (cp1251, binary, nul, tmp_path, tmp_path / "missing.csv", header_only, deep):
            result = runner.invoke(app, [*command, str(path)])
            assert result.exit_code == 2, (command, path.name, result.output)
            assert isinstance(result.exception, SystemExit), (command, path.name, result.exception)
    assert "UTF-8" in runner.invoke(app, ["import", str(cp1251), "--question", q.slug]).output
    assert not ProtocolVersion.objects.exists() and not ProtocolReview.objects.exists()


def test_the_electorate_list_of_an_unregistered_precinct_is_refused(q, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "lists.csv"
    path.write_text(
        "precinct,unit,voters,published_on,source\nASTANA-0001,Astana,880,2026-03-01,list\nx-9,Astana,10,2026-03-01,list\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["electorate", str(path), "--question", q.slug])
    assert result.exit_code == 1 and "x-9 is not on the precinct register" in result.output
    assert not Precinct.objects.filter(number="x-9").exists()


def test_the_register_cannot_shrink_below_or_move_a_counted_precinct(q) -> None:  # type: ignore[no-untyped-def]
    services.protocols_import(
        question=q, parsed=read_csv(HEADER + "astana-0001,Astana,,900,600,500,80,10,10\n"), source="f", actor="t"
    )
    shrunk = factories.protocol("astana-0001", registered=899, district="")
    moved = factories.protocol("astana-0001", "almaty", registered=900, district="")
    for protocol, rule in ((shrunk, "exceeds_register"), (moved, "register_unit")):
        report = services.register_load(precincts=register_from_protocols([protocol]), actor="t", source="x")
        assert [r.rule.value for r in report.refused] == [rule]
    assert Precinct.objects.get(number="astana-0001").registered == 900


def test_pages_api_nist_and_bundle_say_how_final_the_result_is(q, tmp_path: Path, client, english) -> None:  # type: ignore[no-untyped-def]
    _import(tmp_path, q, HEADER + "abai-0003,Abai Region,,1000,600,500,80,10,10\n")
    page = client.get(f"/referendum/{q.slug}/live/").content.decode()
    assert "1 of 3 precincts counted" in page and 'data-complete="false"' in page and "Provisional" in page
    body = client.get(f"/api/referendum/questions/{q.slug}/result").json()
    assert body["complete"] is False and body["precincts_reported"] == 1 and body["precincts_registered"] == 3
    assert any("provisional" in line for line in body["explanation"])
    nist = client.get(f"/api/referendum/questions/{q.slug}/nist").json()
    assert nist["Status"] == "unofficial-partial" and "1 of 3 precincts counted" in nist["Notes"]
    assert nist["GpUnit"][0]["CountStatus"][0]["Status"] == "in-process"
    bundle = client.get(f"/api/referendum/questions/{q.slug}/bundle").content
    footer = json.loads(bundle.splitlines()[-1])
    assert footer["result"]["complete"] is False and footer["result"]["precincts_registered"] == 3
    assert bundle_verify(bundle).ok  # the completeness it claims is recomputed from the bundle alone

    _import(
        tmp_path, q, HEADER + "abai-0004,Abai Region,,1000,600,500,80,10,10\nastana-0001,Astana,,900,600,500,80,10,10\n"
    )
    final = client.get(f"/api/referendum/questions/{q.slug}/result").json()
    assert final["complete"] is True and final["precincts_reported"] == 3
    assert 'data-complete="true"' in client.get(f"/referendum/{q.slug}/live/").content.decode()
    assert client.get(f"/api/referendum/questions/{q.slug}/nist").json()["Status"] == "unofficial-complete"


def test_a_precinct_number_longer_than_its_column_is_refused_not_a_database_error(q, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    number = "abai-" + "0" * 120
    result = _import(tmp_path, q, HEADER + f"{number},Abai Region,,100,60,50,5,5,0\n")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    reviews = ProtocolReview.objects.all()
    assert {r.rule for r in reviews} == {"unregistered_precinct", "precinct_number"}
    assert {r.precinct_number for r in reviews} == {number[:40]} and reviews[0].record["precinct"] == number
    assert selectors.protocols_in_review(q) == 1  # one protocol, two rules


def test_a_precinct_is_found_by_its_number_in_any_case(q, client) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"/api/referendum/questions/{q.slug}/precincts/ASTANA-0001").json()
    assert body["number"] == "astana-0001" and body["on_register"] is True and body["registered"] == 900
    assert body["address"] == "School 1"


def test_a_correction_claiming_more_than_the_register_is_refused_on_the_page_and_the_api(q, tmp_path: Path, client):  # type: ignore[no-untyped-def]
    _import(tmp_path, q, HEADER + "astana-0001,Astana,,900,600,500,80,10,10\n")
    user = user_create(username="operator", password="a-long-password-1", roles=[Role.ELECTION_OPERATOR])
    client.force_login(user)
    figures = {"registered": "950", "took_part": "600", "yes": "499", "no": "81", "invalid": "10", "not_counted": "10"}
    page = client.post(f"/referendum/{q.slug}/precincts/astana-0001/correct/", {**figures, "reason": "recount"})
    assert page.status_code == 422 and 'data-rule="exceeds_register"' in page.content.decode()
    api = client.post(
        f"/api/referendum/questions/{q.slug}/corrections",
        {**{k: int(v) for k, v in figures.items()}, "precinct": "astana-0001", "unit": "Astana", "reason": "recount"},
        content_type="application/json",
    )
    assert api.status_code == 422 and "exceeds_register" in api.json()["detail"]
    assert ProtocolVersion.objects.get().registered == 900  # unchanged
    assert ProtocolReview.objects.filter(rule="exceeds_register", source="correction").exists()


def test_a_typo_in_review_is_accepted_under_the_registered_number_it_was_meant_for(q, tmp_path: Path, client):  # type: ignore[no-untyped-def]
    _import(tmp_path, q, HEADER + "abai-004,Abai Region,,1000,600,500,80,10,10\n")
    item = ProtocolReview.objects.get(rule="unregistered_precinct")
    user = user_create(username="operator", password="a-long-password-1", roles=[Role.ELECTION_OPERATOR])
    client.force_login(user)
    fixed = {"action": "accept", "unit": "abai", "registered": "1000", "took_part": "600", "yes": "500", "no": "80"}
    fixed |= {"invalid": "10", "not_counted": "10", "note": "typing slip: the protocol of abai-0004"}
    url = f"/referendum/{q.slug}/review/{item.pk}/"
    assert client.post(url, {**fixed, "precinct": "abai-404"}).status_code == 422  # still on no register
    assert client.post(url, {**fixed, "precinct": "ABAI-0004"}).status_code == 302
    assert ProtocolVersion.objects.get().precinct.number == "abai-0004"
    assert selectors.result_for(q).precincts_reported == 1 and selectors.protocols_in_review(q) == 0


def test_a_units_page_and_api_say_how_many_of_its_precincts_are_counted(q, tmp_path: Path, client, english):  # type: ignore[no-untyped-def]
    _import(tmp_path, q, HEADER + "abai-0003,Abai Region,,1000,600,500,80,10,10\n")
    page = client.get(f"/referendum/{q.slug}/units/abai/").content.decode()
    assert "1 of 2 precincts counted" in page and "Provisional" in page
    body = client.get(f"/api/referendum/questions/{q.slug}/units/abai").json()
    assert (body["precincts_reported"], body["precincts_registered"], body["complete"]) == (1, 2, False)
