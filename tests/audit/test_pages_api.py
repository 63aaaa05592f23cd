"""The signed checkpoint published on the audit page (kk/ru/en) and in the API, and proofs through the API."""

from __future__ import annotations

import pytest
from django.utils import translation

from atazan.audit.domain.checkpoint import checkpoint_from_dict, checkpoint_signature_valid
from atazan.audit.domain.log import TEMPLATES, Finding, FindingCode
from atazan.audit.domain.proof import proof_from_dict, proof_verify
from atazan.audit.keys import audit_public_key
from atazan.audit.models import AuditEntry
from atazan.audit.services import audit_append


def _log(n: int) -> None:
    for i in range(n):
        audit_append(actor="cec", action="commission.decision.record", target=f"commission/decision/{i}")


@pytest.mark.django_db
def test_api_checkpoint_is_signed_by_the_configured_key_and_covers_the_log(client) -> None:  # type: ignore[no-untyped-def]
    _log(5)
    data = client.get("/api/audit/checkpoint").json()
    cp = checkpoint_from_dict(data)
    assert cp.size == 5 and checkpoint_signature_valid(cp, public_key=audit_public_key())


@pytest.mark.django_db
def test_api_proof_checks_against_the_published_checkpoint(client) -> None:  # type: ignore[no-untyped-def]
    _log(9)
    response = client.get("/api/audit/proof", {"target": "commission/decision/4"})
    assert response.status_code == 200
    proof = proof_from_dict(response.json())
    assert proof.entry["seq"] == 5 and proof_verify(proof, public_key=audit_public_key()) == []
    assert client.get("/api/audit/proof", {"target": "nothing"}).status_code == 404
    consistency = client.get("/api/audit/consistency", {"first": 3}).json()
    assert consistency["second"] == 9 and consistency["proof"]


@pytest.mark.django_db
def test_api_says_no_checkpoint_without_a_key(client, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ATAZAN_AUDIT_KEY_FILE", str(tmp_path / "absent.key"))
    response = client.get("/api/audit/checkpoint")
    assert response.status_code == 404 and "signing key" in response.json()["detail"]


@pytest.mark.django_db
@pytest.mark.parametrize(("lang", "heading", "phrase"), [
    ("en", "Signed checkpoint", "Merkle tree"),
    ("ru", "Подписанная контрольная точка", "дерево Меркла"),
    ("kk", "Қол қойылған бақылау нүктесі", "Меркл ағашы"),
])  # fmt: skip
def test_audit_page_publishes_the_checkpoint(client, lang: str, heading: str, phrase: str) -> None:  # type: ignore[no-untyped-def]
    _log(3)
    response = client.get("/audit/", HTTP_ACCEPT_LANGUAGE=lang)
    body = response.content.decode()
    cp = checkpoint_from_dict(client.get("/api/audit/checkpoint").json())
    assert heading in body and phrase in body and cp.root.hex() in body and audit_public_key().hex() in body  # type: ignore[union-attr]


@pytest.mark.django_db
def test_audit_page_names_a_tampered_entry_in_the_readers_language(client) -> None:  # type: ignore[no-untyped-def]
    _log(3)
    AuditEntry.objects.filter(seq=2).update(actor="x")
    body = client.get("/audit/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "запись 2: содержимое не совпадает с её хешем" in body
    assert "Пока журнал не проходит проверку" in body


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_finding_template_is_translated_with_the_same_fields(lang: str) -> None:
    import string

    for code, template in TEMPLATES.items():
        with translation.override(lang):
            text = translation.gettext(template)
        assert text != template, f"{code} has no {lang} translation"
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        assert {name for _, name, _, _ in string.Formatter().parse(text) if name} == fields
        params = tuple((name, "1") for name in sorted(fields))
        assert Finding(FindingCode(code), params).render(translation.gettext)


@pytest.mark.django_db
def test_audit_page_verifies_the_log_once_per_head_and_again_after_a_new_entry(client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from atazan.audit import selectors

    passes: list[int] = []
    scan = selectors.audit_log_scan

    def counted() -> object:
        passes.append(1)
        return scan()

    monkeypatch.setattr(selectors, "audit_log_scan", counted)
    _log(3)
    for _ in range(3):
        assert "Chain intact" in client.get("/audit/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert len(passes) == 1  # one pass over the log for the verdict and the checkpoint, shared by later readers
    AuditEntry.objects.filter(seq=2).update(actor="x")
    _log(1)  # a new head: the next reader gets a new pass, which finds the edited entry
    body = client.get("/audit/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert len(passes) == 2 and "entry 2: its content does not match its hash" in body and "Verified in full at" in body
