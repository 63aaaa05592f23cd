"""Every sentence the referendum's domain returns as a template (and every new page string about completeness) has
a Kazakh and a Russian translation with the same fields; a stored refusal is shown in the reader's language."""

from __future__ import annotations

from string import Formatter

import pytest
from django.utils import translation

from atazan.referendum import services
from atazan.referendum.domain.messages import TEMPLATES, msg
from atazan.referendum.domain.protocol_io import read_csv
from atazan.referendum.translation import msg_render

from . import factories

PAGE_STRINGS = [
    "Final: every precinct counted",
    "Provisional",
    "the result is incomplete and may change",
    "%(reported)s of %(registered)s precincts counted",
    "On the precinct register",
    "Not on the precinct register: no protocol is counted for it",
]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_template_has_a_translation_with_the_same_fields(language: str) -> None:
    with translation.override(language):
        for code, template in TEMPLATES.items():
            shown = translation.gettext(template)
            assert shown != template, f"{language}: no translation for {code}"
            assert _fields(shown) == _fields(template), f"{language}: fields differ in {code}"
        for text in PAGE_STRINGS:
            assert translation.gettext(text) != text, f"{language}: no translation for {text!r}"


def test_a_message_writes_its_figures_as_the_reader_s_language_does() -> None:
    message = msg("counted", reported=7, registered=10459)
    assert message.render() == "7 of 10459 precincts counted"
    with translation.override("ru"):
        assert msg_render(message) == "учтено 7 из 10\u00a0459 участков"  # a no-break space: never split
    with translation.override("en"):
        assert msg_render(message) == "7 of 10,459 precincts counted"
    with pytest.raises(ValueError, match="fields"):
        msg("counted", reported=1)


@pytest.mark.django_db
def test_a_stored_refusal_is_shown_in_the_readers_language(client) -> None:  # type: ignore[no-untyped-def]
    q = factories.question()
    csv = "precinct,unit,registered,took_part,yes,no,invalid,not_counted\nnowhere-1,Astana,100,60,50,5,5,0\n"
    services.protocols_import(question=q, parsed=read_csv(csv), source="f.csv", actor="console")
    client.cookies["django_language"] = "ru"
    page = client.get(f"/referendum/{q.slug}/review/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "участка nowhere-1 нет в реестре участков" in page
