"""The one error body of the JSON API and the parameter types every context shares.

Every 4xx answer of /api/ has the shape ``ApiError`` (after RFC 9457 problem details): the HTTP ``status``, a stable
``code``, ``detail`` in the reader's language (Accept-Language, else the active language), the request ``field`` at
fault where there is one (``query.as_of``, ``body.bill.title``), the ``record`` and ``rule`` where an input record
broke a rule, and every refused field in ``errors``. ``atazan.api`` renders exceptions into it and declares it on
every operation; views that answer an error themselves return ``problem(...)``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Annotated, Any

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_noop as _noop
from ninja import Schema, Status
from pydantic import BeforeValidator, Field, WithJsonSchema

__all__ = ["ApiError", "ApiFieldError", "IsoDate", "body_refusal", "field_error", "problem"]


class ApiFieldError(Schema):
    code: str = Field(description="Stable code of the refusal, e.g. `invalid.missing`, `invalid.string_too_long`")
    detail: str = Field(description="What is wrong, in the reader's language")
    field: str | None = Field(description="Where: location and path, e.g. `query.page`, `body.lists.0.votes`")


class ApiError(Schema):
    """The body of every error answer of the API."""

    status: int = Field(description="The HTTP status, as on the response line")
    code: str = Field(description="Stable code: `not_found`, `not_authenticated`, `forbidden`, `invalid`, …")
    detail: str = Field(description="What went wrong, in the requested language (Accept-Language)")
    field: str | None = Field(description="The request field at fault, when there is one (`query.as_of`)")
    record: str | None = Field(description="The input record that broke a rule, when there is one")
    rule: str | None = Field(description="The rule it broke, when there is one")
    errors: list[ApiFieldError] = Field(description="Every field refused (validation errors); empty otherwise")


def problem(
    status: int,
    code: str,
    detail: str,
    *,
    field: str | None = None,
    record: str | None = None,
    rule: str | None = None,
    errors: list[ApiFieldError] | None = None,
) -> Status[ApiError]:
    """An error answer a view returns itself: ``return problem(400, "elections.refused", msg, record=.., rule=..)``."""
    body = ApiError(status=status, code=code, detail=detail, field=field, record=record, rule=rule, errors=errors or [])
    return Status(status, body)


# Field-level messages by pydantic error type (the stable code is `invalid.<type>`); the reader's language.
_FIELD_MESSAGES: dict[str, str] = {
    "missing": _noop("This field is required."),
    "string_too_long": _noop("At most {max_length} characters."),
    "string_too_short": _noop("At least {min_length} characters."),
    "too_long": _noop("At most {max_length} items."),
    "too_short": _noop("At least {min_length} items."),
    "less_than_equal": _noop("At most {le}."),
    "greater_than_equal": _noop("At least {ge}."),
    "int_parsing": _noop("A whole number is required."),
    "int_type": _noop("A whole number is required."),
    "date_iso": _noop("A date in the form YYYY-MM-DD is required."),
    "enum": _noop("One of: {expected}."),
}
_FIELD_OTHER = _noop("This value is not valid ({reason}).")
T_INVALID = _noop("The request is not valid: {field}: {reason}")


def field_error(error: dict[str, Any]) -> ApiFieldError:
    """One pydantic/ninja validation error as an ``ApiFieldError`` in the active language."""
    kind = str(error.get("type", "value_error"))
    ctx = {k: str(v) for k, v in (error.get("ctx") or {}).items()}
    loc = [str(part) for part in error.get("loc", ())]
    if kind == "value_error" and "date_iso" in str(error.get("msg", "")):
        kind = "date_iso"
    template = _FIELD_MESSAGES.get(kind)
    try:
        detail = gettext(template).format(**ctx) if template else None
    except (KeyError, IndexError):
        detail = None
    if detail is None:
        detail = gettext(_FIELD_OTHER).format(reason=str(error.get("msg", kind)))
    return ApiFieldError(code=f"invalid.{kind}", detail=detail, field=".".join(loc) or None)


T_NUL = _noop("NUL bytes are not accepted in the address or query.")


def nul_refused() -> HttpResponse:
    """What /api/ answers to a NUL byte in the address or query (refused before routing: web.middleware)."""
    body = ApiError(
        status=400, code="nul_refused", detail=gettext(T_NUL), field=None, record=None, rule=None, errors=[]
    )
    return JsonResponse(body.model_dump(), status=400)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date_only(value: object) -> object:
    # pydantic's lax dates also take numbers (`2.6e-303` as a Unix time); a date parameter takes YYYY-MM-DD only.
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value
    raise ValueError("date_iso: a date in the form YYYY-MM-DD is required")


IsoDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date_only),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]


def body_refusal(schema: Mapping[str, Any], body: object, *, root: str) -> Status[ApiError] | None:
    """A 422 naming every place where ``body`` breaks the JSON Schema ``schema`` it is documented with (the body's
    fields as ``root.key[0].key``); None when it conforms. For bodies a domain reads itself, so that what the schema
    declares is what is enforced."""
    from jsonschema import Draft202012Validator

    found = sorted(Draft202012Validator(schema).iter_errors(body), key=lambda e: [str(p) for p in e.absolute_path])
    if not found:
        return None
    errors = []
    for e in found:
        where = root + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e.absolute_path)
        detail = gettext(_FIELD_OTHER).format(reason=e.message)
        errors.append(ApiFieldError(code=f"invalid.{e.validator}", detail=f"{where}: {detail}", field=where))
    first = errors[0]
    detail = gettext(T_INVALID).format(field=first.field, reason=first.detail.split(": ", 1)[1])
    return problem(422, "invalid", detail, field=first.field, errors=errors)
