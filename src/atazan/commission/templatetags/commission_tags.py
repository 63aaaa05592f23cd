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


@register.filter
def change_text(change: object) -> str:
    """A change to an article ("amend Art. 17") in the page's language."""
    from atazan.commission.domain.drafting import change_label

    return said_text(change_label(str(getattr(change, "kind", "")), str(getattr(change, "article", ""))))
