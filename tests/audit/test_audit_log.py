import json

import pytest
from typer.testing import CliRunner

from atazan.audit.models import AuditEntry
from atazan.audit.selectors import audit_chain_verify
from atazan.audit.services import audit_append
from atazan.cli import build_app

pytestmark = pytest.mark.django_db


def test_appended_entries_form_an_intact_chain() -> None:
    for i in range(3):
        audit_append(
            actor="operator",
            action="referendum.protocol.accept",
            target=f"precinct:{i}",
            payload={"yes": i, "note": "Иә — Да"},
        )
    count, brk = audit_chain_verify()
    assert count == 3 and brk is None


def test_editing_a_row_in_the_database_is_detected_by_the_cli() -> None:
    for i in range(4):
        audit_append(actor="operator", action="elections.mandate.vacate", target=f"deputy:{i}", payload={"n": i})
    AuditEntry.objects.filter(seq=2).update(actor="someone-else")
    result = CliRunner().invoke(build_app(), ["audit", "verify", "--json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["intact"] is False and report["first_break"]["seq"] == 2


def test_deleting_a_row_is_detected() -> None:
    for i in range(3):
        audit_append(actor="clerk", action="legislature.bill.transition", target=f"bill:{i}")
    AuditEntry.objects.filter(seq=2).delete()
    _, brk = audit_chain_verify()
    assert brk is not None and brk.seq == 2


def test_audit_page_shows_chain_status(client) -> None:
    audit_append(actor="cec", action="referendum.result.publish", target="referendum:2026-03-15")
    response = client.get("/audit/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert b"referendum.result.publish" in response.content
