"""/rules/check/: a bill composed in a form (no JSON), every check shown with the sentence it rests on, in kk/ru/en."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

EMPTY_PROVISIONS = {"provisions-TOTAL_FORMS": "3", "provisions-INITIAL_FORMS": "0"}


def _bill(**fields: Any) -> dict[str, Any]:
    return {
        "initiator": "deputy",
        "kind": "ordinary",
        "date": "2026-10-01",
        "introduced_in": "kurultai",
        **EMPTY_PROVISIONS,
        **fields,
    }


def test_the_empty_form_has_every_field_of_bill_json(client: Client, english: None) -> None:
    page = client.get("/rules/check/").content.decode()
    for name in (
        "initiator",
        "kind",
        "date",
        "introduced_in",
        "enters_into_force",
        "urgent",
        "reduces_revenue",
        "increases_spending",
        "government_opinion",
        "amends_articles",
        "constitutional_court_opinion",
        "constitutional_law_matters",
        "provisions-0-applies_from",
        "provisions-0-increases_liability",
        "provisions-0-mitigates_liability",
    ):
        assert f'name="{name}"' in page, name
    assert 'data-testid="result"' not in page


def test_an_amendment_written_in_words_is_caught_and_quoted(client: Client, english: None) -> None:
    response = client.get(
        "/rules/check/", _bill(initiator="president", kind="amendment", amends_articles="Article 43, paragraph 1")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-rule="never_amendable"' in page and "the bill amends Art. 43(1), which may never be amended" in page
    assert "«Положения пункта 1 настоящей статьи неизменны.»" in page  # English readers get the Russian text
    assert 'href="/texts/2026/rus/art/43/#art_43__para_5"' in page


def test_a_clean_bill_says_no_violation(client: Client, english: None) -> None:
    page = client.get("/rules/check/", _bill()).content.decode()
    assert 'data-testid="no-violation"' in page and "No violation found" in page
    assert "atazan legislature check BILL.json --lang en" in page


def test_kazakh_reader_gets_kazakh_message_and_kazakh_text(client: Client) -> None:
    fields = _bill(
        **{
            "provisions-0-label": "2-бап",
            "provisions-0-applies_from": "2026-09-01",
            "provisions-0-increases_liability": "on",
        }
    )
    page = client.get("/rules/check/", fields, HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert 'data-rule="no_retroactive_worsening"' in page and 'lang="kk"' in page
    assert "/texts/2026/kaz/art/5/#art_5__para_5" in page
    assert "provision 'Art." not in page and "increases liability" not in page
    assert "Заң жобасын тексеру" in page and "Қолданылатын күні" in page  # the form itself speaks Kazakh


def test_a_constitutional_law_on_an_unlisted_matter_is_a_violation(client: Client) -> None:
    fields = _bill(
        initiator="president",
        kind="constitutional",
        constitutional_law_matters=["kurultai_election"],
        other_matters="taxes",
    )
    page = client.get("/rules/check/", fields, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert 'data-rule="constitutional_law_matter"' in page and "«taxes»" in page
    assert "Конституционные законы принимаются по вопросам, предусмотренным Конституцией" in page
    assert "1 нарушение" in page and "Проверить законопроект" in page


def test_unreadable_or_missing_articles_are_errors_naming_the_field(client: Client, english: None) -> None:
    missing = client.get("/rules/check/", _bill(initiator="president", kind="amendment", amends_articles="97"))
    assert missing.status_code == 422
    assert "the Constitution of 2026 has no Article 97" in missing.content.decode()
    unreadable = client.get("/rules/check/", _bill(kind="amendment", amends_articles="43(1), the preamble"))
    assert unreadable.status_code == 422
    assert "Articles of the Constitution amended: cannot read &#x27;the preamble&#x27;" in unreadable.content.decode()
    undated = client.get("/rules/check/", _bill(**{"provisions-0-label": "Art. 2"}))
    assert undated.status_code == 422 and "A provision needs the date it applies from." in undated.content.decode()
