from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def num(value: Any) -> str:
    """An integer with thin-space thousands separators (12 482 613), the same in every interface language."""
    if value is None or value == "":
        return "—"
    try:
        return f"{int(value):,}".replace(",", "\u2009")
    except (TypeError, ValueError):
        return str(value)


@register.filter
def pair(first: Any, second: Any) -> list[Any]:
    return [first, second]
