from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from atazan.rules.selectors import example_rows, parameter_rows


def index(request: HttpRequest) -> HttpResponse:
    try:
        as_of = dt.date.fromisoformat(request.GET.get("as_of", ""))
    except ValueError:
        as_of = dt.date.today()
    language = translation.get_language() or "en"
    return render(
        request,
        "rules/index.html",
        {"rows": parameter_rows(as_of=as_of), "as_of": as_of, "examples": example_rows(language=language)},
    )
