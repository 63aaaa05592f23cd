from __future__ import annotations

import importlib.util

from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from atazan.api import api
from atazan.contexts import CONTEXT_NAMES

urlpatterns = [
    path("", include("atazan.web.urls")),
    # The language switch is the one form on public pages, which shared caches keep for every anonymous reader of a
    # language (web.http_cache): it cannot carry a reader's own CSRF token. Forging it only changes the interface
    # language, and its `next` address is checked by Django (same host only).
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]

for _name in CONTEXT_NAMES:
    if importlib.util.find_spec(f"atazan.{_name}.urls") is not None:
        urlpatterns.append(path(f"{_name}/", include(f"atazan.{_name}.urls")))
