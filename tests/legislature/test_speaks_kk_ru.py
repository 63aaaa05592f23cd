"""Issue 15: the legislature speaks through the shared ``atazan.messages`` kernel. A step's note and a refused step's
reason are coded messages (``Msg``), kept in the bill's history as code, template and values and shown in the
reader's language; a bill page in Kazakh or Russian has no English left (at most 1% of its words)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import translation
from rich.console import Console

from atazan.legislature import demo
from atazan.legislature.domain.process import Action, BillState, Move, Stage, TransitionRefused, advance
from atazan.legislature.models import Bill, BillEvent
from atazan.legislature.translation import msg_loaded, msg_render, msg_stored, note_render
from atazan.rules.domain.bill import BillKind
from atazan.web.english_share import english_words, page_share
from tests.legislature.factories import kurultai


@pytest.fixture
def demo_data(db: None) -> None:
    # party and election named as a Kazakh or Russian page would show them (names are not translated)
    kurultai(parties=(("Альфа (тест)", 80), ("Бета (тест)", 65)), title="Құрылтай сайлауы (тест)", deputy="Депутат")
    demo.build(console=Console(quiet=True))


def _page(client: Client, path: str, language: str) -> str:
    client.cookies["atazan_language"] = language
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.usefixtures("demo_data")
@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize(
    "number", ["KB-2026-001", "KB-2026-002", "KB-2026-003", "KB-2026-006", "KB-2026-007", "KB-2026-008", "KB-2027-010"]
)
def test_a_bill_page_in_kazakh_and_russian_has_no_english(client: Client, language: str, number: str) -> None:
    path = f"/legislature/bills/{number}/"
    share = page_share(path, _page(client, path, language))
    assert share.share <= 0.01, share.english


@pytest.mark.usefixtures("demo_data")
def test_the_steps_are_kept_as_coded_messages_and_shown_in_the_readers_language(client: Client) -> None:
    events = list(BillEvent.objects.filter(bill__number="KB-2026-008").order_by("seq"))
    assert [e.message.get("code") for e in events] == [
        "introduced",
        "adoption_vote",
        "presented",
        "objected_with_wording",
        "adopted_as_proposed",
        "signed_as_proposed",
        "published",
    ]
    override = events[4]
    assert msg_loaded(override.message).render() == override.note  # the English is the recorded (audited) note
    ru = note_render(override.message, override.note, "ru")
    kk = note_render(override.message, override.note, "kk")
    assert "редакции, предложенной Президентом" in ru and "п. 2 ст. 56" in ru
    assert "Президент ұсынған редакцияда" in kk
    for text in (ru, kk):
        assert not english_words(text.split()), text
    page = _page(client, "/legislature/bills/KB-2026-008/", "ru")
    assert ru in page and override.note not in page


@pytest.mark.usefixtures("demo_data")
def test_a_step_recorded_before_keeps_its_note_and_the_demo_gives_it_its_message() -> None:
    bill = Bill.objects.get(number="KB-2026-002")
    BillEvent.objects.filter(bill=bill).update(message={})
    first = bill.events.order_by("seq").first()
    assert first is not None
    with translation.override("ru"):
        assert first.note_text == first.note  # an old row shows its note as recorded
    demo.build(console=Console(quiet=True))  # the loader fills what the rows lack
    first.refresh_from_db()
    assert first.message["code"] == "introduced"
    with translation.override("ru"):
        assert first.note_text == "внесён в Курултай; проверки на соответствие Конституции пройдены"
    stored = list(BillEvent.objects.values_list("pk", "message"))
    demo.build(console=Console(quiet=True))  # idempotent
    assert list(BillEvent.objects.values_list("pk", "message")) == stored


def test_a_refused_step_is_a_coded_message_rendered_in_kazakh_and_russian() -> None:
    state = BillState(kind=BillKind.ORDINARY, stage=Stage.INTRODUCED, last_on=dt.date(2026, 10, 1))
    with pytest.raises(TransitionRefused) as refused:
        advance(state, Move(Action.SIGN, dt.date(2026, 10, 2)))
    text = refused.value.text
    assert refused.value.rule == text.code == "procedure" and text.domain == "legislature"
    assert refused.value.message == text.render() and "cannot take the step" in refused.value.message
    assert msg_loaded(msg_stored(text)) == text  # kept as JSON, read back the same
    ru, kk = msg_render(text, "ru"), msg_render(text, "kk")
    assert "на стадии «внесён» шаг «" in ru and "Голосование о принятии" in ru
    assert "«енгізілді» сатысында" in kk
    for shown in (ru, kk):
        assert not english_words(shown.split()), shown
    with pytest.raises(TransitionRefused) as late:
        advance(state, Move(Action.ADOPTION_VOTE, dt.date(2026, 9, 1)))
    assert late.value.text.code == "chronology"
    assert "1 сентября 2026" in msg_render(late.value.text, "ru")
    assert "2026 жылғы 1 қыркүйек" in msg_render(late.value.text, "kk")


@pytest.mark.django_db
def test_the_clerk_is_told_a_refusal_in_russian_with_its_code(client: Client) -> None:
    from atazan.accounts.domain.roles import Role
    from atazan.accounts.services import user_create
    from atazan.legislature.services import bill_advance, bill_submit

    kurultai()
    bill = bill_submit(
        actor="console", number="S-RU", draft={"title": "Т", "initiator": "deputy", "date": "2026-10-20"}
    )
    bill_advance(actor="console", bill=bill, action=Action.INTRODUCE, on=dt.date(2026, 10, 20))
    clerk = user_create(username="clerk-ru", password="pw-clerk-123", roles=[Role.KURULTAI_CLERK])
    client.force_login(clerk, backend="atazan.accounts.backends.ThrottledModelBackend")
    client.cookies["atazan_language"] = "ru"
    url = f"/legislature/bills/{bill.number}/step/"
    step = {"action": "reject", "on": "2026-10-22", "yes": "80", "no": "10", "abstain": "0", "present": "95"}
    no_quorum = client.post(url, step, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert 'data-code="quorum"' in no_quorum
    assert "нет кворума: присутствовали 95 из 145, нужно не менее 97 (п. 5 ст. 58 Конституции 2026 года)" in no_quorum
    assert "no quorum" not in no_quorum
    too_many = client.post(url, {**step, "abstain": "10"}, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert 'data-code="tally_over_present"' in too_many and "подано голосов: 100, а присутствуют только 95" in too_many
    page = _page(client, f"/legislature/bills/{bill.number}/", "ru")
    assert "нет кворума: присутствовали 95 из 145" in page  # the refused step, kept, in the reader's language


@pytest.mark.usefixtures("demo_data")
def test_a_peoples_council_bill_names_its_decision_in_the_readers_language(client: Client) -> None:
    bill = Bill.objects.get(number="KB-2026-001")
    bill.translations = {
        lang: {k: v for k, v in t.items() if k != "initiator_detail"} for lang, t in bill.translations.items()
    }
    bill.save(update_fields=["translations"])  # the decision's title is what the page reads, not the bill's copy
    page = _page(client, "/legislature/bills/KB-2026-001/", "ru")
    assert "Народный Совет Казахстана, сессия 1: Направить в Курултай законопроект о площадках" in page
    assert bill.initiator_detail not in page


@pytest.mark.usefixtures("demo_data")
@pytest.mark.parametrize(("language", "quorum"), [("kk", "58-баптың 5-тармағы"), ("ru", "п. 5 ст. 58")])
def test_a_vote_page_cites_its_articles_as_the_reader_s_language_does(
    client: Client, language: str, quorum: str
) -> None:
    from atazan.legislature.models import Vote

    vote = Vote.objects.filter(bill__number="KB-2026-002").first()
    assert vote is not None
    path = f"/legislature/votes/{vote.pk}/"
    page = _page(client, path, language)
    assert f"({quorum})" in page and "Art." not in page.split("<main", 1)[-1]
    assert page_share(path, page).share <= 0.01


@pytest.mark.django_db
def test_a_refusal_of_the_peoples_council_or_vice_president_workflow_is_coded_and_speaks_kazakh() -> None:
    from atazan.legislature.domain.process import Refused
    from atazan.legislature.services import peoples_council_member_add, vice_president_nominate

    with pytest.raises(Refused) as member:
        peoples_council_member_add(
            actor="console", name="Белгісіз", group="ngo", age=40, term_start=dt.date(2026, 9, 1)
        )
    assert member.value.code == "citizenship_not_given" and "citizenship not given" in str(member.value)
    assert "азаматтығы көрсетілмеген" in msg_render(member.value.text, "kk")
    with pytest.raises(Refused) as party:
        vice_president_nominate(actor="console", candidate="Сапар", on=dt.date(2026, 9, 18), party_member=True)
    assert party.value.code == "vice_president_party_member"
    kk = msg_render(party.value.text, "kk")
    assert kk == "Сапар: 49-баптың 2-тармағы: Вице-Президент саяси партияның мүшесі бола алмайды"


def test_every_stage_and_step_has_its_label_in_the_domain() -> None:
    from atazan.legislature.domain.messages import ACTION_TEXT, STAGE_TEXT

    assert set(STAGE_TEXT) == {stage.value for stage in Stage}
    assert set(ACTION_TEXT) == {action.value for action in Action}
