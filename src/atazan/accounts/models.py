from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Profile(models.Model):
    """What atazan knows about a person beyond Django's User: whether, and how, they were verified as a citizen.

    The IIN itself is never stored: only its keyed hash (HMAC-SHA256 under settings.IIN_HASH_KEY), which is unique,
    so one IIN holds at most one account. The birth date and sex come from the IIN and are kept for age rules.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    iin_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    birth_date = models.DateField(null=True, blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_via = models.CharField(max_length=200, blank=True)  # "form", "oidc:<issuer>", "demo"

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return f"profile of {self.user_id}"

    @property
    def verified(self) -> bool:
        return self.iin_hash is not None


class LocalIdentity(models.Model):
    """The development identity provider's own register (/accounts/local-idp/): which synthetic IIN a local
    account asserts when it signs in through OpenID Connect. It stands in for the government's register, exists for
    development and tests only (ATAZAN_LOCAL_IDP=1), and must only ever hold synthetic numbers."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="local_identity")
    iin = models.CharField(max_length=12)
    birth_date = models.DateField()

    class Meta:
        verbose_name = _("local identity (development provider)")
        verbose_name_plural = _("local identities (development provider)")

    def __str__(self) -> str:
        return f"local identity of {self.user_id}"
