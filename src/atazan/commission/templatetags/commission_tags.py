"""Template filters of the Commission's pages."""

from __future__ import annotations

from django import template

from atazan.commission.translation import said as said_text

register = template.Library()


@register.filter
def said(value: object) -> str:
    """A domain message (``Msg``) in the page's language; text as it is."""
    from atazan.messages.domain import Msg

    if isinstance(value, Msg):
        return said_text(value)
    return "" if value is None else str(value)
