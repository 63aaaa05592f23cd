"""The referendum's pages in Kazakh and Russian show no English (issue 15): the demo model's district and precinct
names, the question's title and source note, signature statuses, legal sources and forensics reasons in the reader's
language, region names from the one multilingual source (atazan.standards.names)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from atazan.referendum import demo, services
from atazan.referendum.domain.synthetic import MODEL_LIST_SOURCE, model_district_name
from atazan.referendum.domain.units import UNITS
from atazan.referendum.templatetags.referendum_tags import (
    anomaly_reason,
    district_name,
    legal_sources,
    list_source,
    precinct_label,
)
from atazan.web.english_share import page_share

from . import factories

pytestmark = pytest.mark.django_db

EAST = next(u for u in UNITS if u.code == "east_kazakhstan")


def _client(language: str) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.cookies["atazan_language"] = language
    return client


@pytest.fixture
def model_question() -> Any:
    """The demo's question (title, source note and their translations) with a few of the model's precincts."""
    q = services.question_ensure(
        slug=demo.QUESTION_SLUG,
        title="Nationwide referendum on the Constitution, 15 March 2026",
        voting_date=date(2026, 3, 15),
        kind="constitution",
        text_ru=demo.QUESTION_RU,
        text_en=demo.QUESTION_EN,
        synthetic=True,
        source_note="National totals: CEC final protocol. Precinct protocols: a deterministic model (synthetic).",
        translations=demo.QUESTION_TRANSLATIONS,
        actor="test",
    )
    protocols = [
        factories.protocol(f"east_kazakhstan-{i:04d}", EAST.code, district=model_district_name(EAST, 1 + i % 2))
        for i in range(1, 5)
    ]
    factories.register(protocols)
    services.register_load(
        precincts=[],
        actor="test",
        source="test-labels",
        labels={p.precinct: (f"Precinct {p.precinct[-4:]} (model)", "Kazakhstan") for p in protocols},
    )
    factories.load(q, protocols, registered=False)
    return q


@pytest.mark.parametrize(("language", "region", "district"), [
    ("kk", "Шығыс Қазақстан облысы", "№ 2 модельдік округ"),
    ("ru", "Восточно-Казахстанская область", "модельный округ № 2"),
])  # fmt: skip
def test_the_unit_page_of_the_model_shows_no_english(model_question: Any, language: str, region: str, district: str):
    html = _client(language).get(f"/referendum/{model_question.slug}/units/{EAST.code}/").content.decode()
    share = page_share("unit", html)
    assert share.share < 0.01, share.sample(20)
    assert f"{region}, {district}" in html
    assert "Model district" not in html and "(model)" not in html
    assert demo.QUESTION_TRANSLATIONS[language]["title"] in html


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_question_page_shows_its_title_note_and_sources_in_the_readers_language(model_question: Any, language):
    html = _client(language).get(f"/referendum/{model_question.slug}/").content.decode()
    share = page_share("question", html)
    assert share.share < 0.01, share.sample(20)
    assert demo.QUESTION_TRANSLATIONS[language]["source_note"] in html


def test_names_render_per_language_and_english_keeps_the_recorded_form(settings: Any):
    from django.utils import translation

    name = model_district_name(EAST, 3)
    with translation.override("en"):
        assert district_name(name) == "East Kazakhstan Region, model district 3"
        assert precinct_label("Precinct 0042 (model)") == "Precinct 0042 (model)"
        assert district_name("Almaty district") == "Almaty district"  # a real name stays as recorded
    with translation.override("ru"):
        assert district_name(name) == "Восточно-Казахстанская область, модельный округ № 3"
        assert district_name("Abroad") == "За рубежом"
        assert precinct_label("Precinct 0042 (model)") == "Участок № 0042 (модель)"
        assert anomaly_reason("turnout 91.0% vs unit median 70.0%") == "явка 91.0% при медиане по региону 70.0%"
        assert "model" not in list_source(MODEL_LIST_SOURCE)
        assert legal_sources("Constitution 2026, Art. 92(2); Referendum Law, Art. 31(3), para. 2") == (
            "п. 2 ст. 92 Конституции 2026 года; "
            "Конституционный закон «О республиканском референдуме», п. 3 ст. 31, ч. 2"
        )
    with translation.override("kk"):
        assert district_name(name) == "Шығыс Қазақстан облысы, № 3 модельдік округ"
        assert "Art." not in legal_sources("Constitutional Law on Elections, Art. 23(3)")
