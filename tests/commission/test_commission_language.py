"""The Commission's pages and refusals in Kazakh and Russian (issue 15): the session page with its votes, decision and
published minutes, and the secretariat's page of the session, carry no English; a refusal of the domain is a coded
``Msg`` that renders in the reader's language."""

from __future__ import annotations

import pytest
from django.test import Client

from atazan.commission import services as cs
from atazan.commission.domain.errors import CommissionError, QuorumError
from atazan.commission.domain.messages import Msg
from atazan.commission.domain.voting import Tally, vote_outcome
from atazan.commission.selectors import minutes_compose
from atazan.commission.translation import refusal_text, said
from atazan.web.english_share import english_words, page_share

from .setup_helpers import small_commission, vote_all

pytestmark = pytest.mark.django_db

LANGUAGES = ("kk", "ru")
TITLE = {"kk": "Өлім жазасын Конституцияда жою", "ru": "Отмена смертной казни в Конституции"}


def _client(language: str, user=None) -> Client:  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.cookies["atazan_language"] = language
    if user is not None:
        client.force_login(user)
    return client


def _decided_session(settings):  # type: ignore[no-untyped-def]
    c = small_commission(settings)
    cs.titles_translate(actor=c.secretary, session=c.session, titles={"kk": "Бірінші отырыс", "ru": "Первое заседание"})
    item = cs.agenda_item_add(
        actor=c.secretary, session=c.session, title="Abolition of the death penalty", articles=["17"], titles=TITLE
    )
    vote_all(c, item, "ffffax")
    decision = cs.decision_record(
        actor=c.secretary, item=item, kind="accept", summary="Abolition of the death penalty: accepted"
    )
    cs.texts_translate(
        actor=c.secretary,
        record=decision,
        translations={"kk": {"summary": f"{TITLE['kk']}: қабылданды"}, "ru": {"summary": f"{TITLE['ru']}: принято"}},
    )
    cs.minutes_publish(
        actor=c.secretary,
        session=c.session,
        text=minutes_compose(session=c.session),
        translations={lang: minutes_compose(session=c.session, language=lang) for lang in LANGUAGES},
    )
    return c, decision


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_session_minutes_and_the_decision_read_without_english(settings, language: str) -> None:
    c, decision = _decided_session(settings)
    # The record keeps English; its translations carry the vote's explanation and the rules' source.
    assert decision.explanation.startswith("adopted: 4 for, 1 against, 1 abstained")
    assert decision.translations[language]["explanation"] != decision.explanation
    assert decision.translations[language]["rule_source"] != decision.rule_source
    c.session.refresh_from_db()
    assert "Minutes of session 1" in c.session.minutes
    minutes = c.session.translations[language]["minutes"]
    assert not english_words(minutes.split()), minutes
    for path, user in (("/commission/sessions/1/", None), ("/commission/sessions/1/manage/", c.secretary)):
        response = _client(language, user).get(path)
        assert response.status_code == 200
        html = response.content.decode()
        share = page_share(path, html)
        assert share.share <= 0.01, (path, share.english)
        assert TITLE[language] in html
        if user is None:  # the public page shows the minutes in the reader's language
            assert minutes.splitlines()[0].lstrip("# ") in html


def test_an_outcome_renders_in_kazakh_and_russian() -> None:
    outcome = vote_outcome(Tally(130, 100, 60, 30, 10))
    assert isinstance(outcome.explanation, Msg) and outcome.explanation.code == "adopted"
    assert said(outcome.explanation, "en").startswith("adopted: 60 for")
    assert said(outcome.explanation, "ru").startswith("принято: за — 60, против — 30, воздержались — 10; нужно 51")
    assert said(outcome.explanation, "kk").startswith("қабылданды: 60 — қолдап")
    for language in LANGUAGES:
        assert not english_words(said(outcome.explanation, language).split())
        assert not english_words(said(outcome.source, language).split())


def test_a_refusal_is_a_coded_message_in_the_reader_s_language(settings) -> None:
    c = small_commission(settings, present=3)  # quorum is 4 of 6
    item = cs.agenda_item_add(actor=c.secretary, session=c.session, title="Item", articles=["2"])
    vote_all(c, item, "fff")
    with pytest.raises(QuorumError) as refused:
        cs.decision_record(actor=c.secretary, item=item, kind="accept", summary="x")
    error = refused.value
    assert isinstance(error, CommissionError) and error.code == "decision_no_quorum"
    assert error.msg.code == "decision_no_quorum" and error.msg.domain == "commission"
    assert refusal_text(error, "en") == str(error)
    assert str(error).startswith("decision 1/1: no decision without a quorum (no quorum: 3 present, 4 needed")
    assert refusal_text(error, "ru").startswith("решение 1/1: без кворума решение не принимается (нет кворума: ")
    assert refusal_text(error, "kk").startswith("1/1 шешім: кворумсыз шешім қабылданбайды (кворум жоқ: ")
    for language in LANGUAGES:
        assert not english_words(refusal_text(error, language).split()), refusal_text(error, language)


def test_a_refused_vote_shows_on_the_page_in_the_reader_s_language(settings) -> None:
    c = small_commission(settings, present=5)  # the sixth member is absent
    item = cs.agenda_item_add(actor=c.secretary, session=c.session, title="Item", articles=["2"])
    with pytest.raises(CommissionError) as refused:
        cs.vote_cast(actor=c.member_user(5), item=item, choice="for")
    assert refused.value.code == "vote_absent"
    response = _client("ru", c.member_user(5)).post(
        "/commission/sessions/1/items/1/vote/", {"choice": "for"}, HTTP_HX_REQUEST="true"
    )
    assert "голосуют только члены, зарегистрированные присутствующими" in response.content.decode()


def test_the_rules_file_gives_each_source_in_three_languages() -> None:
    import yaml

    from atazan.commission.rules import RULES_FILE, majority_rule, quorum_rule

    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    for part in ("quorum", "majority"):
        assert set(data[part]["source"]) == {"en", "kk", "ru"}
    for language in LANGUAGES:
        for rule in (quorum_rule(language), majority_rule(language)):
            assert not english_words(str(rule.source).split()), rule.source
    assert "People's Council" in str(quorum_rule("en").source)


def test_a_refusal_of_the_permission_matrix_reads_in_the_reader_s_language(settings) -> None:
    from atazan.accounts.services import PermissionRefused

    c = small_commission(settings)
    with pytest.raises(PermissionRefused) as refused:
        cs.session_schedule(actor=c.member_user(3), number=2, date=c.session.date, title="x")
    for language in LANGUAGES:
        assert not english_words(refusal_text(refused.value, language).split()), refusal_text(refused.value, language)
