"""The topics domain's messages in the reader's language: ``{% load topics_messages %}{{ p.entrenched.what|say }}``."""

from __future__ import annotations

from django import template

from atazan.messages.domain import Msg
from atazan.messages.render import render

register = template.Library()


@register.filter
def say(value: object) -> str:
    """A ``Msg`` of the topics context in the active language; any other value as text."""
    if isinstance(value, Msg):
        return render(value, domain="topics")
    return "" if value is None else str(value)
