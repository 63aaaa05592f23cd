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


@register.filter
def rule_label(code: Any) -> str:
    """A protocol rule's name in the reader's language (the code itself stays in a data attribute)."""
    from atazan.referendum.domain.messages import rule_label as label
    from atazan.referendum.translation import msg_render

    found = label(str(code))
    return found if isinstance(found, str) else msg_render(found)
