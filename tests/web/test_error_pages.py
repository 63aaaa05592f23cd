"""atazan's own 403, 404 and 500 pages in the reader's language, also in the demo (DEBUG), and a favicon (issue 15)."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

NOT_FOUND = {"kk": "Бет табылмады", "ru": "Страница не найдена", "en": "Page not found"}


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_missing_page_is_our_own_in_the_readers_language(client, settings, language: str) -> None:
    settings.DEBUG = True  # the demo runs with DEBUG on: still no framework debug page
    client.cookies["atazan_language"] = language
    response = client.get("/texts/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert NOT_FOUND[language] in html and 'data-testid="error-page"' in html
    assert "Django" not in html and "URLconf" not in html
    assert f'<html lang="{language}">' in html


def test_forbidden_page_is_translated(client) -> None:
    from atazan.accounts.demo import DEMO_PASSWORD
    from atazan.accounts.domain.roles import Role
    from atazan.accounts.services import user_create

    user_create(username="citizen", password=DEMO_PASSWORD, roles=[Role.CITIZEN])
    client.login(username="citizen", password=DEMO_PASSWORD)
    client.cookies["atazan_language"] = "ru"
    response = client.get("/legislature/staff/bills/new/")
    assert response.status_code == 403
    assert "Доступ запрещён" in response.content.decode()


def test_server_error_is_our_own_page(settings, monkeypatch) -> None:
    import atazan.web.views as views

    def broken(request):  # noqa: ANN001, ANN202
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "about", broken)
    from django.urls import clear_url_caches

    clear_url_caches()
    import importlib

    import atazan.urls
    import atazan.web.urls

    importlib.reload(atazan.web.urls)
    importlib.reload(atazan.urls)
    try:
        client = Client(raise_request_exception=False)
        client.cookies["atazan_language"] = "kk"
        response = client.get("/about/")
        assert response.status_code == 500
        html = response.content.decode()
        assert "Сервер қатесі" in html and "boom" not in html and "Traceback" not in html
    finally:
        monkeypatch.undo()
        importlib.reload(atazan.web.urls)
        importlib.reload(atazan.urls)
        clear_url_caches()


def test_favicon(client) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")
    assert 'rel="icon"' in client.get("/").content.decode()
