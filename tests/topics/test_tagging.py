"""Stored tags: idempotent computation, editor confirmation (audited) and refusal for a citizen."""

from __future__ import annotations

from typing import Any

import pytest

from atazan.audit.models import AuditEntry
from atazan.topics import selectors
from atazan.topics.models import Tag, Topic
from atazan.topics.services import (
    EditorRequiredError,
    UnknownParagraphError,
    tag_add,
    tags_compute,
    tags_confirm,
    tags_reject,
)

pytestmark = pytest.mark.django_db


def test_compute_is_idempotent_and_covers_everything(tagged: None, capsys: pytest.CaptureFixture[str]) -> None:
    again = tags_compute()
    assert (again.created, again.updated, again.removed) == (0, 0, 0)
    rows = selectors.coverage()
    with capsys.disabled():
        for c in rows:
            print(
                f"\nstored coverage {c.year}: {c.tagged}/{c.paragraphs} paragraphs, articles "
                f"{c.articles_tagged}/{c.articles}"
            )
    assert all(c.tagged == c.paragraphs and c.articles_tagged == c.articles for c in rows)
    assert Tag.objects.filter(origin=Tag.Origin.SIMILARITY).exists()
    assert not Tag.objects.exclude(status=Tag.Status.PROPOSED).exists()  # nothing is confirmed by the machine


def test_editor_confirms_with_name_time_and_audit(tagged: None, editor: Any) -> None:
    tag = Tag.objects.get(year=2026, eid="art_21__para_1", topic__key="personal-data")
    before = AuditEntry.objects.count()
    assert tags_confirm(actor=editor, tags=[tag]) == 1
    tag.refresh_from_db()
    assert tag.status == Tag.Status.CONFIRMED and tag.decided_by == editor and tag.decided_at is not None
    entry = AuditEntry.objects.order_by("-seq").first()
    assert AuditEntry.objects.count() == before + 1
    assert entry.action == "topics.tag.confirm" and entry.actor == "ed"
    assert entry.payload["tags"] == ["2026:art_21__para_1:personal-data"]
    assert tags_confirm(actor=editor, tags=[tag]) == 0  # already confirmed: no second audit entry
    assert AuditEntry.objects.count() == before + 1


def test_citizen_is_refused(tagged: None, citizen: Any) -> None:
    tag = Tag.objects.get(year=2026, eid="art_5__para_5", topic__key="non-retroactivity")
    with pytest.raises(EditorRequiredError, match="cit may not confirm tags"):
        tags_confirm(actor=citizen, tags=[tag])
    tag.refresh_from_db()
    assert tag.status == Tag.Status.PROPOSED and tag.decided_by is None


def test_decisions_survive_recomputation(tagged: None, editor: Any) -> None:
    sug = Tag.objects.filter(origin=Tag.Origin.SIMILARITY).first()
    tags_reject(actor=editor, tags=[sug])
    tags_compute()
    sug.refresh_from_db()
    assert sug.status == Tag.Status.REJECTED  # the model proposes it again, the editor's decision stands


def test_editor_adds_a_tag_and_bad_paragraph_is_refused(tagged: None, editor: Any) -> None:
    topic = Topic.objects.get(key="information")
    tag = tag_add(actor=editor, topic=topic, year=2026, eid="art_6__para_5")
    assert tag.status == Tag.Status.CONFIRMED and tag.origin == Tag.Origin.EDITOR
    with pytest.raises(UnknownParagraphError, match="2026:art_200__para_1:information"):
        tag_add(actor=editor, topic=topic, year=2026, eid="art_200__para_1")
