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


@register.filter
def reason_say(value: object) -> str:
    """A tag's stored reason ("articles 2026: 18..19; pattern rus: …") in the active language, part by part."""
    from atazan.topics.domain.tagging import reason_messages

    return "; ".join(say(part) for part in reason_messages(str(value or "")))
