"""Issue 13, finding 3: "deleting stored protocol versions gives intact". Every protocol version the log speaks of
is re-read by `atazan audit verify`, which names the one changed or deleted behind the log's back."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from atazan.cli import build_app
from atazan.referendum import services
from atazan.referendum.models import ProtocolVersion
from tests.referendum import factories

pytestmark = pytest.mark.django_db


def _verify() -> tuple[int, list[dict]]:  # type: ignore[type-arg]
    result = CliRunner().invoke(build_app(), ["audit", "verify", "--json"])
    return result.exit_code, json.loads(result.stdout)["findings"]


def _imported() -> None:
    q = factories.question()
    protocols = [factories.protocol(f"p-{i:03d}", yes=500 + i) for i in range(12)]
    report = factories.load(q, protocols)
    assert report.accepted == 12


def test_imported_protocols_verify() -> None:
    _imported()
    assert _verify() == (0, [])


def test_a_deleted_protocol_version_is_named() -> None:
    _imported()
    ProtocolVersion.objects.filter(precinct__number="p-007").delete()
    code, findings = _verify()
    assert code == 1
    assert [(f["code"], f["key"]) for f in findings] == [
        ("record.deleted", "referendum.protocol:test-referendum/p-007/v1")
    ]


def test_a_protocol_edited_in_its_table_is_named() -> None:
    _imported()
    ProtocolVersion.objects.filter(precinct__number="p-003").update(yes=9)
    code, findings = _verify()
    assert code == 1
    assert [(f["code"], f["key"]) for f in findings] == [
        ("record.changed", "referendum.protocol:test-referendum/p-003/v1")
    ]


def test_a_correction_is_a_new_logged_version_not_a_change() -> None:
    _imported()
    q = factories.question()
    services.protocol_correct(
        question=q, protocol=factories.protocol("p-002", yes=490), reason="recount by decision 7", author="test"
    )
    assert _verify() == (0, [])
    ProtocolVersion.objects.filter(precinct__number="p-002", version=2).update(reason="")
    code, findings = _verify()
    assert code == 1 and findings[0]["key"] == "referendum.protocol:test-referendum/p-002/v2"


def test_a_precincts_protocol_has_an_inclusion_proof(tmp_path) -> None:  # type: ignore[no-untyped-def]
    _imported()
    out = tmp_path / "proof.json"
    result = CliRunner().invoke(
        build_app(), ["audit", "prove", "referendum.protocol:test-referendum/p-005", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    proof = json.loads(out.read_text(encoding="utf-8"))
    assert proof["record"]["key"] == "referendum.protocol:test-referendum/p-005/v1"
    assert CliRunner().invoke(build_app(), ["audit", "check-proof", str(out)]).exit_code == 0
