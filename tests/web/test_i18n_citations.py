"""Law citations in the reader's language (GLOSSARY.md): the number before "бап" in Kazakh, "п. 2 ст. 92" in Russian;
short interface strings that Django's own catalogue would otherwise translate get a context (issue 15)."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

CASES = [
    ("kk", "{% cite 53 %}", "53-бап"),
    ("ru", "{% cite 53 %}", "ст. 53"),
    ("en", "{% cite 53 %}", "Art. 53"),
    ("kk", "{% cite 92 2 %}", "92-баптың 2-тармағы"),
    ("ru", "{% cite 92 2 %}", "п. 2 ст. 92"),
    ("kk", "{% cite 46 sub=3 %}", "46-баптың 3) тармақшасы"),
    ("ru", "{% cite 46 sub=3 %}", "подп. 3) ст. 46"),
    ("kk", "{% cite 92 2 year=2026 %}", "2026 жылғы Конституцияның 92-бабының 2-тармағы"),
    ("ru", "{% cite 92 2 year=2026 %}", "п. 2 ст. 92 Конституции 2026 года"),
    ("en", "{% cite 92 2 year=2026 %}", "Constitution 2026, Art. 92(2)"),
    ("kk", '{{ "Constitution 2026, Art. 92(2)"|citation }}', "2026 жылғы Конституцияның 92-бабының 2-тармағы"),
    ("ru", '{{ "Art. 53"|citation }}', "ст. 53"),
    ("ru", '{{ "not a citation"|citation }}', "not a citation"),
]


@pytest.mark.parametrize(("language", "source", "expected"), CASES)
def test_citation_follows_the_glossary(language: str, source: str, expected: str) -> None:
    with translation.override(language):
        assert Template("{% load citations %}" + source).render(Context()) == expected


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_citation_template_has_a_translation_with_the_same_fields(language: str) -> None:
    import string

    from atazan.web.templatetags.citations import CONTEXT, TEMPLATES

    with translation.override(language):
        for english in TEMPLATES.values():
            translated = translation.pgettext(CONTEXT, english)
            assert translated != english, english
            fields = {f for _, f, _, _ in string.Formatter().parse(english) if f}
            assert {f for _, f, _, _ in string.Formatter().parse(translated) if f} == fields, english


@pytest.mark.parametrize(("language", "wrong"), [("kk", "Өзгерту"), ("ru", "Изменить")])
def test_language_switch_button_is_not_djangos_change(client, language: str, wrong: str) -> None:
    client.cookies["atazan_language"] = language
    html = client.get("/").content.decode()
    noscript = html.split("<noscript>", 1)[1].split("</noscript>", 1)[0]
    assert wrong not in noscript
    assert f'lang="{"en"}"' in html  # the language names are each in their own language


@pytest.mark.parametrize(
    ("language", "expected"),
    [("kk", "2026 жылғы Конституцияның 21-бабының 1-тармағы"), ("ru", "п. 1 ст. 21 Конституции 2026 года")],
)
def test_a_provision_label_is_cited_with_its_constitution(language: str, expected: str) -> None:
    with translation.override(language):
        html = Template('{% load citations %}{{ "Art. 21(1)"|citation:2026 }} / {{ "Preamble"|citation }}')
        assert html.render(Context()) == expected + " / " + {"kk": "Кіріспе", "ru": "Преамбула"}[language]
