"""The audit page in the reader's language (issue 15): the log's findings, the chain's breaks and a proof's problems
are ``Msg`` of the audit context (``Voice("audit")``), translated from the audit catalogue; the CLI and API keep
English."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from atazan.audit.domain.chain import ChainEntry, chain_verify, entry_hash
from atazan.audit.domain.log import TEMPLATES, Finding, FindingCode, finding
from atazan.audit.models import AuditEntry
from atazan.audit.services import audit_append
from atazan.messages.domain import Msg, fields
from atazan.messages.render import render
from atazan.web.english_share import english_words, page_share, page_words


def _english(text: str) -> list[str]:
    return english_words(page_words(f"<p>{text}</p>"))


def _client(language: str) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.cookies["atazan_language"] = language
    return client


def _entries(n: int) -> list[ChainEntry]:
    out, prev = [], "0" * 64
    for seq in range(1, n + 1):
        fields = {"seq": seq, "at": "2026-03-15T10:00:00+00:00", "actor": "cec", "action": "a", "target": f"t/{seq}",
                  "payload": {}, "prev_hash": prev, "records_root": ""}  # fmt: skip
        h = entry_hash(**fields)
        out.append(ChainEntry(**fields, hash=h))
        prev = h
    return out


def test_a_chain_break_is_a_message_of_the_audit_context() -> None:
    entries = _entries(3)
    broken = chain_verify([entries[0], entries[2]])
    assert broken is not None and isinstance(broken.message, Msg) and broken.message.domain == "audit"
    assert broken.message.render() == "entry 2: expected sequence number 2, found 3"
    with translation.override("ru"):
        assert render(broken.message) == "запись 2: ожидался порядковый номер 2, найден 3"
    with translation.override("kk"):
        assert render(broken.message) == "2-жазба: 2 реттік нөмірі күтілген, 3 табылды"


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("code", list(FindingCode))
def test_every_finding_reads_without_english(language: str, code: FindingCode) -> None:
    values = {"seq": 7, "key": "referendum/protocol/1", "key_id": "ab12", "found": 3, "size": 5, "first": 2,
              "last": 4, "time": "2026-03-15T10:00:00Z"}  # fmt: skip
    wanted = fields(TEMPLATES[code])
    found: Finding = finding(code, **{k: v for k, v in values.items() if k in wanted})  # type: ignore[arg-type]
    assert found.message.code == code.value and _english(found.render())  # the CLI and API: English
    with translation.override(language):
        text = render(found.message)
    assert text != found.render() and not _english(text.replace("referendum/protocol/1", "")), text


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_audit_page_of_a_broken_log_shows_no_english(language: str) -> None:
    for i in range(3):
        audit_append(actor="cec", action="commission.decision.record", target=f"commission/decision/{i}")
    AuditEntry.objects.filter(seq=2).update(actor="x")
    audit_append(actor="cec", action="commission.decision.record", target="commission/decision/9")
    html = _client(language).get("/audit/").content.decode()
    assert "its content does not match" not in html
    assert ("2-жазба: мазмұны" if language == "kk" else "запись 2: содержимое") in html
    share = page_share("audit", html)
    assert share.share <= 0.01, share.sample(20)
