"""The procedure pages in Kazakh and Russian, and the JSON API."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.test import Client

from atazan.rules.domain.procedures.catalogue import procedure_describe, procedure_keys
from atazan.rules.translation import msg_render

AS_OF = "2026-12-01"


def _page(language: str, path: str) -> str:
    response = Client(HTTP_ACCEPT_LANGUAGE=language).get(path)
    assert response.status_code == 200, path
    return html.unescape(response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("key", procedure_keys())
def test_procedure_page_shows_every_step_translated_with_its_article(key: str, language: str) -> None:
    page = _page(language, f"/rules/procedures/{key}/?as_of={AS_OF}")
    procedure = procedure_describe(key, as_of=dt.date.fromisoformat(AS_OF))
    # rendered as the pages render them: the rules context's own catalogue first ("Signature" is «Подписание» here,
    # «Подпись» in the audit and referendum catalogues)
    title = msg_render(procedure.title, language)
    steps = [msg_render(s.text, language) for s in procedure.steps]
    assert title != procedure.title.render() and title in page
    for step, english in zip(steps, procedure.steps, strict=True):
        assert step in page and english.text.render() not in page
    lang = "kaz" if language == "kk" else "rus"
    first = procedure.steps[0].citation
    assert f"/texts/{first.constitution}/{lang}/art/{first.article.split('(')[0]}/" in page


@pytest.mark.django_db
def test_removal_page_in_russian_shows_the_majorities_of_145() -> None:
    page = _page("ru", f"/rules/procedures/removal/?as_of={AS_OF}")
    assert "Не менее 49 депутатов (треть)" in page
    assert "Окончательное решение — 109 голосами" in page
    assert "Конституция 2026" in page and "ст. 50(3)" in page
    # The official words of Art. 50(3), quoted next to the step, linked to the provision on the article's page.
    assert "выдвигается не менее чем одной третью от общего числа депутатов Курултая" in page
    assert 'href="/texts/2026/rus/art/50/#art_50__para_3"' in page


@pytest.mark.django_db
def test_priority_page_marks_the_assumption_in_kazakh() -> None:
    page = _page("kk", f"/rules/procedures/priority/?as_of={AS_OF}")
    assert "2 ай ішінде" in page and "болжам" in page
    assert "legislature.priority_bill_period_starts" in page


@pytest.mark.django_db
def test_index_lists_every_procedure_and_unknown_is_404() -> None:
    page = _page("ru", "/rules/procedures/")
    assert page.count('href="/rules/procedures/') == len(procedure_keys())
    assert Client().get("/rules/procedures/nope/").status_code == 404


@pytest.mark.django_db
def test_rules_page_links_to_the_procedures() -> None:
    assert 'href="/rules/procedures/"' in _page("kk", "/rules/")


@pytest.mark.django_db
def test_api_lists_and_describes_procedures() -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    listed = client.get("/api/rules/procedures").json()
    assert [p["key"] for p in listed] == list(procedure_keys())
    veto = client.get("/api/rules/procedures/veto?as_of=2026-12-01").json()
    override = next(s for s in veto["steps"] if s["code"] == "override")
    assert override["article"] == "56(2)" and "97 votes for a law and 109" in override["text"]
    old = client.get("/api/rules/procedures/amendment_1995?as_of=2026-12-01").json()
    assert old["as_of"] == "2026-06-30" and old["steps"][0]["constitution"] == "1995"
    assert client.get("/api/rules/procedures/nope").status_code == 404
    # Before the 1995 figures atazan holds (2007-05-21) the answer names the parameter, not a server error.
    early = client.get("/api/rules/procedures/amendment_1995?as_of=2000-01-01")
    assert early.status_code == 404 and "no value before 2007-05-21" in early.json()["detail"]
    assert client.get("/rules/procedures/amendment_1995/?as_of=2000-01-01").status_code == 404
    schema = client.get("/api/openapi.json").json()
    assert "404" in schema["paths"]["/api/rules/procedures/{key}"]["get"]["responses"]
