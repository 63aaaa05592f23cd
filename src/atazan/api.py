"""The JSON API: one NinjaAPI, each context's router mounted under /api/<context>/.

Schema at /api/openapi.json, interactive docs at /api/docs.
"""

from __future__ import annotations

import importlib
import importlib.util

from django.db import DataError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Router, Schema

from atazan import __version__
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


@api.exception_handler(TextFieldRefused)
def _text_refused(request: HttpRequest, exc: TextFieldRefused) -> HttpResponse:
    # The text backstop (web.text_guard): NUL or over-long text in any model, named with its model, field and rule.
    body = {"detail": exc.render(), "model": exc.model, "field": exc.field, "rule": exc.problem.rule.value}
    return api.create_response(request, body, status=400)


@api.exception_handler(DataError)
def _database_refused_value(request: HttpRequest, exc: DataError) -> HttpResponse:
    # A value the database cannot store (a NUL byte in text, a number out of range) is the client's error.
    return api.create_response(request, {"detail": f"value refused by the database: {exc}"}, status=400)


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
