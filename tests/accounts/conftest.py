from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User

from atazan.accounts.domain.roles import Role
from atazan.accounts.services import user_create


@pytest.fixture
def user_with() -> Callable[..., User]:
    """A user holding exactly the given roles (password 'pw-for-tests-1')."""

    def make(*roles: Role, username: str | None = None) -> User:
        name = username or ("u-" + "-".join(r.value for r in roles) if roles else "u-none")
        return user_create(username=name, password="pw-for-tests-1", roles=list(roles))

    return make


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    # Hundreds of users are made here; the production hasher's deliberate slowness is not what these tests test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
