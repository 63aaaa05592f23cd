"""Deployment checks of the accounts context (`manage.py check --deploy`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register

DEVELOPMENT_IIN_KEY = "atazan-development-iin-key"  # noqa: S105 - the public development default, refused in deploy


@register(Tags.security, deploy=True)
def iin_key_check(app_configs: Any, **kwargs: Any) -> list[Error]:
    key = getattr(settings, "IIN_HASH_KEY", "")
    if not key or key == DEVELOPMENT_IIN_KEY or len(key) < 32:
        return [
            Error(
                "ATAZAN_IIN_KEY is unset, the development default, or shorter than 32 characters",
                hint="Set ATAZAN_IIN_KEY to a long random secret; IINs are stored as HMAC-SHA256 under it.",
                id="atazan.accounts.E001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def local_idp_check(app_configs: Any, **kwargs: Any) -> list[Error]:
    if getattr(settings, "ATAZAN_LOCAL_IDP", False):
        return [
            Error(
                "the local development identity provider is enabled (ATAZAN_LOCAL_IDP=1)",
                hint="Unset ATAZAN_LOCAL_IDP in production; configure ATAZAN_OIDC_* for the real provider.",
                id="atazan.accounts.E002",
            )
        ]
    return []
