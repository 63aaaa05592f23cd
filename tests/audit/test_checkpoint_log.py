"""Issue 13, finding 3: the audit log rewritten by someone with database access. Each case passed as "intact"
before the log was anchored by signed checkpoints and its entries vouched for the records they speak of."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from atazan.audit.models import AuditEntry, AuditRecord
from atazan.audit.selectors import audit_chain_verify
from atazan.audit.services import audit_append
from atazan.cli import build_app

from .tamper import rehash_from, renumber

pytestmark = pytest.mark.django_db


def _cli(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(build_app(), ["audit", *args])


def _log(n: int) -> None:
    for i in range(n):
        audit_append(actor="cec", action="elections.mandate.vacate", target=f"deputy:{i}", payload={"n": i})


def _checkpoint(tmp_path: Path) -> Path:
    path = tmp_path / "checkpoint.json"
    result = _cli("checkpoint", "-o", str(path))
    assert result.exit_code == 0, result.output
    return path


def _verify(path: Path) -> tuple[int, dict]:  # type: ignore[type-arg]
    result = _cli("verify", "--checkpoint", str(path), "--json")
    return result.exit_code, json.loads(result.stdout)


def test_the_log_verifies_against_every_earlier_checkpoint_while_it_grows(tmp_path: Path) -> None:
    _log(3)
    first = _checkpoint(tmp_path)
    _log(4)
    code, report = _verify(first)
    assert code == 0 and report["intact"] and report["entries"] == 7 and report["checkpoint"]["size"] == 3


def test_an_entry_edited_and_every_later_hash_recomputed_is_caught(tmp_path: Path) -> None:
    _log(6)
    kept = _checkpoint(tmp_path)
    AuditEntry.objects.filter(seq=3).update(actor="someone-else")
    rehash_from(3)
    assert audit_chain_verify()[1] is None  # the chain alone is fooled
    code, report = _verify(kept)
    assert code == 1 and not report["intact"]
    assert [f["code"] for f in report["findings"]] == ["checkpoint.rewritten"]
    assert (report["findings"][0]["first"], report["findings"][0]["last"]) == ("3", "3")  # named by the file's blocks


def test_the_last_entry_deleted_is_caught(tmp_path: Path) -> None:
    _log(5)
    kept = _checkpoint(tmp_path)
    AuditEntry.objects.filter(seq=5).delete()
    assert audit_chain_verify()[1] is None  # the chain alone is fooled
    code, report = _verify(kept)
    assert code == 1
    assert report["findings"][0]["code"] == "checkpoint.truncated" and report["findings"][0]["found"] == "4"


def test_an_entry_deleted_and_the_rest_renumbered_and_rehashed_is_caught(tmp_path: Path) -> None:
    _log(5)
    _log(0)
    kept = _checkpoint(tmp_path)
    _log(2)
    AuditEntry.objects.filter(seq=2).delete()
    renumber()
    assert audit_chain_verify()[1] is None
    code, report = _verify(kept)
    assert code == 1 and report["findings"][0]["code"] == "checkpoint.rewritten"
    assert report["findings"][0]["first"] == "2"


def test_a_checkpoint_signed_by_another_key_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _log(2)
    forged = _checkpoint(tmp_path)
    monkeypatch.setenv("ATAZAN_AUDIT_KEY_FILE", str(tmp_path / "other.key"))
    from atazan.audit.keys import audit_key_create

    audit_key_create()
    code, report = _verify(forged)  # the configured key is the trusted one
    assert code == 1 and report["findings"][0]["code"] == "checkpoint.signature"


def test_an_unreadable_checkpoint_exits_2_naming_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "cp.json"
    bad.write_text('{"origin": "atazan-audit-log/1", "size": -1}', encoding="utf-8")
    result = _cli("verify", "--checkpoint", str(bad))
    assert result.exit_code == 2 and "size" in result.output


def _record_kind(monkeypatch: pytest.MonkeyPatch, stored: dict[str, str]) -> None:
    from atazan.audit import records

    monkeypatch.setitem(records._extra, "test.answer", lambda locs: {loc: stored.get(loc) for loc in locs})


def test_a_record_changed_or_deleted_behind_the_logs_back_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    stored = {"P-1": "a" * 64, "P-2": "b" * 64}
    _record_kind(monkeypatch, stored)
    audit_append(actor="wg", action="test.answer.give", target="P-1", records=[("test.answer:P-1", "a" * 64)])
    audit_append(actor="wg", action="test.answer.give", target="P-2", records=[("test.answer:P-2", "b" * 64)])
    assert _cli("verify").exit_code == 0
    stored["P-1"] = "c" * 64
    del stored["P-2"]
    result = _cli("verify", "--json")
    assert result.exit_code == 1
    found = {(f["code"], f["key"]) for f in json.loads(result.stdout)["findings"]}
    assert found == {("record.changed", "test.answer:P-1"), ("record.deleted", "test.answer:P-2")}


def test_an_entrys_records_list_edited_is_caught_by_the_chain() -> None:
    audit_append(actor="cec", action="x.y", target="t", records=[("k:1", "a" * 64), ("k:2", "b" * 64)])
    AuditRecord.objects.filter(key="k:2").delete()
    _, brk = audit_chain_verify()
    assert brk is not None and brk.seq == 1


def test_a_record_kind_nobody_can_reread_is_reported_not_passed() -> None:
    audit_append(actor="cec", action="x.y", target="t", records=[("nobody.knows:1", "a" * 64)])
    result = _cli("verify", "--json")
    assert result.exit_code == 1 and json.loads(result.stdout)["findings"][0]["code"] == "record.unchecked"


def test_prove_prints_a_proof_that_checks_offline_and_fails_for_a_forged_entry(tmp_path: Path) -> None:
    _log(40)
    audit_append(actor="cec", action="x.y", target="about-this", records=[(f"k:{i}", f"{i:064x}") for i in range(9)])
    _log(30)
    out = tmp_path / "proof.json"
    result = _cli("prove", "k:4", "-o", str(out))
    assert result.exit_code == 0, result.output
    proof = json.loads(out.read_text(encoding="utf-8"))
    assert proof["entry"]["seq"] == 41 and proof["record"]["key"] == "k:4" and proof["hash_bytes"] <= 1024
    assert _cli("check-proof", str(out)).exit_code == 0
    proof["record"]["digest"] = "f" * 64
    out.write_text(json.dumps(proof), encoding="utf-8")
    assert _cli("check-proof", str(out)).exit_code == 1
    assert _cli("prove", "nothing-about-this").exit_code == 1


def test_an_entry_whose_text_the_save_guard_cleans_still_verifies() -> None:
    # the bidi override is removed before saving (web.text_guard); the hash must cover the text as stored
    entry = audit_append(actor="op\u202e", action="consultation.moderation.hide", target="ЗТ-2025-000001\u202egpj.exe")
    assert AuditEntry.objects.get(pk=entry.pk).target == "ЗТ-2025-000001gpj.exe"
    result = _cli("verify", "--json")
    assert result.exit_code == 0, result.stdout
