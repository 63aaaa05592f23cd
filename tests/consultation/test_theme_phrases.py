"""Themes named in the reader's language by a phrase (issue 17), not by raw keyword triples mixing languages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from atazan.consultation.domain.theme_phrases import theme_phrase
from atazan.consultation.models import Proposal, Theme
from tests.consultation.helpers import submit

pytestmark = pytest.mark.django_db

RAW = "кеңесінің / көрсетілсін / отырыстары"
RU = "Здравствуйте! Прошу показывать заседания Высшего совета в прямом эфире. Это важно для доверия."
KK = "Құрметті комиссия! Жоғары кеңестің отырыстары тікелей эфирде көрсетілсін. Бұл сенім үшін маңызды."


def test_the_phrase_is_the_first_sentence_after_a_greeting_cut_at_a_word():
    assert theme_phrase(RU) == "Прошу показывать заседания Высшего совета в прямом эфире"
    assert theme_phrase(KK) == "Жоғары кеңестің отырыстары тікелей эфирде көрсетілсін"
    long = theme_phrase("Предлагаю " + "очень " * 40 + "длинное предложение.", limit=40)
    assert len(long) <= 40 and long.endswith("очень…")
    assert theme_phrase("Ст. 53 п. 2 изменить") == "Ст. 53 п. 2 изменить"


@pytest.fixture
def theme():
    ru, kk = submit(RU, serial=1, language="ru"), submit(KK, serial=2, language="kk")
    row = Theme.objects.create(number=1, label=RAW, size=2, representatives=[kk.registration_number,
                               ru.registration_number], engine="test", computed_at=dt.datetime.now(dt.UTC))  # fmt: skip
    Proposal.objects.filter(pk__in=[ru.pk, kk.pk]).update(theme=row)
    return ru


@pytest.mark.parametrize(("lang", "phrase"), [
    ("ru", "Прошу показывать заседания Высшего совета в прямом эфире"),
    ("kk", "Жоғары кеңестің отырыстары тікелей эфирде көрсетілсін"),
    ("en", "Жоғары кеңестің отырыстары тікелей эфирде көрсетілсін"),  # no English text: the most central one
])  # fmt: skip
def test_pages_name_the_theme_in_the_reader_s_language(client, theme, lang, phrase):
    for url in (reverse("consultation:dashboard"), reverse("consultation:index"), theme.get_absolute_url()):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
        assert phrase in page, url
        assert f">{RAW}<" not in page, url  # the keywords only as a tooltip


@pytest.mark.parametrize(("lang", "phrase"), [
    ("ru", "Прошу показывать заседания Высшего совета в прямом эфире"),
    ("kk", "Жоғары кеңестің отырыстары тікелей эфирде көрсетілсін"),
])  # fmt: skip
def test_the_commission_names_a_proposal_s_theme_in_the_reader_s_language(client, theme, lang, phrase):
    from django.utils import translation

    from atazan.commission.proposals_link import proposals_lookup

    with translation.override(lang):
        ref = proposals_lookup([theme.registration_number])[theme.registration_number]
    assert ref.theme == phrase  # not the keyword label, whose words come from proposals in any language
