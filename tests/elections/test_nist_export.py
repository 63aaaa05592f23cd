"""The elections' NIST SP 1500-100 v2 export (Majilis 2023, the simulated Kurultai), JSON and XML: valid against
NIST's JSON Schema and XSD, clean under civics-cdf-validator, every reference resolved; votes per list in the country
and the 20 units, seats as VoteCounts of type "seats"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from atazan.elections import demo, models
from atazan.elections.cli import app
from atazan.elections.selectors import nist_report
from tests.standards.nist_check import civics_cdf_findings, dangling_references, json_schema_errors, xsd_errors
from tests.standards.nist_rules import NOT_FOR_NIST_V2

pytestmark = pytest.mark.django_db
runner = CliRunner()


@pytest.fixture
def demo_data() -> None:
    demo.build(console=Console(quiet=True))


@pytest.mark.parametrize("slug", ["majilis-2023", "kurultai-2026-simulated"])
def test_export_is_valid_in_json_and_xml(demo_data: None, slug: str, tmp_path: Path) -> None:
    out = tmp_path / f"{slug}.xml"
    result = runner.invoke(app, ["export-nist", slug, str(out), "--format", "xml"])
    assert result.exit_code == 0, result.output
    report = nist_report(election=models.Election.objects.get(slug=slug))
    assert json_schema_errors(report) == []
    assert dangling_references(report) == []
    xml = out.read_bytes()
    assert xsd_errors(xml) == []
    assert civics_cdf_findings(xml, tmp_path, exclude=NOT_FOR_NIST_V2) == {
        "fatal": [], "error": [], "warning": [], "info": [],
    }  # fmt: skip
    contest = report["Election"][0]["Contest"][0]
    election = models.Election.objects.get(slug=slug)
    seats = {s["PartyIds"][0]: c["Count"] for s in contest["ContestSelection"] for c in s["VoteCounts"]
             if c["Type"] == "seats"}  # fmt: skip
    assert sum(seats.values()) == election.seats
    assert report["IsTest"] is election.simulated


def test_majilis_2023_seats_and_votes(demo_data: None) -> None:
    report = nist_report(election=models.Election.objects.get(slug="majilis-2023"))
    parties = {p["@id"]: p["Name"]["Text"][0]["Content"] for p in report["Party"]}
    contest = report["Election"][0]["Contest"][0]
    seats = {parties[s["PartyIds"][0]]: c["Count"] for s in contest["ContestSelection"] for c in s["VoteCounts"]
             if c["Type"] == "seats"}  # fmt: skip
    assert seats["AMANAT"] == 40 and sum(seats.values()) == 69  # Art. 97-1, as /api/elections/majilis-2023 says
    assert report["Status"] == "unofficial-complete" and "IsTest" in report and report["IsTest"] is False


def test_cli_prints_json_by_default_and_refuses_an_unknown_format(demo_data: None) -> None:
    printed = runner.invoke(app, ["export-nist", "majilis-2023"])
    assert printed.exit_code == 0
    assert json_schema_errors(json.loads(printed.stdout)) == []
    assert runner.invoke(app, ["export-nist", "majilis-2023", "--format", "csv"]).exit_code == 2


def test_xml_page(demo_data: None, client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/elections/kurultai-2026-simulated/nist.xml")
    assert response.status_code == 200 and xsd_errors(response.content) == []
