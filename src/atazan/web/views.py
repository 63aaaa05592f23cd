from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from atazan.web.timeline import REFORM_TIMELINE


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"timeline": REFORM_TIMELINE})


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "web/about.html")


@require_GET
def data_formats(request: HttpRequest) -> HttpResponse:
    """Every export with its format, standard, schema and a live sample."""
    from atazan.web.formats import exports

    return render(request, "web/data_formats.html", {"exports": exports()})


@require_GET
def schema(request: HttpRequest, name: str) -> FileResponse:
    """An official schema file atazan's exports validate against (only the listed ones)."""
    from atazan.web.formats import SCHEMA_FILES

    if name not in SCHEMA_FILES:
        raise Http404("no such schema")
    path, content_type = SCHEMA_FILES[name]
    return FileResponse(path.open("rb"), content_type=content_type, filename=name)


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico before reading the page's <link rel="icon">: send them to the icon."""
    from django.http import HttpResponsePermanentRedirect
    from django.templatetags.static import static

    return HttpResponsePermanentRedirect(static("atazan/favicon.svg"))
