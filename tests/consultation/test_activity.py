"""My activity and notifications (issue 17): my proposals with their history, answer and deadline; following;
notifications in the site and by email in the recipient's language; digest; one-click unsubscribe; overdue answers
flagged to the working group; and the fixes to what a new citizen met after submitting."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from atazan.accounts.services import citizen_verify
from atazan.consultation import notifications, services
from atazan.consultation.activity_models import EmailChoice, Follow, FollowKind, NoticeSettings, Notification
from atazan.consultation.models import Proposal, ProposalArticle
from tests.consultation.helpers import citizen, secretary, submit, valid_iin

pytestmark = pytest.mark.django_db(transaction=True)  # notifications go out when the decision commits

TEXT = "Прошу закрепить в статье 53 право граждан на доступ к информации о работе государственных органов."


def _citizen(username: str = "aidos", *, email: str = "aidos@example.kz", language: str = "ru"):
    user = citizen(username)
    user.email = email
    user.save(update_fields=["email"])
    NoticeSettings.objects.create(user=user, language=language)
    return user


def _answer(p: Proposal, sec, text: str = "Предложение учтено в статье 53.") -> None:
    services.proposal_decide(proposal=p, status="under_review", answer="", decided_by=sec)
    services.proposal_decide(proposal=Proposal.objects.get(pk=p.pk), status="accepted", answer=text, decided_by=sec)


def test_the_author_is_told_in_their_language_in_the_site_and_by_email(client):
    author, sec = _citizen(), secretary()
    p = submit(TEXT, author=author)
    _answer(p, sec)
    codes = list(Notification.objects.filter(user=author).order_by("id").values_list("code", flat=True))
    assert codes == ["status_changed", "answered"]
    assert not Notification.objects.filter(user=sec).exists()  # the one who decided is not told
    assert len(mail.outbox) == 2 and mail.outbox[-1].to == ["aidos@example.kz"]
    body = mail.outbox[-1].body
    assert f"На предложение {p.registration_number} дан официальный ответ (Принято)" in body or (
        f"На предложение {p.registration_number} дан официальный ответ" in body
    )
    assert "Здравствуйте" in body and "/consultation/unsubscribe/" in body
    assert mail.outbox[-1].extra_headers["List-Unsubscribe"].startswith("<http")
    # dispatching again tells nobody twice
    assert notifications.notifications_dispatch() == 0


def test_notifications_are_written_in_kazakh_for_a_kazakh_reader():
    author, sec = _citizen(language="kk"), secretary()
    p = submit(TEXT, author=author)
    _answer(p, sec)
    assert f"{p.registration_number} ұсынысына ресми жауап берілді" in mail.outbox[-1].body
    assert "бақылайтын" in mail.outbox[-1].subject


def test_followers_of_the_proposal_and_its_article_are_told(client):
    author, sec = _citizen(), secretary()
    reader = _citizen("reader", email="reader@example.kz", language="en")
    by_article = _citizen("scholar", email="scholar@example.kz", language="kk")
    p = submit(TEXT, author=author)
    assert ProposalArticle.objects.filter(proposal=p, article="53").exists()
    client.force_login(reader)
    client.post(reverse("consultation:follow"), {"kind": "proposal", "key": p.registration_number})
    Follow.objects.create(user=by_article, kind=FollowKind.ARTICLE, key="53")
    _answer(p, sec)
    told = set(Notification.objects.filter(code="answered").values_list("user__username", flat=True))
    assert told == {"aidos", "reader", "scholar"}
    english = [m for m in mail.outbox if m.to == ["reader@example.kz"]][-1]
    assert f"Proposal {p.registration_number} has received an official answer (Accepted)." in english.body


def test_a_digest_reader_gets_one_message_later_and_unsubscribe_needs_one_click(client):
    author, sec = _citizen(), secretary()
    NoticeSettings.objects.filter(user=author).update(email=EmailChoice.DIGEST)
    p = submit(TEXT, author=author)
    _answer(p, sec)
    assert mail.outbox == []
    assert notifications.digest_send() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].body.count(p.registration_number) >= 2
    assert notifications.digest_send() == 0  # nothing new
    link = [w for w in mail.outbox[0].body.split() if "/unsubscribe/" in w][0]
    response = client.get(link.replace("http://127.0.0.1:8000", ""))  # no sign-in
    assert response.status_code == 200
    assert NoticeSettings.objects.get(user=author).email == EmailChoice.NONE
    assert client.get(reverse("consultation:unsubscribe", args=["forged"])).status_code == 400
    # RFC 8058 one-click: the mail client POSTs, with no session and no CSRF token
    NoticeSettings.objects.filter(user=author).update(email=EmailChoice.EACH)
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(link.replace("http://127.0.0.1:8000", "")).status_code == 200
    assert NoticeSettings.objects.get(user=author).email == EmailChoice.NONE


def test_my_activity_shows_my_proposals_history_answer_and_deadline(client, english):
    author, sec = _citizen(), secretary()
    p = submit(TEXT, author=author)
    Proposal.objects.filter(pk=p.pk).update(submitted_at=dt.datetime(2025, 10, 8, 6, tzinfo=dt.UTC))
    _answer(Proposal.objects.get(pk=p.pk), sec)
    client.force_login(author)
    page = client.get(reverse("consultation:activity")).content.decode()
    assert p.registration_number in page and "Предложение учтено в статье 53." in page
    assert 'data-deadline="2025-10-30"' in page  # fifteen working days (APPC Art. 76)
    assert "Art. 76" in page and "Under review" in page and "Accepted" in page
    assert "has received an official answer" in page  # the notification, in the site


def test_the_account_page_lists_my_proposals_and_links_to_my_activity(client, english):
    author = _citizen()
    p = submit(TEXT, author=author)
    client.force_login(author)
    page = client.get(reverse("accounts:index")).content.decode()
    assert p.registration_number in page and reverse("consultation:activity") in page


def test_my_own_repeats_are_not_others_and_i_am_not_offered_to_support_my_own(client, english):
    author = _citizen()
    first = submit(TEXT, author=author)
    second = submit(TEXT, author=author, serial=1)
    assert Proposal.objects.get(pk=second.pk).duplicate_group  # the two are one duplicate group
    client.force_login(author)
    page = client.get(second.get_absolute_url()).content.decode()
    assert "Same text sent by others" not in page and "You sent this text 2 times." in page
    assert reverse("consultation:support", args=[second.registration_number]) not in page
    assert 'id="deadline"' in page
    other = _citizen("other", email="o@example.kz")
    submit(TEXT, author=other, serial=3)  # now someone else sent it too
    client.force_login(author)
    assert "Same text sent by others" in client.get(second.get_absolute_url()).content.decode()
    client.force_login(other)
    page = client.get(first.get_absolute_url()).content.decode()
    assert "Same text sent by others" in page and "You sent this text" not in page
    assert reverse("consultation:support", args=[first.registration_number]) in page


def test_a_verified_citizen_does_not_type_the_iin_again(client, english):
    author = _citizen()
    citizen_verify(user=author, iin=valid_iin(7), birth_date=dt.date(1985, 4, 12))
    client.force_login(author)
    form = client.get(reverse("consultation:submit")).content.decode()
    assert 'id="iin-verified"' in form and 'name="iin"' not in form
    response = client.post(reverse("consultation:submit"), {
        "kind": "proposal", "surname": "Серіков", "name": "Айдос", "region": "Astana", "language": "ru", "text": TEXT,
    })  # fmt: skip
    assert response.status_code == 302
    p = Proposal.objects.get(author=author)
    assert p.applicant_iin_hash == author.profile.iin_hash


def test_overdue_answers_are_flagged_to_the_working_group(client, english):
    author = _citizen()
    late = submit(TEXT, author=author)
    fresh = submit("Прошу сохранить смертную казнь под запретом навсегда.", author=author, serial=2)
    Proposal.objects.filter(pk=late.pk).update(submitted_at=timezone.now() - dt.timedelta(days=40))
    client.force_login(secretary())
    page = client.get(reverse("consultation:overdue")).content.decode()
    assert late.registration_number in page and fresh.registration_number not in page
    assert "1 proposal is overdue." in page
    client.force_login(author)
    assert client.get(reverse("consultation:overdue")).status_code == 403
    assert "data-overdue" in client.get(reverse("consultation:activity")).content.decode()


def test_a_commission_decision_on_a_followed_proposal_and_article_is_notified(settings):
    from atazan.commission import services as cs
    from tests.commission.setup_helpers import proposal_make, small_commission, start_draft, vote_all

    c = small_commission(settings)
    start_draft(c)
    proposal_make("ЗТ-1", articles=("2",))
    reader = _citizen("reader", email="reader@example.kz", language="ru")
    Follow.objects.create(user=reader, kind=FollowKind.PROPOSAL, key="ЗТ-1")
    scholar = _citizen("scholar", email="scholar@example.kz", language="en")
    Follow.objects.create(user=scholar, kind=FollowKind.ARTICLE, key="2")
    item = cs.agenda_item_add(actor=c.secretary, session=c.session, title="One chamber", articles=["2"],
                              proposals=["ЗТ-1"])  # fmt: skip
    vote_all(c, item, "ffffa-")
    decision = cs.decision_record(actor=c.secretary, item=item, kind="modify", summary="One chamber")
    mine = Notification.objects.get(user=reader, code="commission_decision")
    assert mine.proposal == "ЗТ-1" and notifications.notification_text(mine, "ru") == (
        f"Решение Комиссии {decision.number} касается предложения ЗТ-1."
    )
    theirs = Notification.objects.get(user=scholar, code="commission_decision_article")
    expected = f"The Commission's decision {decision.number} concerns Article 2."
    assert notifications.notification_text(theirs, "en") == expected


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_notification_template_is_translated(language):
    from django.utils import translation

    for code, template in notifications.TEMPLATES.items():
        with translation.override(language):
            assert translation.gettext(template) != template, (language, code)


def test_the_deadline_and_the_dispatch_are_reproduced_by_commands():
    import json

    from typer.testing import CliRunner

    from atazan.consultation.cli import app

    shown = CliRunner().invoke(app, ["deadline", "2025-10-08"])
    assert shown.exit_code == 0 and json.loads(shown.stdout)["due"] == "2025-10-30"
    saturday = json.loads(CliRunner().invoke(app, ["deadline", "2026-03-21"]).stdout)
    assert saturday["registered"] == "2026-03-26"  # Nauryz and its moved days off: registered the next working day
    assert CliRunner().invoke(app, ["deadline", "2028-01-03"]).exit_code == 2  # no calendar for 2028: refused
    assert CliRunner().invoke(app, ["deadline", "someday"]).exit_code == 2
    author, sec = _citizen(), secretary()
    p = submit(TEXT, author=author)
    StatusChange = Proposal.history.rel.related_model  # noqa: N806
    StatusChange.objects.bulk_create([StatusChange(proposal=p, from_status="registered", to_status="under_review",
                                                   decided_by=sec, decided_at=timezone.now())])  # fmt: skip
    first = json.loads(CliRunner().invoke(app, ["notify"]).stdout)
    again = json.loads(CliRunner().invoke(app, ["notify"]).stdout)
    assert first["notifications"] == 1 and again["notifications"] == 0


def test_before_choosing_one_is_written_to_in_the_language_of_one_s_proposal():
    author, sec = citizen("nochoice"), secretary()
    author.email = "n@example.kz"
    author.save(update_fields=["email"])
    p = submit(TEXT, author=author, language="ru")
    _answer(p, sec)
    assert f"На предложение {p.registration_number} дан официальный ответ" in mail.outbox[-1].body


def test_a_campaign_answered_at_once_is_notified_by_the_worker_in_a_few_queries():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django_tasks_db.models import DBTaskResult

    author, sec = _citizen(), secretary()
    at = dt.datetime(2026, 1, 5, 6, tzinfo=dt.UTC)
    numbers = [f"EO-20260105-{i:08X}" for i in range(300)]
    Proposal.objects.bulk_create([
        Proposal(registration_number=n, author=author, applicant_surname="Сериков", applicant_name="Айдос",
                 region="Astana", language="ru", text=TEXT, normal_text=TEXT.lower(), submitted_at=at,
                 duplicate_group=numbers[0])
        for n in numbers
    ])  # fmt: skip
    services.group_answer(group=numbers[0], status="rejected", answer="Не поддержано.", decided_by=sec)
    assert Notification.objects.count() == 0  # 600 changes: left to `atazan worker`, the answer does not wait
    assert DBTaskResult.objects.filter(task_path__endswith="notifications_run").count() == 1
    with CaptureQueriesContext(connection) as queries:
        made = notifications.notifications_dispatch(email=False)
    assert made == 600 and len(queries) < 40
    assert Notification.objects.filter(user=author, code="answered").count() == 300


def test_an_article_or_a_theme_is_followed_from_the_proposals_list(client, english):
    reader = _citizen("reader", email="r@example.kz")
    client.force_login(reader)
    page = client.get(reverse("consultation:index") + "?article=53").content.decode()
    assert 'id="follow-article"' in page
    response = client.post(reverse("consultation:follow"), {"kind": "article", "key": "53",
                                                            "next": "/consultation/?article=53"})  # fmt: skip
    assert response.status_code == 302 and response["Location"] == "/consultation/?article=53"
    assert Follow.objects.filter(user=reader, kind="article", key="53").exists()
    refused = client.post(reverse("consultation:follow"), {"kind": "article", "key": "fifty"}, follow=True)
    assert "Nothing to follow" in refused.content.decode() and Follow.objects.filter(user=reader).count() == 1
