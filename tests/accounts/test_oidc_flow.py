"""The whole OpenID Connect authorization-code flow (with PKCE, RS256 ID token, JWKS and userinfo) between atazan as
relying party and its local provider, over real HTTP on the live test server."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlparse

import pytest
import requests
from django.contrib.auth.models import User

from atazan.accounts.conf import local_endpoints
from atazan.accounts.demo import synthetic_iin
from atazan.accounts.local_idp import local_client_ensure
from atazan.accounts.models import LocalIdentity, Profile
from atazan.accounts.services import citizen_verify, iin_hash, user_create

IIN = synthetic_iin(dt.date(1979, 12, 31), female=True)


@pytest.fixture
def provider(live_server, settings):  # type: ignore[no-untyped-def]
    endpoints = local_endpoints(live_server.url)
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = endpoints["authorization_endpoint"]
    settings.OIDC_OP_TOKEN_ENDPOINT = endpoints["token_endpoint"]
    settings.OIDC_OP_USER_ENDPOINT = endpoints["userinfo_endpoint"]
    settings.OIDC_OP_JWKS_ENDPOINT = endpoints["jwks_endpoint"]
    settings.OAUTH2_PROVIDER = {**settings.OAUTH2_PROVIDER, "OIDC_ISS_ENDPOINT": endpoints["issuer"]}
    local_client_ensure(redirect_uri=f"{live_server.url}/accounts/oidc/callback/")
    return live_server.url


def _idp_person(username: str, iin: str) -> User:
    person = user_create(username=username, password="pw-for-tests-1", roles=[], full_name="Aigul Sarsen")
    LocalIdentity.objects.create(user=person, iin=iin, birth_date=dt.date(1979, 12, 31))
    return person


def _sign_in(base: str, username: str) -> requests.Session:
    """Click 'sign in with the provider', log in at the provider, come back: returns the browser's session."""
    browser = requests.Session()
    start = browser.get(f"{base}/accounts/oidc/authenticate/", allow_redirects=False)
    assert start.status_code == 302
    authorize = start.headers["Location"]
    query = parse_qs(urlparse(authorize).query)
    assert query["response_type"] == ["code"] and query["code_challenge_method"] == ["S256"]
    login_page = browser.get(authorize)  # the provider wants a signed-in person first
    assert "/accounts/login/" in login_page.url
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page.text).group(1)  # type: ignore[union-attr]
    next_url = parse_qs(urlparse(login_page.url).query)["next"][0]
    back = browser.post(
        login_page.url,
        data={"username": username, "password": "pw-for-tests-1", "csrfmiddlewaretoken": token, "next": next_url},
        headers={"Referer": login_page.url},
        allow_redirects=False,
    )
    assert back.status_code == 302, back.text[:500]
    to_authorize = browser.get(
        base + back.headers["Location"] if back.headers["Location"].startswith("/") else back.headers["Location"],
        allow_redirects=False,
    )
    callback = to_authorize.headers["Location"]
    assert callback.startswith(f"{base}/accounts/oidc/callback/") and "code=" in callback
    done = browser.get(callback, allow_redirects=False)
    assert done.status_code == 302
    return browser


def _signed_in_as(browser: requests.Session, base: str) -> str:
    page = browser.get(f"{base}/accounts/", allow_redirects=False)
    assert page.status_code == 200, "not signed in"
    return page.text


@pytest.mark.django_db(transaction=True)
def test_first_sign_in_creates_a_verified_citizen_matched_by_iin_hash_and_later_ones_find_it(provider) -> None:  # type: ignore[no-untyped-def]
    _idp_person("idp-aigul", IIN)
    browser = _sign_in(provider, "idp-aigul")
    profile = Profile.objects.get(iin_hash=iin_hash(IIN))
    citizen = profile.user
    assert citizen.username.startswith("citizen-") and IIN not in citizen.username
    assert citizen.first_name == "Aigul" and citizen.groups.filter(name="citizen").exists()
    assert profile.birth_date == dt.date(1979, 12, 31) and profile.verified_via.startswith("oidc:")
    assert not citizen.has_usable_password()
    assert citizen.username in _signed_in_as(browser, provider) or "Aigul" in _signed_in_as(browser, provider)

    _sign_in(provider, "idp-aigul")  # again: the same account, none added
    assert Profile.objects.filter(iin_hash=iin_hash(IIN)).count() == 1
    assert User.objects.filter(username__startswith="citizen-").count() == 1


@pytest.mark.django_db(transaction=True)
def test_an_account_verified_by_form_is_the_one_the_provider_signs_into(provider) -> None:  # type: ignore[no-untyped-def]
    existing = user_create(username="already-here", password="pw-for-tests-1", roles=[], full_name="Aigul S")
    citizen_verify(user=existing, iin=IIN, birth_date=dt.date(1979, 12, 31))
    _idp_person("idp-aigul", IIN)
    browser = _sign_in(provider, "idp-aigul")
    assert "already-here" in _signed_in_as(browser, provider) or "Aigul S" in _signed_in_as(browser, provider)
    assert not User.objects.filter(username__startswith="citizen-").exists()


@pytest.mark.django_db(transaction=True)
def test_a_provider_asserting_an_invalid_iin_signs_nobody_in(provider) -> None:  # type: ignore[no-untyped-def]
    bad = IIN[:11] + str((int(IIN[11]) + 1) % 10)
    _idp_person("idp-bad", bad)
    browser = _sign_in(provider, "idp-bad")
    assert not Profile.objects.filter(iin_hash__isnull=False).exists()
    assert not User.objects.filter(username__startswith="citizen-").exists()
    # the browser is still signed in at the provider (as the provider's own account) but holds no citizen account
    assert "citizen" not in browser.get(f"{provider}/accounts/").text.split("<h2")[-1]


@pytest.mark.django_db(transaction=True)
def test_the_failure_is_explained_on_the_login_page(provider, settings) -> None:  # type: ignore[no-untyped-def]
    settings.LANGUAGE_CODE = "en"
    _idp_person("idp-bad", IIN[:11] + str((int(IIN[11]) + 1) % 10))
    browser = requests.Session()
    browser.headers["Accept-Language"] = "en"
    start = browser.get(f"{provider}/accounts/oidc/authenticate/")  # follows to the provider's login page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', start.text).group(1)  # type: ignore[union-attr]
    next_url = parse_qs(urlparse(start.url).query)["next"][0]
    page = browser.post(
        start.url,
        data={"username": "idp-bad", "password": "pw-for-tests-1", "csrfmiddlewaretoken": token, "next": next_url},
        headers={"Referer": start.url},
    )
    assert page.url.endswith("/accounts/login/?failed=oidc")
    assert "did not give a valid, unused IIN" in page.text
