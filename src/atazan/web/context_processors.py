from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from atazan.contexts import CONTEXTS


def navigation(request: HttpRequest) -> dict[str, Any]:
    """The main navigation: one entry per context whose pages are mounted."""
    items = []
    for context in CONTEXTS:
        if not context.in_nav:
            continue
        try:
            url = reverse(f"{context.name}:index")
        except NoReverseMatch:
            continue
        active = request.path.startswith(url)
        items.append({"name": context.name, "label": context.label, "url": url, "active": active})
    return {"nav_items": items}
