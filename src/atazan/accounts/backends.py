"""Authentication backends: user name and password, refused while the name is locked out from an address."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from atazan.accounts.services import login_locked
from atazan.accounts.signals import client_ip


class ThrottledModelBackend(ModelBackend):
    """Django's ModelBackend behind a lock: while a user name is locked out from an address (too many failures,
    counted by accounts.signals), no password is even checked and PermissionDenied ends the attempt. Covers every
    sign-in form, the admin's included."""

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> AbstractBaseUser | None:
        name = username if username is not None else kwargs.get("username")
        if name and login_locked(username=str(name), ip=client_ip(request)):
            raise PermissionDenied("sign-in locked after repeated failures")
        return super().authenticate(request, username=username, password=password, **kwargs)
