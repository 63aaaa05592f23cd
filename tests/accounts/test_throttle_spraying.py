"""Sign-in is throttled per address across user names and per account across addresses, not only per (name, address).

Before, one address could try one password on thousands of accounts: each (name, address) pair had its own five.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache

from atazan.accounts.services import (
    LOGIN_ACCOUNT_FAILURE_LIMIT,
    LOGIN_ADDRESS_FAILURE_LIMIT,
    LOGIN_FAILURE_LIMIT,
    login_address,
)

pytestmark = pytest.mark.django_db
SPRAYER = "203.0.113.7"
SPRAYED = "Spring2026!"  # noqa: S105 - the one password a sprayer tries everywhere


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    # before and after: failures counted here must not lock 127.0.0.1 out of other tests' sign-ins
    cache.clear()
    yield
    cache.clear()


def _try(client, username: str, password: str = SPRAYED, ip: str = SPRAYER):  # type: ignore[no-untyped-def]
    return client.post("/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_one_address_spraying_one_password_over_many_accounts_is_stopped(client, user_with, english) -> None:  # type: ignore[no-untyped-def]
    victim = user_with(username="victim")
    assert LOGIN_ADDRESS_FAILURE_LIMIT < 10 * LOGIN_FAILURE_LIMIT  # far fewer than "five per account"
    for n in range(LOGIN_ADDRESS_FAILURE_LIMIT):
        assert "correct username and password" in _try(client, f"user{n}").content.decode()  # one try per name
    # the next name from that address is not even checked, though its password is right
    locked = _try(client, victim.username, "pw-for-tests-1")
    assert locked.status_code == 200 and "_auth_user_id" not in client.session
    assert "Too many failed sign-in attempts from your address" in locked.content.decode()
    # the admin's form is refused by the backend too
    _try(client, victim.username, "pw-for-tests-1")
    assert "_auth_user_id" not in client.session
    assert client.post("/admin/login/", {"username": "victim", "password": "pw-for-tests-1"},
                       REMOTE_ADDR=SPRAYER).status_code == 200 and "_auth_user_id" not in client.session  # fmt: skip
    # the victim, from an address of their own, signs in
    assert _try(client, victim.username, "pw-for-tests-1", ip="198.51.100.20").status_code == 302


def test_signing_in_to_one_s_own_account_does_not_wipe_the_address_count(client, user_with, english) -> None:  # type: ignore[no-untyped-def]
    own = user_with(username="sprayer-own")
    for n in range(LOGIN_ADDRESS_FAILURE_LIMIT - 1):
        _try(client, f"user{n}")
    assert _try(client, own.username, "pw-for-tests-1").status_code == 302
    client.logout()
    _try(client, "one-more")
    assert "from your address" in _try(client, "and-another").content.decode()


def test_one_account_guessed_from_many_addresses_is_locked(client, user_with, english) -> None:  # type: ignore[no-untyped-def]
    target = user_with(username="target")
    for n in range(LOGIN_ACCOUNT_FAILURE_LIMIT):
        _try(client, target.username, f"guess-{n}", ip=f"192.0.2.{n % 250 + 1}" if n < 250 else SPRAYER)
    refused = _try(client, target.username, "pw-for-tests-1", ip="198.51.100.99")
    assert "_auth_user_id" not in client.session
    assert "Too many failed sign-in attempts for this user name." in refused.content.decode()


def test_an_ipv6_subscriber_is_counted_by_its_64_network() -> None:
    assert login_address("2001:db8:1:2::1") == login_address("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
    assert login_address("2001:db8:1:3::1") != login_address("2001:db8:1:2::1")
    assert login_address("10.1.2.3") == "10.1.2.3" and login_address("") == ""


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_new_refusals_are_translated(language: str) -> None:
    from django.utils import translation

    for text in (
        "Too many failed sign-in attempts from your address. Try again in %(minutes)d minutes.",
        "Too many failed sign-in attempts for this user name. Try again in %(minutes)d minutes.",
    ):
        with translation.override(language):
            shown = translation.gettext(text)
        assert shown != text and "%(minutes)d" in shown
