"""Authentication backends: a guard that refuses sign-in while a user name is locked out from an address."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from atazan.accounts.services import login_locked
from atazan.accounts.signals import client_ip


class LoginThrottleBackend(BaseBackend):
    """First in AUTHENTICATION_BACKENDS: while locked, no password is even checked (PermissionDenied stops the
    chain). Covers every sign-in form, the admin's included."""

    def authenticate(self, request: HttpRequest | None, username: str | None = None, password: str | None = None,
                     **kwargs: Any) -> None:
        if username and login_locked(username=username, ip=client_ip(request)):
            raise PermissionDenied("sign-in locked after repeated failures")
        return None
