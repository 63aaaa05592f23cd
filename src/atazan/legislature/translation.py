"""The legislature domain's messages (``domain.messages``, the shared ``atazan.messages`` kernel) in the reader's
language, and kept in the bill's history as JSON: a step's note or a refused step's reason is stored as its code, its
English template and its values (inner messages the same way, dates in ISO 8601), and rendered per language when the
page is read. A row recorded before (``message`` empty) shows its note as it was written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from atazan.messages.domain import Msg
from atazan.messages.render import render

DOMAIN = "legislature"

__all__ = ["DOMAIN", "msg_loaded", "msg_render", "msg_stored", "note_render"]


def msg_render(message: Msg | str, language: str | None = None) -> str:
    """``message`` in ``language`` (the active one if None); English where a translation's fields do not fit."""
    return render(message, language, domain=DOMAIN)


def _value_stored(value: object) -> object:
    if isinstance(value, Msg):
        return {"msg": msg_stored(value)}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"date": value.isoformat()}
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return str(value)


def msg_stored(message: Msg) -> dict[str, Any]:
    """A message as JSON keeps it (``msg_loaded`` reads it back)."""
    out: dict[str, Any] = {"template": message.template, "params": {k: _value_stored(v) for k, v in message.params}}
    if message.code:
        out["code"] = message.code
    if message.domain:
        out["domain"] = message.domain
    if message.context:
        out["context"] = message.context
    return out


def _value_loaded(value: object) -> str | int | dt.date | Msg:
    if isinstance(value, dict):
        if isinstance(value.get("msg"), dict):
            return msg_loaded(value["msg"])
        if isinstance(value.get("date"), str):
            return dt.date.fromisoformat(value["date"])
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return str(value)


def msg_loaded(data: dict[str, Any]) -> Msg:
    """The message ``msg_stored`` wrote."""
    params = data.get("params") or {}
    return Msg(
        str(data.get("template", "")),
        tuple((str(k), _value_loaded(v)) for k, v in sorted(params.items())),
        str(data.get("code", "")),
        str(data.get("domain", "")),
        str(data.get("context", "")),
    )


def note_render(message: dict[str, Any] | None, fallback: str, language: str | None = None) -> str:
    """A stored note in ``language`` (the active one if None); ``fallback`` (the note as written) when the row has
    no stored message or it cannot be read."""
    if not message or not message.get("template"):
        return fallback
    try:
        return msg_render(msg_loaded(message), language)
    except (TypeError, ValueError):
        return fallback
