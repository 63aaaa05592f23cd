from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from atazan.rules.selectors import parameter_rows


def index(request: HttpRequest) -> HttpResponse:
    try:
        as_of = dt.date.fromisoformat(request.GET.get("as_of", ""))
    except ValueError:
        as_of = dt.date.today()
    return render(request, "rules/index.html", {"rows": parameter_rows(as_of=as_of), "as_of": as_of})
