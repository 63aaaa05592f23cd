from __future__ import annotations

import importlib.util

from django.contrib import admin
from django.urls import include, path

from atazan.api import api
from atazan.contexts import CONTEXT_NAMES

urlpatterns = [
    path("", include("atazan.web.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]

for _name in CONTEXT_NAMES:
    if importlib.util.find_spec(f"atazan.{_name}.urls") is not None:
        urlpatterns.append(path(f"{_name}/", include(f"atazan.{_name}.urls")))
