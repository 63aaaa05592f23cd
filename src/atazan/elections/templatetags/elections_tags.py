"""Records of the elections context shown in the reader's language (issue 15).

A mandate event's note, a refused row's record, error and rule keep the English they were written in (the audit log
and the exports hold it); ``said`` reads such a text back as the message it was written from (``domain.notes``) and
renders it in the active language; any other text is shown as it is. ``import_source`` names the demo's own sources.
"""

from __future__ import annotations

import re
from typing import Any

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext

from atazan.elections.translation import said_render

register = template.Library()


@register.filter
def said(value: Any) -> str:
    return said_render(str(value or ""))


@register.filter
def import_source(value: Any) -> str:
    """The name of an imported file; the demo's simulated sources (elections.demo) in the reader's language."""
    source = str(value or "")
    demo = {
        "simulated candidate lists": pgettext("elections import source", "simulated candidate lists"),
        "simulated register of lists": pgettext("elections import source", "simulated register of lists"),
        "simulated national results": pgettext("elections import source", "simulated national results"),
        "simulated regional results": pgettext("elections import source", "simulated regional results"),
    }
    return demo.get(source, source)


_BACKTICKS = re.compile(r"`([^`\n]+)`")


@register.filter
def with_code(value: Any) -> str:
    """Text whose `backticked` parts are commands (an election's source note): those parts as <code>."""
    text = str(escape(str(value or "")))
    return mark_safe(_BACKTICKS.sub(r"<code>\1</code>", text))  # noqa: S308 - escaped above; <code> added only
