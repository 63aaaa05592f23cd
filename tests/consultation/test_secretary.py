"""The secretary's work (issue 17): the decision form offers only what the workflow allows and says what comes first;
one answer for a whole campaign, recorded per proposal and audited with each answer's digest; bulk actions on the
review queue."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from atazan.audit.models import AuditEntry, AuditRecord
from atazan.audit.selectors import audit_verify
from atazan.consultation import services
from atazan.consultation.audit_records import answer_record
from atazan.consultation.domain.errors import ConsultationError
from atazan.consultation.models import Proposal, StatusChange, Visibility
from tests.consultation.helpers import moderator, secretary, submit

pytestmark = pytest.mark.django_db

CAMPAIGN = "Прошу закрепить в статье 53 право граждан на доступ к информации о работе государственных органов."


def campaign(size: int, *, group: str = "EO-20260101-CAMP0000", prefix: str = "EO-20260102-") -> list[str]:
    """``size`` identical appeals of one duplicate group, stored in bulk (as an import followed by analysis)."""
    at = dt.datetime(2026, 1, 2, tzinfo=dt.UTC)
    numbers = [group] + [f"{prefix}{i:08X}" for i in range(1, size)]
    Proposal.objects.bulk_create(
        [Proposal(registration_number=n, applicant_surname="Омарова", applicant_name="Нургуль", region="Astana",
                  language="ru", text=CAMPAIGN, normal_text=CAMPAIGN.lower(), submitted_at=at, duplicate_group=group)
         for n in numbers], batch_size=1000,
    )  # fmt: skip
    return numbers


def test_decision_form_offers_only_the_allowed_transitions_and_says_review_comes_first(client, english):
    p = submit(CAMPAIGN)
    wg = secretary()
    client.force_login(wg)
    page = client.get(p.get_absolute_url()).content.decode()
    form = page.split('name="status"', 1)[1].split("</select>", 1)[0]
    assert 'value="under_review"' in form and 'value="out_of_scope"' in form
    assert 'value="accepted"' not in form and 'value="rejected"' not in form
    assert "take the proposal into review first" in page
    services.proposal_decide(proposal=p, status="under_review", answer="", decided_by=wg)
    form = client.get(p.get_absolute_url()).content.decode().split('name="status"', 1)[1].split("</select>", 1)[0]
    assert 'value="accepted"' in form and 'value="under_review"' not in form
    services.proposal_decide(proposal=p, status="accepted", answer="Учтено.", decided_by=wg)
    page = client.get(p.get_absolute_url()).content.decode()
    assert "Record decision" not in page and "its status does not change again" in page


def test_decision_form_in_kazakh_and_russian(client):
    p = submit(CAMPAIGN)
    client.force_login(secretary())
    for lang in ("kk", "ru"):
        page = client.get(p.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=lang).content.decode()
        assert "take the proposal into review first" not in page
        assert 'id="next-step"' in page


def test_a_whole_campaign_is_answered_once_recorded_per_proposal_and_audited():
    numbers = campaign(1_203)
    wg = secretary()
    services.proposal_decide(proposal=Proposal.objects.get(registration_number=numbers[1]), status="under_review",
                             answer="", decided_by=wg)  # fmt: skip
    services.proposal_decide(proposal=Proposal.objects.get(registration_number=numbers[2]), status="out_of_scope",
                             answer="Не по теме.", decided_by=wg)  # fmt: skip
    with CaptureQueriesContext(connection) as queries:
        result = services.group_answer(group=numbers[0], status="partly_accepted", answer=" Учтено в статье 53. ",
                                       decided_by=wg)  # fmt: skip
    assert len(queries) < 60  # bulk statements, not one query per proposal
    assert (result.answered, result.reviewed, result.skipped) == (1_202, 1_201, [numbers[2]])
    answered = Proposal.objects.filter(status="partly_accepted")
    assert answered.count() == 1_202 and set(answered.values_list("answer", flat=True)) == {"Учтено в статье 53."}
    assert set(answered.values_list("answered_by", flat=True)) == {wg.pk}
    assert Proposal.objects.get(registration_number=numbers[2]).answer == "Не по теме."  # left as it was
    # per proposal: registered → under review → partly accepted (the workflow's order, both steps kept)
    first = StatusChange.objects.filter(proposal__registration_number=numbers[0])
    assert list(first.values_list("from_status", "to_status")) == [
        ("registered", "under_review"), ("under_review", "partly_accepted")]  # fmt: skip
    assert StatusChange.objects.filter(to_status="partly_accepted").count() == 1_202
    entry = AuditEntry.objects.get(action="consultation.proposals.partly_accepted")
    assert entry.payload["count"] == 1_202
    records = dict(AuditRecord.objects.filter(entry=entry).values_list("key", "digest"))
    assert len(records) == 1_202
    key, digest = answer_record(number=numbers[0], status="partly_accepted", answer="Учтено в статье 53.",
                                merged_into=None)  # fmt: skip
    assert records[key] == digest
    assert audit_verify().intact
    # an answer changed behind the log's back is named by the audit
    Proposal.objects.filter(registration_number=numbers[5]).update(answer="Отклонено.")
    assert any(numbers[5] in f.render() for f in audit_verify().findings)


def test_a_group_answer_must_be_an_outcome_with_a_text_and_permission():
    numbers = campaign(3)
    with pytest.raises(ConsultationError, match="official answer"):
        services.group_answer(group=numbers[0], status="rejected", answer="  ", decided_by=secretary())
    with pytest.raises(ConsultationError, match="not taken into review"):
        services.group_answer(group=numbers[0], status="under_review", answer="x", decided_by=secretary())
    with pytest.raises(ConsultationError, match="no duplicate group"):
        services.group_answer(group="EO-20260101-NONE0000", status="rejected", answer="x", decided_by=secretary())
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.group_answer(group=numbers[0], status="rejected", answer="x", decided_by=moderator())
    assert not StatusChange.objects.exists() and not Proposal.objects.exclude(status="registered").exists()


def test_the_secretary_answers_the_campaign_from_a_proposal_page(client, english):
    numbers = campaign(25)
    client.force_login(secretary())
    page = client.get(reverse("consultation:detail", args=[numbers[3]])).content.decode()
    assert "Answer the whole campaign" in page and "Answer 25 proposals" in page
    form = {"scope": "group", "status": "rejected", "answer": "Не поддержано."}
    response = client.post(reverse("consultation:decide", args=[numbers[3]]), form, follow=True)
    assert "One answer recorded for 25 proposals" in response.content.decode()
    assert Proposal.objects.filter(status="rejected", answer="Не поддержано.").count() == 25


def test_review_queue_bulk_assign_answer_with_a_template_and_hide_with_a_reason(client, english):
    numbers = campaign(4)
    wg, mod = secretary(), moderator()
    client.force_login(wg)
    queue = client.get(reverse("consultation:review")).content.decode()
    assert 'value="assign"' in queue and 'value="answer"' in queue and 'value="rejected">' in queue
    client.post(reverse("consultation:review"), {"action": "assign", "assignee": "sec", "selected": numbers[:2]})
    assert Proposal.objects.filter(assigned_to=wg).count() == 2
    refused = client.post(reverse("consultation:review"), {"action": "assign", "assignee": "mod",
                                                          "selected": numbers[2:]}, follow=True)  # fmt: skip
    assert "assigned to a member of the working group" in refused.content.decode()
    client.post(reverse("consultation:review"), {"action": "answer", "template": "rejected", "answer": "",
                                                 "selected": numbers[:3]})  # fmt: skip
    rejected = Proposal.objects.filter(status="rejected")
    assert rejected.count() == 3 and "was not supported" in rejected.first().answer
    client.force_login(mod)
    refused = client.post(reverse("consultation:review"), {"action": "hide", "note": "",
                                                          "selected": numbers[3:]}, follow=True)  # fmt: skip
    assert "hidden with a reason" in refused.content.decode()
    assert not Proposal.objects.filter(visibility=Visibility.HIDDEN).exists()
    client.post(reverse("consultation:review"), {"action": "hide", "note": "Оскорбления", "selected": numbers[3:]})
    assert Proposal.objects.get(registration_number=numbers[3]).moderation_note == "Оскорбления"
