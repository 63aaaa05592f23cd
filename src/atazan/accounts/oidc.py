"""Sign-in through an OpenID Connect provider (the government's, or the local one in development).

The provider asserts the person's IIN in a claim (settings.OIDC_IIN_CLAIM). The account is found by the IIN's keyed
hash, or created and verified as a citizen on first sign-in: one account per IIN, whichever way the person came in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from atazan.accounts.domain.iin import iin_mask
from atazan.accounts.services import VerificationRefused, citizen_verify, iin_check, iin_hash


def _claimed_birth_date(claims: dict[str, Any]) -> dt.date | None:
    raw = claims.get("birthdate")
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        raise SuspiciousOperation("the provider's birthdate claim is not a date (YYYY-MM-DD)") from None


class IinOidcBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def _iin(self, claims: dict[str, Any]) -> str:
        return str(claims.get(settings.OIDC_IIN_CLAIM) or "")

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(self._iin(claims))

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        iin = self._iin(claims)
        if not iin:
            return User.objects.none()
        return User.objects.filter(profile__iin_hash=iin_hash(iin))

    @transaction.atomic
    def create_user(self, claims: dict[str, Any]) -> User:
        iin = self._iin(claims)
        try:
            parsed = iin_check(iin, birth_date=_claimed_birth_date(claims))
        except VerificationRefused as refused:
            # mozilla-django-oidc turns this into a failed sign-in (logged without the IIN).
            raise SuspiciousOperation(str(refused)) from None
        username = "citizen-" + iin_hash(parsed.value)[:16]
        user = User.objects.create_user(
            username=username,
            first_name=str(claims.get("given_name", ""))[:150],
            last_name=str(claims.get("family_name", ""))[:150],
        )
        user.set_unusable_password()
        user.save()
        try:
            citizen_verify(user=user, iin=parsed.value, via=f"oidc:{settings.OIDC_ISSUER}")
        except VerificationRefused as refused:
            raise SuspiciousOperation(f"IIN {iin_mask(parsed.value)}: {refused.rule}") from None
        return user

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        birth = _claimed_birth_date(claims)
        profile = getattr(user, "profile", None)
        if birth is not None and profile is not None and profile.birth_date not in (None, birth):
            raise SuspiciousOperation("the provider's birth date differs from the one the IIN gave at verification")
        return user
