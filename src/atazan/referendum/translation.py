"""The referendum domain's messages (`domain.messages.Msg`) in the reader's language.

The templates are not marked in Python source that `makemessages` reads, so
`tests/referendum/test_translation.py` checks that each has a Kazakh and a Russian translation with the same fields.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext

from atazan.referendum.domain.messages import TEMPLATES, Msg


def msg_render(message: Msg) -> str:
    """`message` in the active language; English if a translation's fields do not fit (never an error page)."""
    try:
        return message.render(gettext)
    except (KeyError, IndexError, ValueError):
        return message.render()


def code_render(code: str, params: Mapping[str, object], fallback: str) -> str:
    """A stored message (code and values) in the active language; `fallback` for a code without a template."""
    if code not in TEMPLATES:
        return fallback
    return msg_render(Msg(code, tuple((str(k), str(v)) for k, v in sorted(params.items()))))
