from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from atazan.web.timeline import REFORM_TIMELINE


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"timeline": REFORM_TIMELINE})


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "web/about.html")
