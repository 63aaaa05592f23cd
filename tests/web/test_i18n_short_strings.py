"""Short interface strings that mean different things in different places carry a context, so Django's own
catalogue no longer wins («Сессии», «Краткая статистика», «Из»); counts have plural forms (issue 15, GLOSSARY.md)."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "right", "wrong"), [("ru", "Заседания", "Сессии"), ("kk", "Отырыстар", "Сессиялар")]
)
def test_commission_page_lists_meetings_not_sessions(client, language: str, right: str, wrong: str) -> None:
    client.cookies["atazan_language"] = language
    html = client.get("/commission/").content.decode()
    assert f">{right}<" in html and f">{wrong}<" not in html


def test_rules_table_column_reads_in_force_from(client) -> None:
    client.cookies["atazan_language"] = "ru"
    html = client.get("/rules/").content.decode()
    assert "<th>Действует с</th>" in html and "<th>Из</th>" not in html


@pytest.mark.parametrize(
    ("context", "msgid", "ru", "kk"),
    [
        ("short account of a text", "Summary", "Краткое содержание", "Қысқаша мазмұны"),
        ("button: record this step", "Record", "Записать", "Тіркеу"),
        ("table column: the record concerned", "Record", "Запись", "Жазба"),
    ],
)
def test_short_strings_have_their_own_translation(context: str, msgid: str, ru: str, kk: str) -> None:
    for language, expected in (("ru", ru), ("kk", kk)):
        with translation.override(language):
            assert translation.pgettext(context, msgid) == expected


@pytest.mark.parametrize(
    ("n", "expected"), [(1, "1 поддержка"), (3, "3 поддержки"), (5, "5 поддержек"), (21, "21 поддержка")]
)
def test_support_count_has_russian_plural_forms(n: int, expected: str) -> None:
    source = (
        "{% load i18n %}{% blocktranslate count n=n %}{{ n }} support{% plural %}{{ n }} supports"
        "{% endblocktranslate %}"
    )
    with translation.override("ru"):
        assert Template(source).render(Context({"n": n})) == expected
