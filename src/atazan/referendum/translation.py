"""The referendum domain's messages (`domain.messages.Msg`, the shared `atazan.messages` kernel) in the reader's
language, rendered by the one adapter `atazan.messages.render` with the referendum's catalogue.

`tests/web/test_message_catalogues.py` checks that each template has a Kazakh and a Russian translation with the same
fields.
"""

from __future__ import annotations

from collections.abc import Mapping

from atazan.messages.domain import build
from atazan.messages.render import render
from atazan.referendum.domain.messages import TEMPLATES, Msg

DOMAIN = "referendum"


def msg_render(message: Msg) -> str:
    """`message` in the active language; English if a translation's fields do not fit (never an error page)."""
    return render(message, domain=DOMAIN)


def params_stored(message: Msg) -> dict[str, object]:
    """A message's values as JSON keeps them: a label (a message without fields, e.g. a protocol figure's name) as
    ``{"label": template, "context": context}``, so that it is shown in the reader's language when read back."""
    out: dict[str, object] = {}
    for name, value in message.params:
        if isinstance(value, Msg):
            out[name] = {"label": value.template, "context": value.context}
        elif isinstance(value, int) and not isinstance(value, bool):
            out[name] = value
        else:
            out[name] = str(value)
    return out


def _stored_value(value: object) -> str | int | Msg:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, dict) and isinstance(value.get("label"), str):
        return Msg(value["label"], domain=DOMAIN, context=str(value.get("context") or ""))
    return str(value)


def code_render(code: str, params: Mapping[str, object], fallback: str) -> str:
    """A stored message (code and values) in the active language; `fallback` for a code without a template or
    values that do not fit it."""
    if code not in TEMPLATES:
        return fallback
    values = {str(k): _stored_value(v) for k, v in params.items()}
    try:
        message = build(TEMPLATES[code], values, code=code, domain=DOMAIN)
    except ValueError:
        return fallback
    return msg_render(message)


def source_render(source: str) -> str:
    """A rule's legal source (`ProtocolRule.source`, a template without fields) in the active language."""
    return render(Msg(source, domain=DOMAIN)) if "{" not in source else source
