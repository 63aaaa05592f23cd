"""User text is escaped on output: no template switches escaping off, and script tags sent in come back inert."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import atazan
from atazan.accounts.domain.roles import Role
from atazan.legislature.services import bill_submit

SCRIPT = '<script>alert("x")</script>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
PACKAGE = Path(atazan.__file__).parent


def test_no_template_turns_escaping_off() -> None:
    """`|safe` and `{% autoescape off %}` are not used in templates; markup built in Python goes through
    format_html/escape and is marked safe there, next to the escaping (charts)."""
    offenders = []
    for template in sorted(PACKAGE.glob("*/templates/**/*.html")):
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"\|\s*safe\b|{%\s*autoescape\s+off", line):
                offenders.append(f"{template.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert offenders == []


@pytest.mark.django_db
def test_a_script_in_a_search_comes_back_escaped(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/texts/search/", {"q": SCRIPT}).content.decode()
    assert SCRIPT not in page and ESCAPED in page


@pytest.mark.django_db
def test_a_script_in_a_bill_title_is_escaped_on_its_page_and_plain_in_the_api(client, user_with) -> None:  # type: ignore[no-untyped-def]
    clerk = user_with(Role.KURULTAI_CLERK)
    bill_submit(
        actor=clerk,
        number="XSS-1",
        draft={"title": SCRIPT, "initiator": "deputy", "date": "2026-10-01"},
        summary=SCRIPT,
    )
    page = client.get("/legislature/bills/XSS-1/")
    assert page.status_code == 200
    html = page.content.decode()
    assert SCRIPT not in html and ESCAPED in html
    api = client.get("/api/legislature/bills/XSS-1")
    assert api["Content-Type"].startswith("application/json") and api.json()["title"] == SCRIPT


@pytest.mark.django_db
def test_a_script_as_a_user_name_is_not_reflected(client, english) -> None:  # type: ignore[no-untyped-def]
    html = client.post("/accounts/login/", {"username": SCRIPT, "password": "x"}).content.decode()
    assert SCRIPT not in html


def test_every_page_carries_a_content_security_policy_without_remote_scripts(client) -> None:  # type: ignore[no-untyped-def]
    policy = client.get("/texts/search/")["Content-Security-Policy"]
    script_src = next(p for p in policy.split(";") if p.strip().startswith("script-src"))
    assert "http" not in script_src and "*" not in script_src
    assert "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_session_and_csrf_cookies_are_http_only_where_they_can_be(client, user_with, settings) -> None:  # type: ignore[no-untyped-def]
    user_with(username="cookie")
    response = client.post("/accounts/login/", {"username": "cookie", "password": "pw-for-tests-1"})
    assert response.cookies["sessionid"]["httponly"]
    assert response.cookies["sessionid"]["samesite"].lower() == "lax"
    assert dt.timedelta(seconds=settings.SESSION_COOKIE_AGE) <= dt.timedelta(weeks=2)
