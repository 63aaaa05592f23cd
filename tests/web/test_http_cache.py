"""Public results carry validators and a short shared max-age, answer conditional requests with 304, never mix
languages or signed-in pages, and never hand a reader's CSRF secret to a shared cache (web.http_cache)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from tests.referendum import factories

from atazan.referendum import services
from atazan.web import http_cache

pytestmark = pytest.mark.django_db

PAGE = "/referendum/test-referendum/"
LIVE = "/referendum/test-referendum/live/"
API = "/api/referendum/questions/test-referendum/result"


@pytest.fixture
def question():  # type: ignore[no-untyped-def]
    q = factories.question()
    factories.load(q, [factories.protocol(f"p-{k}") for k in range(3)])
    return q


@pytest.mark.parametrize("url", [PAGE, LIVE, API])
def test_public_results_are_shareable_for_a_few_seconds_with_validators(client: Client, question, url: str) -> None:  # type: ignore[no-untyped-def]
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 200
    age = http_cache.SHARED_MAX_AGE
    assert response["Cache-Control"] == f"public, max-age={age}, s-maxage={age}"
    assert response["ETag"].startswith('W/"')
    assert "Last-Modified" in response
    vary = {v.strip() for v in response["Vary"].split(",")}
    assert {"Accept-Language", "Cookie"} <= vary
    assert "csrftoken" not in response.cookies  # a shared cache keeps no response that sets a cookie

    again = client.get(url, HTTP_ACCEPT_LANGUAGE="ru", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == response["ETag"] and again["Cache-Control"] == response["Cache-Control"]
    assert again.content == b""


def test_an_accepted_protocol_changes_the_etag(client: Client, question) -> None:  # type: ignore[no-untyped-def]
    first = client.get(LIVE)
    assert client.get(LIVE, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    factories.register([factories.protocol("p-new")])
    services.protocol_accept(question=question, protocol=factories.protocol("p-new", yes=900, no=50), actor="op")
    after = client.get(LIVE, HTTP_IF_NONE_MATCH=first["ETag"])
    assert after.status_code == 200 and after["ETag"] != first["ETag"]
    api_before = client.get(API).json()["precincts_counted"]
    assert api_before == 4


def test_if_modified_since_alone_never_answers_304(client: Client, question) -> None:  # type: ignore[no-untyped-def]
    # two acceptances in the same second share a Last-Modified date: only the ETag tells them apart
    first = client.get(API)
    assert client.get(API, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 200


def test_each_language_has_its_own_etag(client: Client, question) -> None:  # type: ignore[no-untyped-def]
    tags = {lang: client.get(PAGE, HTTP_ACCEPT_LANGUAGE=lang)["ETag"] for lang in ("kk", "ru", "en")}
    assert len(set(tags.values())) == 3
    # the language cookie counts as well as the header, and a kk ETag never validates the ru page
    client.cookies["atazan_language"] = "ru"
    ru = client.get(PAGE, HTTP_ACCEPT_LANGUAGE="en")
    assert ru["ETag"] == tags["ru"] and ru["Content-Language"] == "ru"
    assert client.get(PAGE, HTTP_IF_NONE_MATCH=tags["kk"]).status_code == 200


def test_signed_in_pages_are_private_and_unvalidated(client: Client, question) -> None:  # type: ignore[no-untyped-def]
    user = get_user_model().objects.create_user(username="reader", password="x" * 12)
    client.force_login(user)
    for url in (PAGE, LIVE, API):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"
        assert "ETag" not in response and "Last-Modified" not in response
        assert client.get(url, HTTP_IF_NONE_MATCH='W/"anything"').status_code == 200


def test_a_pending_message_makes_the_page_private(client: Client, question) -> None:  # type: ignore[no-untyped-def]
    client.cookies["messages"] = "x"
    assert client.get(PAGE)["Cache-Control"] == "private, no-store"


def test_the_shared_page_never_carries_the_readers_csrf_secret(question) -> None:  # type: ignore[no-untyped-def]
    client = Client(enforce_csrf_checks=True)
    client.get("/accounts/login/")  # an uncached page: the reader gets their own CSRF cookie
    secret = client.cookies["csrftoken"].value
    page = client.get(PAGE)
    assert page["Cache-Control"].startswith("public")
    assert "csrftoken" not in page.cookies
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()))
    assert tokens and all(_unmask_cipher_token(t) != secret for t in tokens)
    # the language switch still works from a shared page (CSRF-exempt: it only sets the interface language)
    switched = client.post("/i18n/setlang/", {"language": "en", "next": PAGE})
    assert switched.status_code == 302 and client.cookies["atazan_language"].value == "en"


def test_elections_results_and_open_data_are_validated_too(client: Client) -> None:
    from rich.console import Console

    from atazan.elections import demo

    demo.build(console=Console(quiet=True))
    for url in (
        "/elections/majilis-2023/",
        "/api/elections/majilis-2023",
        "/consultation/open-data.json",
        "/consultation/open-data.csv",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"].startswith("public"), url
        assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304, url
