"""Results page, calculator, NIST export, API and the CLI contract on demo-like data."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command  # noqa: F401
from rich.console import Console
from typer.testing import CliRunner

from atazan.elections import demo, models
from atazan.elections.cli import app

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_data() -> None:
    demo.build(console=Console(quiet=True))


def test_demo_is_idempotent_and_labels_the_simulated_election(demo_data: None) -> None:
    counts = (
        models.Mandate.objects.count(),
        models.MandateEvent.objects.count(),
        models.SeatAllocation.objects.count(),
    )
    demo.build(console=Console(quiet=True))
    assert counts == (models.Mandate.objects.count(), models.MandateEvent.objects.count(),
                      models.SeatAllocation.objects.count())  # fmt: skip
    sim = models.Election.objects.get(slug="kurultai-2026-simulated")
    assert sim.simulated and sim.seats == 145
    assert sum(models.SeatAllocation.objects.filter(election=sim).get().seats.values()) == 145
    assert not models.Election.objects.get(slug="majilis-2023").simulated


def test_results_page_shows_hemicycle_of_145_seats_and_the_simulated_label(client, english, demo_data) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/elections/kurultai-2026-simulated/").content.decode()
    assert "Simulated election" in body
    assert body.count("<circle") >= 290  # results hemicycle and the calculator's, 145 seats each
    assert "Art. 97-1" in body and "Art. 55(4)" in body
    assert "seat left vacant" in body  # the exhausted list's vacancy among the mandate events


def test_real_2023_result_page_shows_its_source_and_seats(client, english, demo_data) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/elections/majilis-2023/").content.decode()
    assert "Simulated election" not in body
    assert "Central Election Commission" in body
    assert 'data-seats="AMANAT:40;Auyl:8;Respublica:6;Ak Zhol:6;People&#x27;s Party of Kazakhstan:5;OSDP:4;"' in body


def test_calculator_moves_seats_and_explains_errors(client, english, demo_data) -> None:  # type: ignore[no-untyped-def]
    # Baitaq (list 7) with 400,000 votes passes 5% and takes seats from the others.
    r = client.get("/elections/majilis-2023/whatif/?votes_7=400000", HTTP_HX_REQUEST="true")
    body = r.content.decode()
    assert "Baitaq:" in body.split('data-seats="')[1].split('"')[0]
    r = client.get("/elections/majilis-2023/whatif/?votes_1=-3", HTTP_HX_REQUEST="true")
    assert "cannot be negative" in r.content.decode()
    r = client.get("/elections/majilis-2023/whatif/?method=dhondt", HTTP_HX_REQUEST="true")
    assert "Not the law" in r.content.decode()


def test_nist_export_is_an_election_report_with_a_party_contest(client, demo_data) -> None:  # type: ignore[no-untyped-def]
    report = json.loads(client.get("/elections/kurultai-2026-simulated/nist.json").content)
    assert report["@type"] == "ElectionResults.ElectionReport" and report["IsTest"] is True
    contest = report["Election"][0]["Contest"][0]
    assert contest["@type"] == "ElectionResults.PartyContest"
    seats = [c["Count"] for s in contest["ContestSelection"] for c in s["VoteCounts"] if c["Type"] == "seats"]
    assert sum(seats) == 145  # the seats each list takes (CountItemType "seats") add up to the Kurultai's 145
    votes = [c for c in contest["ContestSelection"][0]["VoteCounts"] if c["Type"] == "total"]
    country = [c for c in votes if c["GpUnitId"] == "el-kz"]
    regions = [c for c in votes if c["GpUnitId"] != "el-kz"]
    assert len(regions) == 20 and sum(r["Count"] for r in regions) == country[0]["Count"]


def test_api_results_and_whatif(client, demo_data) -> None:  # type: ignore[no-untyped-def]
    data = client.get("/api/elections/majilis-2023").json()
    assert data["seats"]["AMANAT"] == 40 and data["is_law"] and data["quota"] == "1990573/23"
    events = client.get("/api/elections/kurultai-2026-simulated/events").json()
    assert {"ended", "transferred", "vacant"} <= {e["kind"] for e in events}
    bad = client.post("/api/elections/allocate", data='{"seats": 5, "took_part": 10, "lists": [{"party": "A", '
                      '"votes": 11}]}', content_type="application/json")  # fmt: skip
    assert bad.status_code == 400 and bad.json()["record"] == "list 'A'"


def test_cli_allocate_contract(tmp_path: Path) -> None:
    src = tmp_path / "in.json"
    src.write_text(json.dumps({"seats": 69, "took_part": 6366441, "threshold_percent": 5, "lists": [
        {"party": "AMANAT", "votes": 3431510, "registration_order": 1},
        {"party": "Auyl", "votes": 693938, "registration_order": 2},
        {"party": "Respublica", "votes": 547154, "registration_order": 3},
        {"party": "Ak Zhol", "votes": 535139, "registration_order": 4},
        {"party": "People's Party", "votes": 432920, "registration_order": 5},
        {"party": "OSDP", "votes": 331058, "registration_order": 6},
        {"party": "Baitaq", "votes": 146431, "registration_order": 7}]}))  # fmt: skip
    runner = CliRunner()
    out = runner.invoke(app, ["allocate", str(src), "--json"])
    assert out.exit_code == 0
    payload = json.loads(out.stdout)
    assert set(payload) == {"seats", "quota", "admitted", "steps"}
    assert payload["seats"]["AMANAT"] == 40 and payload["admitted"][-1] == "OSDP"
    readable = runner.invoke(app, ["allocate", str(src)])
    assert readable.exit_code == 0 and "Art. 97-1(4)" in readable.stdout


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('{"seats": 10, "took_part": 100, "lists": [{"party": "A", "votes": -1}]}', "cannot be negative"),
        ('{"seats": 10, "took_part": 100, "lists": [{"party": "A", "votes": 4}]}', "Art. 97-1(1)"),
        (
            '{"seats": 10, "took_part": 100, "lists": [{"party": "A", "votes": 60}, {"party": "A", "votes": 6}]}',
            "one list",
        ),
        ("{not json", "not valid JSON"),
    ],
)
def test_cli_bad_input_exits_2_naming_the_rule_without_traceback(tmp_path: Path, content: str, words: str) -> None:
    src = tmp_path / "bad.json"
    src.write_text(content)
    done = subprocess.run([sys.executable, "-m", "atazan.cli", "elections", "allocate", str(src), "--json"],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 2
    assert words in done.stderr.replace("\n", " ")
    assert "Traceback" not in done.stderr + done.stdout
