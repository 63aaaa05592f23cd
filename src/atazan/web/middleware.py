from __future__ import annotations

import logging
from collections.abc import Callable

from django.core import signals
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string

from atazan.web.text_guard import TextFieldRefused

# Pages load scripts and styles from this site only; the API docs page needs the Swagger UI assets Ninja ships,
# which it serves from our own static files too. Broadcast embeds (Commission sessions) are the one framed origin.
# Scripts come from files only: no 'unsafe-inline' and no nonces, so markup injected into a page cannot run (an inline
# <script> or an on…= attribute would be refused by the browser; tests/web/test_csp.py keeps templates free of them).
# Files rather than nonces because rendered fragments are cached (texts pages) and a cached nonce would be stale.
# Inline styles stay allowed: a style cannot run code, and the hemicycle and maps set colours per element.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "script-src-attr 'none'",
        "object-src 'none'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "frame-src 'self' https://www.youtube-nocookie.com https://www.youtube.com",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)


def _is_debug_page(response: HttpResponse) -> bool:
    """Django's technical 404 page (DEBUG only), recognised by the sentence it always carries."""
    content = getattr(response, "content", b"")
    return response.get("Content-Type", "").startswith("text/html") and b"DEBUG = True" in content


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # NUL bytes have no place in a URL or form field, and PostgreSQL cannot store them: refuse them up front.
        if "\x00" in request.path or any("\x00" in v for vs in request.GET.lists() for v in vs[1]):
            if request.path.startswith("/api/"):
                # The API answers its one error shape (atazan.api_errors), declared on every operation with input.
                from atazan.api_errors import nul_refused

                return nul_refused()
            return HttpResponseBadRequest("NUL bytes are not accepted in the address or query")
        response = self.get_response(request)
        if response.status_code == 404 and _is_debug_page(response) and not request.path.startswith("/api/"):
            # An address no URL pattern matches never reaches process_exception: the demo (DEBUG) would show the
            # framework's page listing every URL pattern; the reader gets ours.
            response = HttpResponse(render_to_string("404.html", request=request), status=404)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        # The last line of the text backstop (web.text_guard): a value no model stores is the client's error, said in
        # the reader's language with the model, the field and the rule, not a server error.
        if isinstance(exception, TextFieldRefused):
            return HttpResponseBadRequest(exception.render(), content_type="text/plain; charset=utf-8")
        # A reader gets atazan's own page in their language, also in the demo (DEBUG), never the framework's debug
        # page; the API keeps its JSON errors.
        if request.path.startswith("/api/"):
            return None
        if isinstance(exception, Http404):
            return HttpResponse(render_to_string("404.html", request=request), status=404)
        if isinstance(exception, PermissionDenied):
            return HttpResponse(render_to_string("403.html", request=request), status=403)
        # Anything else is our error: log it with its traceback, tell the test client (which re-raises it, as it
        # does without this page), and answer with the standalone 500 page (it needs no database or session).
        logging.getLogger("django.request").error(
            "Internal Server Error: %s", request.path, exc_info=exception, extra={"status_code": 500}
        )
        signals.got_request_exception.send(sender=type(self), request=request)
        return HttpResponse(render_to_string("500.html"), status=500)
