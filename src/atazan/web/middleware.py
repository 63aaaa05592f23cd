from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest

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


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # NUL bytes have no place in a URL or form field, and PostgreSQL cannot store them: refuse them up front.
        if "\x00" in request.path or any("\x00" in v for vs in request.GET.lists() for v in vs[1]):
            return HttpResponseBadRequest("NUL bytes are not accepted in the address or query")
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        # The last line of the text backstop (web.text_guard): a value no model stores is the client's error, said in
        # the reader's language with the model, the field and the rule, not a server error.
        if isinstance(exception, TextFieldRefused):
            return HttpResponseBadRequest(exception.render(), content_type="text/plain; charset=utf-8")
        return None
