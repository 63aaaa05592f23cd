"""HTTP caching of public results: validators from a cheap data version, a short shared max-age, 304 answers.

A view wrapped in `shared_cache(version)` answers a GET or HEAD

- for an anonymous reader (no session or messages cookie): `Cache-Control: public, max-age=N, s-maxage=N` (N is
  SHARED_MAX_AGE, 3 s by default, ATAZAN_SHARED_MAX_AGE to change it), a weak `ETag` made of the data version, the
  language and the address, `Last-Modified` (the version's time) and `Vary: Accept-Language, Cookie`; a request whose
  `If-None-Match` names the current ETag gets `304 Not Modified` without the page being rendered. The response is
  the same for every anonymous reader of that language, so a reverse proxy or CDN may keep it and serve it to all
  of them: the page is rendered with a CSRF token of a throwaway secret and no CSRF cookie is set (a reader's own
  secret must never reach a shared cache; the only form on a public page, the language switch, is CSRF-exempt);
- for a signed-in user, or a reader with a session (their name, their permissions, their messages are on the page):
  `Cache-Control: private, no-store`, no validators: neither the browser nor a shared cache keeps it.

The version is read before the view runs, so the content is never older than its ETag says (at worst newer, and the
next request then gets it in full). `If-Modified-Since` alone never yields 304: a date has one-second resolution and
two protocols accepted in the same second would share it; the ETag tells them apart. The data versions below come
from the audit chain: every official action of a context is appended to it in the transaction that changes the
data (referendum protocols, corrections, reviews, the register; elections imports, allocations, mandates;
consultation registrations), so the newest entry of the context changes exactly when its published figures may.
To derive a context's version from something else (e.g. counters' `updated_at`), register another function in
VERSIONS: views name the context, not the function.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase, HttpResponseNotModified
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language

# 3 s: through nginx and a browser a protocol is public within about 2 x 3 s plus one refresh (docs/deploy.md; measured
# by benchmarks/load.py --scenario night), and the application renders each results address once per 3 s per cache.
SHARED_MAX_AGE = int(os.environ.get("ATAZAN_SHARED_MAX_AGE", "3"))
PRIVATE = "private, no-store"
# Cookies that make a page personal: the signed-in session and the messages shown once (Django's cookie storage).
# The reverse proxy bypasses its cache on the same cookies (deploy/nginx.conf.template).
PERSONAL_COOKIES = ("sessionid", "messages")


@dataclass(frozen=True)
class DataVersion:
    token: str  # changes whenever the data behind the context's public pages may have changed
    at: datetime | None  # when it last changed (Last-Modified), None while nothing was recorded


def audit_version(prefix: str) -> Callable[[], DataVersion]:
    """The newest audit entry whose action starts with `prefix` (e.g. 'referendum.'): one index walk down `seq`."""

    def version() -> DataVersion:
        from atazan.audit.models import AuditEntry

        row = AuditEntry.objects.filter(action__startswith=prefix).order_by("-seq").values_list("seq", "at").first()
        return DataVersion(token=f"{prefix}{row[0]}", at=row[1]) if row else DataVersion(token=f"{prefix}0", at=None)

    return version


def consultation_version() -> DataVersion:
    """The open data: audited actions, plus what changes without an audit entry (supports, status changes)."""
    from django.db.models import Max, Sum

    from atazan.consultation.models import Proposal, StatusChange

    audited = audit_version("consultation.")()
    supports = Proposal.objects.aggregate(n=Sum("support_count"))["n"] or 0
    changes = StatusChange.objects.aggregate(last=Max("id"))["last"] or 0
    return DataVersion(token=f"{audited.token}.{supports}.{changes}", at=audited.at)


VERSIONS: dict[str, Callable[[], DataVersion]] = {
    "referendum": audit_version("referendum."),
    "elections": audit_version("elections."),
    "consultation": consultation_version,
}


def personal(request: HttpRequest) -> bool:
    """Whether the answer may depend on who asks: signed in, or carrying a session or pending messages."""
    names = {settings.SESSION_COOKIE_NAME, *PERSONAL_COOKIES}
    if any(name in request.COOKIES for name in names):
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def etag_for(version: DataVersion, request: HttpRequest) -> str:
    # The language is part of it: kk, ru and en pages of one version are different representations.
    key = "\n".join([version.token, get_language() or "", request.get_full_path()])
    return 'W/"' + hashlib.sha256(key.encode()).hexdigest()[:24] + '"'


def _mark_shared(response: HttpResponseBase, etag: str, version: DataVersion, max_age: int) -> None:
    response["ETag"] = etag
    if version.at is not None:
        response["Last-Modified"] = http_date(version.at.timestamp())
    response["Cache-Control"] = f"public, max-age={max_age}, s-maxage={max_age}"
    patch_vary_headers(response, ("Accept-Language", "Cookie"))


def _mark_private(response: HttpResponseBase) -> None:
    response["Cache-Control"] = PRIVATE
    for header in ("ETag", "Last-Modified", "Expires"):
        if header in response:
            del response[header]
    patch_vary_headers(response, ("Accept-Language", "Cookie"))


def shared_cache(context: str, *, max_age: int | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate a public GET view (or, through ninja.decorators.decorate_view, an API operation) of `context`."""

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            if personal(request):
                response = view(request, *args, **kwargs)
                if isinstance(response, HttpResponseBase):
                    _mark_private(response)
                return response
            age = SHARED_MAX_AGE if max_age is None else max_age
            version = VERSIONS[context]()
            etag = etag_for(version, request)
            conditional = get_conditional_response(request, etag=etag)
            if conditional is not None:  # 304 Not Modified (or 412 for a failed If-Match)
                if isinstance(conditional, HttpResponseNotModified):
                    _mark_shared(conditional, etag, version, age)
                return conditional
            # Render with a throwaway CSRF secret and send no CSRF cookie: see the module's docstring.
            saved = {k: request.META.pop(k) for k in ("CSRF_COOKIE", "CSRF_COOKIE_NEEDS_UPDATE") if k in request.META}
            try:
                response = view(request, *args, **kwargs)
            finally:
                request.META.pop("CSRF_COOKIE", None)
                request.META.pop("CSRF_COOKIE_NEEDS_UPDATE", None)
                request.META.update(saved)
            if isinstance(response, HttpResponseBase) and response.status_code == 200 and not response.cookies:
                _mark_shared(response, etag, version, age)
            elif isinstance(response, HttpResponseBase):
                _mark_private(response)
            return response

        return wrapped

    return decorator
