"""The JSON API: one NinjaAPI, each context's router mounted under /api/<context>/.

Schema at /api/openapi.json, interactive docs at /api/docs.
"""

from __future__ import annotations

import importlib
import importlib.util
import typing
from typing import Any

from django.db import DataError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_noop as _noop
from ninja import NinjaAPI, Router, Schema
from ninja.constants import NOT_SET
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.operation import Operation

from atazan import __version__
from atazan.api_errors import T_INVALID, ApiError, field_error
from atazan.contexts import CONTEXT_NAMES
from atazan.web.text_guard import TextFieldRefused

api = NinjaAPI(
    title="atazan API",
    version=__version__,
    description=(
        "Open data and operations of atazan: the 1995 and 2026 Constitutions of Kazakhstan and their comparison, "
        "public consultation, the Constitutional Commission, the 2026 referendum, Kurultai elections and the "
        "legislative process. Every figure the site shows can be fetched here."
    ),
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


def _error(request: HttpRequest, status: int, code: str, detail: str, **extra: Any) -> HttpResponse:
    body = ApiError(
        status=status,
        code=code,
        detail=detail,
        field=extra.get("field"),
        record=extra.get("record"),
        rule=extra.get("rule"),
        errors=extra.get("errors") or [],
    )
    return api.create_response(request, body.model_dump(), status=status)


# Messages of the errors the API itself answers (the reader's language).
T_NOT_FOUND = _noop("Not found.")
T_NOT_AUTHENTICATED = _noop("Sign in to do this.")
T_FORBIDDEN = _noop("You may not do this.")
T_CSRF = _noop("The CSRF check failed: send the csrftoken cookie and the same token in the X-CSRFToken header.")
T_DATABASE = _noop("The database cannot store a value of this request.")
T_THROTTLED = _noop("Too many requests: try again later.")

# A stable code for each status an operation answers with a message of its own.
_CODES = {400: "bad_request", 401: "not_authenticated", 403: "forbidden", 404: "not_found", 409: "conflict",
          422: "invalid", 429: "throttled"}  # fmt: skip


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    # Every refused field, each with a stable code and a message in the reader's language; the first on top.
    errors = [field_error(dict(e)) for e in exc.errors]
    first = errors[0] if errors else None
    detail = gettext(T_INVALID).format(field=first.field, reason=first.detail) if first else gettext(T_FORBIDDEN)
    return _error(request, 422, "invalid", detail, field=first.field if first else None, errors=errors)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    message = str(exc)
    detail = gettext(message) if message and not message.startswith("No ") else gettext(T_NOT_FOUND)
    return _error(request, 404, "not_found", detail)


@api.exception_handler(AuthenticationError)
def _not_authenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(request, 401, "not_authenticated", gettext(T_NOT_AUTHENTICATED))


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    status = exc.status_code
    message = str(exc.message)
    if status == 403 and message == "CSRF check Failed":
        return _error(request, 403, "csrf_failed", gettext(T_CSRF))
    if isinstance(exc, Throttled):
        return _error(request, 429, "throttled", gettext(T_THROTTLED))
    return _error(request, status, _CODES.get(status, f"http_{status}"), gettext(message) if message else "")


@api.exception_handler(TextFieldRefused)
def _text_refused(request: HttpRequest, exc: TextFieldRefused) -> HttpResponse:
    # The text backstop (web.text_guard): NUL or over-long text in any model, named with its model, field and rule.
    rule = exc.problem.rule.value
    return _error(request, 400, f"text.{rule}", exc.render(), field=exc.field, record=exc.model, rule=rule)


@api.exception_handler(DataError)
def _database_refused_value(request: HttpRequest, exc: DataError) -> HttpResponse:
    # A value the database cannot store (a NUL byte in text, a number out of range) is the client's error.
    return _error(request, 400, "database_refused", gettext(T_DATABASE), rule=str(exc))


class Health(Schema):
    status: str
    version: str
    contexts: list[str]


meta = Router(tags=["meta"])


@meta.get("/health", response=Health, summary="Service health and mounted contexts")
def health(request) -> Health:  # type: ignore[no-untyped-def]
    return Health(status="ok", version=__version__, contexts=list(MOUNTED))


api.add_router("/", meta)

MOUNTED: list[str] = []
for _name in CONTEXT_NAMES:
    if importlib.util.find_spec(f"atazan.{_name}.api") is None:
        continue
    _module = importlib.import_module(f"atazan.{_name}.api")
    api.add_router(f"/{_name}/", _module.router)
    MOUNTED.append(_name)


def _error_statuses(op: Operation) -> set[int]:
    """The error statuses ``op`` can answer: 422 (and 400) when it reads any parameter or body, 404 when its path
    names a record, 400 for a write (the text backstop and the database refuse values), 401/403 when it needs a session
    (403 also for a failed CSRF check); and whatever it declares itself."""
    statuses = {s for s in op.response_models if isinstance(s, int) and s >= 400}
    if op.models:
        # Malformed input; and a NUL byte in the address or query (refused up front by web.middleware).
        statuses |= {400, 422}
    if "{" in getattr(op, "_atazan_path", ""):
        statuses.add(404)
    if set(op.methods) & {"POST", "PUT", "PATCH", "DELETE"}:
        statuses.add(400)
    if op.auth_callbacks:
        statuses |= {401, 403}
    return statuses


def _json_body_of(op: Operation) -> Any:
    """A view without a declared response that returns a JSON object or array: document it as one (its 200 had no
    content type at all), without narrowing what the view returns."""
    try:
        returns = typing.get_type_hints(op.view_func).get("return")
    except (NameError, TypeError):
        return None
    origin = typing.get_origin(returns) or returns
    if origin is dict:
        return dict[str, Any]
    if origin is list:
        return list[Any]
    return None


def _declare_errors(router: Router, prefix: str) -> None:
    """Declare ``ApiError`` for every error status of every operation of ``router`` and the routers it mounts (one
    shape across the API)."""
    for path, path_view in router.path_operations.items():
        for op in path_view.operations:
            op._atazan_path = prefix + path  # type: ignore[attr-defined]
            if op.response_models.get(200) is NOT_SET:
                body = _json_body_of(op)
                if body is not None:
                    op.response_models[200] = op._create_response_model(body)
            for status in sorted(_error_statuses(op)):
                op.response_models[status] = op._create_response_model(ApiError)
    for child_prefix, child, *_ in router._routers:
        _declare_errors(child, prefix + child_prefix)


for _prefix, _router in api._routers:
    _declare_errors(_router, _prefix)
