"""The Commission under the accounts permission matrix, the secretariat's pages, members voting on the session page,
and decisions reaching the proposals through consultation's own workflow."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from atazan.accounts.domain.permissions import ACTIONS as MATRIX
from atazan.accounts.domain.roles import Role
from atazan.accounts.services import PermissionRefused
from atazan.audit.models import AuditEntry
from atazan.commission import services as cs
from atazan.commission import services_drafts as ds
from atazan.commission.domain import drafting as dd
from atazan.commission.domain.errors import CommissionError, CommissionPermissionError
from atazan.commission.models import AgendaItem, Attendance, Decision, Session, Speaker, Vote
from atazan.commission.permissions import ACTIONS
from atazan.consultation.models import Proposal, StatusChange, Theme

from .setup_helpers import proposal_make, small_commission, start_draft, user, vote_all

pytestmark = pytest.mark.django_db
BACKEND = "atazan.accounts.backends.ThrottledModelBackend"


def test_every_commission_write_maps_onto_a_commission_action_of_the_matrix() -> None:
    assert set(ACTIONS.values()) <= set(MATRIX)
    assert all(action.startswith("commission.") for action in ACTIONS.values())
    # the secretariat's record is the secretary's alone; votes are the members'
    assert {a for a, spec in MATRIX.items() if Role.COMMISSION_SECRETARY in spec.roles} >= {
        ACTIONS[k]
        for k in (
            "session.schedule",
            "agenda.add",
            "speaker.add",
            "attendance.record",
            "decision.record",
            "draft.start",
            "draft.final",
        )
    }
    assert MATRIX[ACTIONS["vote.cast"]].roles == {Role.COMMISSION_MEMBER}


@pytest.mark.parametrize("role", [Role.COMMISSION_MEMBER, Role.CITIZEN, Role.MODERATOR, Role.ADMINISTRATOR, None])
def test_the_secretariat_s_writes_are_refused_to_every_other_role_and_write_nothing(settings, role) -> None:
    c = small_commission(settings)
    start_draft(c)
    item = cs.agenda_item_add(actor=c.secretary, session=c.session, title="Art. 2", articles=["2"])
    vote_all(c, item, "ffffff")
    if role is None:
        actor = AnonymousUser()
    else:
        actor = user(f"someone-{role.value}", role)
        actor.is_superuser = True  # the superuser flag grants no action of the matrix
        actor.save()
    before = (
        Session.objects.count(),
        AgendaItem.objects.count(),
        Speaker.objects.count(),
        Attendance.objects.count(),
        Decision.objects.count(),
        AuditEntry.objects.count(),
    )
    calls = {
        "commission.session.schedule": lambda: cs.session_schedule(
            actor=actor, number=2, date=date(2026, 1, 25), title="x"
        ),
        "commission.session.schedule ": lambda: cs.agenda_item_add(
            actor=actor, session=c.session, title="x", theme="y"
        ),
        "commission.session.schedule  ": lambda: cs.speaker_add(actor=actor, session=c.session, name="Guest"),
        "commission.attendance.record": lambda: cs.attendance_record(actor=actor, session=c.session, present=[]),
        "commission.decision.record": lambda: cs.decision_record(actor=actor, item=item, kind="accept", summary="x"),
        "commission.minutes.publish": lambda: cs.minutes_publish(actor=actor, session=c.session, text="x"),
        "commission.draft.publish": lambda: ds.draft_version_create(actor=actor, date=date(2026, 2, 1), title="x"),
    }
    for action, call in calls.items():
        with pytest.raises(PermissionRefused, match=f"may not {action.strip()}: it requires the role"):
            call()
    after = (
        Session.objects.count(),
        AgendaItem.objects.count(),
        Speaker.objects.count(),
        Attendance.objects.count(),
        Decision.objects.count(),
        AuditEntry.objects.count(),
    )
    assert after == before


def test_a_member_votes_only_for_themself_and_the_secretary_cannot_vote(settings) -> None:
    c = small_commission(settings)
    item = cs.agenda_item_add(actor=c.secretary, session=c.session, title="x", theme="Procedure")
    outsider = user("not-on-the-list", Role.COMMISSION_MEMBER)  # the role without a seat
    with pytest.raises(CommissionPermissionError, match="only a member of the Commission votes, for themself"):
        cs.vote_cast(actor=outsider, item=item, choice="for")
    with pytest.raises(PermissionRefused, match="commission.vote.cast: it requires the role commission_member"):
        cs.vote_cast(actor=c.secretary, item=item, choice="for")
    assert Vote.objects.count() == 0


def test_a_comment_needs_a_verified_citizen_or_a_member(settings) -> None:
    c = small_commission(settings)
    start_draft(c)
    item = cs.agenda_item_add(actor=c.secretary, session=c.session, title="x", articles=["2"])
    vote_all(c, item, "ffffff")
    cs.decision_record(
        actor=c.secretary,
        item=item,
        kind="accept",
        summary="x",
        changes=[dd.ArticleChange(dd.ChangeKind.AMEND, "2", "1. Одна палата.")],
    )
    draft = ds.draft_version_create(actor=c.secretary, date=date(2026, 1, 31), title="Draft 2", publish=True)
    unverified = user("unverified")
    with pytest.raises(PermissionRefused, match="commission.comment.post"):
        ds.comment_submit(actor=unverified, version=draft, article="2", paragraph="", text="x")
    ds.comment_submit(actor=c.member_user(3), version=draft, article="2", paragraph="", text="Член комиссии")


def test_agenda_items_name_real_articles_and_registered_proposals(settings) -> None:
    c = small_commission(settings)
    with pytest.raises(CommissionError, match="unknown: ЗТ-0000"):
        cs.agenda_item_add(actor=c.secretary, session=c.session, title="x", articles=["2"], proposals=["ЗТ-0000"])
    with pytest.raises(CommissionError, match="not 'Art. 2'"):
        cs.agenda_item_add(actor=c.secretary, session=c.session, title="x", articles=["Art. 2"])
    assert AgendaItem.objects.count() == 0


def _decided(settings, kind: str = "modify", votes: str = "ffffa-"):  # type: ignore[no-untyped-def]
    c = small_commission(settings)
    start_draft(c)
    proposal_make("ЗТ-1", articles=("2",))
    proposal_make("ЗТ-2", articles=("2",), language="kk")
    proposal_make("ЗТ-3", articles=("2",), status="out_of_scope")
    item = cs.agenda_item_add(
        actor=c.secretary, session=c.session, title="One chamber", articles=["2"], proposals=["ЗТ-1", "ЗТ-2", "ЗТ-3"]
    )
    vote_all(c, item, votes)
    decision = cs.decision_record(actor=c.secretary, item=item, kind=kind, summary="The Kurultai has one chamber")
    return c, decision


def test_the_working_group_answers_the_proposals_with_the_decision_through_consultation(settings) -> None:
    c, decision = _decided(settings)
    with pytest.raises(PermissionRefused, match="consultation.proposal.answer"):
        cs.decision_answer_proposals(actor=c.secretary, decision=decision)  # the secretariat does not answer citizens
    wg = user("wg", Role.WORKING_GROUP_SECRETARY)
    report = cs.decision_answer_proposals(actor=wg, decision=decision)
    assert report.answered == ["ЗТ-1", "ЗТ-2"] and report.skipped == {"ЗТ-3": "already out_of_scope"}
    p = Proposal.objects.get(registration_number="ЗТ-1")
    assert p.status == "partly_accepted" and p.answered_by == wg
    # each proposal is answered in its own language
    assert p.answer.startswith("Конституционная комиссия, решение 1/1 от 24 января 2026")
    assert "Запись: /commission/sessions/1/#item-1" in p.answer and "Голосование: за — 4, против — 1" in p.answer
    kk = Proposal.objects.get(registration_number="ЗТ-2").answer
    assert kk.startswith("Конституциялық комиссияның 1/1 шешімі") and "Жазба: /commission/sessions/1/#item-1" in kk
    assert "decision 1/1" in cs.decision_answer_text(decision) and "Record: /commission/" in cs.decision_answer_text(
        decision
    )
    assert list(StatusChange.objects.filter(proposal=p).values_list("to_status", flat=True)) == [
        "under_review",
        "partly_accepted",
    ]
    again = cs.decision_answer_proposals(actor=wg, decision=decision)  # answered once
    assert again.answered == [] and again.skipped["ЗТ-1"] == "already partly_accepted"


def test_a_decision_not_adopted_answers_no_proposal(settings) -> None:
    c, decision = _decided(settings, kind="accept", votes="ffaaa-")
    assert not decision.adopted
    with pytest.raises(CommissionError, match="not adopted answers no proposal"):
        cs.decision_answer_proposals(actor=user("wg", Role.WORKING_GROUP_SECRETARY), decision=decision)
    assert Proposal.objects.get(registration_number="ЗТ-1").status == "registered"


def test_the_commission_page_of_a_proposal_leads_to_its_decision(settings, english) -> None:
    _decided(settings)
    response = Client().get("/commission/proposals/ЗТ-1/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "/commission/sessions/1/#item-1" in body and "Decision 1/1</a>: Proposal accepted with modifications" in body
    assert "/commission/articles/2/" in body
    assert Client().get("/commission/proposals/NO-SUCH/").status_code == 404


def _client(u) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(u, backend=BACKEND)
    return client


def test_secretariat_pages_are_the_secretary_s(settings) -> None:
    c = small_commission(settings)
    for u in (c.member_user(0), user("cit", Role.CITIZEN)):
        assert _client(u).get("/commission/secretariat/").status_code == 403
        assert _client(u).get("/commission/sessions/1/manage/").status_code == 403
        assert _client(u).post("/commission/sessions/1/manage/agenda/", {"title": "x", "theme": "y"}).status_code == 403
    assert Client().get("/commission/secretariat/").status_code == 403
    assert AgendaItem.objects.count() == 0
    assert _client(c.secretary).get("/commission/secretariat/").status_code == 200


def test_the_secretary_schedules_sets_the_agenda_records_attendance_speakers_and_the_decision(settings, english):
    c = small_commission(settings, present=0)
    start_draft(c)
    proposal_make("ЗТ-10", articles=("2",), group="ЗТ-10")
    proposal_make("ЗТ-11", articles=("2",), group="ЗТ-10")
    Theme.objects.create(
        number=4,
        label="Однопалатный парламент",
        size=2,
        representatives=["ЗТ-10"],
        engine="test",
        computed_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    sec = _client(c.secretary)
    response = sec.post(
        "/commission/secretariat/",
        {
            "number": 2,
            "date": "2026-01-27",
            "title": "Парламент",
            "broadcast_url": "https://www.youtube.com/watch?v=abc",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/commission/sessions/2/manage/"
    htmx = {"HTTP_HX_REQUEST": "true"}
    response = sec.post(
        "/commission/sessions/2/manage/agenda/",
        {"title": "Одна палата", "articles": "2", "theme_number": "4", "proposals": ""},
        **htmx,
    )
    assert response.status_code == 200 and b'id="agenda"' in response.content and b"<html" not in response.content
    item = AgendaItem.objects.get(session__number=2)
    assert (item.articles, item.theme, item.proposals) == (["2"], "Однопалатный парламент", ["ЗТ-10"])
    response = sec.post(
        "/commission/sessions/2/manage/agenda/", {"title": "x", "articles": "2", "proposals": "NOPE-1"}, **htmx
    )
    assert "unknown: NOPE-1" in response.content.decode()
    response = sec.post(
        "/commission/sessions/2/manage/attendance/", {"present": [str(m.pk) for m in c.members[:5]]}, **htmx
    )
    assert "5 present" in response.content.decode()
    response = sec.post("/commission/sessions/2/manage/speakers/", {"seat": "1", "topic": "Доклад"}, **htmx)
    assert "Member 1 — Доклад" in response.content.decode()
    assert (
        "No member holds seat 99"
        in sec.post("/commission/sessions/2/manage/speakers/", {"seat": "99"}, **htmx).content.decode()
    )

    # members vote on the public session page (htmx swaps the item)
    m1 = _client(c.member_user(0))
    page = m1.get("/commission/sessions/2/").content.decode()
    assert "Vote as Member 1" in page
    response = m1.post("/commission/sessions/2/items/1/vote/", {"choice": "for"}, **htmx)
    assert response.status_code == 200 and "Your vote is recorded." in response.content.decode()
    assert 'id="item-1"' in response.content.decode() and "<html" not in response.content.decode()
    assert (
        "each member votes once"
        in m1.post("/commission/sessions/2/items/1/vote/", {"choice": "against"}, **htmx).content.decode()
    )
    for k, choice in ((1, "for"), (2, "for"), (3, "against")):
        cs.vote_cast(actor=c.member_user(k), item=item, choice=choice)

    response = sec.post(
        "/commission/sessions/2/items/1/decision/",
        {
            "kind": "modify",
            "summary": "Курултай из одной палаты",
            "change_kind": "amend",
            "change_article": "2",
            "change_wording": "1. Курултай состоит из одной палаты.",
        },
        **htmx,
    )
    body = response.content.decode()
    assert "Decision 2/1 recorded." in body and 'data-testid="decision-2/1"' in body and "adopted" in body
    decision = Decision.objects.get(number="2/1")
    assert (decision.votes_for, decision.votes_against, decision.present) == (3, 1, 5)
    assert [(ch.kind, ch.article) for ch in decision.changes.all()] == [("amend", "2")]
    assert AuditEntry.objects.filter(action="commission.decision.record", actor="sec").count() == 1
    again = sec.post("/commission/sessions/2/items/1/decision/", {"kind": "accept", "summary": "x"}, **htmx)
    assert "decision 2/1: a decision is recorded once" in again.content.decode() and Decision.objects.count() == 1


def test_titles_show_in_the_page_s_language_and_a_session_number_is_taken_once(settings) -> None:
    from django.utils import translation

    c = small_commission(settings)
    response = _client(c.secretary).post("/commission/secretariat/", {
        "number": 2, "date": "2026-01-27", "title": "Secular education", "title_kk": "Зайырлы білім беру",
        "title_ru": "Светское образование",
    })  # fmt: skip
    assert response.status_code == 302
    session = Session.objects.get(number=2)
    item = cs.agenda_item_add(
        actor=c.secretary, session=session, title="Schools", theme="Education", titles={"ru": "Школы"}
    )
    expected = {
        "kk": ("Зайырлы білім беру", "Schools"),  # no Kazakh variant of the item: the title as recorded
        "ru": ("Светское образование", "Школы"),
        "en": ("Secular education", "Schools"),
    }
    for language, titles in expected.items():
        with translation.override(language):
            assert (session.local_title, item.local_title) == titles
    page = Client(HTTP_ACCEPT_LANGUAGE="ru").get("/commission/sessions/2/")
    assert "Светское образование" in page.content.decode()
    with pytest.raises(CommissionError, match="variants in kk, ru only, not de"):
        cs.session_schedule(actor=c.secretary, number=3, date=date(2026, 1, 28), title="x", titles={"de": "y"})
    with pytest.raises(CommissionError, match="the number is taken by the session of 2026-01-27"):
        cs.session_schedule(actor=c.secretary, number=2, date=date(2026, 1, 28), title="Another")
    same = cs.session_schedule(actor=c.secretary, number=2, date=date(2026, 1, 27), title="Secular education")
    assert same == session
    cs.titles_translate(actor=c.secretary, session=session, item=item, titles={"kk": "Мектептер", "ru": "Другое"})
    item.refresh_from_db()
    assert item.titles == {"ru": "Школы", "kk": "Мектептер"}  # a recorded variant is kept
    with pytest.raises(PermissionRefused):
        cs.titles_translate(actor=c.member_user(0), session=session, titles={"kk": "x"})


def test_the_new_pages_speak_kazakh_and_russian(settings) -> None:
    c = small_commission(settings)
    start_draft(c)
    for k in range(5):
        proposal_make(f"ЗТ-{k}", articles=("2",), group="ЗТ-0" if k < 2 else "")
    pages = {
        "kk": ("Конституциялық комиссияның хатшылығы", "Талқылаудағы 5 ұсыныс осы бапқа қатысты"),
        "ru": ("Секретариат Конституционной комиссии", "5 предложений в обсуждении касаются этой статьи"),
    }
    for language, (secretariat, counts) in pages.items():
        client = _client(c.secretary)
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
        assert secretariat in client.get("/commission/secretariat/").content.decode()
        story = Client(HTTP_ACCEPT_LANGUAGE=language).get("/commission/articles/2/").content.decode()
        assert counts in story
