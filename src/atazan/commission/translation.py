"""The Commission's one adapter for its domain's messages: a ``Msg`` (or a refusal) in the reader's language."""

from __future__ import annotations

from atazan.messages.render import render

from .domain.errors import CommissionError
from .domain.messages import Msg

__all__ = ["record_text", "refusal_text", "said", "sentence"]


def said(value: Msg | str | None, language: str | None = None) -> str:
    """A message in ``language`` (the active one if None); text as it is ("" for None)."""
    if value is None:
        return ""
    return render(value, language, domain="commission")


def refusal_text(error: Exception, language: str | None = None) -> str:
    """A refused action as the reader reads it: a ``CommissionError`` in their language, as is any other refusal that
    carries a ``Msg`` (the accounts context's PermissionRefused); else its text."""
    if isinstance(error, CommissionError):
        return said(error.msg, language)
    message = getattr(error, "msg", None)
    if isinstance(message, Msg):
        return render(message, language)
    return str(error)


def record_text(record: object, name: str, language: str) -> str:
    """``record.<name>`` in ``language`` from its stored translations (as recorded when there is none)."""
    default = str(getattr(record, name, "") or "")
    found = (getattr(record, "translations", None) or {}).get(language, {})
    text = found.get(name) if isinstance(found, dict) else None
    return text if isinstance(text, str) and text else default


def sentence(text: str) -> str:
    """A text that opens a sentence, its first letter in capitals ("adopted: …" after a full stop)."""
    return text[:1].upper() + text[1:]
