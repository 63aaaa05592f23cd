"""Sign-in failures are counted per user name and address, per address and per user name (services: sign-in
throttling), whatever form they came through (site or admin)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from atazan.accounts.services import (
    LOGIN_FAILURE_WINDOW_S,
    login_account_key,
    login_failure_keys,
    login_throttle_key,
)
from atazan.accounts.throttle import throttle_hit, throttle_reset


def client_ip(request: HttpRequest | None) -> str:
    # Behind a proxy, SecurityMiddleware/the proxy must set REMOTE_ADDR; X-Forwarded-For is not trusted here.
    return "" if request is None else str(request.META.get("REMOTE_ADDR", ""))


@receiver(user_login_failed)
def _count_failure(sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any) -> None:
    username = str(credentials.get("username", ""))
    if username:
        for key in login_failure_keys(username=username, ip=client_ip(request)):
            throttle_hit(key=key, window_s=LOGIN_FAILURE_WINDOW_S)


@receiver(user_logged_in)
def _clear_failures(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    # The address's count is kept: signing in to one's own account must not wipe a sprayer's failures.
    throttle_reset(key=login_throttle_key(username=user.get_username(), ip=client_ip(request)))
    throttle_reset(key=login_account_key(username=user.get_username()))
