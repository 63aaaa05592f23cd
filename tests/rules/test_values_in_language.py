"""A parameter's value and its reference's citation in the reader's language on the rules pages (issue 15): majorities
in words of the language, offices and bodies by their labels (never ``vice_president``), the citation through the
shared templates; the API keeps the English forms."""

from __future__ import annotations

from fractions import Fraction

import pytest
from django.test import Client
from django.utils import translation

from atazan.rules.domain.majority import Majority, MajorityBase
from atazan.rules.values import reference_render, value_render
from atazan.web.english_share import page_share

AS_OF = "2026-12-01"


def _client(language: str) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.cookies["atazan_language"] = language
    return client


def test_values_render_per_language() -> None:
    two_thirds = Majority(Fraction(2, 3), strict=False, of=MajorityBase.ALL)
    half = Majority(Fraction(1, 2), strict=True, of=MajorityBase.ALL)
    with translation.override("en"):
        assert value_render(two_thirds, "deputies") == "at least two thirds of all deputies"
        assert value_render(("vice_president", "prime_minister"), "") == "Vice President, Prime Minister"
    with translation.override("ru"):
        assert value_render(two_thirds, "deputies") == "не менее двух третей от общего числа депутатов"
        assert value_render(half, "deputies") == "более половины от общего числа депутатов"
        assert value_render(("vice_president", "prime_minister"), "") == "Вице-Президент, Премьер-Министр"
        assert value_render(True, "") == "да"
        assert reference_render("Constitution 2026, Art. 62(2)") == "п. 2 ст. 62 Конституции 2026 года"
    with translation.override("kk"):
        assert value_render(two_thirds, "deputies") == "депутаттардың жалпы санының кемінде үштен екісі"
        assert value_render(half, "deputies") == "депутаттардың жалпы санының жартысынан астамы"
        assert value_render(("kurultai_chair",), "") == "Құрылтай Төрағасы"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("key", ["passage", "veto"])
def test_procedure_pages_of_majorities_show_no_english(language: str, key: str) -> None:
    html = _client(language).get(f"/rules/procedures/{key}/", {"as_of": AS_OF}).content.decode()
    share = page_share(key, html)
    assert share.share < 0.01, share.sample(20)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_offices_show_by_their_labels(language: str) -> None:
    html = _client(language).get("/rules/procedures/dissolution/", {"as_of": AS_OF}).content.decode()
    assert "vice_president" not in page_share("dissolution", html).english  # what a reader sees, not <code>
    assert "Вице-Президент" in html
    rules = page_share("rules", _client(language).get("/rules/").content.decode())
    assert not {"prime_minister", "vice_president", "kurultai_chair"} & set(rules.english)


@pytest.mark.django_db
def test_the_api_keeps_the_english_forms() -> None:
    data = Client().get("/api/rules/procedures/dissolution", {"as_of": AS_OF}).json()
    values = [p["value"] for p in data["parameters"]]
    assert any("vice_president" in v for v in values)


def test_every_parameter_is_described_in_kazakh_and_russian() -> None:
    from atazan.rules.domain.parameters import default_parameters
    from atazan.rules.values import description_render

    for parameter in default_parameters():
        for language in ("kk", "ru"):
            with translation.override(language):
                shown = description_render(parameter.name, parameter.description)
            assert shown != parameter.description, (parameter.name, language)
            assert page_share(parameter.name, f"<p>{shown}</p>").english == (), (parameter.name, language, shown)
    with translation.override("en"):
        assert description_render("kurultai.seats", "Deputies of the Kurultai") == "Deputies of the Kurultai"
