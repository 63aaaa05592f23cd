"""The local OpenID Connect provider for development and tests (django-oauth-toolkit), mounted at
/accounts/local-idp/ when settings.ATAZAN_LOCAL_IDP is on. It signs ID tokens with RS256 and asserts the IIN of the
signed-in local account from its own register (LocalIdentity, synthetic numbers only)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from oauth2_provider.models import get_application_model
from oauth2_provider.oauth2_validators import OAuth2Validator

from atazan.accounts.conf import LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET
from atazan.accounts.models import LocalIdentity


class LocalIdpValidator(OAuth2Validator):  # type: ignore[misc]
    oidc_claim_scope = None  # every claim below goes to the relying party (there is one: atazan itself)

    def get_additional_claims(self, request: Any) -> dict[str, Any]:
        user = request.user
        claims: dict[str, Any] = {
            "preferred_username": user.get_username(),
            "given_name": user.first_name,
            "family_name": user.last_name,
        }
        identity = LocalIdentity.objects.filter(user=user).first()
        if identity is not None:
            claims["iin"] = identity.iin
            claims["birthdate"] = identity.birth_date.isoformat()
        return claims


def discovery(request: HttpRequest) -> JsonResponse:
    """/.well-known/openid-configuration for the local provider (DOT's own view expects its own URL namespace)."""

    def url(name: str) -> str:
        return request.build_absolute_uri(reverse(f"accounts:{name}"))

    return JsonResponse(
        {
            "issuer": settings.OAUTH2_PROVIDER["OIDC_ISS_ENDPOINT"],
            "authorization_endpoint": url("idp_authorize"),
            "token_endpoint": url("idp_token"),
            "userinfo_endpoint": url("idp_userinfo"),
            "jwks_uri": url("idp_jwks"),
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "profile"],
            "code_challenge_methods_supported": ["S256"],
            "claims_supported": ["sub", "iin", "birthdate", "given_name", "family_name", "preferred_username"],
        }
    )


def local_client_ensure(*, redirect_uri: str) -> Any:
    """The relying-party registration of atazan at its own local provider (idempotent; secret from conf)."""
    application_model = get_application_model()
    app = application_model.objects.filter(client_id=LOCAL_CLIENT_ID).first()
    if app is None:
        app = application_model(client_id=LOCAL_CLIENT_ID, client_secret=LOCAL_CLIENT_SECRET)
    app.name = "atazan (local development provider)"
    app.client_type = application_model.CLIENT_CONFIDENTIAL
    app.authorization_grant_type = application_model.GRANT_AUTHORIZATION_CODE
    app.algorithm = application_model.RS256_ALGORITHM
    app.redirect_uris = redirect_uri
    app.skip_authorization = True
    app.save()
    return app
