"""The referendum's pages speak Kazakh and Russian (issue 15): the missions abroad named from ISO 3166-1's catalogues,
the demo's author, the heatmap's data table, and import refusals as coded messages (the code stays in the JSON)."""

from __future__ import annotations

import dataclasses
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from atazan.accounts.domain.roles import Role
from atazan.accounts.services import user_create
from atazan.referendum import services
from atazan.referendum.countries import country_name
from atazan.referendum.domain.protocol_io import ProtocolFileError, read_csv_rows, read_json
from atazan.referendum.domain.register import RegisterFileError, read_register_csv, register_from_protocols
from atazan.referendum.models import ProtocolReview
from atazan.web.english_share import page_share

from . import factories

pytestmark = pytest.mark.django_db

MISSION = {"kk": "Шетелдегі миссия: Германия", "ru": "Миссия в стране: Германия"}


def _client(language: str) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.cookies["atazan_language"] = language
    return client


@pytest.fixture
def abroad():  # type: ignore[no-untyped-def]
    """A question with two missions abroad (counted in Astana), labelled as the demo's model labels them."""
    q = factories.question()
    q.translations = {"kk": {"title": "Сынақ референдумы"}, "ru": {"title": "Пробный референдум"}}
    q.save(update_fields=["translations"])
    protocols = [
        factories.protocol("abroad-001", district="Abroad", registered=300, yes=200, no=40),
        factories.protocol("abroad-002", district="Abroad", registered=200, yes=120, no=30),
        factories.protocol("astana-1", district=""),
    ]
    protocols[:2] = [dataclasses.replace(p, abroad=True) for p in protocols[:2]]
    services.register_load(
        precincts=list(register_from_protocols(protocols)),
        actor="demo",
        source="test-register",
        labels={"abroad-001": ("Mission in Germany", "Germany"), "abroad-002": ("Mission in Russia", "Russia")},
    )
    factories.load(q, protocols, registered=False)
    return q


def test_countries_come_from_the_iso_catalogues() -> None:
    assert country_name("Germany", "kk") == "Германия" and country_name("Russia", "ru") == "Российская Федерация"
    assert country_name("Czechia", "kk") == "Чехия"  # the catalogue translates the official name only
    assert country_name("Germany", "en") == "Germany" and country_name("Atlantis", "ru") == "Atlantis"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_astana_unit_page_names_its_missions_in_the_readers_language(abroad, language: str) -> None:
    path = f"/referendum/{abroad.slug}/units/astana/"
    html = _client(language).get(path).content.decode()
    assert MISSION[language] in html and "Mission in" not in html
    assert country_name("Russia", language) in html
    share = page_share(path, html)
    assert share.share <= 0.01, share.sample(10)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_precinct_abroad_names_its_country_and_the_demo_author(abroad, language: str) -> None:
    services.protocols_import(
        question=abroad,
        parsed=read_csv_rows(
            [
                "precinct,unit,district,registered,took_part,yes,no,invalid,not_counted\n",
                "abroad-001,Astana,Abroad,300,300,201,79,10,10\n",
            ]
        ),
        source="demo",
        actor="demo",
    )
    path = f"/referendum/{abroad.slug}/precincts/abroad-001/"
    html = _client(language).get(path).content.decode()
    assert MISSION[language] in html and "Германия" in html
    share = page_share(path, html)
    assert share.share <= 0.01, share.sample(10)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_heatmap_has_a_translated_data_table(abroad, language: str) -> None:
    path = f"/referendum/{abroad.slug}/forensics/"
    html = _client(language).get(path).content.decode()
    table = html[html.index('data-testid="heatmap-table"') :]
    table = table[: table.index("</details>")]
    assert "<summary>" in table and table.count("<tr>") >= 2  # a header and at least one cell with voters
    share = page_share(path, html)
    assert share.share <= 0.01, share.sample(10)


def test_a_refused_item_keeps_its_code_in_json() -> None:
    parsed = read_json(json.dumps([1, {"precinct": "x-1", "unit": "Atlantis"}]))
    codes = [r.as_dict()["code"] for r in parsed.rejected]
    assert codes[:2] == ["item_not_object", "unknown_unit_line"]
    with pytest.raises(ProtocolFileError) as refused:
        read_csv_rows(["precinct,unit,yes\n"])
    assert refused.value.code == "file_header"
    with pytest.raises(RegisterFileError) as register_refused:
        read_register_csv(["number\n"])
    assert register_refused.value.code == "file_header"


@pytest.mark.parametrize(
    ("language", "says"),
    [("kk", "хаттама өрістері бар объект емес"), ("ru", "не объект с полями протокола")],
)
def test_an_import_refusal_renders_in_the_readers_language(abroad, language: str, says: str) -> None:
    user = user_create(username="operator", password="atazan-demo-long", roles=[Role.ELECTION_OPERATOR])
    client = _client(language)
    client.force_login(user)
    url = f"/referendum/{abroad.slug}/operator/upload/"
    body = json.dumps([7]).encode()
    page = client.post(url, {"file": SimpleUploadedFile("day1.json", body, "application/json")}).content.decode()
    assert says in page and "is not an object" not in page
    assert ProtocolReview.objects.get().message_code == "item_not_object"
    wrong = client.post(url, {"file": SimpleUploadedFile("x.csv", b"a;b\n", "text/csv")})
    text = wrong.content.decode()
    assert wrong.status_code == 422 and "header lacks" not in text
    assert {"kk": "тақырып жолында", "ru": "в заголовке нет"}[language] in text
