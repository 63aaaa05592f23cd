from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from django.core.cache import cache

from atazan.accounts.services import LOGIN_FAILURE_LIMIT
from atazan.accounts.throttle import Throttled, throttle_check, throttle_peek


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    # before and after: failures counted here must not lock 127.0.0.1 out of other tests' sign-ins
    cache.clear()
    yield
    cache.clear()


def test_throttle_allows_the_limit_then_refuses_with_a_retry_time() -> None:
    for n in range(1, 4):
        assert throttle_check(key="proposal:7", limit=3, window_s=60) == n
    with pytest.raises(Throttled) as caught:
        throttle_check(key="proposal:7", limit=3, window_s=60)
    assert 0 < caught.value.retry_after_s <= 61
    assert "3 per 60 s" in str(caught.value)
    # refused attempts are not counted, and other keys are independent
    assert throttle_peek(key="proposal:7", limit=3, window_s=60).count == 3
    assert throttle_check(key="proposal:8", limit=3, window_s=60) == 1


def test_the_window_ends() -> None:
    throttle_check(key="k", limit=1, window_s=1)
    with pytest.raises(Throttled):
        throttle_check(key="k", limit=1, window_s=1)
    time.sleep(1.1)
    assert throttle_check(key="k", limit=1, window_s=1) == 1


def test_bad_limits_are_refused() -> None:
    with pytest.raises(ValueError):
        throttle_check(key="k", limit=0, window_s=10)


@pytest.mark.django_db
def test_login_locks_after_repeated_failures_per_username_and_address(client, user_with, english) -> None:  # type: ignore[no-untyped-def]
    user_with(username="target")
    for _ in range(LOGIN_FAILURE_LIMIT):
        response = client.post("/accounts/login/", {"username": "target", "password": "wrong"})
        assert response.status_code == 200 and "correct username and password" in response.content.decode()
    # now even the right password is not checked, and the message says why
    locked = client.post("/accounts/login/", {"username": "target", "password": "pw-for-tests-1"})
    assert "Too many failed sign-in attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # the admin's login form is covered too (the backend refuses while locked)
    admin = client.post("/admin/login/", {"username": "target", "password": "pw-for-tests-1"})
    assert "_auth_user_id" not in client.session and admin.status_code == 200
    # another address is not locked out by this one's failures
    other = client.post(
        "/accounts/login/", {"username": "target", "password": "pw-for-tests-1"}, REMOTE_ADDR="10.0.0.9"
    )
    assert other.status_code == 302


@pytest.mark.django_db
def test_a_successful_login_clears_the_failures(client, user_with, english) -> None:  # type: ignore[no-untyped-def]
    user_with(username="forgetful")
    for _ in range(LOGIN_FAILURE_LIMIT - 1):
        client.post("/accounts/login/", {"username": "forgetful", "password": "wrong"})
    assert client.post("/accounts/login/", {"username": "forgetful", "password": "pw-for-tests-1"}).status_code == 302
    client.logout()
    for _ in range(LOGIN_FAILURE_LIMIT - 1):
        client.post("/accounts/login/", {"username": "forgetful", "password": "wrong"})
    assert client.post("/accounts/login/", {"username": "forgetful", "password": "pw-for-tests-1"}).status_code == 302
