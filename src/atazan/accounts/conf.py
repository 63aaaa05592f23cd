"""OpenID Connect configuration from the environment (read by settings.py; imports nothing of Django).

Government provider (off unless ATAZAN_OIDC_ISSUER is set):
  ATAZAN_OIDC_ISSUER, ATAZAN_OIDC_AUTHORIZATION_ENDPOINT, ATAZAN_OIDC_TOKEN_ENDPOINT, ATAZAN_OIDC_USERINFO_ENDPOINT,
  ATAZAN_OIDC_JWKS_ENDPOINT, ATAZAN_OIDC_CLIENT_ID, ATAZAN_OIDC_CLIENT_SECRET, ATAZAN_OIDC_IIN_CLAIM (default "iin").
Local development provider (ATAZAN_LOCAL_IDP=1, default in DEBUG):
  ATAZAN_LOCAL_IDP_URL  the site's own address as the server sees it (default http://127.0.0.1:8000)
  ATAZAN_LOCAL_IDP_KEY  an RSA private key (PEM) to sign ID tokens; generated once under ATAZAN_VAR_DIR otherwise
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

LOCAL_CLIENT_ID = "atazan-local"
LOCAL_CLIENT_SECRET = "atazan-local-development-secret"  # noqa: S105 - the local provider only; off in production
LOCAL_IDP_PATH = "/accounts/local-idp"


@dataclass(frozen=True)
class OidcSettings:
    enabled: bool
    issuer: str
    iin_claim: str
    client_id: str
    client_secret: str
    authorization_endpoint: str
    token_endpoint: str
    userinfo_endpoint: str
    jwks_endpoint: str
    local_idp_issuer: str
    local_idp_private_key: str


def local_endpoints(base_url: str) -> dict[str, str]:
    root = base_url.rstrip("/") + LOCAL_IDP_PATH
    return {
        "issuer": root,
        "authorization_endpoint": root + "/authorize/",
        "token_endpoint": root + "/token/",
        "userinfo_endpoint": root + "/userinfo/",
        "jwks_endpoint": root + "/.well-known/jwks.json",
    }


def _private_key(env: Mapping[str, str], var_dir: Path) -> str:
    if env.get("ATAZAN_LOCAL_IDP_KEY"):
        return env["ATAZAN_LOCAL_IDP_KEY"]
    path = var_dir / "local-idp-rsa.pem"
    if not path.exists():
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        pem = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pem)
        tmp.chmod(0o600)
        try:
            os.link(tmp, path)  # atomic: of several processes starting at once, the first key wins for all
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return path.read_text()


def oidc_settings(env: Mapping[str, str], *, local_idp: bool, var_dir: Path) -> OidcSettings:
    local = local_endpoints(env.get("ATAZAN_LOCAL_IDP_URL", "http://127.0.0.1:8000"))
    key = _private_key(env, var_dir) if local_idp else ""
    issuer = env.get("ATAZAN_OIDC_ISSUER", "")
    if issuer:
        return OidcSettings(
            enabled=True,
            issuer=issuer,
            iin_claim=env.get("ATAZAN_OIDC_IIN_CLAIM", "iin"),
            client_id=env.get("ATAZAN_OIDC_CLIENT_ID", ""),
            client_secret=env.get("ATAZAN_OIDC_CLIENT_SECRET", ""),
            authorization_endpoint=env.get("ATAZAN_OIDC_AUTHORIZATION_ENDPOINT", ""),
            token_endpoint=env.get("ATAZAN_OIDC_TOKEN_ENDPOINT", ""),
            userinfo_endpoint=env.get("ATAZAN_OIDC_USERINFO_ENDPOINT", ""),
            jwks_endpoint=env.get("ATAZAN_OIDC_JWKS_ENDPOINT", ""),
            local_idp_issuer=local["issuer"],
            local_idp_private_key=key,
        )
    return OidcSettings(
        enabled=local_idp,
        issuer=local["issuer"] if local_idp else "",
        iin_claim="iin",
        client_id=LOCAL_CLIENT_ID,
        client_secret=LOCAL_CLIENT_SECRET,
        authorization_endpoint=local["authorization_endpoint"],
        token_endpoint=local["token_endpoint"],
        userinfo_endpoint=local["userinfo_endpoint"],
        jwks_endpoint=local["jwks_endpoint"],
        local_idp_issuer=local["issuer"],
        local_idp_private_key=key,
    )
