"""The referendum's NIST SP 1500-100 v2 export, national and with precincts, JSON and XML: valid against NIST's JSON
Schema and XSD, clean under civics-cdf-validator, every reference resolved; the protocol's figures under the
standard's categories and the result's completeness where the standard keeps it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from typer.testing import CliRunner

from atazan.referendum.cli import app
from atazan.referendum.domain.adoption import QuestionKind
from atazan.referendum.domain.nist import nist_report
from atazan.referendum.domain.register import PrecinctRegister, register_from_protocols
from atazan.referendum.domain.synthetic import OFFICIAL_TOTALS, model_precincts
from atazan.referendum.domain.tally import tally
from atazan.referendum.nist_export import question_nist_report
from atazan.standards.nist_xml import NS, report_xml
from tests.standards.nist_check import civics_cdf_findings, dangling_references, json_schema_errors, xsd_errors
from tests.standards.nist_rules import NOT_FOR_NIST_V2

from . import factories

runner = CliRunner()


def _assert_valid(report: dict[str, Any], tmp_path: Path) -> bytes:
    assert json_schema_errors(report) == []
    assert dangling_references(report) == []
    xml = report_xml(report)
    assert xsd_errors(xml) == []
    findings = civics_cdf_findings(xml, tmp_path, exclude=NOT_FOR_NIST_V2)
    assert findings == {"fatal": [], "error": [], "warning": [], "info": []}
    return xml


def _by_unit(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["GpUnitId"]: item for item in items}


@pytest.fixture
def q():  # type: ignore[no-untyped-def]
    """Two of three registered precincts counted: an incomplete result."""
    question = factories.question()
    counted = [
        factories.protocol("abai-0001", "abai", yes=500, no=80, invalid=10, not_counted=7),
        factories.protocol("astana-0001", "astana", yes=300, no=200, invalid=4, not_counted=3, district="Esil"),
    ]
    factories.register([*counted, factories.protocol("abai-0002", "abai")])
    factories.load(question, counted)
    return question


@pytest.mark.django_db
@pytest.mark.parametrize("precincts", [False, True])
def test_export_is_valid_and_maps_the_protocol_to_nist_categories(q, precincts: bool, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = question_nist_report(q, precincts=precincts)
    xml = _assert_valid(report, tmp_path)
    contest = report["Election"][0]["Contest"][0]
    yes, no = contest["ContestSelection"]
    assert _by_unit(yes["VoteCounts"])["ru-kz"] == {
        "@type": "ElectionResults.VoteCounts", "GpUnitId": "ru-kz", "Type": "total", "Count": 800,
    }  # fmt: skip
    assert _by_unit(no["VoteCounts"])["ru-astana"]["Count"] == 200
    # all answers marked: valid but not counted (Referendum Law Art. 28(2)) is an overvote; invalid ones rejected
    assert _by_unit(contest["OtherCounts"])["ru-kz"]["Overvotes"] == 10
    ballots = _by_unit(report["Election"][0]["BallotCounts"])["ru-kz"]
    assert (ballots["BallotsCast"], ballots["BallotsRejected"], ballots["Type"]) == (1104, 14, "total")
    # completeness: 2 of 3 registered precincts, in process, partial
    assert report["Status"] == "unofficial-partial" and "2 of 3 precincts counted" in report["Notes"]
    assert (contest["SubUnitsReported"], contest["TotalSubUnits"]) == (2, 3)
    assert contest["CountStatus"] == [{"@type": "ElectionResults.CountStatus", "Status": "in-process", "Type": "total"}]
    units = {u["@id"]: u for u in report["GpUnit"]}
    assert (units["ru-kz"]["SubUnitsReported"], units["ru-kz"]["TotalSubUnits"]) == (2, 3)
    assert (units["ru-abai"]["SubUnitsReported"], units["ru-abai"]["TotalSubUnits"]) == (1, 2)
    assert units["ru-kz"]["ExternalIdentifier"][0]["Value"] == "ocd-division/country:kz"
    root = etree.fromstring(xml)
    assert root.findtext(f"{{{NS}}}Status") == "unofficial-partial"
    assert len(root.findall(f".//{{{NS}}}BallotTitle/{{{NS}}}Text")) == 2  # en, ru
    if precincts:
        assert report["Format"] == "precinct-level"
        precinct = units["ru-p-astana-0001"]
        assert (precinct["Type"], precinct["Number"]) == ("precinct", "astana-0001")
        assert precinct["VotersParticipated"] == 507
        assert "ru-p-astana-0001" in units["ru-astana-d-Esil"]["ComposingGpUnitIds"]
        assert _by_unit(yes["VoteCounts"])["ru-p-abai-0001"]["Count"] == 500
    else:
        assert report["Format"] == "summary-contest" and "ru-p-abai-0001" not in units


def test_the_10459_model_precincts_export_valid_and_complete(tmp_path: Path) -> None:
    protocols = [m.protocol for m in model_precincts()]
    register = PrecinctRegister(register_from_protocols(protocols))
    result = tally(protocols, kind=QuestionKind.CONSTITUTION, register=register)
    report = nist_report(
        result, election_name="Nationwide referendum on the Constitution, 15 March 2026", question_text_ru="?",
        date="2026-03-15", generated="2026-03-17T10:00:00+00:00", official=False, precincts=True,
    )  # fmt: skip
    _assert_valid(report, tmp_path)
    assert report["Status"] == "unofficial-complete"
    assert sum(u["Type"] == "precinct" for u in report["GpUnit"]) == 10_459
    contest = report["Election"][0]["Contest"][0]
    assert (contest["SubUnitsReported"], contest["TotalSubUnits"]) == (10_459, 10_459)
    assert _by_unit(contest["ContestSelection"][0]["VoteCounts"])["ru-kz"]["Count"] == OFFICIAL_TOTALS["yes"]
    assert _by_unit(contest["OtherCounts"])["ru-kz"]["Overvotes"] == OFFICIAL_TOTALS["not_counted"]


@pytest.mark.django_db
def test_cli_writes_json_and_xml_and_refuses_an_unknown_format(q, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "report.xml"
    result = runner.invoke(app, ["export-nist", str(out), "--question", q.slug, "--precincts", "--format", "xml"])
    assert result.exit_code == 0, result.output
    assert xsd_errors(out.read_bytes()) == []
    out_json = tmp_path / "report.json"
    assert runner.invoke(app, ["export-nist", str(out_json), "--question", q.slug]).exit_code == 0
    assert json_schema_errors(json.loads(out_json.read_text(encoding="utf-8"))) == []
    assert runner.invoke(app, ["export-nist", str(out), "--question", q.slug, "--format", "csv"]).exit_code == 2


@pytest.mark.django_db
def test_api_serves_the_xml(q, client) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"/api/referendum/questions/{q.slug}/nist.xml?precincts=true")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    assert xsd_errors(response.content) == []
