import pytest
from typer.testing import CliRunner

from atazan.cli import build_app

pytestmark = pytest.mark.django_db


def test_home_page_links_every_mounted_context(client) -> None:
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/audit/"' in html
    assert "/api/docs" in html
    assert '<html lang="en">' in html


@pytest.mark.parametrize(("language", "expected"), [("kk", "Ата Заң"), ("ru", 'lang="ru"'), ("en", 'lang="en"')])
def test_interface_language_follows_the_switch(client, language: str, expected: str) -> None:
    response = client.post("/i18n/setlang/", {"language": language, "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert expected in html
    assert f'<html lang="{language}">' in html


def test_default_interface_language_is_kazakh(client) -> None:
    html = client.get("/").content.decode()
    assert '<html lang="kk">' in html


def test_openapi_schema_lists_the_context_routes(client) -> None:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/health" in schema["paths"]
    assert "/api/audit/verify" in schema["paths"]


def test_api_docs_page_is_served_without_external_assets(client) -> None:
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert b"swagger" in response.content.lower()
    assert b"cdn.jsdelivr" not in response.content


def test_health_endpoint_names_the_mounted_contexts(client) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert "audit" in body["contexts"]


def test_security_headers_are_set(client) -> None:
    response = client.get("/")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"


def test_cli_lists_context_command_groups() -> None:
    result = CliRunner().invoke(build_app(), ["--help"])
    assert result.exit_code == 0
    for command in ("serve", "demo", "migrate", "audit"):
        assert command in result.stdout


def test_login_page_and_demo_account(client) -> None:
    from atazan.accounts.demo import DEMO_PASSWORD
    from atazan.accounts.domain.roles import Role
    from atazan.accounts.services import user_create

    user_create(username="operator", password=DEMO_PASSWORD, roles=[Role.ELECTION_OPERATOR])
    assert client.get("/accounts/login/").status_code == 200
    response = client.post("/accounts/login/", {"username": "operator", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    page = client.get("/accounts/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "operator of an election commission" in page and "election_operator" not in page  # the role's name


@pytest.mark.parametrize(
    ("language", "phrase"),
    [("kk", "Реформа қадам сайын"), ("ru", "Реформа шаг за шагом"), ("en", "The reform, step by step")],
)
def test_home_page_is_translated(client, language: str, phrase: str) -> None:
    client.cookies["atazan_language"] = language
    assert phrase in client.get("/").content.decode()
