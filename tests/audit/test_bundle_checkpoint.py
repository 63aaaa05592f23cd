"""Every referendum bundle carries the audit log's signed checkpoint, inside the part the CEC signs."""

from __future__ import annotations

import json

import pytest

from atazan.audit.domain.checkpoint import checkpoint_from_dict, checkpoint_signature_valid
from atazan.audit.keys import audit_public_key
from atazan.audit.models import AuditEntry
from atazan.referendum import demo, selectors
from atazan.referendum.domain.integrity import bundle_verify
from tests.referendum import factories

pytestmark = pytest.mark.django_db


def test_a_bundle_carries_the_checkpoint_of_the_log_and_verifies() -> None:
    q = factories.question()
    factories.load(q, [factories.protocol(f"p-{i}") for i in range(4)])
    data = selectors.bundle_for(q, authority_key=demo.authority_key())
    footer = json.loads(data.rstrip(b"\n").split(b"\n")[-1])
    cp = checkpoint_from_dict(footer["audit_checkpoint"])
    assert cp.size == AuditEntry.objects.count() and checkpoint_signature_valid(cp, public_key=audit_public_key())
    assert bundle_verify(data).ok


def test_a_bundle_whose_checkpoint_was_swapped_fails_verification() -> None:
    q = factories.question()
    factories.load(q, [factories.protocol(f"p-{i}") for i in range(3)])
    data = selectors.bundle_for(q, authority_key=demo.authority_key())
    lines = data.rstrip(b"\n").split(b"\n")
    footer = json.loads(lines[-1])
    footer["audit_checkpoint"]["size"] += 1
    lines[-1] = json.dumps(footer, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    report = bundle_verify(b"\n".join(lines) + b"\n")
    assert not report.ok and any("audit log checkpoint" in p.message for p in report.problems)


def test_a_precincts_api_data_carries_an_inclusion_proof_of_its_protocol(client) -> None:  # type: ignore[no-untyped-def]
    from atazan.audit.domain.proof import proof_from_dict, proof_verify

    q = factories.question()
    factories.load(q, [factories.protocol(f"p-{i}") for i in range(5)])
    data = client.get(f"/api/referendum/questions/{q.slug}/precincts/p-3").json()
    proof = proof_from_dict(data["audit_proof"])
    assert proof.record is not None and proof.record.key == f"referendum.protocol:{q.slug}/p-3/v1"
    assert proof_verify(proof, public_key=audit_public_key()) == []
